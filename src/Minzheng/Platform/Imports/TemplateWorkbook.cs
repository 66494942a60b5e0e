using Minzheng.Platform.Web;

namespace Minzheng.Platform.Imports;

/// <summary>
/// Import templates, written like every export by <see cref="XlsxWriter"/>: their code columns (ID numbers, bank
/// accounts, phone numbers, region codes, months) are formatted as text down the whole column, so what a clerk types
/// below the example stays text — in a General column Excel turns an 18-digit ID number into 3.60482E+17 and keeps
/// only 15 digits, and "2026-01" into a date.
/// </summary>
public static class TemplateWorkbook
{
    /// <summary>Headers that hold codes rather than quantities.</summary>
    public static bool IsCodeColumn(string header) => XlsxCells.IsCodeColumn(header);

    /// <summary>A template is a few rows: it is built in memory.</summary>
    public static async Task<byte[]> SaveAsync(IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await XlsxWriter.WriteAsync(stream, sheets, ct);
        return stream.ToArray();
    }

    /// <summary>A sheet of one or more example rows, given in header order.</summary>
    public static XlsxSheet Sheet(string name, IReadOnlyList<string> headers, params object?[][] rows) =>
        XlsxSheet.Of(name, rows.Select(r => (IReadOnlyDictionary<string, object?>)headers.Zip(r).ToDictionary(p => p.First, p => p.Second)), headers: headers);
}
