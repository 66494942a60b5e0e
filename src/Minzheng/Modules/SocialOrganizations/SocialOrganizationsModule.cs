using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Modules.SocialOrganizations.PublicLookup;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialOrganizations;

/// <summary>
/// 社会组织: registration of 社会团体, 民办非企业单位 and 基金会 (成立、变更、注销、撤销登记 with a numbered 登记证书) and the
/// annual inspection. Only the registration staff work the register; the county leader reads its figures.
/// </summary>
public sealed class SocialOrganizationsModule : IMinzhengModule
{
    public const string Register = "SocialOrganizationRegister";
    public const string Read = "SocialOrganizationRead";

    public string Name => "社会组织";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(Register, "办理社会组织登记、年检与监督管理（成立、变更、注销、撤销登记，年检报告与审查，投诉、行政处罚、异常名录与失信名单）", [Roles.SocialOrgRegistrar]),
        new(Read, "查看社会组织统计与年检统计", [Roles.SocialOrgRegistrar, Roles.Leader]),
    ];

    public IReadOnlyList<NavigationSection> Navigation { get; } =
    [
        new("社会组织",
        [
            new("社会组织名录", "/Organizations", [Roles.SocialOrgRegistrar]),
            new("成立登记", "/Organizations/Receive", [Roles.SocialOrgRegistrar]),
            new("登记申请", "/Organizations/Applications", [Roles.SocialOrgRegistrar]),
            new("年检", "/Organizations/Inspections", [Roles.SocialOrgRegistrar]),
            new("撤销登记案件", "/Organizations/Revocations", [Roles.SocialOrgRegistrar]),
            new("双随机抽查", "/Organizations/SpotChecks", [Roles.SocialOrgRegistrar]),
            new("异常名录与失信名单", "/Organizations/Listings", [Roles.SocialOrgRegistrar]),
            new("社会组织统计", "/Organizations/Statistics", [Roles.SocialOrgRegistrar, Roles.Leader]),
        ]),
    ];

    public IReadOnlyDictionary<string, string> HomePages { get; } = new Dictionary<string, string> { [Roles.SocialOrgRegistrar] = "/Organizations" };

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Platform.Auditing.IAuditVocabulary, SocialOrganizationsAuditVocabulary>();
        services.AddScoped<OrganizationRegistry>();
        services.AddScoped<OrganizationChanges>();
        services.AddScoped<OrganizationSupervision>();
        services.AddScoped<OrganizationQueries>();
        services.AddScoped<OrganizationStatistics>();
        services.AddScoped<InspectionService>();
        services.AddScoped<InspectionQueries>();
        services.AddScoped<InspectionPublication>();
        services.AddScoped<PublishedInspections>();
        services.AddScoped<PublishedSpotChecks>();
        services.AddScoped<DecouplingWork>();
        services.AddScoped<OrganizationOversight>();
        services.AddScoped<OrganizationChecks>();
        services.AddScoped<SpotCheckDraws>();
        services.AddScoped<OversightQueries>();
        services.AddScoped<PublicOrganizationLookup>();
        PublicLookupEndpoints.AddRateLimit(services);
        services.AddScoped<SocialOrganizationDemo>();
        services.AddScoped<IWorkSummaryContributor, SocialOrganizationWorkSummary>();
        services.AddScoped<ILineStatistics, SocialOrganizationLineStatistics>();
        services.AddScoped<IDeadlineSource, RectificationDeadlines>();
        services.AddScoped<IDeadlineSource, CheckRectificationDeadlines>();
        services.AddSingleton(OrganizationDocuments.Certificate);
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<ApplicationDecisions>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<IDeadlineSource, ApplicationDeadlines>();
        services.AddScoped<IDeadlineSource, CorrectionWaits>();
        services.AddScoped<IAttachmentOwner, OrganizationAttachmentOwner>();
        services.AddScoped<IAttachmentOwner, ApplicationAttachmentOwner>();
        services.AddScoped<RevocationSteps>();
        services.AddScoped<RevocationQueries>();
        services.AddScoped<IDeadlineSource, RevocationDeadlines>();
        services.AddScoped<IAttachmentOwner, RevocationAttachmentOwner>();
        services.AddScoped<IAttachmentOwner, InspectionAttachmentOwner>();
        services.AddSingleton(RevocationProcedure.Notice);
        services.AddSingleton(RevocationProcedure.Decision);
        foreach (var notice in ApplicationProcedure.Notices)
        {
            services.AddSingleton(notice);
        }
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapSocialOrganizations();
        api.MapPublicLookup();
    }

    // Anyone may look an organisation up, without an account (the page is rate-limited like its API).
    public void ConfigurePages(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Modules/SocialOrganizations/Organizations/Lookup");
        pages.AllowAnonymousToPage("/Modules/SocialOrganizations/Organizations/InspectionResults");
        pages.AllowAnonymousToPage("/Modules/SocialOrganizations/Organizations/SpotCheckResults");
    }

    // The demo register can be left out to start faster (Demo:SocialOrganizations=false), as the tests do unless they ask for it.
    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IConfiguration>().GetValue("Demo:SocialOrganizations", true)
            ? services.GetRequiredService<SocialOrganizationDemo>().SeedAsync(ct)
            : Task.CompletedTask;
}
