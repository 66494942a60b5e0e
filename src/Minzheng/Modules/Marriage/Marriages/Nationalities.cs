using System.Text.RegularExpressions;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// A passport holder's nationality as an ISO 3166-1 alpha-3 code. The Chinese names cover the countries a county registry
/// commonly sees; any other well-formed code is accepted and shown as the code itself (the list is a convenience, not the
/// standard). CHN on a passport is a 华侨 (a Chinese citizen residing abroad).
/// </summary>
public static partial class Nationalities
{
    public const string China = "CHN";
    public const int Length = 3;

    public static IReadOnlyDictionary<string, string> Common { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CHN"] = "中国（华侨）",
        ["VNM"] = "越南",
        ["LAO"] = "老挝",
        ["MMR"] = "缅甸",
        ["KHM"] = "柬埔寨",
        ["THA"] = "泰国",
        ["PHL"] = "菲律宾",
        ["IDN"] = "印度尼西亚",
        ["MYS"] = "马来西亚",
        ["SGP"] = "新加坡",
        ["KOR"] = "韩国",
        ["JPN"] = "日本",
        ["MNG"] = "蒙古",
        ["RUS"] = "俄罗斯",
        ["KAZ"] = "哈萨克斯坦",
        ["PAK"] = "巴基斯坦",
        ["IND"] = "印度",
        ["NPL"] = "尼泊尔",
        ["USA"] = "美国",
        ["CAN"] = "加拿大",
        ["GBR"] = "英国",
        ["FRA"] = "法国",
        ["DEU"] = "德国",
        ["ITA"] = "意大利",
        ["ESP"] = "西班牙",
        ["UKR"] = "乌克兰",
        ["AUS"] = "澳大利亚",
        ["NZL"] = "新西兰",
        ["BRA"] = "巴西",
        ["NGA"] = "尼日利亚",
    };

    public static string Name(string? code) => code is null ? "" : Common.GetValueOrDefault(code, code);

    /// <summary>Upper-cased and trimmed; null and the reason when it is not three Latin letters.</summary>
    public static string? Normalize(string? input, out string? error)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        error = value.Length == 0 ? "未填写"
            : value.Length != Length || !Letters().IsMatch(value) ? "应为3位字母的国家代码（ISO 3166，如 USA、VNM；华侨填 CHN）"
            : null;
        return error is null ? value : null;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Letters();
}
