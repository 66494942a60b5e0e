using System.Text;
using Microsoft.Playwright;
using Minzheng.Modules.SocialAssistance.Imports;

namespace Minzheng.BrowserTests;

/// <summary>Issue 22: a missing page is a Chinese page with a way back; a long upload says it is working and cannot be clicked twice.</summary>
public sealed class UsabilityJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task MissingPage_ChinesePageWithAWayHome()
    {
        var page = await app.SignedInPageAsync("county");
        var response = await page.GotoAsync("/Cases/Detail?id=" + Guid.NewGuid());
        Assert.Equal(404, response!.Status);
        Assert.Contains("页面或记录不存在", await page.GetByTestId("status-page").InnerTextAsync());
        await Shots.SaveAsync(page, "status-404");
        await page.GetByRole(AriaRole.Link, new() { Name = "返回首页" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    [Fact]
    public async Task Upload_ButtonsSayTheyAreWorking_AndCannotBeClickedTwice()
    {
        var page = await app.SignedInPageAsync("county");
        await page.GotoAsync("/Imports");
        // Stand in for a slow line: the submission is held (cancelled before it leaves), so the page stays as the user sees it meanwhile.
        await page.EvaluateAsync("() => window.addEventListener('submit', e => e.preventDefault(), { capture: true })");
        await page.GetByLabel("花名册文件").SetInputFilesAsync(new FilePayload
        {
            Name = "roster.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join(",", AssistanceRoster.Headers) + "\n"),
        });
        var button = page.GetByRole(AriaRole.Button, new() { Name = "上传校验" });
        Assert.Equal(1, await button.EvaluateAsync<int>("b => b.getClientRects().length")); // on one line…
        var height = await button.EvaluateAsync<double>("b => b.getBoundingClientRect().height");
        Assert.True(height < 48, $"the button wraps: {height}px high"); // …not one character per line
        await button.ClickAsync();
        var busy = page.Locator("form[aria-busy=true] button[type=submit]");
        await busy.WaitForAsync();
        Assert.True(await busy.IsDisabledAsync());
        Assert.Contains("正在上传校验…", await busy.InnerTextAsync());
        await Shots.SaveAsync(page, "import-busy");
    }
}
