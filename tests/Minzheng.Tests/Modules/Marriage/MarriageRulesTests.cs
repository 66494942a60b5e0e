using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>The legal age and the cooling-off periods, without a database.</summary>
public sealed class MarriageRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2004-06-15", "2026-06-14", false)]
    [InlineData("2004-06-15", "2026-06-15", true)]
    [InlineData("2004-06-15", "2026-06-16", true)]
    [InlineData("2004-02-29", "2026-02-27", false)]
    [InlineData("2004-02-29", "2026-02-28", true)]
    [InlineData("2004-02-29", "2026-03-01", true)]
    [InlineData("2006-02-28", "2028-02-27", false)]
    [InlineData("2006-02-28", "2028-02-29", true)]
    public void IsOfLegalAge_Man_TurnsTrueOnThe22ndBirthday(string birth, string day, bool expected) =>
        Assert.Equal(expected, MarriageRules.IsOfLegalAge(Gender.Male, D(birth), D(day)));

    [Theory]
    [InlineData("2006-06-15", "2026-06-14", false)]
    [InlineData("2006-06-15", "2026-06-16", true)]
    [InlineData("2008-02-29", "2028-02-28", false)]
    [InlineData("2008-02-29", "2028-02-29", true)]
    [InlineData("2007-02-28", "2026-03-01", false)]
    public void IsOfLegalAge_Woman_TurnsTrueOnThe20thBirthday(string birth, string day, bool expected) =>
        Assert.Equal(expected, MarriageRules.IsOfLegalAge(Gender.Female, D(birth), D(day)));

    [Fact]
    public void CoolingOff_OnWorkingDays_Is30DaysFromTheDayAfter_ThenAnother30()
    {
        var calendar = WorkingCalendar.WeekendsOnly;
        // Received Monday 2026-03-02: day 30 is Wednesday 2026-04-01; 30 more is Friday 2026-05-01.
        var ends = MarriageRules.CoolingOffEnds(calendar, D("2026-03-02"));
        Assert.Equal(D("2026-04-01"), ends);
        Assert.Equal(D("2026-05-01"), MarriageRules.CollectBy(calendar, ends));
    }

    [Fact]
    public void CoolingOff_LastDayOnAWeekend_MovesToMonday()
    {
        // Received Thursday 2026-01-01 + 30 = Saturday 2026-01-31 → Monday 2026-02-02.
        Assert.Equal(D("2026-02-02"), MarriageRules.CoolingOffEnds(WorkingCalendar.WeekendsOnly, D("2026-01-01")));
    }

    [Fact]
    public void CoolingOff_LastDayOnAHoliday_MovesPastTheHoliday_AndASwappedWorkdayCounts()
    {
        var holidays = new HashSet<DateOnly> { D("2026-10-01"), D("2026-10-02"), D("2026-10-05"), D("2026-10-06"), D("2026-10-07") };
        var workdays = new HashSet<DateOnly> { D("2026-09-20"), D("2026-10-10") };
        var calendar = new WorkingCalendar(holidays, workdays, new HashSet<int> { 2026 });
        // 2026-09-01 + 30 = Thursday 2026-10-01, a holiday: the period runs on to Thursday 2026-10-08.
        Assert.Equal(D("2026-10-08"), MarriageRules.CoolingOffEnds(calendar, D("2026-09-01")));
        // 2026-08-21 + 30 = Sunday 2026-09-20, a 调休 workday: it stays.
        Assert.Equal(D("2026-09-20"), MarriageRules.CoolingOffEnds(calendar, D("2026-08-21")));
        // A collect-by day on Saturday 2026-10-10 (调休 workday) stays too: 2026-09-10 + 30.
        Assert.Equal(D("2026-10-10"), MarriageRules.CollectBy(calendar, D("2026-09-10")));
    }

    [Fact]
    public void Windows_WithdrawUpToTheLastCoolingOffDay_RegisterAfterItUntilCollectBy()
    {
        var a = new DivorceApplication { ReceivedOn = D("2026-03-02"), CoolingOffEnds = D("2026-04-01"), CollectBy = D("2026-05-06"), Status = DivorceApplicationStatus.Pending };
        Assert.True(MarriageRules.MayWithdraw(a, D("2026-04-01")));
        Assert.False(MarriageRules.MayWithdraw(a, D("2026-04-02")));
        Assert.False(MarriageRules.MayRegister(a, D("2026-04-01")));
        Assert.True(MarriageRules.MayRegister(a, D("2026-04-02")));
        Assert.True(MarriageRules.MayRegister(a, D("2026-05-06")));
        Assert.False(MarriageRules.MayRegister(a, D("2026-05-07")));
    }
}
