using System.Globalization;

namespace Minzheng.Platform.Statistics;

/// <summary>How bureau reports write figures: amounts in 万元 (two decimals at most) or 元 below 1万, dates as 6月底.</summary>
public static class ReportFormat
{
    /// <summary>
    /// 141290 → "14.13万元", 777000 → "77.7万元": two decimals of 万元 at most, as bureau reports print them; below
    /// 1万元 in 元 (1650 → "1650元"), never "0.165万元" or "605.2464万元".
    /// </summary>
    public static string Wan(decimal yuan) => Math.Abs(yuan) < 10_000m
        ? decimal.Round(yuan, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "元"
        : decimal.Round(yuan / 10_000m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "万元";

    /// <summary>"6月底" on the last day of a month, else "6月15日"; with the year when asked.</summary>
    public static string AsOf(DateOnly day, bool withYear)
    {
        var year = withYear ? $"{day.Year}年" : "";
        return day.AddDays(1).Day == 1 ? $"{year}{day.Month}月底" : $"{year}{day.Month}月{day.Day}日";
    }

    /// <summary>The period as bureaus name it: 2026年上半年, 2026年, 2026年第三季度, or the two dates.</summary>
    public static string Period(DateOnly from, DateOnly to)
    {
        if (from.Year == to.Year && from is { Month: 1, Day: 1 } && to.AddDays(1).Day == 1)
        {
            var name = to.Month switch { 6 => "上半年", 12 => "", _ => $"1—{to.Month}月" };
            return $"{from.Year}年{name}";
        }

        if (from.Year == to.Year && from.Day == 1 && (from.Month - 1) % 3 == 0 && to == from.AddMonths(3).AddDays(-1))
        {
            return $"{from.Year}年第{"一二三四"[(from.Month - 1) / 3]}季度";
        }

        return $"{from.Year}年{from.Month}月{from.Day}日至{to.Year}年{to.Month}月{to.Day}日";
    }
}
