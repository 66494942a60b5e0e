using System.Globalization;
using Microsoft.Playwright;
using Minzheng.Platform.People;

namespace Minzheng.BrowserTests;

/// <summary>
/// The registrar's year: register an association (a mistyped USCC refused with the form kept), print its certificate,
/// open the inspection of a year, receive its report, order 整改 and see the deadline on the inspection list; then a citizen
/// looks it up on the public page.
/// </summary>
public sealed class SocialOrgJourneyTests(BrowserApp app)
{
    private static string Code()
    {
        var body = "7" + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var first17 = "51360482" + body + CreditCode.ComputeOrganizationCheckCharacter(body);
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    [Fact]
    public async Task Registrar_RegistersAnAssociation_ReceivesItsReport_AndOrdersRectificationWithADeadline()
    {
        var page = await app.SignedInPageAsync("socialorg");
        Assert.Equal(1, await page.Locator("a.dropdown-item[href='/Organizations/Register']").CountAsync());
        var year = DateTime.Today.Year - 2;
        var name = $"共青城市旅程测试{Random.Shared.Next(100_000, 999_999)}协会";
        var code = Code();
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');

        await page.GotoAsync("/Organizations/Register");
        await page.GetByLabel("组织名称").FillAsync(name);
        await page.GetByLabel("组织类型").SelectOptionAsync(new SelectOptionValue { Label = "社会团体" });
        await page.GetByLabel("成立登记日期").FillAsync($"{year}-03-01");
        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(wrong);
        await page.GetByLabel("业务主管单位（直接登记的可不填）").FillAsync("共青城市文化广电新闻出版旅游局");
        await page.GetByLabel("住所").FillAsync("共青城市茶山街道青年大道8号");
        await page.GetByLabel("注册资金（元）").FillAsync("50000");
        await page.GetByLabel("法定代表人姓名").FillAsync("胡秀英");
        await page.GetByLabel("法定代表人身份证号").FillAsync(BrowserApp.NewIdNumber());
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并发证" }).ClickAsync();
        Assert.Contains("校验码错误", await page.GetByTestId("organization-errors").InnerTextAsync());
        Assert.Equal(name, await page.GetByLabel("组织名称").InputValueAsync());
        await Shots.SaveAsync(page, "socialorg-register-error");

        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并发证" }).ClickAsync();
        Assert.Contains("成立登记已办理", await page.GetByTestId("organization-done").InnerTextAsync());
        Assert.Contains("民社登字", await page.GetByTestId("organization-certificate").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-detail");
        await page.GetByRole(AriaRole.Link, new() { Name = "打印登记证书" }).ClickAsync();
        Assert.Contains(name, await page.GetByTestId("certificate").InnerTextAsync());
        Assert.Contains("社会团体法人登记证书", await page.GetByTestId("certificate").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-certificate");

        await page.GotoAsync("/Organizations/Inspections");
        await page.GetByLabel("年检年度").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "开启年检并通知" }).ClickAsync();
        Assert.Contains("年检已开启", await page.GetByTestId("inspection-done").InnerTextAsync());
        var row = page.GetByTestId("inspection-entries").Locator("tr", new() { HasText = name });
        await row.GetByRole(AriaRole.Link, new() { Name = "接收报告" }).ClickAsync();
        await page.GetByLabel("本年度收入（元）").FillAsync("86000");
        await page.GetByLabel("本年度支出（元）").FillAsync("79000.50");
        await page.GetByLabel("年末净资产（元）").FillAsync("52000");
        await page.GetByLabel("专职工作人员（人）").FillAsync("2");
        await page.GetByLabel("年度开展活动情况").FillAsync("召开会员大会一次，举办培训两期。");
        await page.GetByRole(AriaRole.Button, new() { Name = "接收报告" }).ClickAsync();
        Assert.Contains("已接收", await page.GetByTestId("inspection-done").InnerTextAsync());

        var deadline = DateTime.Today.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row = page.GetByTestId("inspection-entries").Locator("tr", new() { HasText = name });
        await row.GetByRole(AriaRole.Link, new() { Name = "审查" }).ClickAsync();
        await page.GetByLabel("年检结论").SelectOptionAsync(new SelectOptionValue { Label = "限期整改" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记结论" }).ClickAsync();
        Assert.Contains("整改期限", await page.GetByTestId("inspection-errors").InnerTextAsync());
        await page.GetByLabel("整改期限").FillAsync(deadline);
        await page.GetByLabel("理由（合格以外须填写）").FillAsync("财务管理制度不健全");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记结论" }).ClickAsync();
        Assert.Contains("年检结论已登记", await page.GetByTestId("inspection-done").InnerTextAsync());
        row = page.GetByTestId("inspection-entries").Locator("tr", new() { HasText = name });
        Assert.Contains("限期整改", await row.InnerTextAsync());
        Assert.Equal(deadline, await row.GetByTestId("rectify-by").InnerTextAsync());
        Assert.Equal("1", await page.GetByTestId("count-rectifying").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-inspections");

        await page.GotoAsync("/Organizations?Name=" + Uri.EscapeDataString(name));
        Assert.Contains(code, await page.GetByTestId("organizations").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-list");

        // Anyone, without an account, finds it from the login page by a part of its name: six public fields, no code.
        var citizen = await app.NewPageAsync();
        await citizen.GotoAsync("/Account/Login");
        await citizen.GetByTestId("public-lookup-link").ClickAsync();
        await citizen.GetByLabel("组织名称或统一社会信用代码").FillAsync(name[4..^2]);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var found = await citizen.GetByTestId("lookup-results").InnerTextAsync();
        Assert.Contains(name, found);
        Assert.Contains("胡秀英", found);
        Assert.Contains($"{year}年度：限期整改", found);
        Assert.DoesNotContain(code, found);
        await Shots.SaveAsync(citizen, "socialorg-public-lookup");
    }
}
