using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Minzheng.Modules.Administration.Account;
using Minzheng.Modules.Administration.Audit;
using Minzheng.Modules.Administration.Calendar;
using Minzheng.Modules.Administration.Regions;
using Minzheng.Modules.Administration.Setup;
using Minzheng.Modules.Administration.Users;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration;

/// <summary>
/// 系统管理: sign-in and accounts, users with their roles and scopes, regions, the working-day calendar and the
/// audit log — the work of the three administrators (三员), kept apart from business data.
/// </summary>
public sealed class AdministrationModule : IMinzhengModule
{
    public string Name => "系统管理";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(Policies.ManageSystem, "管理用户账户、区划和工作日历", [Roles.Admin]),
        new(Policies.ManageRoles, "授予角色和数据范围", [Roles.Security]),
        new(Policies.ReadAudit, "查阅和导出审计日志", [Roles.Auditor]),
        new(Policies.ManageAccounts, "查看用户列表", [Roles.Admin, Roles.Security]),
    ];

    public IReadOnlyList<NavigationSection> Navigation { get; } =
    [
        new("系统管理",
        [
            new("用户管理", "/Users", [Roles.Admin, Roles.Security]), new("区划管理", "/Regions", [Roles.Admin]),
            new("工作日历", "/Calendar", [Roles.Admin]), new("上线检查", "/Setup", [Roles.Admin]),
            new("审计日志", "/Audit", [Roles.Auditor]),
        ]),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserAdminService>();
        services.AddScoped<SignInService>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<AuditExporter>();
        services.AddScoped<AuditValueReveal>();
        services.AddScoped<AuditPresenter>();
        services.AddScoped<Platform.Installation.SetupChecklist>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapAuth();
        api.MapRegions();
        api.MapCalendar();
        api.MapUsers();
        api.MapAudit();
        api.MapSetup();
    }

    public void ConfigurePages(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Modules/Administration/Account/Login");
        pages.AllowAnonymousToPage("/Modules/Administration/Account/AccessDenied");
        pages.AllowAnonymousToPage("/Modules/Administration/Account/LoginWith2fa");
    }
}
