using System.Diagnostics.CodeAnalysis;


namespace Minzheng.Platform.Regions;

public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>
/// Rules of the 12-digit 统计用区划代码: 2 province + 2 city + 2 county + 3 township + 3 village digits.
/// The level follows from how many segments are significant (non-zero).
/// </summary>
public static class RegionCode
{
    public const int Length = 12;

    // End index (exclusive) of each level's segment.
    private static readonly int[] SegmentEnds = [2, 4, 6, 9, 12];

    public static bool TryGetLevel(string? code, out RegionLevel level, [NotNullWhen(false)] out string? error)
    {
        level = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            error = "区划代码不能为空";
            return false;
        }

        if (code.Length != Length || !code.All(char.IsAsciiDigit))
        {
            error = $"区划代码“{code}”应为12位数字";
            return false;
        }

        var significant = 0;
        for (var i = 0; i < SegmentEnds.Length; i++)
        {
            var start = i == 0 ? 0 : SegmentEnds[i - 1];
            var isZero = code.AsSpan(start, SegmentEnds[i] - start).IndexOfAnyExcept('0') < 0;
            if (!isZero)
            {
                // Prefecture-level cities without counties (东莞 4419, 中山 4420, 儋州 4604, 嘉峪关 6202) list their
                // townships directly under the city with county segment 00: the city is its own county-level unit.
                var underCityWithoutCounties = i == (int)RegionLevel.Township - 1 && significant == (int)RegionLevel.City;
                if (significant != i && !underCityWithoutCounties)
                {
                    error = $"区划代码“{code}”的上级段为0而下级段非0，不是有效代码";
                    return false;
                }

                significant = i + 1;
            }
        }

        if (significant == 0)
        {
            error = $"区划代码“{code}”不能全为0";
            return false;
        }

        level = (RegionLevel)significant;
        error = null;
        return true;
    }

    public static bool IsValid(string? code) => TryGetLevel(code, out _, out _);

    /// <summary>The significant prefix: 2, 4, 6, 9 or 12 digits for the five levels.</summary>
    public static string Prefix(string code, RegionLevel level) => code[..SegmentEnds[(int)level - 1]];

    public static string Prefix(string code) =>
        TryGetLevel(code, out var level, out var error) ? Prefix(code, level) : throw new FormatException(error);

    /// <summary>
    /// The code of the level above, or null for a province. A township of a city without counties has the city as its
    /// parent: its county segment is 00, so the county-level prefix is the city's code.
    /// </summary>
    public static string? ParentOf(string code, RegionLevel level) =>
        level == RegionLevel.Province ? null : Prefix(code, level - 1).PadRight(Length, '0');


    /// <summary>Whether two subtrees share rows: one prefix is the other's ancestor (or the same).</summary>
    public static bool Overlap(string prefix, string other) =>
        prefix.StartsWith(other, StringComparison.Ordinal) || other.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>
    /// Turns a filter value — a 12-digit code or its significant prefix of 2, 4, 6 or 9 digits — into the prefix that
    /// selects the whole subtree. Returns null when the value is neither.
    /// </summary>
    public static string? ToScopePrefix(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !value.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (value.Length == Length)
        {
            return TryGetLevel(value, out var level, out _) ? Prefix(value, level) : null;
        }

        return SegmentEnds.Contains(value.Length) && TryGetLevel(value.PadRight(Length, '0'), out var l, out _)
            && Prefix(value.PadRight(Length, '0'), l).Length == value.Length
                ? value
                : null;
    }

    /// <summary>The level as a list column names it: 省、市、县、乡镇、村 (县 covers 县级市 and 区 alike).</summary>
    public static string LevelLabel(string? level) => level?.ToLowerInvariant() switch
    {
        "province" => "省",
        "city" => "市",
        "county" => "县",
        "township" => "乡镇",
        "village" => "村",
        _ => "—",
    };

    public static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Province => "省级",
        RegionLevel.City => "地级",
        RegionLevel.County => "县级",
        RegionLevel.Township => "乡级",
        RegionLevel.Village => "村级",
    };
}
