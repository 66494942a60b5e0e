namespace Minzheng.Platform.Calendar;

/// <summary>
/// The working-day rules of POLICY §12: Monday–Friday is a working day unless it is a listed public holiday;
/// Saturday and Sunday are rest days unless listed as a make-up workday (调休).
/// </summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> workdays, IReadOnlySet<int> confirmedYears)
{
    public static WorkingCalendar WeekendsOnly { get; } = new(new HashSet<DateOnly>(), new HashSet<DateOnly>(), new HashSet<int>());

    public bool IsWorkingDay(DateOnly day)
    {
        if (workdays.Contains(day))
        {
            return true;
        }

        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
    }

    /// <summary>Whether the year's holiday notice has been loaded; unconfirmed years count weekends only.</summary>
    public bool IsConfirmed(int year) => confirmedYears.Contains(year);

    /// <summary>
    /// The day on which a period of <paramref name="days"/> working days ends. The <paramref name="from"/> day itself
    /// is not counted: counting starts on the next working day (POLICY §12).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = from;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// A calendar-day period (e.g. 公示 7 days) per 民法典 arts. 201/203: starts the day after, and a last day that is
    /// not a working day moves to the next working day.
    /// </summary>
    public DateOnly EndOfCalendarDayPeriod(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var end = from.AddDays(days);
        while (!IsWorkingDay(end))
        {
            end = end.AddDays(1);
        }

        return end;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
