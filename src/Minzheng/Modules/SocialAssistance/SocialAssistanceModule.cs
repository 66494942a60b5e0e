using Minzheng.Modules.SocialAssistance.Attachments;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Deadlines;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.IdNumbers;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Modules.SocialAssistance.Medical;
using Minzheng.Modules.SocialAssistance.Monitoring;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Modules.SocialAssistance.PairedSupport;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Recalculations;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Modules.SocialAssistance.Reports;
using Minzheng.Modules.SocialAssistance.Reviews;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Modules.SocialAssistance.Visits;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialAssistance;

/// <summary>
/// 社会救助: the registry of households, casework of every programme, enrolments, payrolls and bank files,
/// verification and monitoring, rosters, statistics and the drafted work summary.
/// </summary>
public sealed class SocialAssistanceModule : IMinzhengModule
{
    public string Name => "社会救助";

    public IReadOnlyList<Permission> Permissions => AssistancePolicies.All;

    public IReadOnlyList<NavigationSection> Navigation { get; } = SocialAssistanceNavigation.Sections;

    // A leader reads figures, not lists of links: the dashboard is the first thing they see.
    public IReadOnlyDictionary<string, string> HomePages { get; } = new Dictionary<string, string> { [Roles.Leader] = "/Reports/Dashboard" };

    public void ConfigureModel(Microsoft.EntityFrameworkCore.ModelBuilder model)
    {
        IMinzhengModule.ApplyConfigurationsOf(this, model);
        SocialAssistanceData.NameTables(model);
    }

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DemoCaseload>();
        services.AddScoped<DemoCases>();
        services.AddScoped<DemoPayments>();
        services.AddScoped<DemoVerification>();
        services.AddScoped<DemoVisits>();
        services.AddScoped<RegistryService>();
        services.AddScoped<RegistryEditService>();
        services.AddScoped<HouseholdSearch>();
        services.AddScoped<MemberEconomicsService>();
        services.AddScoped<IImportKind, AssistanceRosterImportKind>();
        services.AddScoped<IImportKind, MemberRosterImportKind>();
        foreach (var kind in CheckListImportKind.Kinds)
        {
            services.AddScoped<IImportKind>(sp => ActivatorUtilities.CreateInstance<CheckListImportKind>(sp, kind));
        }

        services.AddScoped<MemberRosterImport>();
        services.AddScoped<AssistanceRosterWriter>();
        services.AddScoped<RosterValidation>();
        services.AddScoped<StandardService>();
        services.AddScoped<BenefitService>();
        services.AddScoped<CaseService>();
        services.AddScoped<CaseDecision>();
        services.AddScoped<CaseChecks>();
        services.AddScoped<StandingPublicity>();
        services.AddScoped<SupportPairingService>();
        services.AddScoped<PublicityPostings>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<ReserveFundService>();
        services.AddScoped<EnrollmentService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<PayrollGenerator>();
        services.AddScoped<PayrollService>();
        services.AddScoped<PayrollChangeCheck>();
        services.AddScoped<RecalculationService>();
        services.AddScoped<RecalculationQueries>();
        services.AddScoped<OneOffBatchService>();
        services.AddScoped<OneOffQueries>();
        services.AddScoped<MedicalAidFacts>();
        services.AddScoped<SettlementService>();
        services.AddScoped<InsuranceSubsidyService>();
        services.AddScoped<MedicalQueries>();
        services.AddScoped<PayrollQueries>();
        services.AddScoped<PayrollLineQueries>();
        services.AddScoped<PayrollSlices>();
        services.AddScoped<SignatureLists>();
        services.AddScoped<PayrollCorrections>();
        services.AddScoped<BankFileService>();
        services.AddScoped<ReconciliationService>();
        services.AddScoped<Payments.Comparison.PayrollComparison>();
        services.AddScoped<DeathRecordImport>();
        services.AddScoped<Contracts.IDeathReportSink, DeathReportSink>();
        services.AddScoped<Contracts.IDeathListRecords, DeathListRecords>();
        services.AddScoped<Contracts.IBenefitEnrolments, Enrollments.BenefitEnrolments>();
        services.AddScoped<Contracts.IGrantedAid, Reports.GrantedAidQuery>();
        services.AddScoped<PersonMatcher>();
        services.AddScoped<CheckListImport>();
        services.AddScoped<ApplicationScreening>();
        services.AddScoped<RelativeRegister>();
        services.AddScoped<TipOffService>();
        services.AddScoped<VerificationOverview>();
        services.AddScoped<MonitoringService>();
        services.AddScoped<MonitoringQueries>();
        services.AddScoped<FindingService>();
        services.AddScoped<ExclusionScan>();
        services.AddScoped<AssistanceSummaryService>();
        services.AddScoped<IWorkSummaryContributor, AssistanceWorkSummary>();
        services.AddScoped<VerificationSentences>();
        services.AddScoped<DashboardService>();
        services.AddSingleton<Minzheng.Platform.Auditing.IAuditVocabulary, AssistanceAuditVocabulary>();
        services.AddScoped<PeriodTables>();
        services.AddScoped<ReportSubmissions>();
        services.AddScoped<WelfareVisitService>();
        services.AddOptions<WelfareVisitOptions>().Bind(configuration.GetSection(WelfareVisitOptions.Section))
            .Validate(o => o.IsValid, "Visits:IntervalDays:Dependent and Visits:IntervalDays:Other must be between 1 and 366 days").ValidateOnStart();
        services.AddSingleton(CaseDocuments.Decision);
        services.AddSingleton(CaseDocuments.Publicity);
        services.AddSingleton(CaseDocuments.StandingPublicity);
        services.AddScoped<PostedListNumbers>();
        services.AddScoped<IDeadlineSource, CaseDeadlines>();
        services.AddScoped<IDeadlineSource, TipOffDeadlines>();
        services.AddScoped<IDeadlineSource, WarningDeadlines>();
        services.AddScoped<IDeadlineSource, WelfareVisitDeadlines>();
        services.AddScoped<IAttachmentOwner, CaseAttachmentOwner>();
        services.AddScoped<IAttachmentOwner, HouseholdAttachmentOwner>();
        services.AddScoped<IAttachmentOwner, TipOffAttachmentOwner>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapIdNumbers();
        api.MapRegistry();
        api.MapImports();
        api.MapStandards();
        api.MapBenefits();
        api.MapCases();
        api.MapEnrollments();
        api.MapRecalculations();
        api.MapOneOffs();
        api.MapMedical();
        StandingPublicity.MapStandingPublicity(api);
        api.MapPairedSupport();
        PublicityPostings.MapPostings(api);
        api.MapReviews();
        api.MapPayments();
        Payments.Comparison.ComparisonEndpoints.MapPayrollComparison(api);
        api.MapVerification();
        api.MapChecks();
        api.MapMonitoring();
        api.MapReports();
        api.MapStatistics();
        api.MapRosterExport();
        api.MapWelfareVisits();
    }

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        // The demo caseload (and what builds on it) can be left out to start faster: Demo:Caseload, Demo:Payrolls, Demo:Verification.
        var configuration = services.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("Demo:Caseload", true))
        {
            return;
        }

        await services.GetRequiredService<DemoCaseload>().SeedAsync(ct);
        await services.GetRequiredService<DemoCases>().SeedAsync(ct);
        if (configuration.GetValue("Demo:Payrolls", true))
        {
            await services.GetRequiredService<DemoPayments>().SeedAsync(ct);
        }

        if (configuration.GetValue("Demo:Verification", true))
        {
            await services.GetRequiredService<DemoVerification>().SeedAsync(ct);
        }

        await services.GetRequiredService<DemoVisits>().SeedAsync(ct);
    }
}

/// <summary>The pages of social assistance in the navigation, with the roles that may open each.</summary>
internal static class SocialAssistanceNavigation
{
    private static readonly string[] Business = Roles.Business;

    // The leader reads figures: the full household register and the ID-number checker are clerks' tools, so they stay
    // out of the leader's menu (the pages still open from a dashboard drill-down, read-only as before).
    private static readonly string[] Clerks = [.. Roles.Business.Where(r => r != Roles.Leader)];

    public static IReadOnlyList<NavigationSection> Sections { get; } =
    [
        new("社会救助",
        [
            new("家庭与人员登记", "/Registry", Clerks), new("花名册导入", "/Imports", [Roles.County, Roles.Township]),
            new("救助申请办理", "/Cases", Business), new("复核", "/Reviews", Business), new("探视巡访", "/Visits", Business), new("结对帮扶", "/PairedSupport", Business),
            new("保障标准", "/Standards", Business), new("提标重算", "/Recalculations", [Roles.County, Roles.CountyApprover]), new("身份证号校验", "/IdNumbers", Clerks),
        ]),
        // 发放名册 stays for townships and villages: a county payroll shows them their slice (their people's lines, read-only)
        // and the village's 签领表 is printed from it. Entries only the county works with (one-off batches, medical
        // settlement files, imports, recalculations) are not offered below the county.
        new("资金发放", [new("发放名册", "/Payments", Business), new("一次性生活补贴", "/OneOffs", [Roles.County, Roles.CountyApprover, Roles.Finance]),
            new("医疗救助结算", "/Medical", [Roles.County, Roles.CountyApprover, Roles.Finance]), new("资金台账", "/Payments/Ledger", Business),
            new("与原系统比对", "/Payments/Comparison", [Roles.County, Roles.CountyApprover, Roles.Finance])]),
        new("核查监测",
        [
            new("核查发现", "/Verification", Business), new("亲属备案", "/Verification/Relatives", Business),
            new("举报处理", "/Verification/TipOffs", [Roles.County, Roles.CountyApprover, Roles.Township, Roles.TownshipReviewer]),
            new("低收入监测", "/Monitoring", Business), new("核查看板", "/Verification/Overview", Business),
        ]),
        new("统计报表",
        [
            new("数据看板", "/Reports/Dashboard", Business), new("救助统计", "/Reports", Business),
            new("统计报表", "/Reports/Tables", Business), new("工作总结", "/Reports/Summary", Business),
        ]),
    ];
}
