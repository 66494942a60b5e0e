using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.Funeral.Plots;

/// <summary>
/// Plot tenures on the shared work list and board for the funeral staff: due on the expiry date from
/// <see cref="NoticeDays"/> days before it (time to tell the family and renew), and overdue once expired unrenewed.
/// </summary>
public sealed class TenureDeadlines(MinzhengDbContext db, TimeProvider clock) : IDeadlineSource
{
    public const string KindName = "墓穴使用到期";
    public const int NoticeDays = 90;

    public string Kind => KindName;

    public string? Policy => FuneralModule.Record;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct)
    {
        var horizon = clock.Today().AddDays(NoticeDays);
        return (await (from p in db.FuneralPlots.AsNoTracking()
                       join f in db.FuneralFacilities.AsNoTracking() on p.FacilityId equals f.Id
                       where (p.Status == PlotStatus.Sold || p.Status == PlotStatus.Buried) && p.ExpiresOn != null && p.ExpiresOn <= horizon
                           // Once the family has been given notice, the notice's own deadline is the item (ReclaimDeadlines).
                           && !db.Set<PlotReclaim>().Any(n => n.PlotId == p.Id && n.Status == ReclaimStatus.Noticed)
                       select new { p.Id, p.RegionCode, p.ExpiresOn, p.Area, p.Row, p.Number, p.BuyerName, Facility = f.Name }).ToListAsync(ct))
            .Select(p => new OpenDeadline(p.RegionCode, p.ExpiresOn, $"墓穴使用到期：{p.Facility}{p.Area}区{p.Row}排{p.Number}号（购墓人{p.BuyerName}）",
                $"/FuneralFacilities/Plot?id={p.Id}", p.ExpiresOn!.Value.AddDays(-NoticeDays)))
            .ToList();
    }
}
