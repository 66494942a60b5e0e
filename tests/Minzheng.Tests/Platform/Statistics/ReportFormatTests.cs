using Minzheng.Modules.SocialAssistance.Reports;
using Minzheng.Platform.Statistics;

namespace Minzheng.Tests.Platform.Statistics;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData("141290", "14.13万元")]
    [InlineData("777000", "77.7万元")]
    [InlineData("243300", "24.33万元")]
    [InlineData("192800", "19.28万元")]
    [InlineData("10000", "1万元")]
    [InlineData("0", "0元")]
    [InlineData("1650", "1650元")]
    [InlineData("12345.67", "1.23万元")]
    [InlineData("6052464", "605.25万元")]
    [InlineData("480.5", "480.5元")]
    public void Wan_TrimsTrailingZeros_ToTheYuan(string yuan, string expected) =>
        Assert.Equal(expected, ReportFormat.Wan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2026, 6, 30, false, "6月底")]
    [InlineData(2026, 2, 28, false, "2月底")]
    [InlineData(2024, 2, 28, false, "2月28日")]
    [InlineData(2026, 6, 15, true, "2026年6月15日")]
    [InlineData(2026, 12, 31, true, "2026年12月底")]
    public void AsOf_SaysMonthEndOnTheLastDay(int y, int m, int d, bool withYear, string expected) =>
        Assert.Equal(expected, ReportFormat.AsOf(new DateOnly(y, m, d), withYear));

    [Theory]
    [InlineData("2026-01-01", "2026-06-30", "2026年上半年")]
    [InlineData("2026-01-01", "2026-12-31", "2026年")]
    [InlineData("2026-01-01", "2026-09-30", "2026年1—9月")]
    [InlineData("2026-07-01", "2026-09-30", "2026年第三季度")]
    [InlineData("2026-03-05", "2026-04-30", "2026年3月5日至2026年4月30日")]
    public void Period_IsNamedAsBureausDo(string from, string to, string expected) =>
        Assert.Equal(expected, ReportFormat.Period(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
}
