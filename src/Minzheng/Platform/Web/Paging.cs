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

    /// <summary>The most rows one export writes: a county's lists fit; beyond it the filter should be narrower.</summary>
    public const int ExportMaxRows = 100_000;

    public int Skip => (Page - 1) * Size;

    /// <summary>Every row of a filtered list (up to <see cref="ExportMaxRows"/>) in the order shown on screen: what an export writes.</summary>
    public static PageRequest ForExport(string? sort, string? dir) => new(1, ExportMaxRows, sort, string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase));

    /// <param name="maxSize">The largest page: an API whose callers used to get up to N rows in one answer keeps N as its default and limit.</param>
    public static PageRequest From(int? page, int? pageSize, string? sort, string? dir, int defaultSize = DefaultSize, int maxSize = MaxSize) =>
        new(Math.Clamp(page ?? 1, 1, 1_000_000), Math.Clamp(pageSize ?? defaultSize, 1, Math.Max(maxSize, 1)), sort,
            string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A list whose natural order is newest first: without a sort in the URL, the default column descending; with one,
    /// as asked.
    /// </summary>
    public static PageRequest NewestFirst(int? page, int? pageSize, string? sort, string? dir, int defaultSize = DefaultSize, int maxSize = MaxSize) =>
        From(page, pageSize, sort, string.IsNullOrEmpty(sort) ? "desc" : dir, defaultSize, maxSize);
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

    /// <summary>One page of a list already in memory (a list computed row by row, such as visits due), sorted by <paramref name="sort"/>.</summary>
    public static Paged<T> PageInMemory<T>(this IReadOnlyCollection<T> items, PageRequest request, MemorySort<T> sort) =>
        new([.. sort.Apply(items, request).Skip(request.Skip).Take(request.Size)], items.Count, request.Page, request.Size);

    /// <summary>Other rows in another shape, same page and total.</summary>
    public static Paged<TOut> Map<TIn, TOut>(this Paged<TIn> paged, Func<TIn, TOut> map) =>
        new([.. paged.Items.Select(map)], paged.Total, paged.Page, paged.PageSize);

    /// <summary>The page's rows for an API answer, the total of the whole filtered list in <c>X-Total-Count</c>: the JSON stays an array.</summary>
    public static List<T> WithTotalHeader<T>(this Paged<T> paged, HttpResponse response)
    {
        response.Headers["X-Total-Count"] = paged.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return paged.Items;
    }
}

/// <summary>The <see cref="SortMap{T}"/> of a list sorted in memory: typed keys by column, a default, a stable tie-breaker.</summary>
public sealed class MemorySort<T>(string defaultColumn, Func<IOrderedEnumerable<T>, IOrderedEnumerable<T>> tieBreak)
{
    private readonly Dictionary<string, Func<IEnumerable<T>, bool, IOrderedEnumerable<T>>> _columns = new(StringComparer.OrdinalIgnoreCase);

    public MemorySort<T> Add<TKey>(string column, Func<T, TKey> key, IComparer<TKey>? comparer = null)
    {
        _columns[column] = (items, desc) => desc ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);
        return this;
    }

    public IEnumerable<T> Apply(IEnumerable<T> items, PageRequest request) =>
        tieBreak(_columns[request.Sort is { } s && _columns.ContainsKey(s) ? s : defaultColumn](items, request.Descending));
}

/// <summary>What the shared pager shows: the total, the page, and where the filtered list exports to (null: no export).</summary>
public sealed record PagerModel(int Total, int Page, int Pages, string? ExportUrl = null)
{
    public static PagerModel Of<T>(Paged<T> paged, string? exportUrl = null) => new(paged.Total, paged.Page, paged.Pages, exportUrl);
}
