using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Minzheng.Platform.Web;

/// <summary>
/// One page of a list as asked for in the URL (<c>page</c>, <c>pageSize</c>, <c>sort</c>, <c>dir</c>): every list pages on
/// the server with its total, so a county's 10,000 households are never cut silently at an arbitrary row.
/// </summary>
public sealed record PageRequest(int Page, int Size, string? Sort, bool Descending)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public int Skip => (Page - 1) * Size;

    public static PageRequest From(int? page, int? pageSize, string? sort, string? dir, int defaultSize = DefaultSize) =>
        new(Math.Clamp(page ?? 1, 1, 1_000_000), Math.Clamp(pageSize ?? defaultSize, 1, MaxSize), sort, string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase));
}

public sealed record Paged<T>(List<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The columns a list may be sorted by, each a typed key (so EF translates it), with a default and a tie-breaker that
/// keeps pages stable. An unknown column falls back to the default rather than failing.
/// </summary>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _default;
    private readonly Func<IOrderedQueryable<T>, IOrderedQueryable<T>> _tieBreak;

    public SortMap(string defaultColumn, Func<IOrderedQueryable<T>, IOrderedQueryable<T>> tieBreak) => (_default, _tieBreak) = (defaultColumn, tieBreak);

    public SortMap<T> Add<TKey>(string column, Expression<Func<T, TKey>> key)
    {
        _columns[column] = (q, desc) => desc ? q.OrderByDescending(key) : q.OrderBy(key);
        return this;
    }

    public bool Knows(string? column) => column is not null && _columns.ContainsKey(column);

    public IQueryable<T> Apply(IQueryable<T> query, PageRequest request) =>
        _tieBreak(_columns[Knows(request.Sort) ? request.Sort! : _default](query, request.Descending));
}

public static class PagingExtensions
{
    /// <summary>Counts, sorts and takes one page in two statements.</summary>
    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> query, PageRequest request, SortMap<T> sort, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await sort.Apply(query, request).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return new Paged<T>(items, total, request.Page, request.Size);
    }
}

/// <summary>What the shared pager shows: the total, the page, and where the filtered list exports to (null: no export).</summary>
public sealed record PagerModel(int Total, int Page, int Pages, string? ExportUrl = null)
{
    public static PagerModel Of<T>(Paged<T> paged, string? exportUrl = null) => new(paged.Total, paged.Page, paged.Pages, exportUrl);
}
