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
    };

    public IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["category"] = "优抚类别",
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
        ["effectiveMonth"] = "执行月份",
        ["backPay"] = "追溯补发",
        ["visitedOn"] = "走访日期",
        ["visitedBy"] = "走访人",
        ["gift"] = "慰问品",
        ["outcome"] = "确认结果",
        ["reason"] = "原因",
        ["recordedOn"] = "确认日期",
        ["appliedOn"] = "生效日期",
        ["dueOn"] = "截止日期",
    };

    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>();
}
