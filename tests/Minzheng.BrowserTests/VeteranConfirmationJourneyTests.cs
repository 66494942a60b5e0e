using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>年度确认 in the browser: the township follows its overdue item from the work list, records an end with its reason, and the county sees it counted.</summary>
public sealed class VeteranConfirmationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Township_FollowsTheOverdueConfirmation_RecordsAnEnd_AndTheCountySeesItCounted()
    {
        var page = await app.SignedInPageAsync("township");
        await page.GotoAsync("/Deadlines?due=overdue");
        var item = page.GetByTestId("work-list").Locator("tbody a[href^='/Veterans/Confirmations?id=']").First;
        Assert.Contains("年度确认：待确认", await item.InnerTextAsync());
        await item.ClickAsync();
        await page.WaitForURLAsync("**/Veterans/Confirmations?id=*");
        var rows = page.GetByTestId("confirmations").Locator("tbody tr");
        var pending = await rows.CountAsync();
        Assert.InRange(pending, 1, 3);

        // An end without its reason is refused, in Chinese, and nothing is recorded.
        var first = rows.First;
        var name = await first.Locator("td").First.InnerTextAsync();
        await first.GetByLabel("确认结果").SelectOptionAsync("ended");
        await first.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await page.GetByTestId("confirmation-errors").WaitForAsync();
        Assert.Contains("终止须选择原因", await page.GetByTestId("confirmation-errors").InnerTextAsync());
        await Shots.SaveAsync(page, "veterans-confirmation-refused");

        await page.GotoAsync(page.Url);
        first = page.GetByTestId("confirmations").Locator("tbody tr", new() { HasText = name });
        await first.GetByLabel("确认结果").SelectOptionAsync("ended");
        await first.GetByLabel("终止原因").SelectOptionAsync(new SelectOptionValue { Label = "户籍迁出本地" });
        await first.GetByLabel("备注").FillAsync("已迁往广东");
        await first.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        await page.GetByTestId("confirmation-saved").WaitForAsync();
        Assert.Equal(pending - 1, await page.GetByTestId("confirmations").Locator("tbody tr", new() { HasText = "待确认" }).CountAsync());
        await Shots.SaveAsync(page, "veterans-confirmation-township");

        var county = await app.SignedInPageAsync("veterans");
        await county.GotoAsync(page.Url.Replace("&outcome=pending", "", StringComparison.Ordinal) + "&outcome=ended");
        var ended = county.GetByTestId("confirmations").Locator("tr", new() { HasText = name });
        Assert.Contains("终止：户籍迁出本地（已迁往广东）", await ended.InnerTextAsync());
        Assert.Contains("终止", await county.GetByTestId("confirmation-counts").InnerTextAsync());
        Assert.True(await county.GetByRole(AriaRole.Button, new() { Name = "确认生效" }).IsDisabledAsync());
        await Shots.SaveAsync(county, "veterans-confirmation-county");
    }
}
