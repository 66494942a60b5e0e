using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Data;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>
/// Demo 登记申请 through the procedure's own services, as the window would have handled them over the last months: 成立,
/// 变更 and 注销 applications in every state, some accepted long enough ago to be past their decision day.
/// </summary>
internal static class ApplicationDemo
{
    private static readonly string[] NewNames =
        ["共青城市围棋协会", "共青城市广场舞协会", "共青城市家政服务行业协会", "共青城市快递物流行业协会", "共青城市朝阳养老服务中心", "共青城市小太阳托育中心",
         "共青城市邻里互助社会工作服务中心", "共青城市诗词楹联学会", "共青城市跑步运动协会", "共青城市乡村振兴促进会", "共青城市安心居家护理服务中心",
         "共青城市青少年科技教育中心", "共青城市退役军人创业协会", "共青城市助学基金会", "共青城市桥牌协会", "共青城市银龄互助服务中心"];

    private static readonly string[] Refusals =
    [
        "经审查，拟任法定代表人受过剥夺政治权利的刑事处罚，不符合社会团体登记管理条例第十三条的规定",
        "本行政区域内已有业务范围相同的社会团体，没有必要成立（社会团体登记管理条例第十三条）",
    ];

    public static async Task SeedAsync(MinzhengDbContext db, ApplicationIntake intake, ApplicationDecisions decisions, DateOnly today, ILogger log, CancellationToken ct)
    {
        if (await db.RegistrationApplications.AnyAsync(ct))
        {
            return;
        }

        var roles = new[] { Roles.SocialOrgRegistrar };
        var random = new Random(20261206);
        var count = 0;

        // What happens to each: 0 received, 1 accepted (due ahead), 2 accepted long ago (overdue), 3 approved, 4 refused, 5 not accepted, 6 withdrawn,
        // 7 waiting for its 补正 (clock stopped), 8 accepted and its period extended.
        async Task RunAsync(ReceiveApplicationRequest request, int fate, int daysAgo, string? refusal = null)
        {
            var received = Weekday(today.AddDays(-daysAgo));
            var result = await intake.ReceiveAsync(request with { ReceivedOn = Text(received) }, ct);
            if (result.Value is not { } created)
            {
                log.LogWarning("Demo application {Name} not received: {Message}", request.Name, result.Message);
                return;
            }

            count++;
            var accepted = Weekday(received.AddDays(Math.Min(2, daysAgo)));
            var decided = Weekday(accepted.AddDays(Math.Max(0, Math.Min(today.DayNumber - accepted.DayNumber, 12 + random.Next(0, 10)))));
            async Task Step(string action, DateOnly on, string? reason = null, IReadOnlyList<string?>? items = null) =>
                await decisions.StepAsync(created.Id, action, new ApplicationStepRequest(Text(on), reason, items), roles, ct);
            switch (fate)
            {
                case 1 or 2:
                    await Step(ApplicationProcedure.Accept, accepted);
                    break;
                case 3:
                    await Step(ApplicationProcedure.Accept, accepted);
                    await Step(ApplicationProcedure.Approve, decided);
                    break;
                case 4:
                    await Step(ApplicationProcedure.Accept, accepted);
                    await Step(ApplicationProcedure.Refuse, decided, refusal ?? Refusals[random.Next(Refusals.Length)]);
                    break;
                case 5:
                    await Step(ApplicationProcedure.NotAccept, accepted, "申请材料不齐全：缺少业务主管单位的批准文件和验资报告，已一次性告知需补正的全部内容");
                    break;
                case 6:
                    await Step(ApplicationProcedure.Withdraw, accepted, "申请人书面申请撤回");
                    break;
                case 7:
                    await Step(ApplicationProcedure.RequestCorrection, accepted, items: ["业务主管单位的批准文件", "住所使用证明（租赁合同及产权证明）", "拟任负责人的基本情况和身份证明"]);
                    break;
                case 8:
                    await Step(ApplicationProcedure.Accept, accepted);
                    await Step(ApplicationProcedure.Extend, Weekday(accepted.AddDays(14)), "需赴住所实地核查并征求业务主管单位意见，二十个工作日内不能作出决定");
                    break;
            }
        }

        // Days ago per fate: recent for those still at the window, ≥ 45 days for the overdue ones (20 working days have passed).
        int Ago(int fate) => fate switch
        {
            0 => random.Next(0, 4),
            1 => random.Next(4, 12),
            2 => random.Next(45, 80),
            7 => random.Next(3, 10),
            8 => random.Next(20, 28),
            _ => random.Next(30, 200),
        };
        int[] establishFates = [0, 0, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6, 7, 8];
        for (var i = 0; i < NewNames.Length; i++)
        {
            var kind = NewNames[i].EndsWith("基金会", StringComparison.Ordinal) ? SocialOrganizationKind.Foundation
                : NewNames[i].EndsWith("中心", StringComparison.Ordinal) ? SocialOrganizationKind.PrivateNonEnterprise : SocialOrganizationKind.Association;
            var body = "6" + (3_604_820 + i).ToString("D7", CultureInfo.InvariantCulture);
            var first17 = $"5{SocialOrganization.TypeCode(kind)}360482{body}{CreditCode.ComputeOrganizationCheckCharacter(body)}";
            var association = kind == SocialOrganizationKind.Association;
            var request = new ReceiveApplicationRequest("establish", null, null, NewNames[i], Platform.Web.InputValues.Code(kind), first17 + CreditCode.ComputeCheckCharacter(first17),
                null, association ? "共青城市民政局" : null, $"共青城市茶山街道{random.Next(1, 300)}号", kind == SocialOrganizationKind.Foundation ? 2_000_000m : 50_000m + (random.Next(0, 10) * 10_000m),
                new LegalRepresentativeRequest("刘" + (i % 2 == 0 ? "文华" : "春燕"), Id(i, random)), association ? 50 + random.Next(0, 120) : null,
                association && i % 3 == 0 ? 10 + random.Next(0, 20) : null, 7 + (2 * random.Next(0, 5)), null);
            var fate = establishFates[i];
            await RunAsync(request, fate, Ago(fate));
        }

        var active = await db.SocialOrganizations.Where(o => o.Status == SocialOrganizationStatus.Active).OrderBy(o => o.Name).Select(o => o.Id).ToListAsync(ct);
        int[] changeFates = [0, 0, 1, 2, 3, 3, 3, 3, 4, 6];
        for (var i = 0; i < changeFates.Length && i < active.Count; i++)
        {
            var request = new ReceiveApplicationRequest("change", null, active[i], null, null, null, null, null, i % 2 == 0 ? $"共青城市甘露镇{random.Next(1, 200)}号" : null,
                i % 3 == 0 ? 100_000m + (i * 5_000m) : null, i % 2 == 1 ? new LegalRepresentativeRequest("邓" + (i % 3 == 0 ? "国强" : "丽华"), Id(40 + i, random)) : null,
                null, null, null, i % 2 == 0 ? "办公场所搬迁" : "理事会换届选举产生新的法定代表人");
            await RunAsync(request, changeFates[i], Ago(changeFates[i]), "拟变更的住所未能提供合法使用证明");
        }

        int[] endFates = [0, 2, 3, 4];
        for (var i = 0; i < endFates.Length && changeFates.Length + i < active.Count; i++)
        {
            var request = new ReceiveApplicationRequest("deregister", null, active[changeFates.Length + i], null, null, null, null, null, null, null, null, null, null, null,
                "会员大会决议终止，已成立清算组完成清算");
            await RunAsync(request, endFates[i], Ago(endFates[i]), "清算报告未经业务主管单位审查同意，不符合注销登记条件");
        }

        log.LogInformation("Demo social organisation applications seeded ({Count})", count);
    }

    // The window is shut at weekends: a date falling on one moves back to the Friday (never past today).
    private static DateOnly Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(-2),
        _ => d,
    };

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(int serial, Random random)
    {
        var birth = new DateOnly(1965 + random.Next(0, 30), random.Next(1, 13), random.Next(1, 29));
        var first17 = "360482" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (700 + serial).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }
}
