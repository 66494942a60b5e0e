using System.Globalization;
using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace Minzheng.Features.Imports;

/// <summary>Thrown when a file cannot be read as a spreadsheet at all; the API answers 400 with the message.</summary>
public sealed class UnreadableFileException(string message) : Exception(message);

/// <summary>
/// Reads the rows of an uploaded .xlsx (streamed by MiniExcel, after a zip-bomb check) or .csv (UTF-8 with or without
/// BOM, or GB18030/GBK as Chinese Excel writes it — detected) as text cells. Row numbers are spreadsheet rows: 1 = header.
/// </summary>
public static class SpreadsheetReader
{
    public const long MaxUnpackedBytes = 512L * 1024 * 1024;
    public const int MaxZipEntries = 2000;

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
    /// </summary>
    public static IEnumerable<(int Row, string[] Cells)> DataRows(byte[] content, string fileName, string[] headers, int maxRows)
    {
        var headerSeen = false;
        var count = 0;
        foreach (var (row, cells) in Read(content, fileName))
        {
            if (!headerSeen)
            {
                headerSeen = true;
                var actual = cells.Select(c => c.Trim().TrimStart('\uFEFF')).Where((c, i) => i < headers.Length || c.Length > 0);
                if (!actual.SequenceEqual(headers))
                {
                    throw new UnreadableFileException($"表头不正确：第1行应依次为“{string.Join("，", headers)}”");
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
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxZipEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new UnreadableFileException("文件解压后过大或结构异常，已拒绝（疑似压缩炸弹）");
            }
        }
        catch (InvalidDataException)
        {
            throw new UnreadableFileException("文件无法读取：不是有效的 .xlsx 文件");
        }

        IEnumerable<IDictionary<string, object?>> rows;
        try
        {
            rows = new MemoryStream(content).Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException)
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
                catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException)
                {
                    throw new UnreadableFileException("文件无法读取：.xlsx 内容已损坏");
                }

                number++;
                yield return (number, e.Current.Values.Select(Cell).ToArray());
            }
        }
    }

    // Spreadsheets often hold codes and ID-like numbers as numbers: write them back without exponent or decimals.
    private static string Cell(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((decimal)d).ToString("0", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
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

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.</summary>
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
                    cell.Append('"');
                    text.Read();
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && text.Peek() == '\n')
                {
                    text.Read();
                }

                cells.Add(cell.ToString().Trim());
                cell.Clear();
                yield return (row++, cells.ToArray());
                cells.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString().Trim());
            yield return (row, cells.ToArray());
        }
    }
}
