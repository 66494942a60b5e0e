using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>结对帮扶 as a township runs it: register a household, pair a helper with it, record a visit, see the history.</summary>
public sealed class PairedSupportJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Township_PairsAHelperWithAHousehold_AndRecordsAContact()
    {
        var page = await app.SignedInPageAsync("township");
        await page.GotoAsync("/Registry/New");
        await page.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "东风村" });
        await page.GetByLabel("家庭住址").FillAsync("东风村帮扶组2号");
        var head = BrowserApp.NewIdNumber();
        await page.GetByLabel("第1行姓名").FillAsync("帮扶户主");
        await page.GetByLabel("第1行身份证号").FillAsync(head);
        await page.GetByLabel("第1行月收入").FillAsync("300");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "帮扶户主 户" }).WaitForAsync();

        await page.GotoAsync("/PairedSupport");
        var form = page.GetByTestId("pairing-form");
        await form.GetByLabel("户主身份证号").FillAsync(head);
        await form.GetByLabel("帮扶责任人").FillAsync("李志刚");
        await form.GetByLabel("帮扶单位").FillAsync("甘露镇农业服务中心");
        await form.GetByLabel("帮扶措施").FillAsync("每月走访一次，协助落实公益性岗位");
        await form.GetByRole(AriaRole.Button, new() { Name = "结对" }).ClickAsync();
        Assert.Equal("已结对", await page.GetByTestId("pairing-saved").InnerTextAsync());

        var contact = page.GetByTestId("contact-form");
        await contact.GetByLabel("帮扶内容").FillAsync("送去米油，了解就业意向");
        await contact.GetByRole(AriaRole.Button, new() { Name = "记录帮扶" }).ClickAsync();
        Assert.Contains("送去米油，了解就业意向", await page.GetByTestId("pairing-history").InnerTextAsync());
        var list = await page.GetByTestId("pairings").InnerTextAsync();
        Assert.Contains("帮扶户主", list);
        Assert.DoesNotContain(head, await page.ContentAsync());
        await Shots.SaveAsync(page, "paired-support");
    }
}
