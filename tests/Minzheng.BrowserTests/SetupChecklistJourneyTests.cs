using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>The system administrator's go-live checklist, as the demo installation shows it: demo mode is the first thing left to do.</summary>
public sealed class SetupChecklistJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Administrator_SeesWhatIsLeftBeforeGoingLive_WithHowToDoEachStep()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/");
        Assert.Equal(1, await page.Locator("#mainNav a.dropdown-item[href='/Setup']").CountAsync());
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "上线检查" }).ClickAsync();
        await page.WaitForURLAsync("**/Setup");

        var demoRow = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "以正式模式运行" }) });
        Assert.Contains("未完成", await demoRow.InnerTextAsync());
        Assert.Equal("demo remove", (await demoRow.Locator("code").Last.InnerTextAsync()).Replace("minzheng ", "", StringComparison.Ordinal));
        var regionsRow = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "导入官方区划代码" }) });
        Assert.Contains("已完成", await regionsRow.InnerTextAsync());
        Assert.Contains("共青城市已有", await regionsRow.InnerTextAsync());
        Assert.Matches(@"还有 \d+ 项未完成", await page.Locator(".alert").First.InnerTextAsync());
        await Shots.SaveAsync(page, "setup-checklist");

        // Only the system administrator: the others' menus do not have it and the page refuses them.
        var county = await app.SignedInPageAsync("county");
        var refused = await county.GotoAsync("/Setup");
        Assert.Contains("AccessDenied", county.Url);
        Assert.True(refused is { Ok: true });
    }
}
