using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

public sealed class SampleLineJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Township_RegistersARecord_FromTheNavigation_AndAcceptsIt()
    {
        var page = await app.SignedInPageAsync("township");
        Assert.Equal(1, await page.Locator("a.dropdown-item[href='/SampleLineRecords']").CountAsync());
        await page.GotoAsync("/SampleLineRecords");
        await page.GetByRole(AriaRole.Heading, new() { Name = "示例业务登记" }).WaitForAsync();
        await page.GetByLabel("区划代码").FillAsync("360482100201");
        var subject = "浏览器示例" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("事项").FillAsync(subject);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();
        Assert.Equal("已登记", await page.GetByTestId("sample-message").InnerTextAsync());

        var row = page.GetByTestId("sample-records").Locator("tr", new() { HasText = subject });
        await row.GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        Assert.Equal("已办理", await page.GetByTestId("sample-message").InnerTextAsync());
        Assert.Contains("已受理", await page.GetByTestId("sample-records").Locator("tr", new() { HasText = subject }).InnerTextAsync());
    }
}
