using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

public sealed class RegistryJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Township_RegistersHousehold_FixesBadId_FindsItMasked_RevealsWithReason()
    {
        var page = await app.SignedInPageAsync("township");

        await page.GotoAsync("/Registry/New");
        await page.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "红光村" });
        await page.GetByLabel("家庭住址").FillAsync("红光村浏览器组1号");
        var head = BrowserApp.NewIdNumber();
        await page.GetByLabel("第1行姓名").FillAsync("浏览器户主");
        await page.GetByLabel("第1行身份证号").FillAsync(head[..17] + (head[17] == '1' ? '2' : '1')); // wrong check character
        await page.GetByLabel("第1行月收入").FillAsync("800");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        Assert.Contains("第1位成员：身份证号校验码错误", await page.GetByTestId("form-errors").InnerTextAsync());

        await page.GetByLabel("第1行身份证号").FillAsync(head);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "浏览器户主 户" }).WaitForAsync();
        Assert.Contains("浏览器户主 户", await page.Locator("h1").InnerTextAsync());
        var masked = head[..6] + "********" + head[14..];
        Assert.Equal(masked, await page.Locator("td code").First.InnerTextAsync());
        Assert.DoesNotContain(head, await page.ContentAsync());

        await page.Locator("input[name=reason]").First.FillAsync("入户核对");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).First.ClickAsync();
        Assert.Contains(head, await page.GetByTestId("revealed").InnerTextAsync());

        await page.GotoAsync("/Registry");
        await page.GetByLabel("按完整身份证号查找").FillAsync(head);
        await page.GetByRole(AriaRole.Button, new() { Name = "打开该户" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "浏览器户主 户" }).WaitForAsync();
        Assert.DoesNotContain(head, page.Url); // the number was posted, never put in the address
    }
}
