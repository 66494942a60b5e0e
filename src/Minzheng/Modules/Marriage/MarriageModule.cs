using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Modules.Marriage.Marriages.Appointments;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Marriage;

/// <summary>
/// 婚姻登记: marriage registration, divorce by agreement with the cooling-off procedure, certificates and statistics.
/// Only the registry's staff and the county leader (reading figures) see the register; township and village accounts see nothing of it.
/// </summary>
public sealed class MarriageModule : IMinzhengModule
{
    public const string Register = "MarriageRegister";
    public const string Read = "MarriageRead";
    public const string Supervise = "MarriageSupervise";

    public string Name => "婚姻登记";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(Register, "办理婚姻登记（结婚、离婚申请、撤回、离婚登记、补领证件、历史档案补录）与预约（预约日清单、代为预约、签到、取消）", [Roles.MarriageRegistrar, Roles.MarriageHead]),
        new(Supervise, "录入法院判决撤销婚姻、更正婚姻登记错误、设置预约时段与名额", [Roles.MarriageHead]),
        new(Read, "查看婚姻登记统计", [Roles.MarriageRegistrar, Roles.MarriageHead, Roles.Leader]),
    ];

    public IReadOnlyList<NavigationSection> Navigation { get; } =
    [
        new("婚姻登记",
        [
            new("婚姻登记簿", "/Marriages", [Roles.MarriageRegistrar, Roles.MarriageHead]),
            new("预约管理", "/Marriages/Appointments", [Roles.MarriageRegistrar, Roles.MarriageHead]),
            new("结婚登记", "/Marriages/Register", [Roles.MarriageRegistrar, Roles.MarriageHead]),
            new("离婚登记", "/Marriages/Divorces", [Roles.MarriageRegistrar, Roles.MarriageHead]),
            new("补领证件", "/Marriages/Reissue", [Roles.MarriageRegistrar, Roles.MarriageHead]),
            new("历史档案补录", "/Marriages/Import", [Roles.MarriageRegistrar, Roles.MarriageHead]),
            new("婚姻登记统计", "/Marriages/Statistics", [Roles.MarriageRegistrar, Roles.MarriageHead, Roles.Leader]),
            new("预约设置", "/Marriages/Appointments/Settings", [Roles.MarriageHead]),
        ]),
    ];

    public IReadOnlyDictionary<string, string> HomePages { get; } = new Dictionary<string, string> { [Roles.MarriageRegistrar] = "/Marriages", [Roles.MarriageHead] = "/Marriages" };

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<MarriageRegistry>();
        services.AddScoped<DivorceService>();
        services.AddScoped<MarriageQueries>();
        services.AddScoped<MarriagePartyCounts>();
        services.AddScoped<CrossBorderCounts>();
        services.AddScoped<MarriageReissues>();
        services.AddScoped<MarriageAmendments>();
        services.AddScoped<MarriageCorrections>();
        services.AddScoped<MarriageRecordDetails>();
        services.AddScoped<IImportKind, MarriageHistoryImport>();
        services.AddScoped<MarriageDemo>();
        services.AddScoped<AppointmentTimetables>();
        services.AddScoped<AppointmentBooking>();
        services.AddScoped<AppointmentDesk>();
        services.AddScoped<AppointmentSettings>();
        services.AddScoped<AppointmentDemo>();
        AppointmentEndpoints.AddPublicRateLimit(services);
        services.AddScoped<IWorkSummaryContributor, MarriageWorkSummary>();
        services.AddScoped<ILineStatistics, MarriageLineStatistics>();
        services.AddHostedService<DivorceLapseJob>();
        services.AddScoped<DivorceApplicationDetails>();
        services.AddScoped<IDeadlineSource, DivorceDeadlines>();
        services.AddScoped<IAttachmentOwner, MarriageRecordAttachmentOwner>();
        services.AddScoped<IAttachmentOwner, DivorceApplicationAttachmentOwner>();
        services.AddSingleton<Platform.Auditing.IAuditVocabulary, MarriageAuditVocabulary>();
        services.AddSingleton(MarriageDocuments.MarriageCertificate);
        services.AddSingleton(MarriageDocuments.DivorceCertificate);
        services.AddSingleton(MarriageDocuments.ReissuedMarriageCertificate);
        services.AddSingleton(MarriageDocuments.ReissuedDivorceCertificate);
        services.AddSingleton(MarriageDocuments.DivorceApplication);
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapMarriage();
        api.MapAppointments();
    }

    // Couples book and cancel on the public booking page without an account.
    public void ConfigurePages(PageConventionCollection pages) => pages.AllowAnonymousToPage("/Modules/Marriage/Marriages/Appointments/Book");

    // The demo register can be left out to start faster (Demo:Marriage=false), as the tests do unless they ask for it.
    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IConfiguration>().GetValue("Demo:Marriage", true) ? SeedAsync(services, ct) : Task.CompletedTask;

    private static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<MarriageDemo>().SeedAsync(ct);
        await services.GetRequiredService<AppointmentDemo>().SeedAsync(ct);
    }
}
