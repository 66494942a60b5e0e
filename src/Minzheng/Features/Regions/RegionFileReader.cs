using Minzheng.Features.Imports;

namespace Minzheng.Features.Regions;

/// <summary>Reads <c>code,name</c> rows of an official code list (CSV or XLSX) with the shared spreadsheet reader.</summary>
public static class RegionFileReader
{
    public sealed record Line(int Row, string Code, string Name);

    private static readonly string[] CodeHeaders = ["code", "区划代码", "代码"];
    private static readonly string[] NameHeaders = ["name", "区划名称", "名称"];

    public static (IReadOnlyList<Line> Rows, ImportError? Error) Read(Stream file, string fileName)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        try
        {
            var sheet = SpreadsheetReader.Read(buffer.ToArray(), fileName).ToList();
            if (sheet.Count == 0)
            {
                return ([], new ImportError(1, "file", "文件为空，应有表头行“code,name”"));
            }

            var header = sheet[0].Cells;
            var codeColumn = Array.FindIndex(header, c => CodeHeaders.Contains(c, StringComparer.OrdinalIgnoreCase));
            var nameColumn = Array.FindIndex(header, c => NameHeaders.Contains(c, StringComparer.OrdinalIgnoreCase));
            if (codeColumn < 0 || nameColumn < 0)
            {
                return ([], new ImportError(1, "header", "表头应为“code,name”（或“区划代码,区划名称”）"));
            }

            var rows = sheet.Skip(1)
                .Select(r => new Line(r.Row, At(r.Cells, codeColumn), At(r.Cells, nameColumn)))
                .Where(l => l.Code.Length > 0 || l.Name.Length > 0)
                .ToList();
            return (rows, null);
        }
        catch (UnreadableFileException ex)
        {
            return ([], new ImportError(0, "file", ex.Message));
        }
    }

    private static string At(string[] cells, int i) => i < cells.Length ? cells[i].Trim() : "";
}
