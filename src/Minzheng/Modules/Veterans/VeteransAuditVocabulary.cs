using Minzheng.Platform.Auditing;

namespace Minzheng.Modules.Veterans;

/// <summary>优抚安置's records and fields in the audit log, in Chinese (the platform knows none of them).</summary>
public sealed class VeteransAuditVocabulary : IAuditVocabulary
{
    public IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Entities { get; } = new Dictionary<string, string>
    {
        ["VeteranEntitlement"] = "优抚对象",
        ["VeteranStandard"] = "抚恤补助标准",
        ["CareVisitCampaign"] = "走访慰问活动",
        ["CareVisit"] = "走访慰问记录",
        ["ConfirmationCampaign"] = "优抚年度确认",
        ["ConfirmationItem"] = "年度确认结果",
        ["SoldierPlacement"] = "退役士兵安置",
    };

    public IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["VeteranEntitlement.category"] = "优抚类别",
        ["VeteranStandard.category"] = "优抚类别",
        ["disabilityNature"] = "残疾性质",
        ["enlistedOn"] = "入伍日期",
        ["dischargedOn"] = "退伍日期",
        ["unit"] = "服役部队",
        ["firstClassMerits"] = "一等功",
        ["secondClassMerits"] = "二等功",
        ["thirdClassMerits"] = "三等功",
        ["certificateNumber"] = "证件编号",
        ["funeralAid"] = "丧葬补助",
        ["nationalAmount"] = "国家标准",
        ["localAmount"] = "地方增发",
        ["backPay"] = "追溯补发",
        ["CareVisit.visitedOn"] = "走访日期",
        ["visitedBy"] = "走访人",
        ["gift"] = "慰问品",
        ["ConfirmationItem.outcome"] = "确认结果",
        ["reason"] = "原因",
        ["recordedOn"] = "确认日期",
        ["appliedOn"] = "生效日期",
        ["ConfirmationCampaign.dueOn"] = "截止日期",
        ["campaignId"] = "批次",
        ["entitlementId"] = "优抚对象",
        ["endNote"] = "终止说明",
        ["rural"] = "农村籍",
        ["standardId"] = "适用标准",
        ["dischargePayment"] = "一次性退役金",
        ["employer"] = "安置单位",
        ["grounds"] = "安排工作条件",
        ["nco"] = "士官",
        ["path"] = "安置方式",
        ["reportedOn"] = "报到日期",
        ["SoldierPlacement.startedOn"] = "上岗日期",
        ["adjusted"] = "调整人数",
        ["enrolled"] = "纳入人数",
        ["perYear"] = "按年发放",
        ["categories"] = "优抚类别",
        ["occasion"] = "慰问时节",
    };

    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>();
}
