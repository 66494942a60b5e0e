namespace Minzheng.Platform.Security;

/// <summary>
/// The roles of DESIGN §5. The three administrator roles (三员) are kept apart from the business roles:
/// none of them reads business data, and nobody holds two of them.
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Security = "security";
    public const string Auditor = "auditor";
    public const string County = "county";
    public const string Finance = "finance";
    public const string Township = "township";
    public const string TownshipReviewer = "township-reviewer";
    public const string CountyApprover = "county-approver";
    public const string Village = "village";
    public const string Leader = "leader";

    /// <summary>婚姻登记员 of a county registry: works only the marriage register, sees no other business line.</summary>
    public const string MarriageRegistrar = "marriage-registrar";

    /// <summary>婚姻登记处负责人: registers like a registrar, and alone enters revocations from court judgments and corrections of the register.</summary>
    public const string MarriageHead = "marriage-head";

    /// <summary>殡葬管理员 (and the funeral home's clerk): cremation records, fee waivers, funeral facilities; sees no other business line.</summary>
    public const string FuneralClerk = "funeral-clerk";

    /// <summary>社会组织登记管理 staff of a county bureau: registers and inspects social organisations, sees no other business line.</summary>
    public const string SocialOrgRegistrar = "social-org-registrar";

    /// <summary>优抚安置 staff of a county bureau: entitled persons, standards and raises, placement; sees no other business line.</summary>
    public const string VeteransOfficer = "veterans-officer";

    public static IReadOnlyList<string> All { get; } =
        [Admin, Security, Auditor, County, CountyApprover, Finance, Township, TownshipReviewer, Village, Leader, MarriageRegistrar, MarriageHead, FuneralClerk,
            SocialOrgRegistrar, VeteransOfficer];

    public static IReadOnlySet<string> Administrators { get; } = new HashSet<string> { Admin, Security, Auditor };

    /// <summary>
    /// The business roles of social assistance and the shared work list: they read business data within their region; the 三员 never do.
    /// A line's own staff (the marriage registrar) are not among them: they see their own module only.
    /// </summary>
    public static string[] Business { get; } = [County, CountyApprover, Finance, Township, TownshipReviewer, Village, Leader];

    /// <summary>
    /// Who reads the work list and deadline board: the business roles, and the staff of lines with deadlines of their own
    /// (divorce cooling-off periods, soldiers' reporting and placement, plot tenures and illegal-burial rectifications), who see
    /// only their own line's items there.
    /// </summary>
    public static string[] DeadlineReaders { get; } = [.. Business, MarriageRegistrar, MarriageHead, VeteransOfficer, FuneralClerk, SocialOrgRegistrar];

    public static string DisplayName(string role) => role switch
    {
        Admin => "系统管理员",
        Security => "安全管理员",
        Auditor => "审计管理员",
        County => "县级民政业务人员",
        Finance => "县级资金发放员",
        CountyApprover => "县级审批人员",
        Township => "乡镇经办人员",
        TownshipReviewer => "乡镇审核人员",
        Village => "村（社区）协理员",
        Leader => "领导（只读）",
        MarriageRegistrar => "婚姻登记员",
        MarriageHead => "婚姻登记处负责人",
        FuneralClerk => "殡葬管理员",
        SocialOrgRegistrar => "社会组织登记管理员",
        VeteransOfficer => "优抚安置经办人员",
        _ => role,
    };

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}

/// <summary>Permission names of the platform; each module declares its own (e.g. <c>AssistancePolicies</c>).</summary>
public static class Policies
{
    public const string ManageSystem = "ManageSystem";
    public const string ManageRoles = "ManageRoles";
    public const string BusinessRead = "BusinessRead";
    public const string ReadAudit = "ReadAudit";
    public const string ManageAccounts = "ManageAccounts";
    public const string RevealPersonalData = "RevealPersonalData";
    public const string ManageAttachments = "ManageAttachments";
    public const string CheckCreditCode = "CheckCreditCode";
    public const string ReadDeadlines = "ReadDeadlines";
    public const string ReadAttachments = "ReadAttachments";

    /// <summary>The platform's staged import: held by whoever holds the policy of at least one module's import kind.</summary>
    public const string StageImports = "StageImports";
}

/// <summary>The permissions every line shares: reading business data at all, revealing full personal data, attaching files to records.</summary>
public static class PlatformPermissions
{
    public static IReadOnlyList<Modules.Permission> All { get; } =
    [
        new(Policies.BusinessRead, "查看本辖区业务数据", Roles.Business),
        new(Policies.RevealPersonalData, "查看完整身份证号等个人信息（留痕）", [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer]),
        // The staff who handle records bring the paper: village assistants collect signed forms and photograph notice boards.
        // The registry keeps the signed divorce agreement, the couple's photo and the signed pages with its records; the
        // 优抚 officer keeps the signed receipts of 走访慰问 (townships upload their own); the social-organisation registrar
        // keeps the 章程 and member lists of the register and the materials of registration applications; the funeral
        // staff the photos of a proxy sweep.
        new(Policies.ManageAttachments, "上传和删除附件",
            [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer, Roles.Village, Roles.MarriageRegistrar, Roles.MarriageHead, Roles.VeteransOfficer,
             Roles.SocialOrgRegistrar, Roles.FuneralClerk]),
        // Which records' files a user sees is decided by the record's module (IAttachmentOwner), never by this permission alone.
        new(Policies.ReadAttachments, "查看本人可办理记录的附件", [.. Roles.Business, Roles.MarriageRegistrar, Roles.MarriageHead, Roles.VeteransOfficer,
            Roles.SocialOrgRegistrar, Roles.FuneralClerk]),
        // The marriage registry reads the board for its own divorce applications only (each source names the permission it needs).
        new(Policies.ReadDeadlines, "查看待办与期限", Roles.DeadlineReaders),
        // Like the ID-number check (every business role), and for the staff who register organisations.
        new(Policies.CheckCreditCode, "校验统一社会信用代码", [.. Roles.Business, Roles.SocialOrgRegistrar]),
    ];
}

/// <summary>Claim types Minzheng adds to a signed-in user.</summary>
public static class MinzhengClaims
{
    public const string Region = "mz:region";
    public const string DisplayName = "mz:name";
    public const string AuthTime = "mz:auth-time";
    public const string Gate = "mz:gate";
}
