using Minzheng.Platform.Documents;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>The numbered documents of casework: the county's decision (审批决定书 or 不予批准决定书), one series per county and year.</summary>
public static class CaseDocuments
{
    public const string DecisionKind = "assistance-decision";
    public const string OwnerType = "case";

    public static DocumentKind Decision { get; } =
        new(DecisionKind, "社会救助审批决定书", (county, year, n) => $"{county}民救决〔{year}〕{n:D4}号");
}
