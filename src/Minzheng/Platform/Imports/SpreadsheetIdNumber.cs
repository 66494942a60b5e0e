using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Minzheng.Platform.Privacy;

namespace Minzheng.Platform.Imports;

/// <summary>
/// The ID-number cell of an imported list. Excel turns an 18-digit number typed into a General cell into a float: it
/// shows 3.60482E+17 (and a CSV saved from it says so) and keeps 15 significant digits, the rest zeros. Such a cell
/// fails the check character, and "校验码错误" sends the clerk to compare digits that Excel has already destroyed;
/// the answer names the real cause and the fix instead.
/// </summary>
public static partial class SpreadsheetIdNumber
{
    public const string MangledMessage = "身份证号被 Excel 转成了数字，请把该列设为文本后重新填写";

    public static bool TryParse(string? cell, DateOnly today, out IdNumber id, [NotNullWhen(false)] out string? error)
    {
        if (IdNumber.TryParse(cell, today, out id, out error))
        {
            return true;
        }

        if (LooksMangled(cell))
        {
            error = MangledMessage;
        }

        return false;
    }

    /// <summary>Scientific notation, or 16–18 digits ending in 000 where float precision ran out (an invalid number only).</summary>
    public static bool LooksMangled(string? cell)
    {
        var value = cell?.Trim() ?? "";
        return Scientific().IsMatch(value) || (value.Length is >= 16 and <= 18 && value.All(char.IsAsciiDigit) && value.EndsWith("000", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\d(\.\d+)?[eE]\+?\d{1,2}$")]
    private static partial Regex Scientific();
}
