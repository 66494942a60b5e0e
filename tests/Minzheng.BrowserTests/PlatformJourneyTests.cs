using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>The platform's own pages: 待办与期限 across every module, and the permission matrix the modules declare.</summary>
public sealed class PlatformJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Township_OpensTheWorkList_FromTheNavigation_AndFollowsAnItemToItsCase()
    {
        var page = await app.SignedInPageAsync("township");
        await page.GetByRole(AriaRole.Button, new() { Name = "工作台" }).Or(page.GetByText("工作台", new() { Exact = true })).First.ClickAsync();
        await page.Locator("a.dropdown-item[href='/Deadlines']").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "待办与期限" }).WaitForAsync();
        await Shots.SaveAsync(page, "deadlines");

        // The demo county has open applications in this township: the board counts them and the list links to them.
        var board = await page.GetByTestId("platform-board").InnerTextAsync();
        Assert.Contains("甘露镇", board);
        Assert.Contains("救助申请", board);
        // Missed 探视巡访 may be older than any application: follow the first application.
        var first = page.GetByTestId("work-list").Locator("tbody a[href^='/Cases/Detail']").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync("**/Cases/Detail?id=*");
        Assert.Contains(title.Split('：')[^1], await page.Locator("body").InnerTextAsync());
    }

    [Fact]
    public async Task SecurityAdministrator_SeesThePermissionMatrix_InChinese()
    {
        var page = await app.SignedInPageAsync("security");
        await page.GotoAsync("/Users");
        var matrix = await page.GetByTestId("permission-matrix").InnerTextAsync();
        await Shots.SaveAsync(page, "permission-matrix");
        Assert.Contains("社会救助", matrix);
        Assert.Contains("审批救助申请", matrix);
        Assert.Contains("县级审批人员", matrix);
        Assert.DoesNotContain("DecideCases", matrix);
    }

    [Fact]
    public async Task County_PrintsANumberedDecision_AndACitizenVerifiesItByItsQrLink()
    {
        var page = await app.SignedInPageAsync("county");
        await page.GotoAsync("/Cases?status=approved");
        await page.Locator("a[href^='/Cases/Detail?id=']").First.ClickAsync();
        var id = page.Url[(page.Url.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        await page.GotoAsync($"/Cases/Notice?id={id}");
        var number = await page.GetByTestId("document-number-text").InnerTextAsync();
        Assert.Matches("^共青城民救决〔\\d{4}〕\\d{4}号$", number);
        Assert.Equal(1, await page.Locator("[data-testid=document-number] svg").CountAsync());
        await Shots.SaveAsync(page, "decision-notice");

        var link = await page.GetByTestId("document-number").Locator(".text-break").InnerTextAsync();
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync(link);
        Assert.Equal("该文书真实有效", (await citizen.GetByTestId("verify-result").InnerTextAsync()).Trim());
        Assert.Equal(number, await citizen.GetByTestId("verify-number").InnerTextAsync());
        await Shots.SaveAsync(citizen, "verify");
    }
}

/// <summary>Full-page screenshots for a person to look at, when MINZHENG_SCREENSHOTS names a folder.</summary>
internal static class Shots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MINZHENG_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    /// <summary>The page as printed (its own @page size and margins), for a person to look at the pagination.</summary>
    public static async Task SavePdfAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MINZHENG_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.PdfAsync(new() { Path = Path.Combine(folder, name + ".pdf"), PreferCSSPageSize = true });
        }
    }
}
