using Minzheng.Platform.Documents;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The numbered documents of casework: the county's decision (审批决定书 or 不予批准决定书), one series per county and
/// year; and the 公示名单 posted by the township government (or the county bureau for a county-wide list), one series per
/// issuing office and year; and the 长期公示 of the current beneficiaries, numbered in its own series of that office.
/// </summary>
public static class CaseDocuments
{
    public const string DecisionKind = "assistance-decision";
    public const string OwnerType = "case";

    public const string PublicityKind = "assistance-publicity";

    /// <summary>A 公示名单 is owned by its content (<see cref="PublicityListId"/>), not by one case.</summary>
    public const string PublicityOwnerType = "publicity-list";

    public const string StandingPublicityKind = "assistance-standing-publicity";

    /// <summary>A 长期公示 is owned by its content too: a changed roster is posted again under a new number.</summary>
    public const string StandingPublicityOwnerType = "standing-publicity-list";

    public static DocumentKind Decision { get; } =
        new(DecisionKind, "社会救助审批决定书", (county, year, n) => $"{county}民救决〔{year}〕{n:D4}号");

    public static DocumentKind Publicity { get; } =
        new(PublicityKind, "社会救助对象公示", (office, year, n) => $"{office}救助公示〔{year}〕{n:D3}号");

    public static DocumentKind StandingPublicity { get; } =
        new(StandingPublicityKind, "社会救助对象长期公示", (office, year, n) => $"{office}救助长期公示〔{year}〕{n:D3}号");

    /// <summary>
    /// The identity of a printed 公示名单: its region and the cases on it. Printing the same list again (a reprint, or the
    /// village printing what the township posted) finds the same number; a list with other cases is another document.
    /// </summary>
    public static Guid PublicityListId(string regionCode, IEnumerable<Guid> caseIds) =>
        HashId($"publicity|{regionCode}|{string.Join(",", caseIds.Order())}");

    /// <summary>
    /// The identity of a printed 长期公示: its region and each enrolment with the persons and amount it shows, so a reprint
    /// of an unchanged roster keeps its number, and a roster with anyone added, ended or re-assessed is posted anew.
    /// </summary>
    public static Guid StandingListId(string regionCode, IEnumerable<(Guid Enrollment, int Persons, decimal Amount)> lines) =>
        HashId($"standing|{regionCode}|{string.Join(",", lines.Select(l => $"{l.Enrollment:N}:{l.Persons}:{l.Amount:0.00}").Order(StringComparer.Ordinal))}");

    private static Guid HashId(string content) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)).AsSpan(0, 16));
}
