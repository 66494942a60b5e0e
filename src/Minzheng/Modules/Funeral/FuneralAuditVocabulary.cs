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
        ["PlotReclaim"] = "墓穴到期收回",
        ["IllegalBurialCase"] = "乱埋乱葬案件",
        ["ExistingGrave"] = "已有坟墓",
        ["InformationOfficer"] = "殡改信息员",
        ["OfficerSubsidyRoster"] = "殡改信息员补贴年度表",
        ["OfficerSubsidyLine"] = "殡改信息员补贴",
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
        ["movedOutOn"] = "迁出日期",
        ["deadline"] = "催告期限",
        ["remainsPlace"] = "遗骨（骨灰）安放地点",
        ["rectifyBy"] = "整改期限",
        ["decisionNumber"] = "处罚决定书文号",
        ["penaltyAmount"] = "罚款金额",
        ["noticedOn"] = "限期整改通知书发出日期",
        ["noticeNumber"] = "限期整改通知书编号",
        ["certificateIssuedOn"] = "墓穴证发证日期",
        ["compensation"] = "迁移补偿金额",
        ["appointedOn"] = "聘任日期",
        ["paidOn"] = "发放日期",
        ["annualStandard"] = "补贴标准（元/年）",
    };

    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        [Cremations.FuneralEndpoints.ExportKind] = "火化记录",
        [ExistingGraves.GraveEndpoints.ExportKind] = "已有坟墓",
        [InformationOfficers.OfficerEndpoints.ExportKind] = "殡改信息员补贴发放表",
        [IllegalBurials.IllegalBurialEndpoints.ExportKind] = "乱埋乱葬案件",
    };
}
