using Minzheng.Platform.Calendar;

namespace Minzheng.Tests.Platform.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar BuiltIn = new(
        BuiltInHolidays.All.SelectMany(n => n.Holidays).ToHashSet(),
        BuiltInHolidays.All.SelectMany(n => n.Workdays).ToHashSet(),
        BuiltInHolidays.All.Select(n => n.Year).ToHashSet());

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-09-28", 5, "2026-10-10")] // 国庆 block, ends on the make-up Saturday (DESIGN §5 example)
    [InlineData("2026-11-20", 1, "2026-11-23")] // Friday + 1 skips the weekend
    [InlineData("2026-11-23", 0, "2026-11-23")] // zero days: the from-day itself
    [InlineData("2026-01-02", 1, "2026-01-04")] // make-up Sunday after 元旦
    [InlineData("2025-12-31", 1, "2026-01-04")] // year boundary into the 2026 元旦 holiday
    [InlineData("2026-02-13", 1, "2026-02-14")] // make-up Saturday before 春节
    [InlineData("2026-02-14", 1, "2026-02-24")] // 春节 Feb 15–23
    [InlineData("2026-02-27", 1, "2026-02-28")] // make-up Saturday after 春节
    [InlineData("2025-09-26", 1, "2025-09-28")] // 2025 make-up Sunday before 国庆
    [InlineData("2025-09-30", 1, "2025-10-09")] // 2025 国庆+中秋 Oct 1–8
    public void AddWorkingDays_BuiltInCalendars(string from, int days, string expected)
    {
        Assert.Equal(D(expected), BuiltIn.AddWorkingDays(D(from), days));
    }

    [Fact]
    public void AddWorkingDays_UnconfirmedYear_CountsWeekendsOnly()
    {
        Assert.False(BuiltIn.IsConfirmed(2027));
        Assert.Equal(D("2027-10-08"), BuiltIn.AddWorkingDays(D("2027-09-30"), 6));
    }

    [Fact]
    public void AddWorkingDays_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltIn.AddWorkingDays(D("2026-01-05"), -1));
    }

    [Theory]
    [InlineData("2026-11-23", true)]
    [InlineData("2026-11-22", false)]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-05-09", true)]
    public void IsWorkingDay_FollowsHolidaysAndMakeUpDays(string day, bool working)
    {
        Assert.Equal(working, BuiltIn.IsWorkingDay(D(day)));
    }

    [Fact]
    public void EndOfCalendarDayPeriod_LastDayOnHoliday_MovesToNextWorkingDay()
    {
        // 公示 7 days from 2026-09-24 would end on 10-01 (国庆): it moves to 10-08.
        Assert.Equal(D("2026-10-08"), BuiltIn.EndOfCalendarDayPeriod(D("2026-09-24"), 7));
        Assert.Equal(D("2026-11-30"), BuiltIn.EndOfCalendarDayPeriod(D("2026-11-23"), 7));
    }

    [Fact]
    public void WorkingDaysBetween_IsInverseOfAddWorkingDays()
    {
        var from = D("2026-09-28");
        Assert.Equal(5, BuiltIn.WorkingDaysBetween(from, BuiltIn.AddWorkingDays(from, 5)));
    }
}
