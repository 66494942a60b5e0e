using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.Funeral.Plots;

/// <summary>
/// Open 催告 of expired plots on the funeral staff's work list: due on the notice's deadline (the family may still renew
/// until then), overdue after it, when the clerk should reclaim the plot or record the late renewal. Closed by either.
/// </summary>
public sealed class ReclaimDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public const string KindName = "墓穴到期收回";

    public string Kind => KindName;

    public string? Policy => FuneralModule.Record;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await (from n in db.FuneralPlotReclaims.AsNoTracking()
                join p in db.FuneralPlots.AsNoTracking() on n.PlotId equals p.Id
                join f in db.FuneralFacilities.AsNoTracking() on p.FacilityId equals f.Id
                where n.Status == ReclaimStatus.Noticed
                select new { n.RegionCode, n.Deadline, n.NoticedOn, n.NoticeNumber, n.HolderName, p.Id, p.Area, p.Row, p.Number, Facility = f.Name }).ToListAsync(ct))
        .Select(n => new OpenDeadline(n.RegionCode, n.Deadline, $"墓穴催告期满待收回：{n.Facility}{n.Area}区{n.Row}排{n.Number}号（{n.NoticeNumber}，购墓人{n.HolderName}）",
            $"/FuneralFacilities/Plot?id={n.Id}", n.NoticedOn))
        .ToList();
}
