using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.Funeral.IllegalBurials;

/// <summary>Open illegal-burial cases on the shared work list and board for the funeral staff, due on their rectification deadline (overdue after it).</summary>
public sealed class IllegalBurialDeadlines(MinzhengDbContext db) : IDeadlineSource
{
    public const string KindName = "乱埋乱葬整改";

    public string Kind => KindName;

    public string? Policy => FuneralModule.Record;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) =>
        (await db.IllegalBurialCases.AsNoTracking().Where(c => c.Status == IllegalBurialStatus.Open)
            .Select(c => new { c.Id, c.RegionCode, c.Kind, c.Location, c.FoundOn, c.RectifyBy }).ToListAsync(ct))
        .Select(c => new OpenDeadline(c.RegionCode, c.RectifyBy, $"{IllegalBurialCase.KindName(c.Kind)}整改：{c.Location}", $"/IllegalBurials/Detail?id={c.Id}", c.FoundOn))
        .ToList();
}
