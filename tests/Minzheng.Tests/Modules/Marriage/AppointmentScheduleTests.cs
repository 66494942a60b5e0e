using System.Globalization;
using Minzheng.Modules.Marriage.Marriages.Appointments;
using Minzheng.Platform.Calendar;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>Open days and places of a registry's timetable on a custom working-day calendar, without a database.</summary>
public sealed class AppointmentScheduleTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    // 2026-10-01…07 national holidays, 2026-10-10 (Saturday) a 调休 workday; 2026-05-20 is a Wednesday, 2026-05-23 a Saturday.
    private static readonly WorkingCalendar Calendar = new(
        new HashSet<DateOnly> { D("2026-10-01"), D("2026-10-02"), D("2026-10-05"), D("2026-10-06"), D("2026-10-07") },
        new HashSet<DateOnly> { D("2026-10-10") }, new HashSet<int> { 2026 });

    private static AppointmentSchedule Schedule(int daysAhead = 30, params AppointmentSpecialDay[] special) => new(Calendar, daysAhead,
        [new AppointmentSlot { Start = new TimeOnly(9, 0), End = new TimeOnly(10, 0), Capacity = 3 },
         new AppointmentSlot { Start = new TimeOnly(14, 30), End = new TimeOnly(15, 30), Capacity = 2 }],
        special.ToDictionary(s => s.Date));

    [Theory]
    [InlineData("2026-09-29", true)] // Tuesday
    [InlineData("2026-10-03", false)] // Saturday
    [InlineData("2026-10-04", false)] // Sunday
    [InlineData("2026-10-05", false)] // holiday on a Monday
    [InlineData("2026-10-08", true)] // Thursday after the holidays
    [InlineData("2026-10-10", true)] // Saturday 调休 workday
    public void IsOpen_FollowsTheWorkingDayCalendar(string day, bool open) => Assert.Equal(open, Schedule().IsOpen(D(day)));

    [Fact]
    public void SpecialDay_OnAWeekend_IsOpen_WithExtraPlacesInEverySlot()
    {
        var schedule = Schedule(30, new AppointmentSpecialDay { Date = D("2026-05-23"), Name = "特别开放", ExtraCapacity = 4 });
        Assert.True(schedule.IsOpen(D("2026-05-23")));
        Assert.Null(schedule.WhyNotBookable(D("2026-05-23"), D("2026-05-10")));
        var slots = schedule.Slots(D("2026-05-23"), new Dictionary<TimeOnly, int> { [new TimeOnly(9, 0)] = 5 });
        Assert.Equal([7, 6], slots.Select(s => s.Capacity));
        Assert.Equal([2, 6], slots.Select(s => s.Remaining));
        // The next Saturday is a normal rest day: closed and no slots.
        Assert.False(schedule.IsOpen(D("2026-05-30")));
        Assert.Empty(schedule.Slots(D("2026-05-30"), new Dictionary<TimeOnly, int>()));
    }

    [Fact]
    public void WhyNotBookable_RefusesPastToday_BeyondTheWindow_AndRestDays()
    {
        var schedule = Schedule(daysAhead: 10);
        var today = D("2026-09-28");
        Assert.Contains("已过去", schedule.WhyNotBookable(D("2026-09-25"), today));
        Assert.Contains("当天", schedule.WhyNotBookable(today, today));
        Assert.Null(schedule.WhyNotBookable(D("2026-09-29"), today));
        Assert.Null(schedule.WhyNotBookable(D("2026-10-08"), today)); // the 10th day ahead, open
        Assert.Contains("10天以内", schedule.WhyNotBookable(D("2026-10-09"), today));
        Assert.Contains("休息日", schedule.WhyNotBookable(D("2026-10-06"), today));
    }

    [Fact]
    public void BookableDays_FromTomorrow_SkipRestDays_AndIncludeTheMakeUpWorkday()
    {
        var days = Schedule(daysAhead: 14).BookableDays(D("2026-09-28")).Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["09-29", "09-30", "10-08", "10-09", "10-10", "10-12"], days);
    }

    [Fact]
    public void NoSlots_MeansClosedEveryDay() =>
        Assert.False(new AppointmentSchedule(Calendar, 30, [], new Dictionary<DateOnly, AppointmentSpecialDay>()).IsOpen(D("2026-09-29")));

    [Fact]
    public void Codes_AreEightCharactersOfTheUnambiguousAlphabet_AndNormalizeFromLowerCase()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => AppointmentInput.NewCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", c));
        Assert.Equal(200, codes.Distinct().Count());
        Assert.Equal(codes[0], AppointmentInput.NormalizeCode(" " + codes[0].ToLowerInvariant() + " "));
        Assert.Null(AppointmentInput.NormalizeCode("ABCDEFG0"));
        Assert.Null(AppointmentInput.NormalizeCode("ABC"));
    }
}
