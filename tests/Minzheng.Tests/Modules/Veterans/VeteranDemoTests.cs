using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.Veterans;

public sealed class VeteranDemoApp : SqliteApp
{
    public VeteranDemoApp() => WithVeterans = true;
}

/// <summary>The demo county's 优抚 register, made through the module's services; its figures, the work-summary sentence, the calculator and the pages.</summary>
public sealed class VeteranDemoTests(VeteranDemoApp app) : IClassFixture<VeteranDemoApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoRegister_HasEveryCategory_PaidAndWaiting_AndDeaths_WithTheirFigures()
    {
        using var client = await app.ClientAsAsync("veterans");
        var figures = await (await client.GetAsync("/api/v1/veterans/statistics?region=360482&from=2000-01-01&to=2099-12-31", Ct)).JsonAsync();
        Assert.InRange(figures.GetProperty("persons").GetInt32(), 35, 54);
        // 困难优抚对象 of the assistance caseload: their 临时救助/医疗救助 counted apart, and in the 带病回乡 row.
        Assert.True(figures.GetProperty("aid").EnumerateArray().Sum(a => a.GetProperty("times").GetInt32()) > 0);
        var returnees = figures.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == "ill-returnee");
        Assert.True(returnees.GetProperty("temporaryAidTimes").GetInt32() + returnees.GetProperty("medicalAidTimes").GetInt32() > 0);
        Assert.True(figures.GetProperty("monthlyAmount").GetDecimal() > 0);
        Assert.InRange(figures.GetProperty("deaths").GetInt32(), 2, 6);
        Assert.True(figures.GetProperty("funeralAid").GetDecimal() > 0);
        Assert.Equal(9, figures.GetProperty("categories").GetArrayLength());
        var paths = figures.GetProperty("placements").EnumerateArray().ToDictionary(p => p.GetProperty("path").GetString()!, p => p.GetProperty("soldiers").GetInt32());
        Assert.Equal((5, 13, 1), (paths["exam"], paths["self-employment"], paths["assigned-job"]));
        Assert.True(figures.GetProperty("placements").EnumerateArray().Sum(p => p.GetProperty("reportedLate").GetInt32()) > 0);

        var waiting = await (await client.GetAsync("/api/v1/veterans/entitlements?category=uranium-miner&status=active", Ct)).JsonAsync();
        Assert.All(waiting.EnumerateArray(), e => Assert.False(e.GetProperty("enrolled").GetBoolean()));
        var raised = await (await client.GetAsync("/api/v1/veterans/entitlements?category=demobilized&status=active", Ct)).JsonAsync();
        Assert.All(raised.EnumerateArray(), e => Assert.Equal(1_750m, e.GetProperty("monthlyAmount").GetDecimal())); // (20400 + 600) ÷ 12
        Assert.NotEmpty((await (await client.GetAsync("/api/v1/veterans/entitlements?status=deceased", Ct)).JsonAsync()).EnumerateArray());
        var campaign = (await (await client.GetAsync("/api/v1/veterans/visit-campaigns", Ct)).JsonAsync()).EnumerateArray().Single();
        var visits = await (await client.GetAsync($"/api/v1/veterans/visit-campaigns/{campaign.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.InRange(visits.GetProperty("visited").GetInt32(), 1, visits.GetProperty("persons").GetInt32() - 1);

        using var leader = await app.ClientAsAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/veterans/statistics?region=360482&from=2026-01-01&to=2026-12-31", Ct)).StatusCode);
        var draft = await (await leader.GetAsync("/api/v1/reports/work-summary?region=360482&from=2000-01-01&to=2099-12-31", Ct)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("、优抚安置", StringComparison.Ordinal));
        Assert.Matches(@"^在册重点优抚对象\d+人（.+），按月发放抚恤补助[\d.]+万?元；", section.GetProperty("sentences")[0].GetProperty("text").GetString()!);
    }

    [Fact]
    public async Task DischargePayment_Calculates_And_RefusesBadDatesPerField()
    {
        using var client = await app.ClientAsAsync("veterans");
        var answer = await (await client.PostAsJsonAsync("/api/v1/veterans/discharge-payment", new
        {
            enlistedOn = "2024-09-10",
            dischargedOn = "2026-12-01",
            thirdClassMerits = 1,
            annualBase = 6000m,
            provincialGrant = 5000m,
        }, Ct)).JsonAsync();
        Assert.Equal(20_750m, answer.GetProperty("payment").GetProperty("total").GetDecimal());
        Assert.Equal("2026-12-31", answer.GetProperty("payment").GetProperty("reportBy").GetString());
        Assert.Empty(answer.GetProperty("assignedJobGrounds").EnumerateArray());

        var refused = await (await client.PostAsJsonAsync("/api/v1/veterans/discharge-payment", new { enlistedOn = "2024-09-10", dischargedOn = "2024-09-01" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(refused.GetProperty("errors").TryGetProperty("dischargedOn", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("annualBase", out _));
    }

    [Theory]
    [InlineData("/Veterans")]
    [InlineData("/Veterans/Register")]
    [InlineData("/Veterans/Standards")]
    [InlineData("/Veterans/DischargePayment")]
    [InlineData("/Veterans/Statistics")]
    [InlineData("/Veterans/Placements")]
    [InlineData("/Veterans/Visits")]
    public async Task Pages_OpenForTheOfficer_InChinese(string page)
    {
        using var web = new WebSession(app);
        await web.LoginAsync("veterans", Minzheng.Platform.Demo.DemoSeeder.Password);
        var response = await web.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", await response.Content.ReadAsStringAsync(Ct));
    }
}
