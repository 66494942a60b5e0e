using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance;

/// <summary>The permissions of social assistance (docs/permissions.md), each with the roles that hold it.</summary>
public static class AssistancePolicies
{
    public const string RegistryWrite = "RegistryWrite";
    public const string ImportRosters = "ImportRosters";
    public const string ManageStandards = "ManageStandards";
    public const string CaseWork = "CaseWork";
    public const string DecideCases = "DecideCases";
    public const string ReviewOutcomes = "ReviewOutcomes";
    public const string MakePayrolls = "MakePayrolls";
    public const string CheckPayrolls = "CheckPayrolls";
    public const string SubmitStatistics = "SubmitStatistics";
    public const string ReviewStatistics = "ReviewStatistics";
    public const string ManageCheckLists = "ManageCheckLists";
    public const string HandleTipOffs = "HandleTipOffs";
    public const string RecordVisits = "RecordVisits";
    public const string MedicalAid = "MedicalAid";

    private static readonly string[] CaseWorkers = [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer, Roles.Village];
    private static readonly string[] Reviewers = [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer];

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(RegistryWrite, "登记和修改家庭、人员", CaseWorkers),
        new(ImportRosters, "导入花名册和核对名单", [Roles.County, Roles.Township]),
        new(ManageStandards, "设置保障标准", [Roles.County]),
        new(CaseWork, "受理、调查和审核救助申请", CaseWorkers),
        new(DecideCases, "审批救助申请", [Roles.County, Roles.CountyApprover]),
        new(ReviewOutcomes, "处理复核和核查结果", Reviewers),
        // Maker-checker of payments: the county section makes payrolls, the finance officer approves them and alone
        // handles bank files (they carry full ID and account numbers) and the bank's return files.
        new(MakePayrolls, "编制发放名册", [Roles.County]),
        new(CheckPayrolls, "审核发放名册、生成银行文件和回盘", [Roles.Finance]),
        new(SubmitStatistics, "上报统计报表", [Roles.Township, Roles.TownshipReviewer]),
        new(ReviewStatistics, "审核统计报表", [Roles.County, Roles.CountyApprover]),
        new(ManageCheckLists, "管理核对名单和亲属备案", [Roles.County, Roles.Township]),
        // Tip-offs name the reporter: only the staff who handle them read them (not village assistants, who may be the subject's neighbours).
        new(HandleTipOffs, "处理举报", Reviewers),
        // Village assistants and township staff are the ones who visit 特困分散供养 persons; the county checks on them.
        new(RecordVisits, "记录探视巡访", [Roles.County, Roles.Township, Roles.TownshipReviewer, Roles.Village]),
        // The hospital path and 资助参保 are county business (POLICY §4): the section imports and lists, the approver decides.
        new(MedicalAid, "导入医疗救助结算、生成资助参保名单", [Roles.County]),
    ];
}
