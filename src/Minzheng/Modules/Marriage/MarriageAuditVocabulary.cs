using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Auditing;

namespace Minzheng.Modules.Marriage;

/// <summary>婚姻登记's records, fields and codes in the audit log, in Chinese (the platform knows none of them).</summary>
public sealed class MarriageAuditVocabulary : IAuditVocabulary
{
    public IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Entities { get; } = new Dictionary<string, string>
    {
        ["MarriageRecord"] = "婚姻登记记录",
        ["DivorceApplication"] = "离婚登记申请",
        ["MarriageCorrection"] = "婚姻登记更正",
        ["MarriageAppointment"] = "婚姻登记预约",
        ["AppointmentHold"] = "预约占号（每人每日一个）",
        ["AppointmentRegistry"] = "婚姻登记处预约设置",
        ["AppointmentSlot"] = "预约时段",
        ["AppointmentSpecialDay"] = "特殊日期预约安排",
    };

    /// <summary>The register's fields; a record's two parties are 一方 (A) and 另一方 (B) as on the 审查处理表.</summary>
    public IReadOnlyDictionary<string, string> Keys { get; } = Parties(new Dictionary<string, string>
    {
        ["appointmentId"] = "预约",
        ["personIndex"] = "当事人身份证号索引",
        ["daysAhead"] = "可预约天数",
        ["start"] = "开始时间",
        ["end"] = "结束时间",
        ["extraCapacity"] = "增加名额",
        ["arrivedAt"] = "签到时间",
        ["cancelledAt"] = "取消时间",
        ["MarriageAppointment.code"] = "预约号",
        ["MarriageAppointment.place"] = "时段内名额序号",
        ["slotStart"] = "时段开始",
        ["slotEnd"] = "时段结束",
        ["agreementJson"] = "离婚协议",
        ["closedOn"] = "办结日期",
        ["collectBy"] = "申请领证截止日期",
        ["coolingOffEnds"] = "离婚冷静期届满日期",
        ["coupleKey"] = "双方身份索引",
        ["divorceRecordId"] = "离婚登记记录",
        ["marriageId"] = "结婚登记记录",
        ["DivorceApplication.receivedOn"] = "受理日期",
        ["withdrawnBy"] = "撤回人账号",
        ["withdrawnByName"] = "撤回的当事人",
        ["correctedOn"] = "更正日期",
        ["field"] = "项目",
        ["newValue"] = "更正（变更）后",
        ["oldValue"] = "更正（变更）前",
        ["recordId"] = "原登记记录",
        ["annulmentKind"] = "撤销类型（婚姻无效或可撤销）",
        ["caseNumber"] = "案号",
        ["court"] = "人民法院",
        ["dissolvedOn"] = "婚姻关系解除日期",
        ["historical"] = "历史档案补录",
        ["judgmentDate"] = "判决日期",
        ["marriages"] = "结婚登记",
        ["divorces"] = "离婚登记",
        ["found"] = "查到记录数",
    });

    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        [MarriageHistoryImport.KindName] = "婚姻登记历史档案补录",
    };

    /// <summary>Each party's fields twice, as 一方… and 另一方….</summary>
    private static Dictionary<string, string> Parties(Dictionary<string, string> keys)
    {
        var fields = new Dictionary<string, string>
        {
            ["BirthDate"] = "出生日期",
            ["Gender"] = "性别",
            ["IdCipher"] = "身份证件号码（加密）",
            ["IdIndex"] = "身份证件号码索引",
            ["IdMasked"] = "身份证件号码（脱敏）",
            ["IdType"] = "身份证件类型",
            ["Name"] = "姓名",
            ["Nationality"] = "国籍",
        };
        foreach (var (side, label) in new[] { ("partyA", "一方"), ("partyB", "另一方") })
        {
            foreach (var (field, name) in fields)
            {
                keys[side + field] = label + name;
            }
        }

        return keys;
    }
}
