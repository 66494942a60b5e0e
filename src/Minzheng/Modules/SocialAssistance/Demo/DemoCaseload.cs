using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Imports;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.SocialAssistance.Demo;

/// <summary>
/// A realistic demo caseload, created through the same code paths a user would use: households registered with
/// <see cref="RegistryService"/> (valid ID numbers, plausible names, incomes, disabilities, self-care) in every village of
/// the demo county, then an assistance roster for most of them imported with the platform's staged import, so there are
/// enrolments in 低保, 特困, the disability subsidies and the elderly allowance. Deterministic (fixed seed) and skipped
/// when the county already has households.
/// </summary>
public sealed class DemoCaseload(MinzhengDbContext db, RegistryService registry, StagedImports imports, StandardService standards)
{
    public const int HouseholdsPerVillage = 8;

    // Illustrative local standards (元/人/月) of the demo county, seeded below as standards and used for the demo amounts.
    private const decimal UrbanStandard = 850m;
    private const decimal RuralStandard = 680m;
    private const string DemoCitation = "演示数据（非真实文件）";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "罗", "熊"];
    private static readonly string[] MaleNames = ["建国", "志强", "国华", "文军", "海涛", "明", "勇", "伟", "春生", "德福", "小龙", "子豪", "宇轩", "浩然"];
    private static readonly string[] FemaleNames = ["秀英", "桂兰", "玉梅", "丽华", "春燕", "小红", "芳", "娟", "敏", "婷", "欣怡", "梓涵", "雨桐", "思琪"];
    private static readonly string[] Streets = ["新村", "老屋组", "河边组", "中心路", "上塘组", "下湾组", "东头组", "西岭组"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Households.AnyAsync(h => h.RegionCode.StartsWith("360482"), ct))
        {
            return;
        }

        await SeedStandardsAsync(ct);
        var random = new Random(2026);
        var sequence = 0;
        // The demo county pays its people through Minzheng from their first month: nothing was paid by an earlier system.
        var roster = new StringBuilder(string.Join(",", [.. AssistanceRoster.Headers, AssistanceRoster.PaidThroughHeader])).Append('\n');
        var villages = DemoSeeder.Regions.Where(r => r.Code[9..] != "000").ToList();
        foreach (var (code, villageName) in villages)
        {
            for (var i = 0; i < HouseholdsPerVillage; i++)
            {
                var request = NewHousehold(random, code, villageName, ref sequence);
                var (_, errors, _) = await registry.CreateHouseholdAsync(request, ct);
                if (errors.Any)
                {
                    throw new InvalidOperationException("Demo household refused: " + string.Join("; ", errors.Messages));
                }

                foreach (var line in RosterLines(random, request))
                {
                    roster.Append(line).Append('\n');
                }
            }
        }

        var staged = await imports.StageAsync(Minzheng.Modules.SocialAssistance.Imports.AssistanceRoster.Kind, "demo-roster.csv", Encoding.UTF8.GetBytes(roster.ToString()), ct);
        var committed = await imports.CommitAsync(staged, ct);
        if (committed.Outcome != CommitOutcome.Committed)
        {
            throw new InvalidOperationException($"Demo roster refused: {committed.Outcome} {committed.Errors.FirstOrDefault()?.Message}");
        }
    }

    /// <summary>Standards of every monthly programme for the demo county, entered as the county would (illustrative amounts).</summary>
    private async Task SeedStandardsAsync(CancellationToken ct)
    {
        CategoryPercentRequest[] supplements = [new("serious-illness", 30), new("severe-disability", 20), new("elderly-70", 10), new("minor", 10)];
        StandardRequest Std(string program, decimal amount, string from = "2026-01-01") =>
            new(program, "360482", from, amount, "month", "fen", null, null, null, null, null, null, DemoCitation);
        StandardRequest[] rows =
        [
            Std("urban-dibao", 800, "2025-01-01") with { Supplements = [.. supplements] },
            Std("urban-dibao", UrbanStandard) with { Supplements = [.. supplements] },
            Std("rural-dibao", RuralStandard) with { Supplements = [.. supplements], Rounding = "yuan" },
            Std("destitute-dispersed", 1105) with { CareAllowances = new(70, 300, 1200) },
            Std("destitute-concentrated", 1105) with { CareAllowances = new(70, 300, 1200) },
            Std("temporary", 0) with { CeilingMultiple = 6 },
            Std("medical", 0) with
            {
                AnnualCap = 50000,
                ReimbursementRates = [new("destitute", 100), new("dibao", 80), new("near-dibao", 70), new("illness", 60)],
            },
            Std("disability-living", 90),
            Std("disability-care", 100),
            Std("orphan", 1651),
            Std("unattended-child", 1651),
            Std("elderly-allowance", 50) with { MinAge = 80, CareAllowances = new(null, 100, 200) },
        ];
        foreach (var row in rows)
        {
            var (_, _, errors) = await standards.PutAsync(row, ct);
            if (errors.Any)
            {
                throw new InvalidOperationException("Demo standard refused: " + string.Join("; ", errors.Messages));
            }
        }
    }

    /// <summary>The programmes a demo household receives, as roster lines (head only; amounts from the demo standards).</summary>
    private static IEnumerable<string> RosterLines(Random random, CreateHouseholdRequest household)
    {
        var head = household.Members![0];
        var size = household.Members.Count;
        var income = household.Members.Sum(m => m.MonthlyIncome ?? 0);
        var birth = IdNumber.Parse(head.IdNumber!, new DateOnly(2026, 1, 1)).BirthDate;
        var start = new DateOnly(2020 + random.Next(3, 6), random.Next(1, 13), 1);
        var month = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var paidBefore = start.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        string Line(string program, int covered, decimal amount) => string.Join(",", household.RegionCode, program, head.Name, head.IdNumber, size, covered,
            amount.ToString("0.00", CultureInfo.InvariantCulture), month, "中国农业银行", $"62284800{random.Next(10_000_000, 99_999_999)}",
            $"139{random.Next(10_000_000, 99_999_999)}", household.Address, paidBefore);

        if (size == 1 && birth.Year <= 1960 && random.Next(3) == 0)
        {
            yield return Line("特困分散供养", 1, 615m);
        }
        else if (random.Next(10) < 7)
        {
            var standard = household.HukouType == "urban" ? UrbanStandard : RuralStandard;
            var topUp = Math.Max(50m, decimal.Round((standard * size) - income, 0));
            yield return Line(household.HukouType == "urban" ? "城市低保" : "农村低保", size, topUp);
        }

        if (head.DisabilityGrade is not null)
        {
            yield return Line("困难残疾人生活补贴", 1, 60m);
            if (head.DisabilityGrade <= 2)
            {
                yield return Line("重度残疾人护理补贴", 1, 70m);
            }
        }

        if (birth.Year <= 1946)
        {
            yield return Line("高龄/失能补贴", 1, 50m);
        }
    }

    private static CreateHouseholdRequest NewHousehold(Random random, string village, string villageName, ref int sequence)
    {
        var surname = Surnames[random.Next(Surnames.Length)];
        var members = new List<MemberRequest>();
        var headBirth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 50));
        var headMale = random.Next(3) > 0;
        members.Add(Member(random, surname, headMale, headBirth, "head", ref sequence));
        if (random.Next(4) > 0)
        {
            members.Add(Member(random, Surnames[random.Next(Surnames.Length)], !headMale, headBirth.AddDays(random.Next(-1500, 1500)), "spouse", ref sequence));
        }

        for (var c = random.Next(0, 3); c > 0; c--)
        {
            members.Add(Member(random, surname, random.Next(2) == 0, headBirth.AddYears(random.Next(20, 32)).AddDays(random.Next(365)), "child", ref sequence));
        }

        var hukou = village[9] == '0' ? "urban" : "rural"; // village codes 001–199 are communities (居委会)
        return new CreateHouseholdRequest(village, hukou, $"{villageName}{Streets[random.Next(Streets.Length)]}{random.Next(1, 99)}号", members);
    }

    private static MemberRequest Member(Random random, string surname, bool male, DateOnly birth, string relationship, ref int sequence)
    {
        if (birth > new DateOnly(2025, 12, 31))
        {
            birth = new DateOnly(2025, 12, 31).AddDays(-random.Next(3000));
        }

        sequence++;
        // Sequence code: 3 digits, odd for men, even for women (GB 11643).
        var order = ((sequence % 450) * 2) + (male ? 1 : 2);
        var first17 = "360482" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("D3", CultureInfo.InvariantCulture);
        var name = surname + (male ? MaleNames : FemaleNames)[random.Next(MaleNames.Length)];
        var income = random.Next(5) == 0 ? 0m : Math.Round((decimal)random.Next(0, 120000) / 100m, 2);
        int? disability = random.Next(8) == 0 ? random.Next(1, 5) : null;
        var selfCare = disability is 1 or 2 ? "partial" : random.Next(20) == 0 ? "none" : "full";
        return new MemberRequest(name, first17 + IdNumber.ComputeCheckCharacter(first17), relationship, income, disability, selfCare);
    }
}
