using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

public sealed class VerificationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Township_RegistersATipOff_InvestigatesConcludesAndFeedsBack_AndTheOverviewCountsIt()
    {
        var page = await app.SignedInPageAsync("township");
        await page.GotoAsync("/Verification/Overview");
        var closedBefore = await page.GetByTestId("kpi-tipoffs").Locator("..").InnerTextAsync();

        await page.GotoAsync("/Verification/TipOffs");
        await page.GetByText("登记举报").ClickAsync();
        // The list's filter has a 渠道 and a 被举报人 of its own: the registration form is the one filled in.
        var form = page.GetByTestId("tipoff-form");
        await form.GetByLabel("渠道").SelectOptionAsync(new SelectOptionValue { Label = "来信" });
        // The place is chosen, not typed: the township's picker lists its villages.
        await page.Locator(".region-picker[data-name='tipOff.RegionCode'] select").First.SelectOptionAsync("360482100201");
        await form.GetByLabel("被举报人").FillAsync("褚某");
        await form.GetByLabel("举报内容").FillAsync("反映褚某在县城开店，仍享受低保");
        await form.GetByLabel("举报人姓名（匿名可空）").FillAsync("卫女士");
        await form.GetByLabel("联系电话").FillAsync("13800001111");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        var detail = page.GetByTestId("tipoff-detail");
        await detail.WaitForAsync();
        Assert.Contains("举报人：卫女士 13800001111", await detail.InnerTextAsync());
        foreach (var (action, result, note, status) in new[]
        {
            ("开始核查", "", "安排两人入户核查", "核查中"), ("作出核查结论", "部分属实", "查实开店但收入未超标准", "待反馈"), ("向举报人反馈", "", "电话告知核查结果", "已办结"),
        })
        {
            await detail.GetByLabel("办理步骤").SelectOptionAsync(new SelectOptionValue { Label = action });
            if (result.Length > 0)
            {
                await detail.GetByLabel("核查结论").SelectOptionAsync(new SelectOptionValue { Label = result });
            }

            await detail.GetByLabel("说明").FillAsync(note);
            await detail.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
            await page.GetByTestId("tipoff-detail").Locator(".badge", new() { HasText = status }).WaitForAsync();
        }

        Assert.Contains("部分属实", await page.GetByTestId("tipoff-detail").InnerTextAsync());
        await page.GotoAsync("/Verification/TipOffs");
        var row = page.GetByTestId("tipoffs").Locator("tr", new() { HasText = "褚某" });
        Assert.Contains("已办结", await row.InnerTextAsync());
        Assert.DoesNotContain("卫女士", await page.GetByTestId("tipoffs").InnerTextAsync());

        await page.GotoAsync("/Verification/Overview");
        Assert.NotEqual(closedBefore, await page.GetByTestId("kpi-tipoffs").Locator("..").InnerTextAsync());
    }
}
