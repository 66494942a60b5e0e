using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Minzheng.Platform.Web;

/// <summary>
/// One sheet of an export: a Chinese <paramref name="Name"/> (shown on the tab), rows keyed by their Chinese headers
/// (every row the same keys, in order), and whether a 合计 row adds up the money columns. <paramref name="Headers"/>
/// gives the header row when there may be no rows.
/// </summary>
public sealed record XlsxSheet(string Name, IAsyncEnumerable<IReadOnlyDictionary<string, object?>> Rows, bool Totals = false,
    IReadOnlyList<string>? Headers = null)
{
    public static XlsxSheet Of(string name, IEnumerable<IReadOnlyDictionary<string, object?>> rows, bool totals = false, IReadOnlyList<string>? headers = null) =>
        new(name, Async(rows), totals, headers);

    private static async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> Async(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}

/// <summary>
/// The platform's xlsx writer, used by every export. Cells follow <see cref="XlsxCells"/>; every sheet gets column
/// widths fitted to its content, a bold header row that stays frozen on screen and is repeated on every printed page,
/// filter buttons, A4 printing fitted to the page width (landscape when the table is wide) and page numbers.
/// <para>
/// Memory stays bounded whatever the row count (a provincial payroll, 200,000 audit entries): each sheet's rows are
/// streamed once with an <see cref="XmlWriter"/> into a temporary file while the widths and totals are measured, then
/// the sheet part is written with its column widths first — which the format puts before the rows — and the rows copied
/// behind them. The package is a <see cref="ZipArchive"/> in create mode, which streams its entries too.
/// </para>
/// </summary>
public static class XlsxWriter
{
    /// <summary>A fixed entry time, so the same data gives the same bytes (bank files are recorded by their hash).</summary>
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Widest a header makes its column before it wraps: six Chinese characters.</summary>
    public const int HeaderWidth = 12;

    /// <summary>Height in points of one line of 宋体 11.</summary>
    private const double LineHeight = 14.25;

    /// <summary>Summed column widths beyond which a sheet prints landscape: about what fits across portrait A4.</summary>
    public const int PortraitWidth = 95;

    public static async Task WriteAsync(Stream output, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var written = new List<(string, string?)>();
        for (var i = 0; i < sheets.Count; i++)
        {
            await using var rows = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            var layout = await WriteRowsAsync(rows, sheets[i], ct);
            rows.Position = 0;
            WriteSheet(zip, i + 1, layout, rows, selected: i == 0);
            written.Add((sheets[i].Name, layout.Rows > 0 ? layout.FilterRange : null));
        }

        Text(zip, "[Content_Types].xml", XlsxParts.ContentTypes(sheets.Count));
        Text(zip, "_rels/.rels", XlsxParts.PackageRelationships);
        Text(zip, "xl/workbook.xml", XlsxParts.Workbook(written));
        Text(zip, "xl/_rels/workbook.xml.rels", XlsxParts.WorkbookRelationships(sheets.Count));
        Text(zip, "xl/styles.xml", XlsxParts.Styles);
    }

    /// <summary>What the rows left behind for the sheet part: the headers, each column's widest content, the data row count.</summary>
    private sealed class Layout(IReadOnlyList<string> headers)
    {
        public IReadOnlyList<string> Headers { get; } = headers;

        /// <summary>A long header counts only up to <see cref="HeaderWidth"/>: it wraps onto a second line rather than widening a column of numbers.</summary>
        public int[] Widest { get; } = [.. headers.Select(h => Math.Min(XlsxCells.DisplayWidth(h), HeaderWidth))];

        public int Rows { get; set; }

        public bool HasTotals { get; set; }

        public int LastRow => 1 + Rows + (HasTotals ? 1 : 0);

        public string LastColumn => XlsxCells.ColumnName(Math.Max(1, Headers.Count));

        public string FilterRange => $"$A$1:${LastColumn}${1 + Rows}";
    }

    private static XmlWriterSettings Settings(ConformanceLevel level) => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        ConformanceLevel = level,
        CloseOutput = false,
    };

    /// <summary>Pass one: the data rows (and 合计) into <paramref name="target"/>, measuring as it goes; the header row is written in pass two.</summary>
    private static async Task<Layout> WriteRowsAsync(Stream target, XlsxSheet sheet, CancellationToken ct)
    {
        using var xml = XmlWriter.Create(target, Settings(ConformanceLevel.Fragment));
        Layout? layout = sheet.Headers is { } given ? new Layout(given) : null;
        decimal[]? sums = null;
        var kinds = new XlsxCellKind?[layout?.Headers.Count ?? 0];

        await foreach (var row in sheet.Rows.WithCancellation(ct))
        {
            if (layout is null)
            {
                layout = new Layout([.. row.Keys]);
                kinds = new XlsxCellKind?[layout.Headers.Count];
            }

            sums ??= new decimal[layout.Headers.Count];
            layout.Rows++;
            var number = layout.Rows + 1;
            xml.WriteStartElement("row");
            xml.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
            for (var c = 0; c < layout.Headers.Count; c++)
            {
                if (row.TryGetValue(layout.Headers[c], out var value) && value is not null)
                {
                    var (kind, text) = XlsxCells.Format(value);
                    kinds[c] ??= kind;
                    sums[c] += value is decimal d ? d : 0;
                    WriteCell(xml, c, number, kind, text, total: false, layout);
                }
            }

            xml.WriteEndElement();
        }

        layout ??= new Layout([]);
        if (sheet.Totals && layout.Rows > 0)
        {
            layout.HasTotals = true;
            var number = layout.Rows + 2;
            xml.WriteStartElement("row");
            xml.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
            WriteCell(xml, 0, number, XlsxCellKind.Text, "合计", total: true, layout);
            for (var c = 1; c < layout.Headers.Count; c++)
            {
                if (kinds[c] == XlsxCellKind.Money)
                {
                    WriteCell(xml, c, number, XlsxCellKind.Money, sums![c].ToString(CultureInfo.InvariantCulture), total: true, layout);
                }
            }

            xml.WriteEndElement();
        }

        return layout;
    }

    /// <summary>The header row, as high as its most wrapped header needs.</summary>
    private static void WriteHeader(XmlWriter xml, Layout layout, double[] widths)
    {
        var lines = layout.Headers.Select((h, c) => (int)Math.Ceiling(XlsxCells.DisplayWidth(h) / Math.Max(1, widths[c] - 1))).DefaultIfEmpty(1).Max();
        xml.WriteStartElement("row", XlsxParts.Main);
        xml.WriteAttributeString("r", "1");
        if (lines > 1)
        {
            xml.WriteAttributeString("ht", (lines * LineHeight).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customHeight", "1");
        }

        for (var c = 0; c < layout.Headers.Count; c++)
        {
            Cell(xml, XlsxParts.Main, c, 1, XlsxParts.HeaderStyle, XlsxCellKind.Text, layout.Headers[c]);
        }

        xml.WriteEndElement();
    }

    private static void WriteCell(XmlWriter xml, int column, int row, XlsxCellKind kind, string text, bool total, Layout layout)
    {
        // Wrapped text is as wide as its longest line.
        var width = text.Contains('\n', StringComparison.Ordinal) ? text.Split('\n').Max(XlsxCells.DisplayWidth) : XlsxCells.DisplayWidth(text);
        layout.Widest[column] = Math.Max(layout.Widest[column], width);
        Cell(xml, "", column, row, XlsxParts.StyleOf(kind, total), kind, text);
    }

    /// <param name="ns">Empty in the rows of pass one: they are copied into the sheet part's default namespace.</param>
    private static void Cell(XmlWriter xml, string ns, int column, int row, int style, XlsxCellKind kind, string text)
    {
        xml.WriteStartElement("c", ns);
        xml.WriteAttributeString("r", XlsxCells.ColumnName(column + 1) + row.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
        if (kind == XlsxCellKind.Text)
        {
            // Inline strings: a shared-string table would have to hold every distinct value in memory until the end.
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", ns);
            xml.WriteStartElement("t", ns);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(text);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteElementString("v", ns, text);
        }

        xml.WriteEndElement();
    }

    /// <summary>Pass two: the sheet part, with the measured widths before the rows and the print setup after them.</summary>
    private static void WriteSheet(ZipArchive zip, int index, Layout layout, Stream rows, bool selected)
    {
        var entry = zip.CreateEntry($"xl/worksheets/sheet{index}.xml", CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, Settings(ConformanceLevel.Document));
        var widths = layout.Widest.Select(XlsxCells.ColumnWidth).ToArray();
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", XlsxParts.Main);
        xml.WriteRaw($"""<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:{layout.LastColumn}{layout.LastRow}"/>""");
        xml.WriteRaw($"""<sheetViews><sheetView {(selected ? "tabSelected=\"1\" " : "")}workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>""");
        xml.WriteRaw("""<sheetFormatPr defaultRowHeight="14.25"/>""");
        if (widths.Length > 0)
        {
            xml.WriteRaw("<cols>");
            for (var c = 0; c < widths.Length; c++)
            {
                // A code column is text down to its last row, so what a clerk types below stays text too.
                var style = XlsxCells.IsCodeColumn(layout.Headers[c]) ? $" style=\"{XlsxParts.TextColumnStyle}\"" : "";
                xml.WriteRaw(string.Create(CultureInfo.InvariantCulture, $"""<col min="{c + 1}" max="{c + 1}" width="{widths[c]}" customWidth="1"{style}/>"""));
            }

            xml.WriteRaw("</cols>");
        }

        xml.WriteStartElement("sheetData", XlsxParts.Main);
        WriteHeader(xml, layout, widths);

        // The rows are UTF-8 XML already: flushed up to here, the writer lets them be copied as bytes behind its output.
        xml.Flush();
        rows.CopyTo(stream, 64 * 1024);
        xml.WriteEndElement();
        if (layout.Rows > 0)
        {
            xml.WriteRaw($"""<autoFilter ref="A1:{layout.LastColumn}{1 + layout.Rows}"/>""");
        }

        var orientation = widths.Sum() > PortraitWidth ? "landscape" : "portrait";
        xml.WriteRaw("""<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>""");
        xml.WriteRaw($"""<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>""");
        xml.WriteRaw("""<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>""");
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Text(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
