using Minzheng.Platform.People;

namespace Minzheng.Modules.SocialAssistance.Visits;

/// <summary>
/// How often a person in 特困分散供养 must be visited (configuration <c>Visits:IntervalDays:Dependent</c> and
/// <c>Visits:IntervalDays:Other</c>). 民发〔2021〕43号 leaves dispersed support to the township and the village committee,
/// which must know how the person lives; the frequency is a local rule [POLICY §2, L]: many counties ask for a visit
/// every 15 days when the person cannot care for themselves (半失能、全失能) and every month otherwise (Anhui's 2022
/// guideline: at least monthly, in person or by phone). Both are settings so a county can follow its own rule.
/// </summary>
public sealed class WelfareVisitOptions
{
    public const string Section = "Visits";

    public IntervalOptions IntervalDays { get; set; } = new();

    public sealed class IntervalOptions
    {
        /// <summary>For SelfCare Partial or None: days from one visit to the next.</summary>
        public int Dependent { get; set; } = 15;

        /// <summary>For everyone else.</summary>
        public int Other { get; set; } = 30;
    }

    /// <summary>A day up to a year: 0 or a negative value would put everyone on the board at once, a typo like 300 never.</summary>
    public bool IsValid => IntervalDays.Dependent is >= 1 and <= 366 && IntervalDays.Other is >= 1 and <= 366;
}

/// <summary>The due date of the next visit: pure, so the page, the API and the deadline board agree.</summary>
public static class WelfareVisitRules
{
    /// <summary>The programme whose people are visited (DESIGN §4, public code).</summary>
    public const string Program = "destitute-dispersed";

    public static bool IsDependent(SelfCare level) => level is SelfCare.Partial or SelfCare.None;

    public static int IntervalDays(WelfareVisitOptions options, SelfCare level) =>
        IsDependent(level) ? options.IntervalDays.Dependent : options.IntervalDays.Other;

    /// <summary>
    /// <paramref name="interval"/> days after the last visit; for someone never visited, after the first day of the
    /// enrolment's start month (the township has known of the person since then).
    /// </summary>
    public static DateOnly DueOn(DateOnly? lastVisit, DateOnly startMonth, int interval) =>
        (lastVisit ?? new DateOnly(startMonth.Year, startMonth.Month, 1)).AddDays(interval);

    public static string SelfCareName(SelfCare level) => level switch
    {
        SelfCare.Full => "自理",
        SelfCare.Partial => "半失能",
        SelfCare.None => "全失能",
    };
}
