using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Minzheng.Platform.Imports;

/// <summary>
/// Import templates whose code columns (ID numbers, bank accounts, phone numbers, region codes, months) are formatted as
/// text down the whole column, so what a clerk types below the example stays text: in a General column Excel turns an
/// 18-digit ID number into 3.60482E+17 and keeps only 15 digits, and "2026-01" into a date.
/// </summary>
public static class TemplateWorkbook
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Headers that hold codes rather than quantities.</summary>
    public static bool IsCodeColumn(string header) =>
        header.EndsWith("身份证号", StringComparison.Ordinal) || header.EndsWith("账号", StringComparison.Ordinal)
        || header.EndsWith("电话", StringComparison.Ordinal) || header.EndsWith("区划代码", StringComparison.Ordinal)
        || header.EndsWith("年月", StringComparison.Ordinal);

    /// <summary>Writes the sheets (first row = headers) with every <see cref="IsCodeColumn"/> column as text.</summary>
    public static async Task<byte[]> SaveAsync(Dictionary<string, object> sheets, IEnumerable<string> headers, CancellationToken ct)
    {
        // MiniExcel gives the written cells of a formatted column the text format ("@") and the column its width…
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. headers.Where(IsCodeColumn).Distinct().Select(h => new DynamicExcelColumn(h) { Format = "@", Width = 22 })],
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, configuration: configuration, cancellationToken: ct);
        return WholeColumnsAsText(stream.ToArray());
    }

    /// <summary>
    /// … but not the column itself, so the empty rows below stay General. Each width-carrying column gets the style of its
    /// example cell in row 2 (the text style) as its column style, which Excel and WPS apply to cells typed later.
    /// </summary>
    private static byte[] WholeColumnsAsText(byte[] xlsx)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList())
            {
                XDocument sheet;
                using (var read = entry.Open())
                {
                    sheet = XDocument.Load(read);
                }

                var cells = sheet.Descendants(Main + "c").Where(c => c.Attribute("s") is not null)
                    .ToDictionary(c => (string)c.Attribute("r")!, c => (string)c.Attribute("s")!);
                var changed = false;
                foreach (var column in sheet.Descendants(Main + "col"))
                {
                    if (int.TryParse((string?)column.Attribute("min"), out var index) && cells.TryGetValue(ColumnName(index) + "2", out var style))
                    {
                        column.SetAttributeValue("style", style);
                        changed = true;
                    }
                }

                if (changed)
                {
                    using var write = entry.Open();
                    write.SetLength(0);
                    sheet.Save(write, SaveOptions.DisableFormatting);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>1 → A, 27 → AA.</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}
