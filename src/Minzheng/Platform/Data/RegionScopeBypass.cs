using Microsoft.EntityFrameworkCore;

namespace Minzheng.Platform.Data;

/// <summary>
/// The one way past the region filter (ADR 0002): a query that must see rows of every region says why, in one line.
/// An architecture test refuses any other use of <c>IgnoreQueryFilters</c>, and ADR 0002 lists every call.
/// </summary>
public static class RegionScopeBypass
{
    public static IQueryable<T> AcrossRegions<T>(this IQueryable<T> query, string reason)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return query.IgnoreQueryFilters([MinzhengDbContext.RegionFilter]);
    }
}
