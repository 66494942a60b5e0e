using System.Net;
using System.Net.Http.Json;
using MiniExcelLibs;

namespace Minzheng.Tests.Modules.Administration.Audit;

public sealed class AuditApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logins_AreAudited_AndSearchableByTheAuditor()
    {
        using var anonymous = app.CreateClient();
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "leader", password = "wrong-password" }, Ct);
        await app.ClientAsAsync("leader");
        using var auditor = await app.ClientAsAsync("auditor");
        var entries = await (await auditor.GetAsync("/api/v1/audit?user=leader&action=auth.", Ct)).JsonAsync();
        var actions = entries.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("outcome").GetString())).ToList();
        Assert.Contains(("auth.login-failed", "failure"), actions);
        Assert.Contains(("auth.token", "success"), actions);
    }

    [Fact]
    public async Task Verify_ThroughApi_IsIntact()
    {
        using var auditor = await app.ClientAsAsync("auditor");
        var result = await (await auditor.GetAsync("/api/v1/audit/verify", Ct)).JsonAsync();
        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.True(result.GetProperty("entries").GetInt64() > 0);

        // The verification itself is on record: who verified, the verdict, and that it came through the API.
        var entries = await (await auditor.GetAsync("/api/v1/audit?user=auditor&action=audit.verified", Ct)).JsonAsync();
        var recorded = entries.EnumerateArray().First();
        Assert.Equal("success", recorded.GetProperty("outcome").GetString());
        Assert.Contains("\"channel\":\"api\"", recorded.GetProperty("details").GetString());
    }

    [Fact]
    public async Task Search_BadFilter_Is400NamingIt()
    {
        using var auditor = await app.ClientAsAsync("auditor");
        await (await auditor.GetAsync("/api/v1/audit?from=2026-02-30", Ct)).AssertFieldErrorAsync("from");
        await (await auditor.GetAsync("/api/v1/audit?region=3604", Ct)).JsonAsync(); // a city prefix is fine
        await (await auditor.GetAsync("/api/v1/audit?region=36048", Ct)).AssertFieldErrorAsync("region");
    }

    [Fact]
    public async Task Export_NeutralisesFormulaInjection()
    {
        using var anonymous = app.CreateClient();
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "=HYPERLINK(\"http://x\")", password = "x" }, Ct);
        using var auditor = await app.ClientAsAsync("auditor");
        var response = await auditor.GetAsync("/api/v1/audit/export?action=auth.login-failed", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync(Ct);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var users = rows.Select(r => r["用户"]?.ToString()).ToList();
        Assert.Contains("'=HYPERLINK(\"http://x\")", users);
        Assert.DoesNotContain(users, u => u is not null && u.StartsWith('='));
    }
}
