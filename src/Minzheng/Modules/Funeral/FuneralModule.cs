using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Funeral;

/// <summary>
/// 殡葬: cremation records with the basic funeral service fee waiver (惠民殡葬) and its ledger, funeral facilities, and the
/// figures. A cremation of a person covered by social assistance reaches its death check through that module's contract.
/// Only the funeral staff record; the county leader reads the figures; other accounts see nothing of it.
/// </summary>
public sealed class FuneralModule : IMinzhengModule
{
    public const string Record = "FuneralRecord";
    public const string Read = "FuneralRead";
    public const string ReadClaims = "FuneralClaimRead";

    public string Name => "殡葬管理";

    public IReadOnlyList<Permission> Permissions { get; } =
    [
        new(Record, "办理火化登记、惠民殡葬减免，维护殡葬设施、墓穴（出售、安葬、续期），查处乱埋乱葬，登记已有坟墓及迁移，管理殡改信息员及补贴", [Roles.FuneralClerk]),
        new(Read, "查看殡葬统计", [Roles.FuneralClerk, Roles.Leader]),
        // Finance reads the funeral home's monthly waiver claims to approve and pay them; which step each may take is the claim procedure's.
        new(ReadClaims, "查看、提交、审核惠民殡葬减免资金月度申报", [Roles.FuneralClerk, Roles.Finance]),
    ];

    public IReadOnlyList<NavigationSection> Navigation { get; } =
    [
        new("殡葬管理",
        [
            new("火化记录", "/Cremations", [Roles.FuneralClerk]),
            new("火化登记", "/Cremations/Register", [Roles.FuneralClerk]),
            new("殡葬设施", "/FuneralFacilities", [Roles.FuneralClerk]),
            new("乱埋乱葬案件", "/IllegalBurials", [Roles.FuneralClerk]),
            new("已有坟墓", "/ExistingGraves", [Roles.FuneralClerk]),
            new("已有坟墓批量登记", "/ExistingGraves/Import", [Roles.FuneralClerk]),
            new("殡改信息员", "/InformationOfficers", [Roles.FuneralClerk]),
            new("祭扫预约", "/Memorials", [Roles.FuneralClerk]),
            new("减免资金申报", "/WaiverClaims", [Roles.FuneralClerk, Roles.Finance]),
            new("殡葬统计", "/Cremations/Statistics", [Roles.FuneralClerk, Roles.Leader]),
        ]),
    ];

    public IReadOnlyDictionary<string, string> HomePages { get; } = new Dictionary<string, string> { [Roles.FuneralClerk] = "/Cremations" };

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CremationService>();
        services.AddScoped<FuneralQueries>();
        services.AddScoped<FuneralDeathStatistics>();
        services.AddScoped<FuneralFacilities.FacilityService>();
        services.AddScoped<FuneralDemo>();
        services.AddScoped<IWorkSummaryContributor, FuneralWorkSummary>();
        services.AddScoped<ILineStatistics, FuneralLineStatistics>();
        services.AddSingleton<Platform.Auditing.IAuditVocabulary, FuneralAuditVocabulary>();
        services.AddScoped<Plots.PlotService>();
        services.AddScoped<Plots.PlotReservationService>();
        services.AddScoped<Plots.BurialService>();
        services.AddScoped<Platform.Deadlines.IDeadlineSource, Plots.TenureDeadlines>();
        services.AddScoped<IllegalBurials.IllegalBurialService>();
        services.AddScoped<IllegalBurials.IllegalBurialNotices>();
        services.AddSingleton(IllegalBurials.IllegalBurialDocuments.Notice);
        services.AddScoped<Platform.Deadlines.IDeadlineSource, IllegalBurials.IllegalBurialDeadlines>();
        services.AddScoped<ExistingGraves.GraveService>();
        services.AddScoped<Platform.Imports.IImportKind, ExistingGraves.ExistingGraveImport>();
        services.AddScoped<ExistingGraves.GraveChanges>();
        services.AddScoped<InformationOfficers.OfficerService>();
        services.AddScoped<InformationOfficers.SubsidyService>();
        services.AddScoped<Memorials.MemorialService>();
        services.AddScoped<Memorials.RestingPlaces>();
        services.AddScoped<Platform.Attachments.IAttachmentOwner, Memorials.MemorialAttachmentOwner>();
        services.AddScoped<Platform.Deadlines.IDeadlineSource, Memorials.MemorialDeadlines>();
        services.AddScoped<WaiverClaims.ClaimService>();
        services.AddScoped<WaiverClaims.ClaimRecords>();
        services.AddSingleton(Plots.PlotDocuments.Certificate);
        services.AddSingleton(Plots.ReclaimDocuments.Notice);
        services.AddScoped<Plots.ReclaimService>();
        services.AddScoped<Platform.Deadlines.IDeadlineSource, Plots.ReclaimDeadlines>();
        services.AddOptions<Plots.ReclaimOptions>().Bind(configuration.GetSection(Plots.ReclaimOptions.Section))
            .Validate(o => o.IsValid, "Funeral:Reclaim:NoticeDays must be 30 to 730").ValidateOnStart();
        services.AddOptions<Plots.PlotLimits>().Bind(configuration.GetSection(Plots.PlotLimits.Section))
            .Validate(o => o.IsValid, "Funeral:PlotLimits must be between 0 and 100 square metres").ValidateOnStart();
        services.AddOptions<FeeWaiverOptions>().Bind(configuration.GetSection(FeeWaiverOptions.Section))
            .Validate(o => o.IsValid, "Funeral:Waiver amounts must be between 0 and 100000 yuan with at most two decimals").ValidateOnStart();
        services.AddOptions<InformationOfficers.OfficerSubsidyOptions>().Bind(configuration.GetSection(InformationOfficers.OfficerSubsidyOptions.Section))
            .Validate(o => o.IsValid, "Funeral:OfficerSubsidy:AnnualStandard must be above 0 and at most 100000 yuan with at most two decimals").ValidateOnStart();
        services.AddOptions<Memorials.MemorialOptions>().Bind(configuration.GetSection(Memorials.MemorialOptions.Section))
            .Validate(o => o.IsValid, "Funeral:Memorial:DailyCap must be 1 to 10000 and each busy period named with From not after To").ValidateOnStart();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapFuneral();
        FuneralFacilities.FacilityEndpoints.Map(api);
        Plots.PlotEndpoints.Map(api);
        IllegalBurials.IllegalBurialEndpoints.Map(api);
        ExistingGraves.GraveEndpoints.Map(api);
        InformationOfficers.OfficerEndpoints.Map(api);
        Memorials.MemorialEndpoints.Map(api);
        WaiverClaims.ClaimEndpoints.Map(api);
    }

    // The demo records can be left out to start faster (Demo:Funeral=false), as the tests do unless they ask for them.
    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IConfiguration>().GetValue("Demo:Funeral", true) ? services.GetRequiredService<FuneralDemo>().SeedAsync(ct) : Task.CompletedTask;
}
