using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;


namespace Minzheng.Platform.Imports;

/// <summary>Thrown when a file cannot be read as a spreadsheet at all; the API answers 400 with the message.</summary>
public class UnreadableFileException(string message) : Exception(message);

/// <summary>
/// Reads the rows of an uploaded .xlsx (streamed by MiniExcel, after <see cref="XlsxGuard"/>) or .csv (UTF-8 with or
/// without BOM, or GB18030/GBK as Chinese Excel writes it — detected) as text cells. Row numbers are spreadsheet rows:
/// 1 = header. Every upload path reads through here, so the bounds on cells, columns and unpacked size hold for all.
/// </summary>
public static class SpreadsheetReader
{
    /// <summary>Columns a CSV row may have: rosters have 13 at most; a row of a million commas is not a roster.</summary>
    public const int MaxCsvColumns = XlsxGuard.MaxColumns;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IEnumerable<(int Row, string[] Cells)> Read(byte[] content, string fileName)
    {
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(content),
            ".csv" or ".txt" => ReadCsv(OpenText(content)),
            _ => throw new UnreadableFileException("只支持 .xlsx 或 .csv 文件"),
        };
    }

    /// <summary>
    /// The non-empty data rows of a roster whose first row must be exactly <paramref name="headers"/>, in order; a wrong
    /// header, an empty file or more than <paramref name="maxRows"/> rows is refused like an unreadable file.
    /// <paramref name="optional"/> headers may follow the required ones, in order.
    /// </summary>
    public static IEnumerable<(int Row, string[] Cells)> DataRows(byte[] content, string fileName, string[] headers, int maxRows,
        string[]? optional = null)
    {
        var headerSeen = false;
        var count = 0;
        foreach (var (row, cells) in Read(content, fileName))
        {
            if (!headerSeen)
            {
                headerSeen = true;
                var actual = cells.Select(c => c.Trim().TrimStart('\uFEFF')).Where((c, i) => i < headers.Length || c.Length > 0).ToList();
                var extra = optional ?? [];
                if (!actual.Take(headers.Length).SequenceEqual(headers) || actual.Count > headers.Length + extra.Length
                    || !actual.Skip(headers.Length).SequenceEqual(extra.Take(actual.Count - headers.Length)))
                {
                    var also = extra.Length > 0 ? $"（可选列依次为“{string.Join("，", extra)}”）" : "";
                    throw new UnreadableFileException($"表头不正确：第1行应依次为“{string.Join("，", headers)}”{also}");
                }

                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++count > maxRows)
            {
                throw new UnreadableFileException($"文件超过{maxRows}行数据的上限，请分批导入");
            }

            yield return (row, cells);
        }

        if (!headerSeen)
        {
            throw new UnreadableFileException($"文件为空：第1行应为表头“{string.Join("，", headers)}”");
        }
    }

    private static IEnumerable<(int, string[])> ReadXlsx(byte[] content)
    {
        // Before MiniExcel sees a byte: it would build a 450-million-character shared string as one string.
        XlsxGuard.Check(content);
        IEnumerable<IDictionary<string, object?>> rows;
        try
        {
            rows = new MemoryStream(content).Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw new UnreadableFileException("文件无法读取：不是有效的 .xlsx 文件");
        }

        return Enumerate(rows);

        static IEnumerable<(int, string[])> Enumerate(IEnumerable<IDictionary<string, object?>> rows)
        {
            var number = 0;
            using var e = rows.GetEnumerator();
            while (true)
            {
                try
                {
                    if (!e.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (IsMalformed(ex))
                {
                    throw new UnreadableFileException("文件无法读取：.xlsx 内容已损坏");
                }

                number++;
                yield return (number, e.Current.Values.Select(Cell).ToArray());
            }
        }
    }

    /// <summary>
    /// What MiniExcel throws on a package the guard let through but that is still not a workbook (a missing part, a
    /// cell of the wrong shape …): an unreadable file (400), never a server error.
    /// </summary>
    private static bool IsMalformed(Exception ex) =>
        ex is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException or FormatException or NullReferenceException
            or IndexOutOfRangeException or ArgumentException or KeyNotFoundException or InvalidCastException or OverflowException;

    // Spreadsheets often hold codes and ID-like numbers as numbers: write them back without exponent or decimals. An
    // amount is a number cell in the exports (2395.00 reads back as 2395, which the amount columns accept); text cells
    // lose the apostrophe the exports put before a formula character.
    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((decimal)d).ToString("0", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Minzheng.Platform.Web.SpreadsheetText.Unguard((Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim()),
    };

    /// <summary>
    /// UTF-8 when the bytes are valid UTF-8 (BOM or not), otherwise GB18030 (a superset of GBK). Decoded as it is read,
    /// so a large CSV is never held a second time as one string.
    /// </summary>
    public static TextReader OpenText(byte[] content)
    {
        // Neither encoding writes a zero byte for any character but NUL: a zero byte means binary (or UTF-16) data.
        if (content.AsSpan().Contains((byte)0))
        {
            throw new UnreadableFileException("文件无法读取：不是文本格式的 CSV 文件");
        }

        var encoding = System.Text.Unicode.Utf8.IsValid(content) ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : Encoding.GetEncoding(54936);
        return new StreamReader(new MemoryStream(content, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>
    /// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. A cell is refused past
    /// <see cref="XlsxGuard.MaxCellChars"/> characters and a row past <see cref="MaxCsvColumns"/> cells, so a line is
    /// never buffered without bound (a file of one 50 MB line, or an unclosed quote, holds at most one cell's text).
    /// </summary>
    public static IEnumerable<(int, string[])> ReadCsv(TextReader text)
    {
        using var _ = text;
        var row = 1;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var next = text.Read(); next >= 0; next = text.Read())
        {
            var c = (char)next;
            if (quoted)
            {
                if (c == '"' && text.Peek() == '"')
                {
                    Append(cell, '"', row, cells.Count);
                    text.Read();
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    Append(cell, c, row, cells.Count);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                AddCell(cells, cell, row);
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && text.Peek() == '\n')
                {
                    text.Read();
                }

                AddCell(cells, cell, row);
                yield return (row++, cells.ToArray());
                cells.Clear();
            }
            else
            {
                Append(cell, c, row, cells.Count);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            AddCell(cells, cell, row);
            yield return (row, cells.ToArray());
        }
    }

    private static void Append(StringBuilder cell, char c, int row, int column)
    {
        if (cell.Length >= XlsxGuard.MaxCellChars)
        {
            throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture,
                $"第{row}行第{column + 1}列超过{XlsxGuard.MaxCellChars}个字符（Excel 单元格的上限），已拒绝；如有未闭合的引号请检查"));
        }

        cell.Append(c);
    }

    private static void AddCell(List<string> cells, StringBuilder cell, int row)
    {
        if (cells.Count >= MaxCsvColumns)
        {
            throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture, $"第{row}行超过{MaxCsvColumns}列的上限，已拒绝"));
        }

        // Blank cells (most of a blank row) share one empty string instead of one each.
        var value = cell.Length == 0 ? "" : Minzheng.Platform.Web.SpreadsheetText.Unguard(cell.ToString().Trim());
        cells.Add(value);
        cell.Clear();
    }
}
