using Minzheng.Platform.Documents;
using Minzheng.Platform.Security;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>The 登记申请 procedure, declared once: the API, the pages and the tests read this table.</summary>
public static class ApplicationProcedure
{
    public const string Accept = "accept";
    public const string NotAccept = "not-accept";
    public const string Approve = "approve";
    public const string Refuse = "refuse";
    public const string Withdraw = "withdraw";
    public const string RequestCorrection = "request-correction";
    public const string ReceiveCorrection = "receive-correction";
    public const string Extend = "extend";

    private const string Refusal = "只有社会组织登记管理员可以办理登记申请";

    public static Procedure<ApplicationStatus> Steps { get; } = new Procedure<ApplicationStatus>("社会组织登记申请", RegistrationApplication.StatusName)
        .Step(Accept, "受理", [ApplicationStatus.Received], ApplicationStatus.Accepted, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "该申请已受理或已办结，不能再受理")
        // 等待补正 may end in 不予受理 when the applicant never completes the materials.
        .Step(NotAccept, "不予受理", [ApplicationStatus.Received, ApplicationStatus.Correcting], ApplicationStatus.NotAccepted, [Roles.SocialOrgRegistrar], Refusal,
            needsReason: true, wrongState: "该申请已受理或已办结，不能再作不予受理")
        .Step(RequestCorrection, "一次性告知补正", [ApplicationStatus.Received, ApplicationStatus.Accepted], ApplicationStatus.Correcting, [Roles.SocialOrgRegistrar],
            Refusal, wrongState: "只有已接收或已受理、尚未决定的申请才能告知补正")
        .Step(ReceiveCorrection, "收到补正材料", [ApplicationStatus.Correcting], ApplicationStatus.Accepted, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "该申请不在等待补正，不能登记收到补正材料")
        // The head of the organ approves the extension (art. 42); the module has no head role, so the deciding role takes it.
        .Step(Extend, "延长决定期限", [ApplicationStatus.Accepted], ApplicationStatus.Accepted, [Roles.SocialOrgRegistrar], Refusal, needsReason: true,
            wrongState: "只有已受理、决定期限正在计算的申请才能延期（等待补正期间期限停止计算）")
        .Step(Approve, "准予登记", [ApplicationStatus.Accepted], ApplicationStatus.Approved, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "只有已受理、尚未决定的申请才能准予登记（该申请尚未受理或已作出决定）")
        .Step(Refuse, "不予登记", [ApplicationStatus.Accepted], ApplicationStatus.Refused, [Roles.SocialOrgRegistrar], Refusal, needsReason: true,
            wrongState: "只有已受理、尚未决定的申请才能作不予登记决定（该申请尚未受理或已作出决定）")
        .Step(Withdraw, "申请人撤回", [ApplicationStatus.Received, ApplicationStatus.Accepted, ApplicationStatus.Correcting], ApplicationStatus.Withdrawn, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "该申请已作出决定或已撤回，不能再撤回");

    /// <summary>
    /// Working days from 受理 to the decision, per kind, from <c>SocialOrganizations:DecisionWorkingDays:{Establish|Change|Deregister}</c>.
    /// The default is the general 20 working days of 行政许可法 art. 42, counted in working days as its art. 82 requires. The
    /// regulations set their own periods (社会团体登记管理条例 art. 12: 30日 for 成立; 民办非企业单位登记管理暂行条例 art. 11 and
    /// 基金会管理条例 art. 10: 60日) — [to be verified against the current texts]; a county that promises a shorter period
    /// (承诺时限) configures it.
    /// </summary>
    public static int DecisionWorkingDays(IConfiguration configuration, ApplicationKind kind) =>
        Math.Clamp(configuration.GetValue($"SocialOrganizations:DecisionWorkingDays:{kind}", DefaultWorkingDays), 1, 120);

    public const int DefaultWorkingDays = 20;

    /// <summary>行政许可法 art. 42: the head of the organ may extend the period once, by ten days (working days, art. 82).</summary>
    public const int ExtensionWorkingDays = 10;

    public const int CorrectionItemMaxLength = 200;
    public const int CorrectionItemsMax = 50;

    public const string OwnerType = "social-organization-application";
    public const string AcceptanceKind = "social-organization-acceptance";
    public const string NonAcceptanceKind = "social-organization-non-acceptance";
    public const string RefusalKind = "social-organization-refusal";
    public const string CorrectionKind = "social-organization-correction";
    public const string ExtensionKind = "social-organization-extension";

    // Each notice is numbered in its own county series, so a 受理通知书 can be quoted and verified like the certificate.
    public static IReadOnlyList<DocumentKind> Notices { get; } =
    [
        new(AcceptanceKind, "社会组织登记申请受理通知书", (county, year, n) => $"{county}民社受字〔{year}〕第{n:D4}号"),
        new(NonAcceptanceKind, "社会组织登记申请不予受理通知书", (county, year, n) => $"{county}民社不受字〔{year}〕第{n:D4}号"),
        new(RefusalKind, "社会组织不予登记决定书", (county, year, n) => $"{county}民社不登字〔{year}〕第{n:D4}号"),
        new(CorrectionKind, "社会组织登记申请材料补正告知书", (county, year, n) => $"{county}民社补字〔{year}〕第{n:D4}号"),
        new(ExtensionKind, "社会组织登记申请延长决定期限通知书", (county, year, n) => $"{county}民社延字〔{year}〕第{n:D4}号"),
    ];

    /// <summary>The notice a step issues, if any.</summary>
    public static string? NoticeOf(string action) => action switch
    {
        Accept => AcceptanceKind,
        NotAccept => NonAcceptanceKind,
        Refuse => RefusalKind,
        RequestCorrection => CorrectionKind,
        Extend => ExtensionKind,
        _ => null,
    };
}

/// <summary>
/// Receiving a 登记申请. <c>procedure</c> is establish, change or deregister; for establish the fields are those of the direct
/// 成立登记 form plus the member counts and council size; for change only the fields to change and the reason; for
/// deregister the reason.
/// </summary>
public sealed record ReceiveApplicationRequest(string? Procedure, string? ReceivedOn, Guid? OrganizationId, string? Name, string? Kind, string? CreditCode,
    string? CreditCodeNote, string? SupervisingUnit, string? Residence, decimal? RegisteredCapital, Organizations.LegalRepresentativeRequest? LegalRepresentative,
    int? IndividualMembers, int? UnitMembers, int? CouncilSize, string? Reason);

/// <summary>
/// A step of the procedure: its date and, where the step needs one, the reason (for <c>extend</c> why the decision needs longer).
/// For <c>request-correction</c> the list of every missing or defective item and an optional note.
/// </summary>
public sealed record ApplicationStepRequest(string? Date, string? Reason, IReadOnlyList<string?>? Items = null, string? Note = null);

public sealed record ReceivedApplication(Guid Id);
