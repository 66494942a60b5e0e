using System.Globalization;
using MiniExcelLibs;

namespace Minzheng.Features.Regions;

/// <summary>Reads <c>code,name</c> rows from a CSV (UTF-8) or XLSX file. Row numbers are spreadsheet rows: header = 1.</summary>
public static class RegionFileReader
{
    public sealed record Line(int Row, string Code, string Name);

    private static readonly string[] CodeHeaders = ["code", "区划代码", "代码"];
    private static readonly string[] NameHeaders = ["name", "区划名称", "名称"];

    public static (IReadOnlyList<Line> Rows, ImportError? Error) Read(Stream file, string fileName)
    {
        var type = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ExcelType.XLSX,
            ".csv" or ".txt" => ExcelType.CSV,
            _ => (ExcelType?)null,
        };
        if (type is null)
        {
            return ([], new ImportError(0, "file", "只支持 .csv（UTF-8）或 .xlsx 文件"));
        }

        List<IDictionary<string, object?>> sheet;
        try
        {
            sheet = file.Query(useHeaderRow: false, excelType: type.Value).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException)
        {
            return ([], new ImportError(0, "file", "文件无法读取：不是有效的 CSV/XLSX 文件"));
        }

        if (sheet.Count == 0)
        {
            return ([], new ImportError(1, "file", "文件为空，应有表头行“code,name”"));
        }

        var header = sheet[0];
        var codeColumn = header.FirstOrDefault(c => CodeHeaders.Contains(Cell(c.Value), StringComparer.OrdinalIgnoreCase)).Key;
        var nameColumn = header.FirstOrDefault(c => NameHeaders.Contains(Cell(c.Value), StringComparer.OrdinalIgnoreCase)).Key;
        if (codeColumn is null || nameColumn is null)
        {
            return ([], new ImportError(1, "header", "表头应为“code,name”（或“区划代码,区划名称”）"));
        }

        var rows = new List<Line>();
        for (var i = 1; i < sheet.Count; i++)
        {
            var code = Cell(sheet[i].TryGetValue(codeColumn, out var c) ? c : null);
            var name = Cell(sheet[i].TryGetValue(nameColumn, out var n) ? n : null);
            if (code.Length > 0 || name.Length > 0)
            {
                rows.Add(new Line(i + 1, code, name));
            }
        }

        return (rows, null);
    }

    // Spreadsheets often hold codes as numbers; write them back without exponent or decimals.
    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => ((decimal)d).ToString("0", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim().TrimStart('\uFEFF'),
    };
}
