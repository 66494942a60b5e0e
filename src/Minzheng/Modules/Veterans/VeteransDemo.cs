using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Modules.Veterans.Standards;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Veterans;

/// <summary>
/// Demo data of 优抚安置, made through the module's own services as the demo county's 优抚 staff would: standards for
/// every category (amounts invented for the demo, marked so), about fifty entitled persons in the villages — some
/// disabled veterans of each nature, some waiting for a standard, a few deceased with their funeral aid — and a raise.
/// Idempotent: nothing is added once there are entitlements.
/// </summary>
public sealed class VeteransDemo(MinzhengDbContext db, EntitlementService entitlements, StandardRaiseService standards, Resettlement.PlacementService placements,
    Confirmations.ConfirmationService confirmations, VeteransDemoCare care, TimeProvider clock, ILogger<VeteransDemo> log)
{
    private const string Actor = "veterans";
    private const string DemoNotice = "演示标准（非真实文件）";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "罗", "熊"];
    private static readonly string[] Given = ["建国", "国庆", "卫东", "援朝", "志军", "红兵", "德胜", "保家", "向阳", "长林", "振华", "立新"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.VeteranEntitlements.AnyAsync(ct))
        {
            return;
        }

        var today = clock.Today();
        var start = new DateOnly(today.Year, 1, 1);
        // Yearly standards, national plus a local addition; disabled veterans by grade and nature (illness only 1–6).
        foreach (var (category, national) in new[] { ("martyr-family", 28_000m), ("duty-death-family", 24_000m), ("illness-death-family", 23_000m),
                     ("demobilized", 19_000m), ("ill-returnee", 9_000m), ("war-participant", 8_000m), ("rural-elderly-soldier", 1_200m) })
        {
            await Standard(category, null, null, national, start, ct);
        }

        foreach (var nature in new[] { "war", "duty", "illness" })
        {
            for (var grade = 1; grade <= (nature == "illness" ? 6 : 10); grade++)
            {
                await Standard("disabled", grade, nature, (nature == "war" ? 100_000m : nature == "duty" ? 96_000m : 92_000m) * (11 - grade) / 10m, start, ct);
            }
        }

        var villages = DemoSeeder.Regions.Select(r => r.Code).Where(c => !c.EndsWith("000", StringComparison.Ordinal)).ToList();
        var random = new Random(20261001);
        var categories = VeteranCategories.All.Select(c => c.Code).ToArray();
        var (done, deceased) = (0, 0);
        for (var i = 0; i < 48; i++)
        {
            var category = categories[i % categories.Length];
            var disabled = category == "disabled";
            var nature = disabled ? new[] { "war", "duty", "illness" }[random.Next(3)] : null;
            int? grade = disabled ? random.Next(1, nature == "illness" ? 7 : 11) : null;
            var born = new DateOnly(category is "demobilized" ? 1932 + random.Next(0, 4) : 1945 + random.Next(0, 25), random.Next(1, 13), random.Next(1, 29));
            var enlisted = born.AddYears(18 + random.Next(0, 3));
            // Uranium miners and the elderly rural soldiers have no standard in the demo county yet: they wait, listed as 待核定标准.
            var result = await entitlements.RegisterAsync(new EntitlementRequest(Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                Id(born, i), villages[random.Next(villages.Count)], category, grade, nature, Text(enlisted), Text(enlisted.AddYears(2 + random.Next(0, 10))), "某部",
                0, random.Next(8) == 0 ? 1 : 0, random.Next(4) == 0 ? 1 : 0, category is "uranium-miner" ? null : $"赣优字第{1000 + i}号",
                start.AddMonths(-random.Next(0, 24)).ToString("yyyy-MM", CultureInfo.InvariantCulture), i % 2 == 0, "共青城农商银行",
                $"62170036{i:D8}"), ct);
            done += result.Value is null ? 0 : 1;
            if (result.Value is { } created && i % 11 == 5)
            {
                var died = today.AddDays(-random.Next(5, 200));
                deceased += (await entitlements.RecordDeathAsync(created.Id, new DeathRequest(Text(died), "村委会报告"), Actor, ct)).Value is null ? 0 : 1;
            }
        }

        // The yearly raise of the 在乡复员军人 allowance from July (no payroll has paid those months in the demo, so no back-pay is needed).
        await Standard("demobilized", null, null, 20_400m, new DateOnly(today.Year, 7, 1), ct);
        // This year's discharged soldiers as the county received them (the reports count 考录5、自谋职业13), a few reporting late;
        // the 退役金 standard per year served is invented for the demo.
        var placed = 0;
        for (var i = 0; i < 19; i++)
        {
            // The last two are still open on the deadline board: one has not reported yet, one awaits his assigned job.
            var discharged = i == 17 ? today.AddDays(-27) : today.AddDays(-30 - random.Next(0, 300));
            var path = i < 5 ? "exam" : i == 18 ? "assigned-job" : "self-employment";
            var enlisted = discharged.AddYears(path == "assigned-job" ? -12 : -2).AddMonths(-random.Next(0, 6));
            var reported = discharged.AddDays(i % 6 == 0 ? 35 + random.Next(0, 20) : 1 + random.Next(0, 25));
            var result = await placements.RecordAsync(new Resettlement.PlacementRequest(Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                Id(new DateOnly(path == "assigned-job" ? 1990 : 2000 + random.Next(0, 6), random.Next(1, 13), random.Next(1, 29)), 50 + i), villages[random.Next(villages.Count)], path, Text(enlisted),
                Text(discharged), i == 17 ? null : Text(reported > today ? today : reported), path == "assigned-job", 0, 0, random.Next(5) == 0 ? 1 : 0, null, null, null, 6_000m, 5_000m,
                path == "self-employment" ? null : "共青城市某单位"), ct);
            placed += result.Value is null ? 0 : 1;
        }

        var aided = await care.AidedVeteransAsync(today, ct);
        var heard = await ConfirmationAsync(today, ct);
        var visited = await care.VisitsAsync(today, ct);
        log.LogInformation("Demo veterans seeded ({Done} entitled persons, {Aided} with assistance, {Deceased} deceased, {Placed} soldiers placed, {Heard} confirmed, {Visited} visited this year)",
            done, aided, deceased, placed, heard, visited);
    }

    /// <summary>This year's 年度确认, past its day with a few persons still unheard (overdue on the board); two allowances to end.</summary>
    private async Task<int> ConfirmationAsync(DateOnly today, CancellationToken ct)
    {
        var next = today.AddMonths(1);
        var opened = await confirmations.OpenAsync(new Confirmations.OpenConfirmationRequest(today.Year, DemoSeeder.CountyCode[..6], Text(today.AddDays(-10)),
            $"{next.Year:D4}-{next.Month:D2}"), ct);
        if (opened.Value is not { } campaign)
        {
            return 0;
        }

        var items = await db.VeteranConfirmations.AsNoTracking().Where(i => i.CampaignId == campaign.Id).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.RegionCode }).ToListAsync(ct);
        // 甘露镇 (the demo township account's) has not heard three persons yet: its overdue item on the board.
        var unheard = items.Where(i => i.RegionCode.StartsWith("360482100", StringComparison.Ordinal)).Take(3).Select(i => i.Id).ToHashSet();
        var heard = 0;
        foreach (var (item, i) in items.Where(i => !unheard.Contains(i.Id)).Select((item, i) => (item, i)))
        {
            var request = i switch
            {
                1 => new Confirmations.ConfirmationRequest("ended", "moved-away", "户籍迁往外省"),
                4 => new Confirmations.ConfirmationRequest("ended", "disqualified", "经核实不属于参战人员"),
                _ => new Confirmations.ConfirmationRequest("confirmed", null, null),
            };
            heard += (await confirmations.RecordAsync(campaign.Id, item.Id, request, ct)).Outcome == Platform.Kernel.Outcome.Done ? 1 : 0;
        }

        return heard;
    }

    private async Task Standard(string category, int? grade, string? nature, decimal national, DateOnly month, CancellationToken ct) =>
        await standards.ApplyAsync(new StandardRequest(category, grade, nature, DemoSeeder.CountyCode[..6], month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            decimal.Round(national, 2), category is "rural-elderly-soldier" ? 0m : 600m, "year", DemoNotice, true), Actor, ct);

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid ID number of the demo county for the birth date; 7xx sequences keep the demo veterans apart from the other demos.</summary>
    private static string Id(DateOnly birth, int serial)
    {
        var sequence = 700 + serial % 99;
        var first17 = "360482" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }
}
