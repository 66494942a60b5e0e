using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Minzheng.Platform.Web;

/// <summary>
/// An export as an .xlsx download, written row by row to a temporary file deleted when the response is done — a county's
/// list never sits in memory twice. Text cells must already be made formula-safe (<see cref="SpreadsheetText"/>).
/// </summary>
public static class SpreadsheetFile
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<FileStreamHttpResult> XlsxAsync(IEnumerable<Dictionary<string, object?>> rows, string sheetName, string fileName, CancellationToken ct)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await file.SaveAsAsync(rows, sheetName: sheetName, cancellationToken: ct);
        file.Position = 0;
        return TypedResults.File(file, XlsxType, fileName);
    }
}
