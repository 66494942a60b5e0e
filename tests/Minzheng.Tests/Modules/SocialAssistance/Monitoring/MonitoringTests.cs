using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Monitoring;

/// <summary>低收入人口动态监测 over HTTP: register a household, run the rules, each warning once, handled with a reason.</summary>
public abstract class MonitoringTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> WarningsAsync(HttpClient client, string household) =>
        (await (await client.GetAsync($"/api/v1/monitoring/warnings?householdId={household}", Ct)).JsonAsync()).EnumerateArray().ToList();

    [Fact]
    public async Task MonitoredHousehold_UnderTheStandard_WithASeverelyDisabledMember_RaisesEachWarningOnce_AndHandlingNeedsAReason()
    {
        var village = await VillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        Assert.True((await county.PutAsJsonAsync("/api/v1/standards",
            new { program = "rural-dibao", regionCode = village, effectiveFrom = "2026-01-01", amount = 700, rounding = "yuan" }, Ct)).IsSuccessStatusCode);
        using var township = await app.ClientAsAsync("township");
        var household = (await (await township.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = village,
            hukouType = "rural",
            address = "监测村1号",
            members = new object[]
            {
                new { name = "韩老大", idNumber = SqliteRegistryApiTests.NewAdultIdNumber(), relationship = "head", monthlyIncome = 400m },
                new { name = "韩小妹", idNumber = SqliteRegistryApiTests.NewAdultIdNumber(), relationship = "sibling", monthlyIncome = 0m, disabilityGrade = 1 },
            },
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        await (await township.PostAsJsonAsync("/api/v1/monitoring/households", new { householdId = household, category = "poor", reason = "" }, Ct))
            .AssertFieldErrorAsync("category");
        await (await township.PostAsJsonAsync("/api/v1/monitoring/households", new { householdId = household, category = "marginal", reason = "x", annualMedicalExpense = -5m }, Ct))
            .AssertFieldErrorAsync("annualMedicalExpense");
        await (await township.PostAsJsonAsync("/api/v1/monitoring/households", new { householdId = household, category = "marginal", reason = "户主务工收入不稳定" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        await (await township.PostAsJsonAsync("/api/v1/monitoring/households", new { householdId = household, category = "marginal", reason = "重复" }, Ct))
            .AssertFieldErrorAsync("category");
        await (await township.PostAsJsonAsync("/api/v1/monitoring/scans", new { regionCode = "3604" }, Ct)).AssertFieldErrorAsync("regionCode"); // above the township's scope

        var scanned = await (await township.PostAsJsonAsync("/api/v1/monitoring/scans", new { regionCode = village }, Ct)).JsonAsync();
        Assert.Equal((1, 2), (scanned.GetProperty("households").GetInt32(), scanned.GetProperty("created").GetInt32()));
        var warnings = await WarningsAsync(township, household);
        Assert.Equal(["income-below-standard:rural-dibao", "severe-disability:disability-care"],
            warnings.Select(w => $"{w.GetProperty("rule").GetString()}:{w.GetProperty("suggestedProgram").GetString()}").Order());
        Assert.Equal("家庭月人均收入 200.00 元，低于低保标准 700.00 元", warnings.Single(w => w.GetProperty("rule").GetString() == "income-below-standard").GetProperty("detail").GetString());
        var again = await (await township.PostAsJsonAsync("/api/v1/monitoring/scans", new { regionCode = village }, Ct)).JsonAsync();
        Assert.Equal(0, again.GetProperty("created").GetInt32());

        var income = warnings.Single(w => w.GetProperty("rule").GetString() == "income-below-standard").GetProperty("id").GetString();
        await (await township.PostAsJsonAsync($"/api/v1/monitoring/warnings/{income}/resolve", new { decision = "dismiss" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent,
            (await township.PostAsJsonAsync($"/api/v1/monitoring/warnings/{income}/resolve", new { decision = "refer", note = "已指导提出低保申请" }, Ct)).StatusCode);
        await (await township.PostAsJsonAsync($"/api/v1/monitoring/warnings/{income}/resolve", new { decision = "refer" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var third = await (await township.PostAsJsonAsync("/api/v1/monitoring/scans", new { regionCode = village }, Ct)).JsonAsync();
        Assert.Equal(0, third.GetProperty("created").GetInt32()); // a handled warning is not raised again at once
        Assert.Equal("referred", (await WarningsAsync(township, household)).Single(w => w.GetProperty("id").GetString() == income).GetProperty("status").GetString());

        using var page = new WebSession(app);
        await page.LoginAsync("township", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await page.GetAsync($"/Registry/Household?id={household}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("低保边缘家庭", html);
        Assert.Contains("重度残疾未享受护理补贴", html);
    }
}

public sealed class SqliteMonitoringTests(SqliteApp app) : MonitoringTests<SqliteApp>(app);

public sealed class PostgresMonitoringTests(PostgresApp app) : MonitoringTests<PostgresApp>(app);
