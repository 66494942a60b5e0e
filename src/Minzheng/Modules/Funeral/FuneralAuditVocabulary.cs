using Minzheng.Platform.Auditing;

namespace Minzheng.Modules.Funeral;

/// <summary>殡葬's records and codes in the audit log, in Chinese (the platform knows none of them).</summary>
public sealed class FuneralAuditVocabulary : IAuditVocabulary
{
    public IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Entities { get; } = new Dictionary<string, string>
    {
        ["Cremation"] = "火化记录",
        ["FeeWaiverLine"] = "惠民殡葬减免",
        ["FuneralFacility"] = "殡葬设施",
        ["Plot"] = "墓穴",
        ["Burial"] = "安葬记录",
        ["PlotRenewal"] = "墓穴续期",
        ["IllegalBurialCase"] = "乱埋乱葬案件",
    };

    public IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["cremationDate"] = "火化日期",
        ["funeralHome"] = "殡仪馆",
        ["waiverAmount"] = "减免金额",
        ["residentStatus"] = "逝者身份",
        ["waived"] = "是否减免",
        ["approvalDocument"] = "批准文号",
        ["capacity"] = "设计容量",
        ["expiresOn"] = "使用到期日期",
        ["tenureYears"] = "使用年限",
        ["buriedOn"] = "安葬日期",
        ["rectifyBy"] = "整改期限",
        ["decisionNumber"] = "处罚决定书文号",
        ["penaltyAmount"] = "罚款金额",
    };

    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        [Cremations.FuneralEndpoints.ExportKind] = "火化记录",
    };
}
