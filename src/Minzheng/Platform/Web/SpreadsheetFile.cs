using Microsoft.AspNetCore.Http.HttpResults;

namespace Minzheng.Platform.Web;

/// <summary>
/// An export as an .xlsx download (<see cref="XlsxWriter"/>), written to a temporary file deleted when the response
/// is done — a county's list never sits in memory.
/// </summary>
public static class SpreadsheetFile
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="totals">Adds a 合计 row under a list of amounts.</param>
    public static Task<FileStreamHttpResult> XlsxAsync(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string sheetName, string fileName, CancellationToken ct,
        bool totals = false) => XlsxAsync([XlsxSheet.Of(sheetName, rows, totals)], fileName, ct);

    public static async Task<FileStreamHttpResult> XlsxAsync(IReadOnlyList<XlsxSheet> sheets, string fileName, CancellationToken ct)
    {
        var file = await TempAsync(sheets, ct);
        return TypedResults.File(file, XlsxType, fileName);
    }

    /// <summary>The workbook in a temporary file, positioned at its start; the file is deleted when the stream is closed.</summary>
    public static async Task<FileStream> TempAsync(IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await XlsxWriter.WriteAsync(file, sheets, ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
