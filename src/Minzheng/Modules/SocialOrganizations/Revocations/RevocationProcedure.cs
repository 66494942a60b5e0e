using Minzheng.Platform.Documents;
using Minzheng.Platform.Security;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.SocialOrganizations.Revocations;

/// <summary>
/// The 撤销登记 procedure, declared once: the API, the pages and the tests read this table. Like the 登记申请 it is worked by
/// the registration staff (the module has no separate head role yet); the rules that depend on the case's content — no
/// decision to revoke while the party's response period runs, unless the party has answered or waived — stay with
/// <see cref="RevocationSteps"/>.
/// </summary>
public static class RevocationProcedure
{
    public const string Notify = "notify";
    public const string Respond = "respond";
    public const string Revoke = "revoke";
    public const string Dismiss = "dismiss";

    private const string Refusal = "只有社会组织登记管理员可以办理撤销登记案件";

    public static Procedure<RevocationStatus> Steps { get; } = new Procedure<RevocationStatus>("社会组织撤销登记", RevocationCase.StatusName)
        .Step(Notify, "告知", [RevocationStatus.Opened], RevocationStatus.Notified, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "该案件已告知或已作出决定，不能再告知")
        .Step(Respond, "登记陈述申辩或听证", [RevocationStatus.Notified], RevocationStatus.Heard, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "只有已告知、尚未决定的案件才能登记陈述申辩或听证（该案件尚未告知、已登记过或已作出决定）")
        .Step(Revoke, "决定撤销登记", [RevocationStatus.Notified, RevocationStatus.Heard], RevocationStatus.Revoked, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "只有已告知、尚未决定的案件才能决定撤销登记（未经告知不得作出撤销登记决定）")
        .Step(Dismiss, "决定不予撤销", [RevocationStatus.Opened, RevocationStatus.Notified, RevocationStatus.Heard], RevocationStatus.NotRevoked,
            [Roles.SocialOrgRegistrar], Refusal, needsReason: true, wrongState: "该案件已作出决定");

    /// <summary>
    /// Working days the party has to state its case or ask for a hearing, from <c>SocialOrganizations:RevocationResponseWorkingDays</c>
    /// (1 to 30). The default 5 follows 行政处罚法 art. 64 (a hearing is asked for within 5 days of the notice) [to be verified];
    /// a county that gives longer configures it.
    /// </summary>
    public static int ResponseWorkingDays(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue("SocialOrganizations:RevocationResponseWorkingDays", DefaultResponseWorkingDays), 1, 30);

    public const int DefaultResponseWorkingDays = 5;

    public const string OwnerType = "social-organization-revocation";
    public const string NoticeKind = "social-organization-revocation-notice";
    public const string DecisionKind = "social-organization-revocation-decision";

    // The notice is numbered in its own county series, so it can be quoted and verified like the other notices.
    public static DocumentKind Notice { get; } = new(NoticeKind, "撤销登记事先告知书", (county, year, n) => $"{county}民社告字〔{year}〕第{n:D4}号");

    // The decision bears the 行政处罚决定书 number entered at 决定撤销 (the penalty register's number); the series only counts it,
    // and its format is the fallback should a decision ever be issued without one.
    public static DocumentKind Decision { get; } = new(DecisionKind, "撤销登记决定书", (county, year, n) => $"{county}民社撤字〔{year}〕第{n:D4}号");
}

/// <summary>立案: the ground (<c>fraud</c>, <c>inactive</c>, <c>serious-violation</c> or <c>other</c>) and the facts found.</summary>
public sealed record OpenRevocationRequest(string? OpenedOn, string? Ground, string? Facts);

/// <summary>
/// A step of the case: its date; for <c>respond</c> the kind of response (<c>statement</c>, <c>hearing</c>, <c>waived</c>) and its text;
/// for <c>revoke</c> the penalty decision's number; the reason (required for <c>dismiss</c>).
/// </summary>
public sealed record RevocationStepRequest(string? Date, string? Response, string? Text, string? DecisionNumber, string? Reason);

public sealed record OpenedRevocation(Guid Id);
