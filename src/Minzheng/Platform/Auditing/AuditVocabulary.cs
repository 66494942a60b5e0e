namespace Minzheng.Platform.Auditing;

/// <summary>
/// Chinese names for what the audit log stores as codes: action codes, entity type names, particulars' keys and
/// coded values. The platform brings its own (<see cref="PlatformAuditVocabulary"/>); each module registers one for
/// its actions, tables and codes, so the audit page reads in Chinese without the platform knowing any module.
/// </summary>
public interface IAuditVocabulary
{
    IReadOnlyDictionary<string, string> Actions { get; }
    IReadOnlyDictionary<string, string> Entities { get; }
    IReadOnlyDictionary<string, string> Keys { get; }
    IReadOnlyDictionary<string, string> Values { get; }
}

/// <summary>Keys many records share in the same form, named once.</summary>
public static class AuditKeys
{
    /// <summary>
    /// A person's ID number as a record stores it (<c>{prefix}IdCipher</c>, <c>…IdIndex</c>, <c>…IdMasked</c>: sealed, the
    /// keyed hash for lookup, masked), named for <paramref name="who"/> ("墓主", "法定代表人").
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> IdNumber(string prefix, string who) =>
    [
        new($"{prefix}IdCipher", $"{who}身份证号（加密）"),
        new($"{prefix}IdIndex", $"{who}身份证号索引"),
        new($"{prefix}IdMasked", $"{who}身份证号（脱敏）"),
    ];
}

/// <summary>The platform's own actions, records and particulars.</summary>
public sealed class PlatformAuditVocabulary : IAuditVocabulary
{
    public IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>
    {
        [AuditActions.LoginSuccess] = "登录",
        [AuditActions.LoginFailure] = "登录失败",
        [AuditActions.LockedOut] = "账户被锁定",
        [AuditActions.Logout] = "退出登录",
        [AuditActions.TokenIssued] = "签发接口令牌",
        [AuditActions.PasswordChanged] = "修改密码",
        [AuditActions.PasswordReset] = "重置密码",
        [AuditActions.AccountCreated] = "创建账户",
        [AuditActions.RoleGranted] = "授予角色和管辖区划",
        [AuditActions.AccountDisabled] = "停用账户",
        [AuditActions.AccountEnabled] = "启用账户",
        [AuditActions.TwoFactorEnabled] = "启用双因素认证",
        [AuditActions.TwoFactorDisabled] = "关闭双因素认证",
        [AuditActions.CalendarSet] = "设置工作日历",
        [AuditActions.AuditVerified] = "校验审计日志",
        [AuditActions.AuditExported] = "导出审计日志",
        [AuditActions.SensitiveRevealed] = "查看敏感信息",
        [AuditActions.RecordViewed] = "查看记录",
        [AuditActions.Exported] = "导出数据",
        [AuditActions.ImportCommitted] = "导入数据",
        [AuditActions.RelativeRegistered] = "干部亲属备案",
        [AuditActions.ProtectionRestored] = "恢复审计日志防篡改保护",
        [AuditActions.MigrationRecovered] = "中断的数据库迁移已回滚并重新执行",
        [AuditActions.RegionsImported] = "导入行政区划",
        [Installation.InstallationState.Initialized] = "初始化系统",
        [Installation.InstallationState.DemoSeeded] = "生成演示数据",
        [Installation.InstallationState.DemoRemoved] = "删除演示数据",
        ["data.insert"] = "新增记录",
        ["data.update"] = "修改记录",
        ["data.delete"] = "删除记录",
        [Documents.DocumentService.Printed] = "打印文书",
        [Documents.DocumentService.Voided] = "作废文书",
        [Attachments.AttachmentService.ViewedAction] = "查看附件",
        [Attachments.AttachmentService.DeletedAction] = "删除附件",
    };

    public IReadOnlyDictionary<string, string> Entities { get; } = new Dictionary<string, string>
    {
        ["AppUser"] = "账户",
        ["Region"] = "行政区划",
        ["CalendarYear"] = "工作日历（年度）",
        ["CalendarDay"] = "工作日历（日期）",
        ["Person"] = "人员",
        ["IssuedDocument"] = "文书",
        ["Attachment"] = "附件",
        ["ImportBatch"] = "导入批次",
        ["AuditEntry"] = "审计记录",
        ["Installation"] = "系统",
    };

    public IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["channel"] = "渠道",
        ["entries"] = "记录数",
        ["brokenSequence"] = "断链位置",
        ["filter"] = "检索条件",
        ["rows"] = "行数",
        ["imported"] = "导入行数",
        ["skipped"] = "跳过行数",
        ["counts"] = "统计",
        ["matched"] = "比对命中",
        ["fileSha256"] = "文件校验值",
        ["kind"] = "类别",
        ["triggers"] = "恢复的保护",
        ["source"] = "来源",
        ["lines"] = "明细行数",
        ["result"] = "结果",
        ["total"] = "合计金额",
        ["code"] = "区划代码",
        ["parentCode"] = "上级区划",
        ["level"] = "级别",
        ["isActive"] = "启用",
        ["date"] = "日期",
        ["year"] = "年度",
        ["validFrom"] = "生效日期",
        ["validTo"] = "失效日期",
        ["role"] = "角色",
        ["user"] = "用户",
        ["userName"] = "用户名",
        ["displayName"] = "姓名",
        ["purpose"] = "用途",
        ["number"] = "文号",
        ["title"] = "标题",
        ["issuedOn"] = "印发日期",
        ["printCount"] = "打印次数",
        ["verificationCode"] = "核验码",
        ["sequence"] = "序号",
        ["from"] = "起",
        ["to"] = "止",
        ["action"] = "操作",
        ["entity"] = "对象类型",
        ["region"] = "区划",
        ["holidays"] = "放假日期",
        ["workdays"] = "调休上班日",
        ["accounts"] = "账户",
        ["county"] = "县（市、区）",
        ["regions"] = "区划",
        ["removed"] = "删除的记录数",
    };

    public IReadOnlyDictionary<string, string> Values { get; } = new Dictionary<string, string>
    {
        ["web"] = "网页",
        ["api"] = "接口",
        // The field whose full value someone viewed (privacy.revealed).
        ["idNumber"] = "身份证号码",
        ["auditValues"] = "审计记录中的业务值",
        ["cli"] = "命令行",
        ["wrong password"] = "密码错误",
        ["wrong authenticator code"] = "动态验证码错误",
        ["unknown user"] = "用户名不存在",
        ["disabled"] = "账户已停用",
    };
}
