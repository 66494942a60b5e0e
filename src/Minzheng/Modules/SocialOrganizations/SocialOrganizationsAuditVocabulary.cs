using Minzheng.Platform.Auditing;

namespace Minzheng.Modules.SocialOrganizations;

/// <summary>社会组织登记管理's records, fields and codes in the audit log, in Chinese (the platform knows none of them).</summary>
public sealed class SocialOrganizationsAuditVocabulary : IAuditVocabulary
{
    public IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Entities { get; } = new Dictionary<string, string>
    {
        ["SocialOrganization"] = "社会组织",
        ["OrganizationEvent"] = "社会组织登记事项",
        ["DecouplingTask"] = "脱钩任务",
        ["RegistrationApplication"] = "社会组织登记申请",
        ["InspectionCampaign"] = "年检",
        ["InspectionEntry"] = "年检对象",
        ["RevocationCase"] = "撤销登记案件",
        ["OrganizationCheck"] = "监督检查",
        ["OrganizationComplaint"] = "投诉举报",
        ["OrganizationListing"] = "活动异常名录和严重违法失信名单",
        ["OrganizationPenalty"] = "行政处罚",
        ["SpotCheckDraw"] = "双随机抽查",
        ["SpotCheckPick"] = "双随机抽中对象",
    };

    public IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["organizationId"] = "社会组织",
        ["organizationName"] = "社会组织名称",
        ["organizationKind"] = "社会组织类型",
        ["authorityCode"] = "登记管理机关",
        ["RevocationCase.openedOn"] = "立案日期",
        ["InspectionCampaign.openedOn"] = "开始日期",
        ["publishedOn"] = "公告日期",
        ["reportBy"] = "报送截止日期",
        ["activities"] = "业务活动情况",
        ["campaignId"] = "批次",
        ["expenditure"] = "支出",
        ["income"] = "收入",
        ["netAssets"] = "净资产",
        ["reviewedOn"] = "审查日期",
        ["staff"] = "专职工作人员数",
        ["InspectionEntry.submittedOn"] = "报送日期",
        ["acceptedOn"] = "受理日期",
        ["closingReason"] = "办结原因",
        ["correctionItems"] = "需补正的材料",
        ["correctionNote"] = "补正说明",
        ["correctionReceivedOn"] = "补正材料收到日期",
        ["correctionRequestedOn"] = "告知补正日期",
        ["councilSize"] = "理事人数",
        ["creditCode"] = "统一社会信用代码",
        ["creditCodeNote"] = "统一社会信用代码说明",
        ["dueBeforeExtension"] = "延长前的期限",
        ["extendedOn"] = "延长期限日期",
        ["extensionReason"] = "延长期限理由",
        ["individualMembers"] = "个人会员数",
        ["unitMembers"] = "单位会员数",
        ["matter"] = "申请事项",
        ["newName"] = "新名称",
        ["registeredCapital"] = "注册资金（开办资金）",
        ["representativeName"] = "法定代表人",
        ["legalRepresentativeName"] = "法定代表人",
        ["residence"] = "住所",
        ["supervisingUnit"] = "业务主管单位",
        ["completedOn"] = "完成日期",
        ["task"] = "脱钩任务",
        ["decoupledOn"] = "脱钩日期",
        ["decoupling"] = "脱钩状态",
        ["decouplingReason"] = "暂不脱钩理由",
        ["SocialOrganization.endReason"] = "终止原因",
        ["establishedOn"] = "成立登记日期",
        ["evaluationGrade"] = "评估等级",
        ["evaluationValidUntil"] = "评估等级有效期至",
        ["decidedOn"] = "决定日期",
        ["facts"] = "违法事实",
        ["ground"] = "撤销依据",
        ["notifiedOn"] = "告知日期",
        ["respondedOn"] = "陈述申辩日期",
        ["response"] = "陈述申辩情况",
        ["responseDueOn"] = "陈述申辩期限",
        ["responseText"] = "陈述申辩内容",
        ["checkedOn"] = "检查日期",
        ["inspectors"] = "检查人员",
        ["method"] = "检查方式",
        ["rectificationNote"] = "整改情况",
        ["rectifiedOn"] = "整改完成日期",
        ["complainant"] = "投诉举报人",
        ["handledOn"] = "处理日期",
        ["list"] = "名录",
        ["listedOn"] = "列入日期",
        ["removalReason"] = "移出原因",
        ["removedOn"] = "移出日期",
        ["confiscatedAmount"] = "没收违法所得",
        ["fineAmount"] = "罚款金额",
        ["OrganizationPenalty.suspendedFrom"] = "停止活动起始日期",
        ["suspendedUntil"] = "停止活动截止日期",
        ["drawnOn"] = "抽取日期",
        ["eligible"] = "可抽取对象数",
        ["inspectorPool"] = "执法检查人员名录",
        ["drawId"] = "抽查批次",
    }.Concat(AuditKeys.IdNumber("representative", "法定代表人")).Concat(AuditKeys.IdNumber("legalRepresentative", "法定代表人")).ToDictionary();

    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        ["social-organizations"] = "社会组织名单",
    };
}
