using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Auditing;

namespace Minzheng.Modules.SocialAssistance;

/// <summary>社会救助's actions, records and codes in the audit log, in Chinese (the platform knows none of them).</summary>
public sealed class AssistanceAuditVocabulary : IAuditVocabulary
{
    public IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>
    {
        [PayrollService.AuditCreated] = "生成发放名册",
        [BankFileService.AuditExported] = "导出银行代发文件",
        [ReconciliationService.AuditReconciled] = "银行回盘对账",
        [ReconciliationService.AuditReissued] = "生成补发名册",
        ["recalculation.previewed"] = "提标重算预览",
        ["recalculation.applied"] = "提标重算执行",
        ["enrollment.contracted-raise"] = "其他业务线（优抚）提标批量调整金额",
        [Verification.DeathReportSink.AuditReported] = "死亡信息比对（火化等逐条报送）",
    };

    public IReadOnlyDictionary<string, string> Entities { get; } = new Dictionary<string, string>
    {
        ["Household"] = "家庭",
        ["HouseholdMember"] = "家庭成员",
        ["MemberIncome"] = "成员收入",
        ["MemberAsset"] = "成员财产",
        ["AssistanceCase"] = "救助申请",
        ["CaseEvent"] = "办理记录",
        ["PublicityPosting"] = "公示张榜",
        ["ReserveFundEntry"] = "备用金收支",
        ["Enrollment"] = "在保记录",
        ["EnrollmentEvent"] = "在保变动",
        ["EnrollmentGroup"] = "在保家庭",
        ["Standard"] = "保障标准",
        ["Payroll"] = "发放名册",
        [Payments.Comparison.PayrollComparison.AuditEntity] = "发放名册与原系统比对",
        ["PayrollLine"] = "发放明细",
        ["BankFileExport"] = "银行代发文件",
        ["Recalculation"] = "提标重算",
        ["RecalculationLine"] = "提标重算明细",
        ["OneOffBatch"] = "一次性补贴批次",
        ["OneOffPayment"] = "一次性补贴发放",
        ["MedicalSettlement"] = "医疗救助结算",
        ["MedicalSettlementBatch"] = "医疗救助结算批次",
        ["InsuranceSubsidyList"] = "资助参保名单",
        ["InsuranceSubsidyEntry"] = "资助参保对象",
        ["ReviewCampaign"] = "复核批次",
        ["ReviewItem"] = "复核对象",
        ["Finding"] = "核查发现",
        ["DeathRecord"] = "死亡信息",
        ["EconomicRecord"] = "经济状况核对数据",
        ["StaffRelative"] = "干部亲属备案",
        ["TipOff"] = "举报",
        ["MonitoredHousehold"] = "低收入监测对象",
        ["EarlyWarning"] = "监测预警",
        ["WelfareVisit"] = "探视巡访",
        ["SupportPairing"] = "结对帮扶",
        ["SupportContact"] = "帮扶联系记录",
        ["StatisticalReport"] = "统计报表",
    };

    public IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["program"] = "保障类别",
        ["period"] = "发放期间",
        ["regionPrefix"] = "区划",
        ["lineCount"] = "明细行数",
        ["adjustments"] = "调整行数",
        ["households"] = "户数",
        ["persons"] = "人数",
        ["paid"] = "已到账",
        ["failed"] = "未到账",
        ["paidAmount"] = "到账金额",
        ["failedAmount"] = "未到账金额",
        ["layout"] = "文件格式",
        ["fileName"] = "文件名",
        ["caseId"] = "救助申请",
        ["enrollmentId"] = "在保记录",
        ["payrollId"] = "发放名册",
        ["dueOn"] = "办理期限",
        ["findings"] = "发现情况",
        ["visitedOn"] = "探视日期",
        ["visitors"] = "探视人员",
        ["way"] = "方式",
        ["nextDueOn"] = "下次探视期限",
        ["needsFollowUp"] = "需跟进",
        ["followUpNote"] = "跟进事项",
        ["raisedOn"] = "预警日期",
        ["handledBy"] = "处理人",
        ["registeredOn"] = "纳入日期",
        ["endedOn"] = "退出日期",
        ["month"] = "月份",
        ["months"] = "月数",
        ["effectiveFrom"] = "生效日期",
        ["effectiveMonth"] = "生效月份",
        ["citation"] = "政策依据",
        ["outcome"] = "结论",
        ["type"] = "类型",
        ["status"] = "状态",
        ["name"] = "姓名",
        ["subject"] = "被举报人",
        ["overdue"] = "只看逾期",
        ["due"] = "期限",
        ["hukou"] = "户籍",
        ["category"] = "类别",
        ["rule"] = "预警规则",
        ["active"] = "只看进行中",
        ["helper"] = "帮扶责任人或单位",
        ["lineKind"] = "明细类型",
    };

    /// <summary>Programme codes, and the kinds of imports and exports as their particulars name them.</summary>
    public IReadOnlyDictionary<string, string> Values { get; } = AssistancePrograms.Payable.ToDictionary(p => p.Code, p => p.Name)
        .Concat(new Dictionary<string, string>
        {
            [Imports.AssistanceRoster.Kind] = "救助对象花名册",
            [Imports.MemberRoster.Kind] = "家庭成员花名册",
            [Verification.DeathRecordImport.Kind] = "死亡名单",
            [Verification.CheckListImport.EconomicKind] = "经济状况核对名单",
            [Verification.CheckListImport.RelativesKind] = "干部亲属备案名单",
            [Medical.SettlementFile.Kind] = "医疗救助结算文件",
            ["insurance-subsidy"] = "资助参保名单",
            ["households"] = "家庭名单",
            ["cases"] = "救助申请列表",
            [Verification.VerificationExports.FindingsKind] = "核查发现列表",
            [Verification.VerificationExports.TipOffsKind] = "举报列表",
            [Verification.VerificationExports.RelativesKind] = "近亲属备案名册",
            [Monitoring.MonitoringExports.MonitoredKind] = "低收入监测对象名单",
            [Monitoring.MonitoringExports.WarningsKind] = "主动发现清单",
            [PairedSupport.SupportPairingEndpoints.ExportKind] = "结对帮扶台账",
            [Payments.PayrollExports.LinesKind] = "发放名册明细",
            [Payments.PayrollExports.UnpaidKind] = "未进入银行文件的对象",
            [Visits.WelfareVisitEndpoints.ExportKind] = "探视任务清单",
        }).Concat(new[] { "csv", "csv-gbk", "fixed", "xlsx" }.Select(f => KeyValuePair.Create(f, Payments.BankLayout.LayoutName(f))))
        .ToDictionary(p => p.Key, p => p.Value);
}
