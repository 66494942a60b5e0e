using Minzheng.Platform.Calendar;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Tests.Platform.Deadlines;

/// <summary>"即将到期" is the last 3 working days, but never more than the last fifth of the step's own period.</summary>
public sealed class DeadlineUrgencyTests
{
    private static readonly WorkingCalendar Weekdays = WorkingCalendar.WeekendsOnly;

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // A 3-working-day step (受理) from Monday 2026-11-23, due Thursday: flagged only when one working day is left.
    [InlineData("2026-11-23", "2026-11-26", "2026-11-23", "on-time")]
    [InlineData("2026-11-23", "2026-11-26", "2026-11-24", "on-time")]
    [InlineData("2026-11-23", "2026-11-26", "2026-11-25", "due-soon")]
    [InlineData("2026-11-23", "2026-11-26", "2026-11-26", "due-soon")]
    [InlineData("2026-11-23", "2026-11-26", "2026-11-27", "overdue")]
    // A 1-working-day step (临时救助受理): only on the day itself.
    [InlineData("2026-11-23", "2026-11-24", "2026-11-23", "on-time")]
    [InlineData("2026-11-23", "2026-11-24", "2026-11-24", "due-soon")]
    // A 15-working-day step (investigation) from Monday 2026-11-02, due Monday 11-23: the last 3 working days as before.
    [InlineData("2026-11-02", "2026-11-23", "2026-11-17", "on-time")]
    [InlineData("2026-11-02", "2026-11-23", "2026-11-18", "due-soon")]
    // A 10-working-day step (county decision): the last fifth is 2 working days.
    [InlineData("2026-11-09", "2026-11-23", "2026-11-18", "on-time")]
    [InlineData("2026-11-09", "2026-11-23", "2026-11-19", "due-soon")]
    public void ShareOfTheStep(string started, string due, string today, string expected)
    {
        Assert.Equal(expected, DeadlineBoard.Urgency(D(due), D(today), D(started), Weekdays));
    }

    [Fact]
    public void WithoutAStart_ThreeWorkingDays()
    {
        // Friday to Wednesday is 3 working days: due soon; Thursday is 4.
        Assert.Equal("due-soon", DeadlineBoard.Urgency(D("2026-11-25"), D("2026-11-20"), null, Weekdays));
        Assert.Equal("on-time", DeadlineBoard.Urgency(D("2026-11-26"), D("2026-11-20"), null, Weekdays));
    }
}
