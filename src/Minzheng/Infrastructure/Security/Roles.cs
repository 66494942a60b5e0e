namespace Minzheng.Infrastructure.Security;

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

    public static IReadOnlyList<string> All { get; } =
        [Admin, Security, Auditor, County, CountyApprover, Finance, Township, TownshipReviewer, Village, Leader];

    public static IReadOnlySet<string> Administrators { get; } = new HashSet<string> { Admin, Security, Auditor };

    /// <summary>The business roles: they read business data within their region; the 三员 never do.</summary>
    public static string[] Business { get; } = [County, CountyApprover, Finance, Township, TownshipReviewer, Village, Leader];

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
        _ => role,
    };

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}

/// <summary>Authorization policy names; each maps to the roles that may use it.</summary>
public static class Policies
{
    public const string ManageSystem = "ManageSystem";
    public const string ManageRoles = "ManageRoles";
    public const string BusinessRead = "BusinessRead";
    public const string ReadAudit = "ReadAudit";
    public const string ManageAccounts = "ManageAccounts";
    public const string RegistryWrite = "RegistryWrite";
    public const string RevealPersonalData = "RevealPersonalData";
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
}

/// <summary>Claim types Minzheng adds to a signed-in user.</summary>
public static class MinzhengClaims
{
    public const string Region = "mz:region";
    public const string DisplayName = "mz:name";
    public const string AuthTime = "mz:auth-time";
    public const string Gate = "mz:gate";
}
