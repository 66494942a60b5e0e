using System.Globalization;
using System.Net;
using System.Text.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>A payroll's lines page with their total, sort by a column, filter by URL and export what is filtered; skip/take still answer as before (issue 22).</summary>
public abstract class PayrollLineListTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(List<JsonElement> Lines, int Total, int Header)> LinesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var page = await response.JsonAsync();
        return (page.GetProperty("lines").EnumerateArray().ToList(), page.GetProperty("total").GetInt32(),
            int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PayrollLines_PageSortByAmountAndName_FilterByKind_AndExport_WhileSkipTakeStillWorks()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 420m, 300m, 360m);
        var payroll = await PayrollAsync(app, "rural-dibao", village, "2026-01");
        using var county = await app.ClientAsAsync("county");
        var url = $"/api/v1/payrolls/{payroll}/lines";

        var (byAmount, total, header) = await LinesAsync(county, $"{url}?sort=amount&dir=desc&pageSize=2");
        Assert.Equal((3, 3), (total, header));
        Assert.Equal([420m, 360m], byAmount.Select(l => l.GetProperty("amount").GetDecimal()));
        var (second, _, _) = await LinesAsync(county, $"{url}?sort=amount&dir=desc&pageSize=2&page=2");
        Assert.Equal(300m, Assert.Single(second).GetProperty("amount").GetDecimal());
        var (skipped, skipTotal, _) = await LinesAsync(county, $"{url}?skip=1&take=1");
        Assert.Equal(3, skipTotal);
        Assert.Single(skipped);
        Assert.Equal(0, (await LinesAsync(county, $"{url}?kind=recovery")).Total);
        Assert.Equal(3, (await LinesAsync(county, $"{url}?page=0&pageSize=-1&sort=nonsense")).Total); // clamped, not an error

        var exported = await county.ExportRowsAsync($"/api/v1/payrolls/{payroll}/lines.xlsx?lineStatus=pending&sort=name");
        var (rows, totals) = (exported[..^1], exported[^1]);
        Assert.Equal(("合计", rows.Sum(r => Convert.ToDecimal(r["金额（元）"], CultureInfo.InvariantCulture))),
            ((string?)totals["序号"], Convert.ToDecimal(totals["金额（元）"], CultureInfo.InvariantCulture)));
        Assert.Equal(payees.Select(p => p.Name).Order(StringComparer.Ordinal), rows.Select(r => (string?)r["姓名"]));
        Assert.All(rows, r => Assert.Equal(("正常发放", "待发放"), ((string?)r["类型"], (string?)r["发放状态"])));
        Assert.DoesNotContain(rows, r => payees.Any(p => r.Values.Any(v => v?.ToString() == p.IdNumber || v?.ToString() == p.Account)));
        Assert.Empty(await county.ExportRowsAsync($"/api/v1/payrolls/{payroll}/unpaid.xlsx"));
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/v1/payrolls/{Guid.NewGuid()}/lines.xlsx", Ct)).StatusCode);

        using var session = new WebSession(app);
        await session.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await session.GetAsync($"/Payments/Detail?id={payroll}&sort=amount&dir=desc&pageNumber=1")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("共 3 条", html);
        Assert.Contains($"/api/v1/payrolls/{payroll}/lines.xlsx?sort=amount&amp;dir=desc", html);
        Assert.True(html.IndexOf(payees[2].Name, StringComparison.Ordinal) < html.IndexOf(payees[1].Name, StringComparison.Ordinal), "420 before 360 when sorted by amount descending");
    }
}

public sealed class SqlitePayrollLineListTests(SqliteApp app) : PayrollLineListTests<SqliteApp>(app);

public sealed class PostgresPayrollLineListTests(PostgresApp app) : PayrollLineListTests<PostgresApp>(app);
