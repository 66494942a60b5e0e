using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The statutory procedure of an application (社会救助暂行办法; 民发〔2021〕57号), declared once: the case's transition
/// methods refuse what it does not allow, and the case page and the API list the steps a user may take from it.
/// Deadlines depend on the programme and are set per state by <see cref="CaseService.SetDeadlines"/>.
/// </summary>
public static class CaseProcedure
{
    private const string TownshipOnly = "只有乡镇（街道）经办或审核人员可以办理此步骤";
    private const string CountyOnly = "只有县级民政审批人员可以作出决定";

    private static readonly string[] Township = [Roles.Township, Roles.TownshipReviewer];
    private static readonly string[] County = [Roles.County, Roles.CountyApprover];
    private static readonly string[] CaseWorkers = [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer, Roles.Village];

    private static readonly CaseStatus[] Open =
        [CaseStatus.Applied, CaseStatus.Accepted, CaseStatus.Investigated, CaseStatus.TownshipReviewed, CaseStatus.InPublicity, CaseStatus.AwaitingDecision];

    public static Procedure<CaseStatus> Definition { get; } = new Procedure<CaseStatus>("救助申请", CaseText.StatusName)
        .Step("record-authorisation", "补录授权书签署", [CaseStatus.Applied], null, CaseWorkers, "只有村（社区）、乡镇（街道）或县级工作人员可以补录授权书")
        .Step("accept", "受理", [CaseStatus.Applied], CaseStatus.Accepted, Township, TownshipOnly)
        .Step("investigate", "入户调查", [CaseStatus.Accepted, CaseStatus.Investigated], CaseStatus.Investigated, Township, TownshipOnly)
        .Step("check", "经济状况核对", [CaseStatus.Investigated], null, Township, TownshipOnly)
        .Step("democratic-review", "民主评议", [CaseStatus.Investigated], null, Township, TownshipOnly)
        .Step("township-review", "乡镇审核", [CaseStatus.Investigated], null, Township, TownshipOnly)
        .Step("start-publicity", "公示", [CaseStatus.TownshipReviewed], CaseStatus.InPublicity, Township, TownshipOnly)
        .Step("object", "登记公示异议", [CaseStatus.InPublicity], null, CaseWorkers, "只有村（社区）、乡镇（街道）或县级工作人员可以登记公示异议")
        .Step("resolve-objection", "处理公示异议", [CaseStatus.InPublicity], null, Township, TownshipOnly)
        .Step("end-publicity", "公示期满报县级审批", [CaseStatus.InPublicity], CaseStatus.AwaitingDecision, Township, TownshipOnly)
        .Step("relative-review", "近亲属单独审核", Open, null, County, "近亲属备案的单独审核由县级民政部门进行", wrongState: "案件已办结")
        .Step("decide", "县级审批", [CaseStatus.AwaitingDecision], null, County, CountyOnly)
        .Step("withdraw", "申请人撤回", Open, CaseStatus.Withdrawn, [.. Township, .. County], "只有乡镇（街道）或县级工作人员可以登记申请人撤回",
            needsReason: true, wrongState: "案件已办结，不能撤回");

    /// <summary>The refusal of a step the procedure does not know, naming the ones it does.</summary>
    public static DomainRuleException Unknown(string action) =>
        new($"未知的办理步骤“{action}”，应为 {string.Join("、", Definition.Steps.Select(s => s.Action))} 之一", Outcome.Invalid);

    /// <summary>The actions (API names) this actor may take on a case in this state.</summary>
    public static IReadOnlyList<string> AvailableActions(CaseStatus status, IEnumerable<string> roles) =>
        Definition.AvailableActions(status, roles).Select(s => s.Action).ToList();

    /// <summary>The actions on this case: as for its state, without 补录授权书 once the authorisation is on file.</summary>
    public static IReadOnlyList<string> AvailableActions(AssistanceCase c, IEnumerable<string> roles) =>
        AvailableActions(c.Status, roles).Where(a => a != "record-authorisation" || !c.AuthorisationSigned).ToList();
}
