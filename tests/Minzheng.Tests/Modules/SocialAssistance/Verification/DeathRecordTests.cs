using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Verification;

/// <summary>Death lists: staged import, matching by blind index (15-digit and lower-case x too), findings, and their effect on payments.</summary>
public abstract class DeathRecordTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Header = "身份证号,姓名,死亡日期,数据来源\n";

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(JsonElement Staged, HttpClient County)> StageAsync(string csv)
    {
        var county = await app.ClientAsAsync("county");
        var staged = await (await county.UploadImportAsync("death-records", Encoding.UTF8.GetBytes(Header + csv), "deaths.csv")).JsonAsync();
        return (staged, county);
    }

    private async Task<JsonElement> ImportAsync(string csv)
    {
        var (staged, county) = await StageAsync(csv);
        using (county)
        {
            Assert.Equal(0, staged.GetProperty("errors").GetArrayLength());
            return await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        }
    }

    private async Task<List<JsonElement>> FindingsAsync(string region, string status = "open")
    {
        using var county = await app.ClientAsAsync("county");
        return (await (await county.GetAsync($"/api/v1/verification/findings?type=death&region={region}&status={status}", Ct)).JsonAsync()).EnumerateArray().ToList();
    }

    /// <summary>An adult's ID number born in the 1900s (so it has a 15-digit form), optionally with the check letter X.</summary>
    private static string AdultId(bool endsWithX)
    {
        string id;
        do
        {
            id = SqliteRegistryApiTests.NewAdultIdNumber();
        }
        while (id[6..8] != "19" || id.EndsWith('X') != endsWithX);

        return id;
    }

    [Fact]
    public async Task DeathList_WithBadRows_NamesRowAndColumn_AndCommitsNothing()
    {
        var id = AdultId(false);
        var wrongCheck = id[..17] + (id[17] == '0' ? '1' : '0');
        var (staged, county) = await StageAsync(
            $"{wrongCheck},甲,2026-01-01,公安\n{id},乙,2026-01-01,公安\n{id},丙,2026-01-01,民政\n{AdultId(false)},,2026-01-01,火化\n{AdultId(false)},丁,2099-01-01,卫健\n");
        using (county)
        {
            var errors = staged.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
            Assert.Equal([(2, "身份证号"), (4, "身份证号"), (4, "数据来源"), (5, "姓名"), (6, "死亡日期")], errors);
            await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        }
    }

    [Fact]
    public async Task DeathList_DatesWrittenWithSlashesDotsOrChinese_AreRead()
    {
        var (staged, county) = await StageAsync(
            $"{AdultId(false)},甲,2026/01/15,公安\n{AdultId(false)},乙,2026.1.15,卫健\n{AdultId(false)},丙,2026年1月15日,火化\n{AdultId(false)},丁,15/01/2026,火化\n");
        using (county)
        {
            var errors = staged.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
            Assert.Equal([(5, "死亡日期")], errors); // day first stays refused
        }
    }

    [Fact]
    public async Task DeathList_MatchesLegacyAndLowerCaseNumbers_OneFindingPerEnrolment_NoneTwice()
    {
        var village = await VillageAsync(app);
        var (legacy, lower) = (AdultId(false), AdultId(true));
        var rows = $"{village},农村低保,旧号户,{legacy},2,2,300.00,2026-01,,,,,2025-12\n{village},农村低保,小写户,{lower},2,2,310.00,2026-01,,,,,2025-12\n";
        using (var county = await app.ClientAsAsync("county"))
        {
            var csv = Encoding.UTF8.GetBytes(string.Join(",", [.. AssistanceRoster.Headers, AssistanceRoster.PaidThroughHeader]) + "\n" + rows);
            var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, csv, "r.csv")).JsonAsync();
            await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        }

        var list = $"{legacy[..6]}{legacy[8..17]},旧号户,2026-05-10,公安\n{lower[..17]}x,小写户,2026-06-20,火化\n{AdultId(false)},无关人员,2026-06-01,卫健\n";
        var committed = await ImportAsync(list);
        Assert.Equal((3, 2), (committed.GetProperty("imported").GetInt32(), committed.GetProperty("matched").GetInt32()));
        var findings = await FindingsAsync(village);
        Assert.Equal(["2026-05-10", "2026-06-20"], findings.Select(f => f.GetProperty("deathDate").GetString()).Order());
        Assert.All(findings, f =>
        {
            Assert.Equal(("death", "rural-dibao", "open"), (f.GetProperty("type").GetString(), f.GetProperty("program").GetString(), f.GetProperty("status").GetString()));
            Assert.Contains("********", f.GetProperty("idNumberMasked").GetString());
        });

        var again = await ImportAsync(list);
        Assert.Equal(2, again.GetProperty("matched").GetInt32());
        Assert.Equal(2, (await FindingsAsync(village)).Count);
    }

    [Fact]
    public async Task ConfirmedDeath_StopsPaymentFromTheNextMonth_AndTheNextPayrollRecoversWhatWasPaid()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 400m, 420m);
        await PayrollAsync(app, "rural-dibao", village, "2026-06");
        await PayrollAsync(app, "rural-dibao", village, "2026-07");
        await ImportAsync($"{payees[1].IdNumber},{payees[1].Name},2026-06-15,火化\n");
        var finding = Assert.Single(await FindingsAsync(village));
        Assert.Equal(420m, finding.GetProperty("paidAfterDeath").GetDecimal());

        using var county = await app.ClientAsAsync("county");
        var url = $"/api/v1/verification/findings/{finding.GetProperty("id").GetString()}/resolve";
        await (await county.PostAsJsonAsync(url, new { decision = "dismiss" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using (var township = await app.ClientAsAsync("township"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsJsonAsync(url, new { decision = "confirm" }, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync(url, new { decision = "confirm" }, Ct)).StatusCode);
        await (await county.PostAsJsonAsync(url, new { decision = "confirm" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var enrollment = await (await county.GetAsync($"/api/v1/enrollments/{payees[1].EnrollmentId}", Ct)).JsonAsync();
        Assert.Equal(("terminated", "2026-06"), (enrollment.GetProperty("enrollment").GetProperty("status").GetString(),
            enrollment.GetProperty("enrollment").GetProperty("endMonth").GetString()));

        var august = await PayrollAsync(app, "rural-dibao", village, "2026-08", approve: false);
        var recovery = Assert.Single(await LinesAsync(county, august), l => l.GetProperty("kind").GetString() == "recovery");
        Assert.Equal((payees[1].EnrollmentId, "2026-07", -420m),
            (recovery.GetProperty("enrollmentId").GetString(), recovery.GetProperty("month").GetString(), recovery.GetProperty("amount").GetDecimal()));
        Assert.Single(await FindingsAsync(village, "confirmed"));
    }

    [Fact]
    public async Task MemberDeath_NeedsARecalculatedAmount_AndDismissalNeedsAReason()
    {
        var (head, spouse) = (AdultId(false), AdultId(false));
        using var county = await app.ClientAsAsync("county");
        var created = await (await county.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = "360482100201",
            hukouType = "rural",
            address = "红光村核查组2号",
            members = new object[]
            {
                new { name = "核查户主", idNumber = head, relationship = "head", monthlyIncome = 100m },
                new { name = "核查配偶", idNumber = spouse, relationship = "spouse", monthlyIncome = 0m },
            },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var csv = Encoding.UTF8.GetBytes(string.Join(",", AssistanceRoster.Headers) + $"\n360482100201,农村低保,核查户主,{head},2,2,600.00,2026-01,,,,\n");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, csv, "r.csv")).JsonAsync();
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();

        await ImportAsync($"{spouse},核查配偶,2026-09-03,卫健\n");
        var finding = (await FindingsAsync("360482100201")).Single(f => f.GetProperty("personName").GetString() == "核查配偶");
        Assert.False(finding.GetProperty("isBeneficiary").GetBoolean());
        var url = $"/api/v1/verification/findings/{finding.GetProperty("id").GetString()}/resolve";
        Assert.Contains("重新核定", (await (await county.PostAsJsonAsync(url, new { decision = "confirm" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync(url, new { decision = "confirm", monthlyAmount = 350m }, Ct)).StatusCode);
        var household = await (await county.GetAsync($"/api/v1/households/{created.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Contains(household.GetProperty("members").EnumerateArray(), m => m.GetProperty("name").GetString() == "核查配偶");
        var enrollments = await (await county.GetAsync("/api/v1/enrollments?region=360482100201&status=active", Ct)).JsonAsync();
        var adjusted = enrollments.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "核查户主");
        Assert.Equal((350m, 1), (adjusted.GetProperty("monthlyAmount").GetDecimal(), adjusted.GetProperty("coveredPersons").GetInt32()));
    }
}

public sealed class SqliteDeathRecordTests(SqliteApp app) : DeathRecordTests<SqliteApp>(app);

public sealed class PostgresDeathRecordTests(PostgresApp app) : DeathRecordTests<PostgresApp>(app);
