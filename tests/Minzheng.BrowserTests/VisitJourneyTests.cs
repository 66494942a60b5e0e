using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>探视巡访 in the browser: from a missed visit on the work list to a recorded visit that takes it off.</summary>
public sealed class VisitJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Township_FollowsAMissedVisitFromTheWorkList_RecordsIt_AndThePersonIsNoLongerOverdue()
    {
        var page = await app.SignedInPageAsync("township");
        await page.GotoAsync("/Deadlines?due=overdue");
        // The demo county has 特困分散供养 persons never visited in this township: their visits are overdue.
        var missed = page.GetByTestId("work-list").Locator("tbody a[href^='/Visits?enrollment=']").First;
        var name = (await missed.InnerTextAsync()).Split('：')[1].Split('（')[0];
        await missed.ClickAsync();
        await page.WaitForURLAsync("**/Visits?enrollment=*");
        var detail = page.GetByTestId("visit-detail");
        Assert.Contains("逾期", await detail.Locator(".badge").InnerTextAsync());

        await detail.GetByLabel("探视人").FillAsync("王晓梅、李建国");
        await detail.GetByLabel("探视方式").SelectOptionAsync(new SelectOptionValue { Label = "入户探访" });
        await detail.GetByLabel("探视情况").FillAsync("老人身体尚好，屋内整洁；灶台旁堆放柴草，已当场清理。");
        await detail.GetByLabel("需要跟进").CheckAsync();
        await detail.GetByRole(AriaRole.Button, new() { Name = "登记探视" }).ClickAsync();
        // Following up needs a note: refused, and what was typed is still there.
        await page.GetByTestId("visit-error").WaitForAsync();
        Assert.Contains("请写明跟进事项", await page.GetByTestId("visit-detail").InnerTextAsync());
        Assert.Equal("王晓梅、李建国", await page.GetByTestId("visit-detail").GetByLabel("探视人").InputValueAsync());
        await Shots.SaveAsync(page, "visits-refused");

        detail = page.GetByTestId("visit-detail");
        await detail.GetByLabel("跟进事项").FillAsync("联系村电工检查卧室电线");
        await detail.GetByRole(AriaRole.Button, new() { Name = "登记探视" }).ClickAsync();
        var saved = page.GetByTestId("visit-saved");
        await saved.WaitForAsync();
        Assert.Contains("已登记", await saved.InnerTextAsync());
        Assert.Contains("需跟进：联系村电工检查卧室电线", await page.GetByTestId("visit-history").InnerTextAsync());
        var row = page.GetByTestId("visits-due").Locator("tr", new() { HasText = name });
        Assert.DoesNotContain("逾期", await row.InnerTextAsync());
        await Shots.SaveAsync(page, "visits");

        await page.GotoAsync("/Deadlines?due=overdue");
        Assert.DoesNotContain($"探视巡访：{name}", await page.Locator("body").InnerTextAsync());

        // The county sees every township: the demo has a missed visit elsewhere, highlighted, and one made on time.
        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/Visits");
        await county.GetByTestId("visits-due").Locator("tr.table-danger").First.WaitForAsync();
        Assert.Contains("正常", await county.GetByTestId("visits-due").InnerTextAsync());
        await Shots.SaveAsync(county, "visits-county");
    }
}
