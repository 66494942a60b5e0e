using Minzheng.Platform.Documents;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The numbered documents of casework: the county's decision (审批决定书 or 不予批准决定书), one series per county and
/// year; and the 公示名单 posted by the township government (or the county bureau for a county-wide list), one series per
/// issuing office and year.
/// </summary>
public static class CaseDocuments
{
    public const string DecisionKind = "assistance-decision";
    public const string OwnerType = "case";

    public const string PublicityKind = "assistance-publicity";

    /// <summary>A 公示名单 is owned by its content (<see cref="PublicityListId"/>), not by one case.</summary>
    public const string PublicityOwnerType = "publicity-list";

    public static DocumentKind Decision { get; } =
        new(DecisionKind, "社会救助审批决定书", (county, year, n) => $"{county}民救决〔{year}〕{n:D4}号");

    public static DocumentKind Publicity { get; } =
        new(PublicityKind, "社会救助对象公示", (office, year, n) => $"{office}救助公示〔{year}〕{n:D3}号");

    /// <summary>
    /// The identity of a printed 公示名单: its region and the cases on it. Printing the same list again (a reprint, or the
    /// village printing what the township posted) finds the same number; a list with other cases is another document.
    /// </summary>
    public static Guid PublicityListId(string regionCode, IEnumerable<Guid> caseIds)
    {
        var content = $"publicity|{regionCode}|{string.Join(",", caseIds.Order())}";
        return new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)).AsSpan(0, 16));
    }
}
