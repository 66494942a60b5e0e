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

    private const string Refusal = "只有社会组织登记管理员可以办理登记申请";

    public static Procedure<ApplicationStatus> Steps { get; } = new Procedure<ApplicationStatus>("社会组织登记申请", RegistrationApplication.StatusName)
        .Step(Accept, "受理", [ApplicationStatus.Received], ApplicationStatus.Accepted, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "该申请已受理或已办结，不能再受理")
        .Step(NotAccept, "不予受理", [ApplicationStatus.Received], ApplicationStatus.NotAccepted, [Roles.SocialOrgRegistrar], Refusal, needsReason: true,
            wrongState: "该申请已受理或已办结，不能再作不予受理")
        .Step(Approve, "准予登记", [ApplicationStatus.Accepted], ApplicationStatus.Approved, [Roles.SocialOrgRegistrar], Refusal,
            wrongState: "只有已受理、尚未决定的申请才能准予登记（该申请尚未受理或已作出决定）")
        .Step(Refuse, "不予登记", [ApplicationStatus.Accepted], ApplicationStatus.Refused, [Roles.SocialOrgRegistrar], Refusal, needsReason: true,
            wrongState: "只有已受理、尚未决定的申请才能作不予登记决定（该申请尚未受理或已作出决定）")
        .Step(Withdraw, "申请人撤回", [ApplicationStatus.Received, ApplicationStatus.Accepted], ApplicationStatus.Withdrawn, [Roles.SocialOrgRegistrar], Refusal,
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

    public const string OwnerType = "social-organization-application";
    public const string AcceptanceKind = "social-organization-acceptance";
    public const string NonAcceptanceKind = "social-organization-non-acceptance";
    public const string RefusalKind = "social-organization-refusal";

    // Each notice is numbered in its own county series, so a 受理通知书 can be quoted and verified like the certificate.
    public static IReadOnlyList<DocumentKind> Notices { get; } =
    [
        new(AcceptanceKind, "社会组织登记申请受理通知书", (county, year, n) => $"{county}民社受字〔{year}〕第{n:D4}号"),
        new(NonAcceptanceKind, "社会组织登记申请不予受理通知书", (county, year, n) => $"{county}民社不受字〔{year}〕第{n:D4}号"),
        new(RefusalKind, "社会组织不予登记决定书", (county, year, n) => $"{county}民社不登字〔{year}〕第{n:D4}号"),
    ];

    /// <summary>The notice a step issues, if any.</summary>
    public static string? NoticeOf(string action) => action switch
    {
        Accept => AcceptanceKind,
        NotAccept => NonAcceptanceKind,
        Refuse => RefusalKind,
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

/// <summary>A step of the procedure: its date and, where the step needs one, the reason.</summary>
public sealed record ApplicationStepRequest(string? Date, string? Reason);

public sealed record ReceivedApplication(Guid Id);
