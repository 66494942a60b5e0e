using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Modules.Veterans.Standards;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Veterans;

/// <summary>
/// 优抚安置: entitled persons (优抚对象) with their category and evidence, standards with the yearly raise, deaths with the
/// funeral aid, and the 退役金 calculator. Benefits are paid by social assistance's payrolls through its contract
/// (<see cref="SocialAssistance.Contracts.IBenefitEnrolments"/>): the county makes and the finance officer approves those
/// payrolls as for any programme. Only the 优抚 staff work the register; the county leader reads the figures.
/// </summary>
public sealed class VeteransModule : IMinzhengModule
{
    public const string Manage = "VeteransManage";
    public const string Read = "VeteransRead";
    public const string Visit = "VeteransVisit";
    public const string Confirm = "VeteransConfirm";

    public string Name => "优抚安置";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(Manage, "登记优抚对象、维护抚恤补助标准（提标）、登记死亡、退役士兵安置", [Roles.VeteransOfficer]),
        new(Read, "查看优抚安置统计", [Roles.VeteransOfficer, Roles.Leader]),
        // Townships visit the entitled persons of their own villages and record it (issue 27: township records visits).
        new(Visit, "查看走访慰问名单、登记走访", [Roles.VeteransOfficer, Roles.Township]),
        // Townships hear their own entitled persons at the yearly re-confirmation (issue 27); the county opens and applies it.
        new(Confirm, "查看年度确认名单、登记确认结果", [Roles.VeteransOfficer, Roles.Township]),
    ];

    public IReadOnlyList<NavigationSection> Navigation { get; } =
    [
        new("优抚安置",
        [
            new("优抚对象", "/Veterans", [Roles.VeteransOfficer]),
            new("登记优抚对象", "/Veterans/Register", [Roles.VeteransOfficer]),
            new("抚恤补助标准", "/Veterans/Standards", [Roles.VeteransOfficer]),
            new("退役士兵安置", "/Veterans/Placements", [Roles.VeteransOfficer]),
            new("退役金测算", "/Veterans/DischargePayment", [Roles.VeteransOfficer]),
            new("走访慰问", "/Veterans/Visits", [Roles.VeteransOfficer, Roles.Township]),
            new("年度确认", "/Veterans/Confirmations", [Roles.VeteransOfficer, Roles.Township]),
            new("优抚统计", "/Veterans/Statistics", [Roles.VeteransOfficer, Roles.Leader]),
        ]),
    ];

    public IReadOnlyDictionary<string, string> HomePages { get; } = new Dictionary<string, string> { [Roles.VeteransOfficer] = "/Veterans" };

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<EntitlementService>();
        services.AddScoped<EntitlementQueries>();
        services.AddScoped<StandardRaiseService>();
        services.AddScoped<VeteranStatistics>();
        services.AddScoped<VeteransDemo>();
        services.AddScoped<VeteransDemoCare>();
        services.AddScoped<Visits.VisitService>();
        services.AddScoped<Platform.Attachments.IAttachmentOwner, Visits.CareVisitAttachmentOwner>();
        services.AddScoped<Resettlement.PlacementService>();
        services.AddScoped<Resettlement.PlacementProgress>();
        services.AddScoped<Platform.Deadlines.IDeadlineSource, Resettlement.PlacementDeadlines>();
        services.AddScoped<Confirmations.ConfirmationService>();
        services.AddScoped<Confirmations.ConfirmationQueries>();
        services.AddScoped<Platform.Deadlines.IDeadlineSource, Confirmations.ConfirmationDeadlines>();
        services.AddScoped<Platform.Statistics.IWorkSummaryContributor, VeteranWorkSummary>();
        services.AddScoped<Platform.Statistics.ILineStatistics, VeteranLineStatistics>();
        services.AddSingleton<Platform.Auditing.IAuditVocabulary, VeteransAuditVocabulary>();
    }

    public void MapApi(RouteGroupBuilder api) => Confirmations.ConfirmationEndpoints.MapConfirmations(Visits.VisitEndpoints.MapVisits(api.MapVeterans()));

    // The demo records can be left out to start faster (Demo:Veterans=false), as the tests do unless they ask for them.
    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IConfiguration>().GetValue("Demo:Veterans", true) ? services.GetRequiredService<VeteransDemo>().SeedAsync(ct) : Task.CompletedTask;
}
