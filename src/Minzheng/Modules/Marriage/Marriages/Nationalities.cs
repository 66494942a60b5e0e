using System.Text.RegularExpressions;
using Minzheng.Platform.CodeTables;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// A passport holder's nationality: a current code of GB/T 2659.1 (ISO 3166-1 alpha-3), from the platform's code table.
/// CHN on a passport is a 华侨 (a Chinese citizen residing abroad). 香港, 澳门 and 台湾 residents register with their
/// 来往内地（大陆）通行证, not as passport holders of HKG, MAC or TWN, so those codes are refused with that advice.
/// </summary>
public static partial class Nationalities
{
    public const string China = "CHN";
    public const int Length = Countries.CodeLength;

    private static readonly HashSet<string> ChineseRegions = new(StringComparer.Ordinal) { "HKG", "MAC", "TWN" };

    /// <summary>The countries a county registry commonly sees, listed first in the form's choice.</summary>
    public static IReadOnlyList<string> Common { get; } =
        ["CHN", "VNM", "LAO", "MMR", "KHM", "THA", "PHL", "IDN", "MYS", "SGP", "KOR", "JPN", "MNG", "RUS", "KAZ", "PAK", "IND", "NPL",
         "USA", "CAN", "GBR", "FRA", "DEU", "ITA", "ESP", "UKR", "AUS", "NZL", "BRA", "NGA"];

    /// <summary>Every other country a passport may be of, in code order.</summary>
    public static IEnumerable<string> Others => Countries.All.Select(c => c.Code).Where(c => !ChineseRegions.Contains(c)).Except(Common);

    public static string Name(string? code) => code switch
    {
        null => "",
        China => "中国（华侨）",
        _ => Countries.Name(code),
    };

    /// <summary>Upper-cased and trimmed; null and the reason when it is not a current country code a passport may carry.</summary>
    public static string? Normalize(string? input, out string? error)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        error = value.Length == 0 ? "未填写"
            : value.Length != Length || !Letters().IsMatch(value) ? "应为3位字母的国家代码（GB/T 2659.1，如 USA、VNM；华侨填 CHN）"
            : ChineseRegions.Contains(value) ? "香港、澳门、台湾居民请选择港澳居民来往内地通行证或台湾居民来往大陆通行证，不按护照登记"
            : !Countries.IsCode(value) ? $"{value}不是现行的国家代码（GB/T 2659.1）"
            : null;
        return error is null ? value : null;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Letters();
}
