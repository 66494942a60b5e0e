using System.Globalization;

namespace Minzheng.Platform.Web;

/// <summary>
/// What any text a user sends may contain, and how long it may be (security issue: NUL, vertical tab and U+202E went
/// raw into bank files; 1 MB notes were stored twice). Control characters and bidirectional overrides are refused
/// everywhere; line breaks and tabs only in multi-line fields (notes, reasons, findings, texts).
/// </summary>
public static class TextRules
{
    /// <summary>Default limit of a one-line field (a name, a code, an address).</summary>
    public const int SingleLineMax = 500;

    /// <summary>Default limit of a multi-line field (a note, a reason, investigation findings).</summary>
    public const int MultiLineMax = 2000;

    // Field names (last segment, case-insensitive) that hold free text over several lines.
    private static readonly string[] MultiLineNames =
        ["note", "notes", "reason", "findings", "content", "text", "evidence", "description", "comment", "opinion", "details", "citation", "feedback", "conclusion",
            "debts", "division", "visitation"];

    public static bool IsMultiLine(string field)
    {
        var name = field[(field.LastIndexOfAny(['.', '[']) + 1)..].TrimEnd(']');
        return MultiLineNames.Any(n => name.EndsWith(n, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A character no typed text contains: C0/C1 controls, DEL, bidi embeddings, overrides and isolates.</summary>
    public static bool IsForbidden(char c, bool multiLine) => c switch
    {
        '\n' or '\r' or '\t' => !multiLine,
        < ' ' or '\u007F' => true,
        >= '\u0080' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        '\u200E' or '\u200F' or '\u061C' or '\uFEFF' => true,
        _ => false,
    };

    /// <summary>Null when the value may be stored; else the Chinese reason naming the field's label.</summary>
    public static string? Check(string? value, string label, bool multiLine, int? maxLength = null)
    {
        if (value is null)
        {
            return null;
        }

        var max = maxLength ?? (multiLine ? MultiLineMax : SingleLineMax);
        if (value.Length > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{label}不能超过{max}个字（现为{value.Length}个字）");
        }

        var index = FirstForbidden(value, multiLine);
        return index < 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"{label}第{index + 1}个字符是不可见的控制字符或文字方向控制符（U+{(int)value[index]:X4}），请删除后重新提交");
    }

    private static int FirstForbidden(string value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsForbidden(value[i], multiLine))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first cell of an imported row holding a forbidden character: its index and the reason; else null.</summary>
    public static (int Column, string Message)? FirstForbiddenCell(string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (Check(cells[i], "单元格", multiLine: false, maxLength: int.MaxValue) is { } problem)
            {
                return (i, problem);
            }
        }

        return null;
    }

    /// <summary>The first forbidden cell of an imported row named by its header ("第N列" beyond the headers), and the reason.</summary>
    public static (string Column, string Message)? FirstForbiddenCell(string[] cells, IReadOnlyList<string> headers) =>
        FirstForbiddenCell(cells) is { } bad ? (bad.Column < headers.Count ? headers[bad.Column] : $"第{bad.Column + 1}列", bad.Message) : null;

    /// <summary>
    /// A text field of a form or request: trimmed, null when empty (then "请填写…" when <paramref name="required"/>),
    /// otherwise within <paramref name="max"/> and free of forbidden characters, else the error is added under <paramref name="field"/>.
    /// </summary>
    public static string? Field(string? value, string field, string label, int max, FieldErrors errors, bool required = false, bool multiLine = false)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, $"请填写{label}");
            }

            return null;
        }

        if (Check(text, label, multiLine, max) is { } problem)
        {
            errors.Add(field, problem);
            return null;
        }

        return text;
    }

    /// <summary>Removes what <see cref="IsForbidden"/> refuses (for writing files a bank reads; old data is cleaned too).</summary>
    public static string Clean(string value, bool multiLine = false) =>
        value.Any(c => IsForbidden(c, multiLine)) ? string.Concat(value.Where(c => !IsForbidden(c, multiLine))) : value;
}
