using System.Globalization;
using System.Text;
using System.Xml;
using Minzheng.Platform.Calendar;

namespace Minzheng.Platform.Web;

/// <summary>How a value is written by <see cref="XlsxWriter"/>: the kind decides the cell type and its number format.</summary>
public enum XlsxCellKind
{
    Text,
    Integer,
    Money,
}

/// <summary>
/// The cell rules every export shares, so a roster, a payroll and the audit log read the same way in Excel and WPS:
/// decimal = money (a number shown 0.00, so it can be summed and filtered), integers = numbers, everything else =
/// text (ID numbers, region codes and accounts never become 3.60482E+17), dates as yyyy-MM-dd text.
/// </summary>
public static class XlsxCells
{
    /// <summary>Widest column in characters: a long 举报内容 wraps rather than pushing the table off the page.</summary>
    public const int MaxWidth = 50;

    public const int MinWidth = 6;

    /// <summary>Headers that hold codes rather than quantities: their whole column is formatted as text.</summary>
    public static bool IsCodeColumn(string header) =>
        header.EndsWith("身份证号", StringComparison.Ordinal) || header.EndsWith("账号", StringComparison.Ordinal)
        || header.EndsWith("电话", StringComparison.Ordinal) || header.EndsWith("区划代码", StringComparison.Ordinal)
        || header.EndsWith("年月", StringComparison.Ordinal) || header.EndsWith("信用代码", StringComparison.Ordinal)
        || header.EndsWith("证号", StringComparison.Ordinal);

    /// <summary>
    /// The kind and the written form of a value. Dates are text rather than date serials: yyyy-MM-dd reads the same
    /// in every locale of Excel and WPS, sorts correctly, and re-imports as the string the importers parse.
    /// </summary>
    public static (XlsxCellKind Kind, string Text) Format(object value) => value switch
    {
        decimal d => (XlsxCellKind.Money, d.ToString(CultureInfo.InvariantCulture)),
        int or long or short or byte or uint or ushort => (XlsxCellKind.Integer, Convert.ToString(value, CultureInfo.InvariantCulture)!),
        bool b => (XlsxCellKind.Text, b ? "是" : "否"),
        DateOnly d => (XlsxCellKind.Text, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime t => (XlsxCellKind.Text, t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        DateTimeOffset t => (XlsxCellKind.Text, t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        string s => (XlsxCellKind.Text, Clean(SpreadsheetText.Safe(s)!)),
        _ => (XlsxCellKind.Text, Clean(SpreadsheetText.Safe(Convert.ToString(value, CultureInfo.InvariantCulture)) ?? "")),
    };

    /// <summary>
    /// Display width in character cells: CJK and full-width characters take two, as in Excel's column width unit
    /// (the width of one '0'); a surrogate pair (CJK extension characters) counts once as two.
    /// </summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or >= 0x20000;

    /// <summary>Column width for the widest content seen: a little padding, within [<see cref="MinWidth"/>, <see cref="MaxWidth"/>].</summary>
    public static double ColumnWidth(int widest) => Math.Clamp(widest + 2, MinWidth, MaxWidth);

    /// <summary>1 → A, 27 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters from old data): Excel refuses the whole file over one.
    /// Most values have none, so the string is returned as it is.
    /// </summary>
    private static string Clean(string text)
    {
        var i = 0;
        while (i < text.Length && XmlConvert.IsXmlChar(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var j = 0; j < text.Length; j++)
        {
            if (XmlConvert.IsXmlChar(text[j]))
            {
                clean.Append(text[j]);
            }
            else if (j + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[j + 1], text[j]))
            {
                clean.Append(text, j++, 2);
            }
        }

        return clean.ToString();
    }
}
