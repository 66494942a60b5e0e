using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Minzheng.Platform.Privacy;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.ComparisonFixtures;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>A row of an old system's payment list, as the tests write it.</summary>
internal sealed record OldRow(string IdNumber, string Name, string Program, string Amount, string Persons = "2", string Region = "", string Township = "");

/// <summary>Old lists as CSV, uploads to the comparison, and what a payroll pays each enrolment.</summary>
internal static class ComparisonFixtures
{
    internal const string Header = "身份证号,姓名,救助项目,金额,保障人数,区划代码,乡镇";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static string Csv(params OldRow[] rows) =>
        string.Join("\n", [Header, .. rows.Select(r => string.Join(",", r.IdNumber, r.Name, r.Program, r.Amount, r.Persons, r.Region, r.Township))]);

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    internal static async Task<HttpResponseMessage> CompareAsync(HttpClient client, string payrollId, string content, string fileName = "old.csv",
        string path = "comparison") => await CompareAsync(client, payrollId, Encoding.UTF8.GetBytes(content), fileName, path);

    internal static async Task<HttpResponseMessage> CompareAsync(HttpClient client, string payrollId, byte[] content, string fileName, string path = "comparison")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await client.PostAsync($"/api/v1/payrolls/{payrollId}/{path}", form, Ct);
    }

    /// <summary>What the payroll pays each enrolment, from its lines as the county sees them.</summary>
    internal static async Task<Dictionary<string, decimal>> PaidAsync(HttpClient client, string payrollId) =>
        (await LinesAsync(client, payrollId)).GroupBy(l => l.GetProperty("enrollmentId").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.GetProperty("amount").GetDecimal()));
}

/// <summary>
/// 与原系统比对 over the API: a payroll against the old system's list of the month, matched by ID number; figures per
/// programme and township; every kind of difference with its numbers; masked and audited; the caller's region only.
/// Village payrolls of 农村低保 keep each test to its own people (a county payroll would pay every test's villages).
/// </summary>
public abstract class PayrollComparisonTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (int, int, decimal) Figures(JsonElement f) =>
        (f.GetProperty("households").GetInt32(), f.GetProperty("persons").GetInt32(), f.GetProperty("amount").GetDecimal());

    private static List<JsonElement> Differences(JsonElement report, string kind) =>
        report.GetProperty("differences").EnumerateArray().Where(d => d.GetProperty("kind").GetString() == kind).ToList();

    [Fact]
    public async Task MatchingList_HasNoDifferences_AndTheSameFiguresPerProgrammeAndTownship()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 410m, 520.5m);
        var id = await PayrollAsync(app, "rural-dibao", village, "2026-01", approve: false);
        using var county = await app.ClientAsAsync("county");
        var paid = await PaidAsync(county, id);
        var csv = Csv([.. payees.Select(p => new OldRow(p.IdNumber, p.Name, "农村低保", Money(paid[p.EnrollmentId]), "2", village))]);

        var report = await (await CompareAsync(county, id, csv)).JsonAsync();

        Assert.True(report.GetProperty("matches").GetBoolean());
        Assert.Equal(0, report.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Empty(report.GetProperty("differences").EnumerateArray());
        var expected = (2, 4, paid.Values.Sum());
        var program = report.GetProperty("programs").EnumerateArray().Single();
        Assert.Equal(("rural-dibao", "农村低保", true), (program.GetProperty("program").GetString(), program.GetProperty("programName").GetString(), program.GetProperty("compared").GetBoolean()));
        Assert.Equal(expected, Figures(program.GetProperty("old")));
        Assert.Equal(expected, Figures(program.GetProperty("ours")));
        Assert.Equal((0, 0, 0m), Figures(program.GetProperty("difference")));
        var township = report.GetProperty("townships").EnumerateArray().Single();
        Assert.Equal(("360482100000", "甘露镇"), (township.GetProperty("regionCode").GetString(), township.GetProperty("name").GetString()));
        Assert.Equal(expected, Figures(township.GetProperty("old")));
        Assert.Equal(expected, Figures(township.GetProperty("ours")));
        Assert.Equal(2, report.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task EachKindOfDifference_IsListedWithItsAmounts_AndTheTotalsSayTheSame()
    {
        var village = await VillageAsync(app);
        var p = await CaseloadAsync(app, village, "农村低保", 300m, 400m, 500m, 600m);
        var id = await PayrollAsync(app, "rural-dibao", village, "2026-01", approve: false);
        using var county = await app.ClientAsAsync("county");
        var paid = await PaidAsync(county, id);
        var (stranger, urban, destitute) = (SqliteRegistryApiTests.NewAdultIdNumber(), SqliteRegistryApiTests.NewAdultIdNumber(), SqliteRegistryApiTests.NewAdultIdNumber());
        var oldP1 = paid[p[1].EnrollmentId] - 12.5m;
        var csv = Csv(
            new OldRow(p[0].IdNumber, p[0].Name, "农村低保", Money(paid[p[0].EnrollmentId]), "2", village),
            new OldRow(p[1].IdNumber, p[1].Name, "农村最低生活保障", Money(oldP1), "3", village),
            new OldRow(p[3].IdNumber, p[3].Name, "农村低保", "250.00", "2", village),
            new OldRow(p[3].IdNumber, p[3].Name, "农村低保", Money(paid[p[3].EnrollmentId] - 250m), "2", village),
            new OldRow(stranger, "外来户", "农村低保", "250.00", "", "", "甘露镇"),
            new OldRow(urban, "城市户", "城市低保", "700.00"),
            new OldRow(destitute, "五保户", "特困", "900.00"));

        var response = await CompareAsync(county, id, csv);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var report = await response.JsonAsync();

        Assert.False(report.GetProperty("matches").GetBoolean());
        var counts = report.GetProperty("counts");
        Assert.Equal((1, 1, 1, 0, 3), (counts.GetProperty("onlyOld").GetInt32(), counts.GetProperty("onlyOurs").GetInt32(), counts.GetProperty("amount").GetInt32(),
            counts.GetProperty("outsideScope").GetInt32(), counts.GetProperty("total").GetInt32()));

        var onlyOld = Differences(report, "only-old").Single();
        Assert.Equal(("外来户", 6, 250m, JsonValueKind.Null, -250m, "甘露镇"), (onlyOld.GetProperty("name").GetString(), onlyOld.GetProperty("row").GetInt32(),
            onlyOld.GetProperty("oldAmount").GetDecimal(), onlyOld.GetProperty("ourAmount").ValueKind, onlyOld.GetProperty("difference").GetDecimal(),
            onlyOld.GetProperty("regionName").GetString()));
        Assert.Equal(Mask.IdNumber(stranger), onlyOld.GetProperty("idNumberMasked").GetString());
        Assert.Contains("没有此人", onlyOld.GetProperty("note").GetString());

        var onlyOurs = Differences(report, "only-ours").Single();
        Assert.Equal((p[2].Name, JsonValueKind.Null, paid[p[2].EnrollmentId], paid[p[2].EnrollmentId], JsonValueKind.Null), (onlyOurs.GetProperty("name").GetString(),
            onlyOurs.GetProperty("oldAmount").ValueKind, onlyOurs.GetProperty("ourAmount").GetDecimal(), onlyOurs.GetProperty("difference").GetDecimal(),
            onlyOurs.GetProperty("row").ValueKind));
        Assert.Equal(Mask.IdNumber(p[2].IdNumber), onlyOurs.GetProperty("idNumberMasked").GetString());
        Assert.Equal($"甘露镇发放测试村{village[^3..]}", onlyOurs.GetProperty("regionName").GetString());

        var amount = Differences(report, "amount").Single();
        Assert.Equal((p[1].Name, 3, oldP1, paid[p[1].EnrollmentId], 12.5m), (amount.GetProperty("name").GetString(), amount.GetProperty("row").GetInt32(),
            amount.GetProperty("oldAmount").GetDecimal(), amount.GetProperty("ourAmount").GetDecimal(), amount.GetProperty("difference").GetDecimal()));
        Assert.Contains("保障人数：原系统 3 人，本系统 2 人", amount.GetProperty("note").GetString());
        Assert.DoesNotContain(report.GetProperty("differences").EnumerateArray(), d => d.GetProperty("name").GetString() == p[3].Name); // two rows, summed: equal

        // 农村低保: old p0, p1, p3 (two rows, one payee) and the stranger; ours p0–p3.
        var oldFigures = (4, 2 + 3 + 2 + 1, paid[p[0].EnrollmentId] + oldP1 + paid[p[3].EnrollmentId] + 250m);
        var ourFigures = (4, 8, paid.Values.Sum());
        var programs = report.GetProperty("programs").EnumerateArray().ToList();
        var rural = programs.Single(x => x.GetProperty("compared").GetBoolean());
        Assert.Equal(oldFigures, Figures(rural.GetProperty("old")));
        Assert.Equal(ourFigures, Figures(rural.GetProperty("ours")));
        Assert.Equal((0, 0, ourFigures.Item3 - oldFigures.Item3), Figures(rural.GetProperty("difference")));
        var others = programs.Where(x => !x.GetProperty("compared").GetBoolean()).ToDictionary(x => x.GetProperty("programName").GetString()!);
        Assert.Equal((1, 2, 700m), Figures(others["城市低保"].GetProperty("old")));
        Assert.Equal((1, 2, 900m), Figures(others["特困供养"].GetProperty("old")));
        Assert.Equal(JsonValueKind.Null, others["城市低保"].GetProperty("ours").ValueKind);
        Assert.Equal(2, others.Count);

        var township = report.GetProperty("townships").EnumerateArray().Single();
        Assert.Equal(oldFigures, Figures(township.GetProperty("old")));
        Assert.Equal(ourFigures, Figures(township.GetProperty("ours")));
        Assert.Equal(oldFigures, Figures(report.GetProperty("old")));
        Assert.Equal(7, report.GetProperty("rows").GetInt32());
        foreach (var idNumber in p.Select(x => x.IdNumber).Append(stranger).Append(urban).Append(destitute))
        {
            Assert.DoesNotContain(idNumber, body);
        }
    }

    [Fact]
    public async Task Township_ComparesOnlyItsOwnPart_AndOldRowsOfOtherTownshipsAreReportedOutside_NotMatchedOrMissing()
    {
        var own = (await CaseloadAsync(app, await VillageAsync(app), "城市低保", 333m)).Single();
        var otherVillage = await VillageAsync(app, "360482101");
        var other = await CaseloadAsync(app, otherVillage, "城市低保", 444m, 555m);
        var id = await PayrollAsync(app, "urban-dibao", "360482", "2026-01", approve: false);
        using var county = await app.ClientAsAsync("county");
        var paid = await PaidAsync(county, id);
        var csv = Csv(
            new OldRow(own.IdNumber, own.Name, "城市低保", Money(paid[own.EnrollmentId])),
            new OldRow(other[0].IdNumber, other[0].Name, "城市低保", Money(paid[other[0].EnrollmentId]), "2", otherVillage),
            new OldRow(other[1].IdNumber, other[1].Name, "城市低保", Money(paid[other[1].EnrollmentId])));

        using var township = await app.ClientAsAsync("township");
        var report = await (await CompareAsync(township, id, csv)).JsonAsync();

        Assert.Equal("甘露镇", report.GetProperty("sliceName").GetString());
        Assert.All(report.GetProperty("townships").EnumerateArray(), t => Assert.Equal("360482100000", t.GetProperty("regionCode").GetString()));
        var differences = report.GetProperty("differences").EnumerateArray().ToList();
        Assert.DoesNotContain(differences, d => d.GetProperty("name").GetString() == own.Name); // matched, same amount
        var outside = Differences(report, "outside-scope");
        Assert.Equal(new[] { other[0].Name, other[1].Name }.Order(), outside.Select(d => d.GetProperty("name").GetString()!).Order());
        Assert.Equal(2, report.GetProperty("counts").GetProperty("outsideScope").GetInt32());
        var named = outside.Single(d => d.GetProperty("name").GetString() == other[0].Name);
        Assert.Contains("不在您的管辖范围内", named.GetProperty("note").GetString());
        var placed = outside.Single(d => d.GetProperty("name").GetString() == other[1].Name);
        Assert.Contains("按本系统的登记地不在您的管辖范围内", placed.GetProperty("note").GetString());
        Assert.Equal("", placed.GetProperty("regionName").GetString()); // where the registry has them is not the township's to see
        Assert.DoesNotContain(differences, d => d.GetProperty("kind").GetString() is "only-old" or "only-ours"
            && (d.GetProperty("name").GetString() == other[0].Name || d.GetProperty("name").GetString() == other[1].Name));
        // Ours is the township's slice: the old side counts only the row inside it.
        var program = report.GetProperty("programs").EnumerateArray().Single();
        Assert.Equal((1, 2, paid[own.EnrollmentId]), Figures(program.GetProperty("old")));

        // The county compares the whole payroll: the same rows match.
        var whole = await (await CompareAsync(county, id, csv)).JsonAsync();
        Assert.Equal(0, whole.GetProperty("counts").GetProperty("outsideScope").GetInt32());
        Assert.DoesNotContain(whole.GetProperty("differences").EnumerateArray(), d => d.GetProperty("kind").GetString() != "only-ours");
        Assert.Contains(whole.GetProperty("townships").EnumerateArray(), t => t.GetProperty("name").GetString() == "江益镇");

        // A payroll of another township is not the township's to compare at all.
        var elsewhere = await PayrollAsync(app, "urban-dibao", otherVillage, "2026-02", approve: false);
        await (await CompareAsync(township, elsewhere, csv)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await CompareAsync(county, elsewhere, csv)).StatusCode);
    }
}

public sealed class SqlitePayrollComparisonTests(SqliteApp app) : PayrollComparisonTests<SqliteApp>(app);

public sealed class PostgresPayrollComparisonTests(PostgresApp app) : PayrollComparisonTests<PostgresApp>(app);
