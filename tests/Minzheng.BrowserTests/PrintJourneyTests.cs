using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>Printed documents carry who issued them, when, and where the seal goes; printing shows the document alone.</summary>
public sealed class PrintJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task County_ReprintsACasesPublicityList_AfterItLeftPublicity_WithOfficeDateAndSupervisionPhone()
    {
        var page = await app.SignedInPageAsync("county");
        await page.GotoAsync("/Cases?status=approved");
        var cases = await page.Locator("a[href^='/Cases/Detail?id=']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        string? history = null;
        foreach (var href in cases.Take(10))
        {
            await page.GotoAsync(href);
            if (await page.GetByTestId("publicity-history").CountAsync() > 0)
            {
                history = await page.GetByTestId("publicity-history").GetAttributeAsync("href");
                break;
            }
        }

        Assert.NotNull(history);
        await page.GotoAsync(history);
        var list = await page.GetByTestId("publicity").InnerTextAsync();
        Assert.Contains("存档补打", list);
        Assert.Matches("(人民政府|办事处|民政局)（盖章）", await page.GetByTestId("issuing-office").InnerTextAsync());
        Assert.Matches(@"\d{4}年\d{1,2}月\d{1,2}日", await page.GetByTestId("document-seal").InnerTextAsync());
        Assert.StartsWith("监督电话：", await page.GetByTestId("supervision-phone").InnerTextAsync());
        Assert.Equal(1, await page.GetByTestId("publicity").Locator("tbody tr").CountAsync());

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).IsVisibleAsync());
        await Shots.SaveAsync(page, "publicity-history-print");
    }

    [Fact]
    public async Task WorkSummary_PrintsAsText_WithoutNavigationOrTextBox()
    {
        var page = await app.SignedInPageAsync("county");
        await page.GotoAsync("/Reports/Summary");
        var text = await page.GetByTestId("summary-text").InputValueAsync();
        Assert.False(string.IsNullOrWhiteSpace(text));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("nav.navbar").IsVisibleAsync());
        Assert.False(await page.GetByTestId("summary-text").IsVisibleAsync());
        Assert.True(await page.GetByTestId("summary-print").IsVisibleAsync());
        Assert.Equal(text.ReplaceLineEndings("\n").Trim(), (await page.GetByTestId("summary-print").InnerTextAsync()).ReplaceLineEndings("\n").Trim());
        await Shots.SaveAsync(page, "summary-print");
    }
}
