using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Minzheng.Platform.Data;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Platform.Auditing;

/// <summary>
/// 三员分立 and PIPL art. 28 in the audit log: the audit administrator sees what was done to which record by whom, never
/// a person's name or disability; the values are sealed in the stored row and only a business user in scope can reveal
/// them, with a reason that is itself audited. The chain still verifies.
/// </summary>
public abstract class AuditPrivacyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Scenario(string Village, string Name, string Address);

    /// <summary>A household with a grade-2 disabled member, monitored and scanned, so a warning "…为二级残疾…" is written.</summary>
    private async Task<Scenario> DisabledPersonWarnedAsync()
    {
        var village = await VillageAsync(app);
        var scenario = new Scenario(village, $"熊建国{village[^3..]}", $"隐私测试村{village[^3..]}号");
        using var township = await app.ClientAsAsync("township");
        var household = (await (await township.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = village,
            hukouType = "rural",
            address = scenario.Address,
            members = new object[]
            {
                new { name = scenario.Name, idNumber = SqliteRegistryApiTests.NewAdultIdNumber(), relationship = "head", monthlyIncome = 0m, disabilityGrade = 2 },
            },
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await township.PostAsJsonAsync("/api/v1/monitoring/households", new { householdId = household, category = "marginal", reason = "重度残疾" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var scanned = await (await township.PostAsJsonAsync("/api/v1/monitoring/scans", new { regionCode = village }, Ct)).JsonAsync();
        Assert.True(scanned.GetProperty("created").GetInt32() >= 1);
        return scenario;
    }

    private static void AssertNoBusinessValues(Scenario s, string visible)
    {
        Assert.DoesNotContain(s.Name, visible);
        Assert.DoesNotContain("二级残疾", visible);
        Assert.DoesNotContain(s.Address, visible);
    }

    [Fact]
    public async Task Auditor_SeesFieldNamesOnly_InApiPageAndExport_AndTheStoredRowHoldsNoPlainValue()
    {
        var s = await DisabledPersonWarnedAsync();
        using var auditor = await app.ClientAsAsync("auditor");
        var response = await auditor.GetAsync($"/api/v1/audit?region={s.Village}&pageSize=200", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoBusinessValues(s, text);
        var entries = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        var person = entries.Single(e => e.GetProperty("entityType").GetString() == "Person" && e.GetProperty("action").GetString() == "data.insert");
        Assert.True(person.GetProperty("sealed").GetBoolean());
        Assert.Contains("姓名", person.GetProperty("details").GetString());
        Assert.Contains("残疾等级", person.GetProperty("details").GetString());
        Assert.Contains(entries, e => e.GetProperty("entityType").GetString() == "EarlyWarning");

        using var page = new WebSession(app);
        await page.LoginAsync("auditor", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await page.GetAsync($"/Audit?Region={s.Village}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("新增记录，字段：", html);
        AssertNoBusinessValues(s, html);

        var export = await auditor.GetAsync($"/api/v1/audit/export?region={s.Village}", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await using var stream = await export.Content.ReadAsStreamAsync(Ct);
        var cells = string.Join("\n", stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).Select(v => v?.ToString()));
        Assert.Contains("姓名", cells);
        AssertNoBusinessValues(s, cells);

        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.RegionCode == s.Village).Select(e => e.Details ?? "").ToListAsync(Ct));
        Assert.NotEmpty(stored);
        AssertNoBusinessValues(s, string.Join("\n", stored));

        Assert.True((await (await auditor.GetAsync("/api/v1/audit/verify", Ct)).JsonAsync()).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task CountyUser_RevealsWithAReason_WhichIsAudited_TheAuditorAndOthersCannot()
    {
        var s = await DisabledPersonWarnedAsync();
        using var auditor = await app.ClientAsAsync("auditor");
        var entries = (await (await auditor.GetAsync($"/api/v1/audit?region={s.Village}&entity=EarlyWarning", Ct)).JsonAsync()).EnumerateArray().ToList();
        var sequence = entries.First(e => e.GetProperty("action").GetString() == "data.insert").GetProperty("sequence").GetInt64();
        var path = $"/api/v1/audit-values/{sequence}/reveal";

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync(path, new { reason = "审计抽查" }, Ct)).StatusCode);
        using var leader = await app.ClientAsAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync(path, new { reason = "查看" }, Ct)).StatusCode);
        var elsewhere = await TestUsers.CreateAsync(app, "township", await VillageAsync(app));
        using var other = await app.ClientAsAsync(elsewhere.UserName, elsewhere.Password);
        await (await other.PostAsJsonAsync(path, new { reason = "核查预警" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound); // outside its scope

        using var county = await app.ClientAsAsync("county");
        await (await county.PostAsJsonAsync(path, new { reason = "" }, Ct)).AssertFieldErrorAsync("reason");
        var revealed = await (await county.PostAsJsonAsync(path, new { reason = "核查预警处理情况" }, Ct)).JsonAsync();
        Assert.Equal("EarlyWarning", revealed.GetProperty("entityType").GetString());
        var values = revealed.GetProperty("values").GetRawText();
        Assert.Contains(s.Name, values);
        Assert.Contains("二级残疾", values);

        var reveals = (await (await auditor.GetAsync($"/api/v1/audit?user=county&action=privacy.revealed&entity=AuditEntry", Ct)).JsonAsync())
            .EnumerateArray().ToList();
        var audited = Assert.Single(reveals, e => e.GetProperty("details").GetString()!.Contains($"\"sequence\":{sequence}"));
        Assert.Contains("核查预警处理情况", audited.GetProperty("details").GetString());
        Assert.Equal(s.Village, audited.GetProperty("regionCode").GetString());
        Assert.True((await (await auditor.GetAsync("/api/v1/audit/verify", Ct)).JsonAsync()).GetProperty("intact").GetBoolean());
    }
}

public sealed class SqliteAuditPrivacyTests(SqliteApp app) : AuditPrivacyTests<SqliteApp>(app);

public sealed class PostgresAuditPrivacyTests(PostgresApp app) : AuditPrivacyTests<PostgresApp>(app);
