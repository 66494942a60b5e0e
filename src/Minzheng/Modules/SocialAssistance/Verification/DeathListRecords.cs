using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary><see cref="IDeathListRecords"/> over the kept death records (imported lists and reported deaths alike).</summary>
public sealed class DeathListRecords(MinzhengDbContext db) : IDeathListRecords
{
    public async Task<IReadOnlyList<ListedDeath>> DeathsAsync(string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // A county's deaths of a year are a few thousand rows: the same person on two lists is folded in memory.
        var rows = await db.DeathRecords.AsNoTracking()
            .Where(d => d.RegionCode.StartsWith(regionPrefix) && d.DeathDate >= from && d.DeathDate <= to && d.IdNumberIndex != "")
            .Select(d => new ListedDeath(d.IdNumberIndex, d.RegionCode, d.DeathDate)).ToListAsync(ct);
        return [.. rows.GroupBy(d => d.IdNumberIndex, StringComparer.Ordinal)
            .Select(g => g.OrderBy(d => d.DeathDate).ThenBy(d => d.RegionCode, StringComparer.Ordinal).First())];
    }
}
