using System.Net;
using System.Net.Http.Json;
using System.Text;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Verification;

/// <summary>重复享受与互斥项目: the same person in 特困 and 低保 is found once, on the later enrolment, and stopped from the month given.</summary>
public abstract class ExclusionScanTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scan_FindsExclusiveProgrammes_OnceOnTheLaterEnrolment_ConfirmStopsIt()
    {
        var village = await VillageAsync(app);
        var (both, only) = (SqliteRegistryApiTests.NewAdultIdNumber(), SqliteRegistryApiTests.NewAdultIdNumber());
        using var county = await app.ClientAsAsync("county");
        var rows = string.Join("\n", string.Join(",", AssistanceRoster.Headers),
            $"{village},农村低保,两项户,{both},1,1,300.00,2025-06,,,,", $"{village},特困分散供养,两项户,{both},1,1,615.00,2026-02,,,,",
            $"{village},农村低保,单项户,{only},1,1,300.00,2025-06,,,,");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, Encoding.UTF8.GetBytes(rows), "x.csv")).JsonAsync();
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();

        await (await county.PostAsJsonAsync("/api/v1/verification/scans", new { type = "bad", regionCode = village }, Ct)).AssertFieldErrorAsync("type");
        var scanned = await (await county.PostAsJsonAsync("/api/v1/verification/scans", new { type = "exclusion", regionCode = village }, Ct)).JsonAsync();
        Assert.Equal(1, scanned.GetProperty("created").GetInt32());
        var again = await (await county.PostAsJsonAsync("/api/v1/verification/scans", new { type = "exclusion", regionCode = village }, Ct)).JsonAsync();
        Assert.Equal(0, again.GetProperty("created").GetInt32());

        var finding = Assert.Single((await (await county.GetAsync($"/api/v1/verification/findings?type=exclusion&region={village}", Ct)).JsonAsync()).EnumerateArray());
        Assert.Equal("destitute-dispersed", finding.GetProperty("program").GetString());
        Assert.Contains("农村低保（自2025-06）和特困分散供养（自2026-02）", finding.GetProperty("evidence").GetString());
        var url = $"/api/v1/verification/findings/{finding.GetProperty("id").GetString()}/resolve";
        await (await county.PostAsJsonAsync(url, new { decision = "confirm" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync(url, new { decision = "confirm", fromMonth = "2026-12" }, Ct)).StatusCode);

        var enrollment = await (await county.GetAsync($"/api/v1/enrollments/{finding.GetProperty("enrollmentId").GetString()}", Ct)).JsonAsync();
        Assert.Equal(("terminated", "2026-11", "重复享受或与其他救助互斥"), (enrollment.GetProperty("enrollment").GetProperty("status").GetString(),
            enrollment.GetProperty("enrollment").GetProperty("endMonth").GetString(), enrollment.GetProperty("events")[0].GetProperty("reasonName").GetString()));
        var rescan = await (await county.PostAsJsonAsync("/api/v1/verification/scans", new { type = "exclusion", regionCode = village }, Ct)).JsonAsync();
        Assert.Equal(0, rescan.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Scan_FindsABeneficiaryWhoMovedToAnotherVillage_AndConfirmStopsItAsMovedAway()
    {
        var (from, to) = (await VillageAsync(app), await VillageAsync(app));
        var payee = (await CaseloadAsync(app, from, "农村低保", 420m)).Single();
        using var county = await app.ClientAsAsync("county");
        var enrollment = (await (await county.GetAsync($"/api/v1/enrollments/{payee.EnrollmentId}", Ct)).JsonAsync()).GetProperty("enrollment");
        var target = (await (await county.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = to,
            hukouType = "rural",
            address = "新村1号",
            members = new[] { new { name = "新户主", idNumber = SqliteRegistryApiTests.NewAdultIdNumber(), relationship = "head", monthlyIncome = 0m } },
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var household = enrollment.GetProperty("householdId").GetString();
        var person = (await (await county.GetAsync($"/api/v1/households/{household}", Ct)).JsonAsync()).GetProperty("members")[0].GetProperty("personId").GetString();
        var move = $"/api/v1/households/{household}/members/{person}/move";
        await (await county.PostAsJsonAsync(move, new { toHouseholdId = target, relationship = "sibling" }, Ct)).JsonAsync();

        var scanned = await (await county.PostAsJsonAsync("/api/v1/verification/scans", new { type = "exclusion", regionCode = from }, Ct)).JsonAsync();
        Assert.Equal(1, scanned.GetProperty("created").GetInt32());
        var finding = Assert.Single((await (await county.GetAsync($"/api/v1/verification/findings?type=exclusion&region={from}", Ct)).JsonAsync()).EnumerateArray());
        Assert.Equal(("moved", payee.EnrollmentId), (finding.GetProperty("category").GetString(), finding.GetProperty("enrollmentId").GetString()));
        Assert.StartsWith("已迁至", finding.GetProperty("evidence").GetString());
        Assert.Equal(0, (await (await county.PostAsJsonAsync("/api/v1/verification/scans", new { type = "exclusion", regionCode = from }, Ct)).JsonAsync())
            .GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync($"/api/v1/verification/findings/{finding.GetProperty("id").GetString()}/resolve",
            new { decision = "confirm", fromMonth = "2026-12" }, Ct)).StatusCode);
        var ended = await (await county.GetAsync($"/api/v1/enrollments/{payee.EnrollmentId}", Ct)).JsonAsync();
        Assert.Equal("迁出本地", ended.GetProperty("events")[0].GetProperty("reasonName").GetString());
    }

    [Fact]
    public async Task Page_ShowsBothKindsOfFindings_AndRunsTheScanForTheCounty()
    {
        using var county = new WebSession(app);
        await county.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.Contains("死亡后已发", await (await county.GetAsync("/Verification")).Content.ReadAsStringAsync(Ct));
        var scanned = await county.PostFormAsync("/Verification?type=exclusion", new Dictionary<string, string> { ["regionCode"] = "360482" },
            "/Verification?handler=Scan");
        Assert.Contains("核查完成", await scanned.Content.ReadAsStringAsync(Ct));
        using var village = new WebSession(app);
        await village.LoginAsync("village", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.DoesNotContain("开始核查", await (await village.GetAsync("/Verification?type=exclusion")).Content.ReadAsStringAsync(Ct));
    }
}

public sealed class SqliteExclusionScanTests(SqliteApp app) : ExclusionScanTests<SqliteApp>(app);

public sealed class PostgresExclusionScanTests(PostgresApp app) : ExclusionScanTests<PostgresApp>(app);
