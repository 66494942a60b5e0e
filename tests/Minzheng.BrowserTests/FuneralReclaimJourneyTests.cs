using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>
/// The pages added for issue 26's gaps, on the demo county: an expired plot given notice and its printed 催告书, the plot whose
/// notice ran out (the reclaim form), an old grave's printed 墓穴证, and finance opening the record behind a claim line.
/// </summary>
public sealed class FuneralReclaimJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Clerk_GivesNoticeOnAnExpiredPlot_PrintsIt_AndFinanceOpensAClaimsRecord()
    {
        var page = await app.SignedInPageAsync("funeral");
        await page.GotoAsync("/FuneralFacilities");
        await page.GetByRole(AriaRole.Link, new() { Name = "共青城市城市公益性公墓" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "康区1排1号" }).ClickAsync();
        Assert.Contains("已届满", await page.GetByTestId("reclaims").InnerTextAsync());
        Assert.Equal(1, await page.GetByTestId("reclaim-form").CountAsync());
        await Shots.SaveAsync(page, "funeral-plot-reclaim-due");

        await page.GotoAsync("/FuneralFacilities");
        await page.GetByRole(AriaRole.Link, new() { Name = "共青城市城市公益性公墓" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "康区1排5号" }).ClickAsync();
        await page.GetByTestId("notice-form").GetByRole(AriaRole.Button, new() { Name = "发出催告" }).ClickAsync();
        Assert.Contains("已发出催告", await page.GetByTestId("plot-saved").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-plot-noticed");
        var href = await page.GetByTestId("reclaims").Locator("a").First.GetAttributeAsync("href");
        await page.GotoAsync(href!);
        Assert.Contains("墓催", await page.GetByTestId("reclaim-notice-number").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-reclaim-notice");

        await page.GotoAsync("/ExistingGraves");
        var graves = page.GetByTestId("graves");
        await graves.Locator("a[href^='/ExistingGraves/Detail']").First.WaitForAsync();
        var detailLinks = await graves.Locator("a[href^='/ExistingGraves/Detail']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        foreach (var link in detailLinks)
        {
            await page.GotoAsync(link);
            var certificate = page.GetByTestId("grave-certificate").Locator("a");
            if (await certificate.CountAsync() == 1)
            {
                await page.GotoAsync((await certificate.GetAttributeAsync("href"))!);
                Assert.Contains("墓证", await page.GetByTestId("grave-certificate-number").InnerTextAsync());
                await Shots.SaveAsync(page, "funeral-grave-certificate");
                break;
            }
        }

        var finance = await app.SignedInPageAsync("finance");
        await finance.GotoAsync("/WaiverClaims");
        await finance.Locator("a[href^='/WaiverClaims/Detail']").First.ClickAsync();
        await finance.GetByTestId("claim-lines").Locator("a").First.ClickAsync();
        Assert.Contains("火化日期", await finance.GetByTestId("claim-record").InnerTextAsync());
        await Shots.SaveAsync(finance, "funeral-claim-record");
    }
}
