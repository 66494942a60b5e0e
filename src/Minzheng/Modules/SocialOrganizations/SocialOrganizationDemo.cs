using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Documents;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialOrganizations;

/// <summary>
/// Demo register of the demo county, made through the module's own services as its registrar would: associations,
/// private non-enterprise units and foundations over ten years, some changed, deregistered or revoked, and last year's
/// inspection with organisations in every state (some 整改 overdue). Idempotent: nothing is added once the register has entries.
/// </summary>
public sealed class SocialOrganizationDemo(MinzhengDbContext db, PersonalDataProtector protector, DocumentService documents, CalendarService calendars,
    IConfiguration configuration, TimeProvider clock, ILogger<SocialOrganizationDemo> log)
{
    private static readonly string[] Associations =
        ["个体劳动者协会", "老年人体育协会", "书法家协会", "摄影家协会", "青年企业家商会", "羽绒服装行业协会", "民宿行业协会", "慈善总会", "志愿者协会",
         "红十字会员协会", "餐饮行业协会", "农业产业化龙头企业协会", "残疾人福利基金协会", "钓鱼协会", "作家协会", "音乐家协会", "电子商务协会", "旅游协会"];

    private static readonly string[] PrivateUnits =
        ["阳光幼儿园", "康乐养老服务中心", "启明培训学校", "爱心社会工作服务中心", "青苗托育中心", "颐和居家养老服务中心", "明德职业技能培训学校",
         "同心社区服务中心", "安康康复中心", "乐龄老年大学", "晨曦心理咨询服务中心", "鄱湖生态环境研究所"];

    private static readonly string[] Foundations = ["教育发展基金会", "慈善基金会", "见义勇为基金会"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] Given = ["建华", "志强", "丽萍", "国庆", "秀英", "海涛", "文军", "春梅", "德明", "玉兰", "晓东", "红霞"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.SocialOrganizations.AnyAsync(ct))
        {
            return;
        }

        var scope = new FixedRegionScope(DemoSeeder.CountyCode[..6]);
        var registry = new OrganizationRegistry(db, scope, protector, documents, clock);
        var changes = new OrganizationChanges(db, registry, protector, clock);
        var supervision = new OrganizationSupervision(db, clock);
        var decouplingWork = new DecouplingWork(db, clock);
        var inspections = new InspectionService(db, scope, clock);
        var roles = new[] { Roles.SocialOrgRegistrar };
        var random = new Random(20260301);
        var today = clock.Today();
        var serial = 0;
        var registered = new List<(Guid Id, DateOnly On)>();

        async Task AddAsync(string name, SocialOrganizationKind kind, string? unit, decimal capital)
        {
            serial++;
            var on = today.AddDays(-random.Next(30, 3650));
            var body = "5" + (3_604_820 + serial).ToString("D7", CultureInfo.InvariantCulture);
            var first17 = $"5{SocialOrganization.TypeCode(kind)}360482{body}{CreditCode.ComputeOrganizationCheckCharacter(body)}";
            var representative = new LegalRepresentativeRequest(Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)], Id(serial, random));
            var result = await registry.RegisterAsync(new RegisterOrganizationRequest("共青城市" + name, InputValuesCode(kind), first17 + CreditCode.ComputeCheckCharacter(first17),
                null, unit, $"共青城市{(random.Next(2) == 0 ? "茶山街道" : "甘露镇")}{random.Next(1, 300)}号", capital, representative, Text(on)), ct);
            if (result.Value is { } value)
            {
                registered.Add((value.Id, on));
            }
            else
            {
                log.LogWarning("Demo organisation {Name} not registered: {Message}", name, result.Message);
            }
        }

        foreach (var name in Associations)
        {
            await AddAsync(name, SocialOrganizationKind.Association, name.Contains("商会", StringComparison.Ordinal) ? null : "共青城市民政局", 30_000m + (random.Next(0, 20) * 5_000m));
        }

        foreach (var name in PrivateUnits)
        {
            await AddAsync(name, SocialOrganizationKind.PrivateNonEnterprise, name.Contains("幼儿园", StringComparison.Ordinal) || name.Contains("学校", StringComparison.Ordinal)
                ? "共青城市教育体育局" : "共青城市民政局", 50_000m + (random.Next(0, 30) * 10_000m));
        }

        foreach (var name in Foundations)
        {
            await AddAsync(name, SocialOrganizationKind.Foundation, "共青城市民政局", 2_000_000m + (random.Next(0, 10) * 500_000m));
        }

        // Some changed their seat or representative, two deregistered; 撤销登记 cases in every state, one of them revoked.
        foreach (var (id, on) in registered.Where((_, i) => i % 5 == 1))
        {
            await changes.ChangeAsync(id, new ChangeOrganizationRequest(Text(Later(on, today, random)), null, null, $"共青城市江益镇{random.Next(1, 200)}号", null, null, "办公场所搬迁"), roles, ct);
        }

        await changes.EndAsync(registered[3].Id, OrganizationProcedure.Deregister, new EndOrganizationRequest(Text(Later(registered[3].On, today, random)), "会员大会决议解散，清算完毕", null), roles, ct);
        await changes.EndAsync(registered[20].Id, OrganizationProcedure.Deregister, new EndOrganizationRequest(Text(Later(registered[20].On, today, random)), "举办者申请终止，已完成清算", null), roles, ct);
        await Revocations.RevocationDemo.SeedAsync(new Revocations.RevocationSteps(db, changes, documents, calendars, configuration, clock), registered, roles, today, ct);

        // Trade associations on the decoupling list, and evaluation grades for a few.
        for (var i = 0; i < Associations.Length; i++)
        {
            var (id, on) = registered[i];
            var status = (i % 3) switch { 0 => "planned", 1 => "decoupled", _ => "deferred" };
            await supervision.SetDecouplingAsync(id, new DecouplingRequest(status, Text(Later(on, today, random)), status == "deferred" ? "业务主管单位职能调整中，待上级明确" : null), ct);
            // 已脱钩: all five separations done; 拟脱钩: some of them, so the progress page has every stage.
            var done = status switch { "decoupled" => 5, "planned" => i % 5, _ => 0 };
            foreach (var task in Enum.GetValues<DecouplingTaskKind>().Take(done))
            {
                await decouplingWork.CompleteAsync(id, InputValuesCode(task), new DecouplingTaskRequest(Text(Later(on, today, random)), null), ct);
            }

            if (i % 4 == 0)
            {
                await supervision.SetEvaluationAsync(id, new EvaluationRequest($"{3 + (i % 3)}A", Text(Later(on, today, random)), null), ct);
            }
        }

        // The year before last is reviewed and published (the public notice has a list); last year's is under way.
        await SeedInspectionAsync(inspections, today.Year - 2, new DateOnly(today.Year - 1, 1, 10), today, complete: true, ct);
        await new InspectionPublication(db, scope, clock).PublishAsync(today.Year - 2, new PublishInspectionRequest(Text(new DateOnly(today.Year - 1, 7, 1))), ct);
        await SeedInspectionAsync(inspections, today.Year - 1, today.AddDays(-60), today, complete: false, ct);
        await SocialOrganizationOversightDemo.SeedAsync(new OrganizationOversight(db, clock), new OrganizationChecks(db, clock), registered, [3, 9, 20], roles, today, ct);
        await SocialOrganizationOversightDemo.SeedSpotCheckAsync(new SpotCheckDraws(db, scope, clock), new OrganizationChecks(db, clock), today, ct);
        log.LogInformation("Demo social organisations seeded ({Count})", registered.Count);
        await Applications.ApplicationDemo.SeedAsync(db, new Applications.ApplicationIntake(db, scope, registry, protector, clock),
            new Applications.ApplicationDecisions(db, registry, changes, documents, calendars, protector, configuration, clock), today, log, ct);
    }

    /// <summary>
    /// A year's inspection opened on <paramref name="opened"/>: reports received from most, reviewed in every result, some
    /// 整改 deadlines already past. A <paramref name="complete"/> year has every report reviewed and every 整改 concluded
    /// (合格 after rectifying); otherwise one report in seven still awaits review.
    /// </summary>
    private async Task SeedInspectionAsync(InspectionService inspections, int year, DateOnly opened, DateOnly today, bool complete, CancellationToken ct)
    {
        if ((await inspections.OpenAsync(new OpenCampaignRequest(year, Text(opened), null), ct)).Value is null)
        {
            return;
        }

        var due = await db.InspectionEntries.Where(e => e.Year == year).OrderBy(e => e.Id).Select(e => e.OrganizationId).ToListAsync(ct);
        for (var i = 0; i < due.Count; i++)
        {
            if (i % 6 == 5)
            {
                continue; // not yet reported
            }

            var submitted = opened.AddDays(1 + (i % 20));
            await inspections.ReportAsync(year, due[i], new InspectionReportRequest(Text(submitted), 120_000m + (i * 7_300m), 98_000m + (i * 6_100m), 45_000m + (i * 2_000m),
                1 + (i % 7), "召开会员大会一次，开展公益活动、行业培训和走访慰问。"), ct);
            var reviewed = submitted.AddDays(10);
            var review = (i % 7) switch
            {
                0 => new InspectionReviewRequest(Text(reviewed), "rectify", "财务管理不规范，未按规定使用票据", Text(reviewed.AddDays(i % 2 == 0 ? 20 : 90))),
                1 => new InspectionReviewRequest(Text(reviewed), "basically-qualified", "内部管理制度有待完善", null),
                2 when !complete => null,
                3 when i % 3 == 0 => new InspectionReviewRequest(Text(reviewed), "unqualified", "未按章程召开会员大会，年度无业务活动", null),
                _ => new InspectionReviewRequest(Text(reviewed), "qualified", null, null),
            };
            if (review is not null && reviewed <= today)
            {
                await inspections.ReviewAsync(year, due[i], review, ct);
            }

            if (complete && review?.RectifyBy is { } rectifyBy)
            {
                await inspections.ReviewAsync(year, due[i], new InspectionReviewRequest(rectifyBy, "qualified", null, null), ct);
            }
        }
    }

    private static DateOnly Later(DateOnly on, DateOnly today, Random random) => on.AddDays(Math.Max(1, random.Next(1, Math.Max(2, today.DayNumber - on.DayNumber))));

    private static string InputValuesCode<T>(T value) where T : struct, Enum => Minzheng.Platform.Web.InputValues.Code(value);

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(int serial, Random random)
    {
        var birth = new DateOnly(1960 + random.Next(0, 30), random.Next(1, 13), random.Next(1, 29));
        var first17 = "360482" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (500 + serial).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }
}
