using System.Net;
using System.Net.Http.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Medical.MedicalFixtures;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Monitoring;

/// <summary>监测对象 and 主动发现清单 page on the server with their total, sort by a column, filter by URL and export what is filtered (issue 22).</summary>
public abstract class MonitoringListTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MonitoredHouseholdsAndWarnings_PageSortFilter_AndExport()
    {
        var village = await VillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        Assert.True((await county.PutAsJsonAsync("/api/v1/standards",
            new { program = "rural-dibao", regionCode = village, effectiveFrom = "2026-01-01", amount = 700, rounding = "yuan" }, Ct)).IsSuccessStatusCode);
        var households = new List<string>();
        foreach (var (head, category) in new[] { ("监测乙", "marginal"), ("监测甲", "expenditure"), ("监测丙", "marginal") })
        {
            var (id, _) = await HouseholdAsync(app, village, head);
            await MonitorAsync(app, id, category);
            households.Add(id);
        }

        var url = $"/api/v1/monitoring/households?region={village}";
        var (first, total) = await county.GetPageAsync($"{url}&sort=head&pageSize=2");
        Assert.Equal(3, total);
        Assert.Equal(["监测丙", "监测乙"], first.Strings("headName"));
        Assert.Equal(["监测甲"], (await county.GetPageAsync($"{url}&sort=head&pageSize=2&page=2")).Items.Strings("headName"));
        Assert.Equal(2, (await county.GetPageAsync($"{url}&category=marginal")).Total);
        Assert.Equal(["监测甲"], (await county.GetPageAsync($"{url}&name={Uri.EscapeDataString("监测甲")}")).Items.Strings("headName"));
        Assert.Equal(0, (await county.GetPageAsync($"{url}&status=ended")).Total);
        var monitored = await county.ExportRowsAsync($"/api/v1/monitoring/households/export.xlsx?region={village}&sort=head&dir=desc");
        Assert.Equal(["监测甲", "监测乙", "监测丙"], monitored.Select(r => (string?)r["户主"]));
        Assert.Equal(["刚性支出困难家庭", "低保边缘家庭", "低保边缘家庭"], monitored.Select(r => (string?)r["监测类别"]));

        using var township = await app.ClientAsAsync("township");
        var scanned = await (await township.PostAsJsonAsync("/api/v1/monitoring/scans", new { regionCode = village }, Ct)).JsonAsync();
        Assert.Equal(3, scanned.GetProperty("created").GetInt32()); // each household earns nothing: under the standard
        var warnings = $"/api/v1/monitoring/warnings?region={village}";
        var (page, count) = await county.GetPageAsync($"{warnings}&status=open&sort=head&dir=desc&pageSize=2");
        Assert.Equal(3, count);
        Assert.Equal(["监测甲", "监测乙"], page.Strings("headName"));
        Assert.Equal(1, (await county.GetPageAsync($"{warnings}&name={Uri.EscapeDataString("监测丙")}&rule=income-below-standard")).Total);
        Assert.Equal(0, (await county.GetPageAsync($"{warnings}&rule=orphan")).Total);
        var rows = await county.ExportRowsAsync($"/api/v1/monitoring/warnings/export.xlsx?region={village}&status=open&sort=head");
        Assert.Equal(["监测丙", "监测乙", "监测甲"], rows.Select(r => (string?)r["户主"]));
        Assert.All(rows, r => Assert.Equal("待核实", r["状态"]));

        using var session = new WebSession(app);
        await session.LoginAsync("township", Minzheng.Platform.Demo.DemoSeeder.Password);
        foreach (var list in new[] { $"/Monitoring?region={village}&sort=head", $"/Monitoring?list=monitored&region={village}&pageNumber=x&sort=nonsense" })
        {
            var response = await session.GetAsync(list);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("共 3 条", html);
            Assert.Contains("监测甲", html);
            Assert.Contains("data-testid=\"list-export\"", html);
        }
    }
}

public sealed class SqliteMonitoringListTests(SqliteApp app) : MonitoringListTests<SqliteApp>(app);

public sealed class PostgresMonitoringListTests(PostgresApp app) : MonitoringListTests<PostgresApp>(app);
