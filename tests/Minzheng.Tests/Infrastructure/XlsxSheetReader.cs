using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// One sheet of an exported workbook opened with the Open XML SDK — a reader independent of the writer — and the
/// checks every export must pass (issue 31): typed cells, fitted widths, a bold frozen header repeated on printed
/// pages, fit-to-width printing, a Chinese sheet name, and a 合计 row where asked.
/// </summary>
internal sealed partial class XlsxSheetReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly Stylesheet _styles;
    private readonly List<Row> _rows;

    public XlsxSheetReader(byte[] bytes, string? sheetName = null)
    {
        _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = _document.WorkbookPart!;
        Sheets = [.. workbook.Workbook.Sheets!.Elements<Sheet>()];
        Sheet = sheetName is null ? Sheets[0] : Sheets.Single(s => s.Name == sheetName);
        Worksheet = ((WorksheetPart)workbook.GetPartById(Sheet.Id!)).Worksheet;
        _styles = workbook.WorkbookStylesPart!.Stylesheet;
        _rows = [.. Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()];
        Headers = [.. _rows[0].Elements<Cell>().Select(Text)];
    }

    public IReadOnlyList<Sheet> Sheets { get; }

    public Sheet Sheet { get; }

    public Worksheet Worksheet { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Rows below the header (spreadsheet rows 2…), the 合计 row included.</summary>
    public IReadOnlyList<Row> Body => _rows.Skip(1).ToList();

    /// <summary>The data rows: the body without a final 合计 row.</summary>
    private IEnumerable<Row> Data => Body.Count > 0 && Text(Body[^1].Elements<Cell>().First()) == "合计" ? Body.SkipLast(1) : Body;

    public Cell? CellOf(Row row, string header)
    {
        var column = ColumnName(Headers.ToList().IndexOf(header) + 1);
        return row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == column + row.RowIndex!.Value);
    }

    public static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    /// <summary>The number format code of a cell (built-in ids resolved for the ones exports use).</summary>
    public string FormatCode(Cell cell)
    {
        var format = Format(cell).NumberFormatId!.Value;
        return format switch
        {
            0 => "General",
            1 => "0",
            2 => "0.00",
            49 => "@",
            _ => _styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == format).FormatCode!.Value!,
        };
    }

    public bool IsBold(Cell cell) => _styles.Fonts!.Elements<Font>().ElementAt((int)Format(cell).FontId!.Value).Bold is not null;

    private CellFormat Format(Cell cell) => _styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    /// <summary>The checks every export passes, whatever its columns.</summary>
    public void AssertLayout()
    {
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(_document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Matches(Chinese(), Sheet.Name!.Value!);

        // Widths for every column, wide enough for the header and for each value (up to the cap, beyond which text wraps).
        var widths = Worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
        Assert.Equal(Headers.Count, widths.Count);
        foreach (var row in _rows)
        {
            foreach (var cell in row.Elements<Cell>())
            {
                var column = Headers.Count == 0 ? 1 : ColumnIndex(cell.CellReference!.Value!);
                // A long header wraps onto the lines its row is made high enough for (宋体 11: 14.25 points a line).
                var lines = row.Height?.Value is { } height ? (int)Math.Round(height / 14.25) : 1;
                Assert.True(Math.Max(1, widths[column] - 1) * lines >= Math.Min(Width(Text(cell)), 48),
                    $"{cell.CellReference} “{Text(cell)}” is wider than its column ({widths[column]} × {lines} lines)");
            }
        }

        // The header: bold, frozen below on screen, repeated on every printed page.
        Assert.All(_rows[0].Elements<Cell>(), c => Assert.True(IsBold(c), $"header {Text(c)} is not bold"));
        var pane = Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal((PaneStateValues.Frozen, 1d, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        var index = Sheets.ToList().IndexOf(Sheet);
        var titles = _document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>()
            .Single(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId!.Value == index);
        Assert.EndsWith("!$1:$1", titles.Text, StringComparison.Ordinal);

        // Printing: A4 fitted to the page width, as many pages down as it takes; landscape when the columns are wide.
        var setup = Worksheet.GetFirstChild<PageSetup>()!;
        Assert.True(Worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        Assert.Equal((1u, 0u, 9u), (setup.FitToWidth!.Value, setup.FitToHeight!.Value, setup.PaperSize!.Value));
        Assert.Equal(widths.Values.Sum() > 95 ? OrientationValues.Landscape : OrientationValues.Portrait, setup.Orientation!.Value);
    }

    /// <summary>Money: number cells shown 0.00 whose values are exact amounts.</summary>
    public void AssertMoney(params string[] headers) => AssertColumns(headers, "0.00", decimalValue: true);

    public void AssertWholeNumbers(params string[] headers) => AssertColumns(headers, "0", decimalValue: false);

    /// <summary>Codes and text: inline-string cells in the text format, never numbers that Excel could reformat.</summary>
    public void AssertText(params string[] headers)
    {
        foreach (var header in headers)
        {
            var cells = Data.Select(r => CellOf(r, header)).OfType<Cell>().ToList();
            Assert.NotEmpty(cells);
            Assert.All(cells, c => Assert.Equal((CellValues.InlineString, "@"), (c.DataType!.Value, FormatCode(c))));
        }
    }

    /// <summary>The last row is 合计 (bold) and holds the sum of each money column above it.</summary>
    public void AssertTotals(string labelHeader, params string[] moneyHeaders)
    {
        var total = Body[^1];
        var label = CellOf(total, labelHeader)!;
        Assert.Equal("合计", Text(label));
        Assert.True(IsBold(label));
        foreach (var header in moneyHeaders)
        {
            var sum = Body.SkipLast(1).Select(r => CellOf(r, header)).OfType<Cell>().Sum(c => decimal.Parse(Text(c), CultureInfo.InvariantCulture));
            var cell = CellOf(total, header)!;
            Assert.Equal((sum, "0.00"), (decimal.Parse(Text(cell), CultureInfo.InvariantCulture), FormatCode(cell)));
        }
    }

    private void AssertColumns(string[] headers, string format, bool decimalValue)
    {
        foreach (var header in headers)
        {
            var cells = Data.Select(r => CellOf(r, header)).OfType<Cell>().ToList();
            Assert.NotEmpty(cells);
            Assert.All(cells, c =>
            {
                Assert.True(c.DataType is null || c.DataType.Value == CellValues.Number, $"{c.CellReference} is not a number");
                Assert.Equal(format, FormatCode(c));
                Assert.True(decimalValue ? decimal.TryParse(Text(c), NumberStyles.Number, CultureInfo.InvariantCulture, out _) : long.TryParse(Text(c), CultureInfo.InvariantCulture, out _),
                    $"{c.CellReference} holds “{Text(c)}”");
            });
        }
    }

    /// <summary>Character cells on screen: CJK and full-width count two.</summary>
    private static int Width(string text) => text.Sum(c => c >= 0x2E80 ? 2 : 1);

    private static int ColumnIndex(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + c - 'A' + 1);

    private static string ColumnName(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    public void Dispose() => _document.Dispose();
}
