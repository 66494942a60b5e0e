using Microsoft.Playwright;
using MiniExcelLibs;

namespace Minzheng.BrowserTests;

public sealed class ReportJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task County_OpensTheDashboard_PicksATownship_ExportsItsSummary()
    {
        var page = await app.SignedInPageAsync("county");
        await page.GotoAsync("/Reports/Dashboard");
        await page.Locator("#chart-trend[data-rendered='true'] canvas").WaitForAsync();
        Assert.Contains("共青城市", await page.GetByTestId("dashboard-region").InnerTextAsync());

        await page.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "甘露镇" });
        await page.GetByTestId("dashboard-go").ClickAsync();
        await page.Locator("[data-testid=dashboard-region]", new() { HasText = "甘露镇" }).WaitForAsync();
        await page.Locator("#chart-regions[data-rendered='true'] canvas").WaitForAsync();
        Assert.NotEmpty(await page.GetByTestId("kpis").Locator(".card").AllAsync());
        // The chart's text alternative: its name, and its figures as a table a screen reader can read.
        Assert.StartsWith("下级区划在保户数", await page.Locator("#chart-regions").GetAttributeAsync("aria-label"));
        var regionRows = page.GetByTestId("chart-regions-table").Locator("tbody tr");
        Assert.True(await regionRows.CountAsync() > 0);
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}+$", await regionRows.First.Locator("th").TextContentAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "救助统计" }).Last.ClickAsync();
        await page.GetByTestId("summary-table").WaitForAsync();
        var households = await page.Locator("[data-testid=summary-table] tr[data-program=rural-dibao] td").Nth(1).InnerTextAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-summary").ClickAsync());
        await using var file = File.OpenRead(await download.PathAsync());
        var rows = file.Query(useHeaderRow: true, sheetName: "救助统计").Cast<IDictionary<string, object?>>().ToList();
        var total = rows.Single(r => (string?)r["区划名称"] == "甘露镇（合计）" && (string?)r["项目"] == "农村低保");
        Assert.Equal(households, Convert.ToString(total["期末在保户数"], System.Globalization.CultureInfo.InvariantCulture));

        await page.GotoAsync(page.Url.Replace("/Reports?", "/Reports/Summary?", StringComparison.Ordinal));
        Assert.Contains("甘露镇", await page.GetByTestId("summary-text").InputValueAsync());
        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-docx").ClickAsync());
        Assert.Equal("work-summary.docx", docx.SuggestedFilename);
    }

    [Fact]
    public async Task Leader_LandsOnTheDashboard_WhereEveryChartDrawsOrSaysItHasNoData()
    {
        var page = await app.SignedInPageAsync("leader");
        await page.GotoAsync("/");
        await page.Locator("#chart-paid[data-rendered='true']").WaitForAsync();
        Assert.Contains("/Reports/Dashboard", page.Url);
        foreach (var chart in new[] { "chart-trend", "chart-paid", "chart-regions", "chart-reasons" })
        {
            Assert.Contains(await page.Locator($"#{chart}").GetAttributeAsync("data-empty"), new[] { "true", "false" });
        }

        Assert.Equal("false", await page.Locator("#chart-paid").GetAttributeAsync("data-empty"));
        Assert.DoesNotMatch(@"\d+\.\d{3,}万元", await page.Locator("main").InnerTextAsync());
        // The leader reads every line: a card each for 婚姻登记, 殡葬, 社会组织 and 优抚, each linking to the line's statistics.
        var lines = page.GetByTestId("line-figures").Locator(".card");
        Assert.Equal(["婚姻登记", "殡葬管理", "社会组织管理", "优抚安置"], (await lines.Locator(".card-header span").AllInnerTextsAsync()).ToArray());
        await lines.First.GetByRole(AriaRole.Link, new() { Name = "详细统计" }).ClickAsync();
        await page.WaitForURLAsync("**/Marriages/Statistics**");
        await page.GoBackAsync();
        await Shots.SaveAsync(page, "leader-dashboard");
    }
}
