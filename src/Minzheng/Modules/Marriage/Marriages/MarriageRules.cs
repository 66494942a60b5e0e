using Minzheng.Platform.Calendar;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>The rules of POLICY §8, without a database: legal age, and the two periods of the divorce cooling-off procedure.</summary>
public static class MarriageRules
{
    public const int MenLegalAge = 22;
    public const int WomenLegalAge = 20;
    public const int CoolingOffDays = 30;
    public const int CollectDays = 30;

    public static int LegalAge(Gender gender) => gender == Gender.Male ? MenLegalAge : WomenLegalAge;

    /// <summary>
    /// Full years on <paramref name="day"/>: the birthday itself completes a year. Someone born on 29 February completes
    /// a year on 28 February in a common year — the month-end rule of 民法典 art. 201 for a missing corresponding day.
    /// </summary>
    public static int FullYears(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }

    public static bool IsOfLegalAge(Gender gender, DateOnly birth, DateOnly day) => FullYears(birth, day) >= LegalAge(gender);

    /// <summary>The last day to withdraw: 30 days counted from the day after receipt, moved off a rest day (民发〔2020〕116号).</summary>
    public static DateOnly CoolingOffEnds(WorkingCalendar calendar, DateOnly receivedOn) => calendar.EndOfCalendarDayPeriod(receivedOn, CoolingOffDays);

    /// <summary>The last day to collect the certificate: 30 more days from the day after the cooling-off period ends, moved off a rest day.</summary>
    public static DateOnly CollectBy(WorkingCalendar calendar, DateOnly coolingOffEnds) => calendar.EndOfCalendarDayPeriod(coolingOffEnds, CollectDays);

    public static bool MayWithdraw(DivorceApplication a, DateOnly day) => IsOpenOn(a, day) && day >= a.ReceivedOn && day <= a.CoolingOffEnds;

    public static bool MayRegister(DivorceApplication a, DateOnly day) => IsOpenOn(a, day) && day > a.CoolingOffEnds && day <= a.CollectBy;

    /// <summary>
    /// Whether the application was still open on <paramref name="day"/>. A lapsed one was open until its last day: a
    /// withdrawal or registration dated within its window and entered later (records may be entered after the day) is accepted.
    /// </summary>
    public static bool IsOpenOn(DivorceApplication a, DateOnly day) =>
        a.Status == DivorceApplicationStatus.Pending || (a.Status == DivorceApplicationStatus.Lapsed && day <= a.CollectBy);
}
