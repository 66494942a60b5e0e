using System.Globalization;
using System.Net;
using System.Text.Json;
using MiniExcelLibs;

namespace Minzheng.Tests.Infrastructure;

/// <summary>Reading paged lists over the API (the JSON array and its <c>X-Total-Count</c>) and their spreadsheet exports.</summary>
internal static class PagedApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(List<JsonElement> Items, int Total)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var items = (await response.JsonAsync()).EnumerateArray().ToList();
        return (items, int.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture));
    }

    /// <summary>The rows of an .xlsx export, keyed by the header row.</summary>
    public static async Task<List<IDictionary<string, object?>>> ExportRowsAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    public static List<string?> Strings(this IEnumerable<JsonElement> items, string property) => items.Select(i => i.GetProperty(property).GetString()).ToList();
}
