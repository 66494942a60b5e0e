using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.Extensions;

namespace Minzheng.Platform.Web;

/// <summary>
/// Links of a list page that keep its filters in the URL (so a list can be bookmarked and shared): another page, another
/// sort column. Changing the sort or the filters goes back to the first page.
/// </summary>
public static class ListLinks
{
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes) => request.Path + Query(request, changes);

    /// <summary>
    /// Where the list as filtered and sorted on screen exports to: <paramref name="exportPath"/> with the page's query,
    /// without its page number (the export holds every filtered row). <paramref name="shown"/> names filters in force
    /// without being in the URL (a page's default status), so the file holds what the screen shows.
    /// </summary>
    public static string Export(HttpRequest request, string exportPath, params (string Key, string? Value)[] shown) =>
        exportPath + Query(request, [("pageNumber", null), ("handler", null), ("id", null), .. shown]);

    private static string Query(HttpRequest request, (string Key, string? Value)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (string.IsNullOrEmpty(value))
            {
                query.Remove(key);
            }
            else
            {
                query[key] = value;
            }
        }

        return new QueryBuilder(query.Where(q => q.Value.Length > 0)).ToQueryString().ToString();
    }

    /// <summary>A column header that sorts by <paramref name="column"/> (ascending first, then descending), marked when it is the current sort.</summary>
    public static IHtmlContent SortHeader(HttpRequest request, string column, string label)
    {
        var current = string.Equals(request.Query["sort"], column, StringComparison.OrdinalIgnoreCase);
        var descending = current && string.Equals(request.Query["dir"], "desc", StringComparison.OrdinalIgnoreCase);
        var href = With(request, ("sort", column), ("dir", current && !descending ? "desc" : null), ("pageNumber", null));
        var mark = current ? (descending ? " ▼" : " ▲") : "";
        // aria-sort belongs to a column header, not a link: the state is spoken from hidden text instead.
        var state = current ? $"<span class=\"visually-hidden\">（当前{(descending ? "降序" : "升序")}）</span>" : "";
        return new HtmlString($"<a class=\"sort-link text-reset text-nowrap\" href=\"{WebUtility.HtmlEncode(href)}\" title=\"按{WebUtility.HtmlEncode(label)}排序\">"
            + $"{WebUtility.HtmlEncode(label)}<span aria-hidden=\"true\">{mark}</span>{state}</a>");
    }
}
