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
    // The application dates everything in China time; the test machine runs on UTC (8 hours behind).
    private static DateOnly ChinaToday => Minzheng.Platform.Calendar.ChinaTime.Today(TimeProvider.System);

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
        Assert.Equal(1, await page.Locator("a.dropdown-item[href='/Organizations/Receive']").CountAsync());
        var year = ChinaToday.Year - 3; // the demo county has opened the two years after it
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
        await page.GetByRole(AriaRole.Button, new() { Name = "补录并发证" }).ClickAsync();
        Assert.Contains("校验码错误", await page.GetByTestId("organization-errors").InnerTextAsync());
        Assert.Equal(name, await page.GetByLabel("组织名称").InputValueAsync());
        await Shots.SaveAsync(page, "socialorg-register-error");

        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "补录并发证" }).ClickAsync();
        Assert.Contains("成立登记已办理", await page.GetByTestId("organization-done").InnerTextAsync());
        Assert.Contains("民社登字", await page.GetByTestId("organization-certificate").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-detail");
        await page.GetByRole(AriaRole.Link, new() { Name = "打印登记证书" }).ClickAsync();
        Assert.Contains(name, await page.GetByTestId("certificate").InnerTextAsync());
        Assert.Contains("社会团体法人登记证书", await page.GetByTestId("certificate").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-certificate");

        // Decoupling and evaluation on the detail page: the association goes on the list, completes 机构分离, gets 4A.
        await page.GoBackAsync();
        await page.GetByText("登记脱钩状态（行业协会商会）").ClickAsync();
        await page.GetByLabel("脱钩状态", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "拟脱钩" });
        await page.GetByLabel("脱钩状态日期").FillAsync($"{year + 1}-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记脱钩状态" }).ClickAsync();
        Assert.Contains("脱钩状态已登记", await page.GetByTestId("organization-done").InnerTextAsync());
        await page.GetByText("登记分项任务完成").ClickAsync();
        await page.GetByLabel("分项任务").SelectOptionAsync(new SelectOptionValue { Label = "机构分离" });
        await page.GetByLabel("完成日期").FillAsync($"{year + 1}-02-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记完成" }).ClickAsync();
        Assert.Contains($"{year + 1}-02-20", await page.GetByTestId("decoupling-tasks").Locator("tr", new() { HasText = "机构分离" }).InnerTextAsync());
        await page.GetByText("登记等级评估结论").ClickAsync();
        await page.GetByLabel("评估等级").SelectOptionAsync(new SelectOptionValue { Label = "4A" });
        await page.GetByLabel("评估结论日期").FillAsync($"{year + 1}-03-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记评估等级" }).ClickAsync();
        Assert.Contains("4A", await page.GetByTestId("organization-grade").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-decoupling");

        // Supervision on the detail page: a penalty without its decision is refused, with it recorded; then 活动异常名录.
        await page.GetByText("登记行政处罚（须有行政处罚决定书）").ClickAsync();
        await page.GetByLabel("处罚种类").SelectOptionAsync(new SelectOptionValue { Label = "罚款" });
        await page.GetByLabel("决定日期").FillAsync($"{year + 1}-05-10");
        await page.GetByLabel("罚款金额（元，罚款时填写）").FillAsync("3000");
        await page.GetByLabel("违法事实和处罚理由").FillAsync("违规收取会员赞助费");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记行政处罚" }).ClickAsync();
        Assert.Contains("决定书文号", await page.GetByTestId("organization-errors").InnerTextAsync());
        var decision = $"共民罚决字〔{year + 1}〕第{Random.Shared.Next(100_000, 999_999)}号";
        await page.GetByLabel("行政处罚决定书文号", new() { Exact = true }).FillAsync(decision);
        await page.GetByLabel("处罚种类").SelectOptionAsync(new SelectOptionValue { Label = "罚款" });
        await page.GetByLabel("决定日期").FillAsync($"{year + 1}-05-10");
        await page.GetByLabel("罚款金额（元，罚款时填写）").FillAsync("3000");
        await page.GetByLabel("违法事实和处罚理由").FillAsync("违规收取会员赞助费");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记行政处罚" }).ClickAsync();
        Assert.Contains("行政处罚已登记", await page.GetByTestId("organization-done").InnerTextAsync());
        Assert.Contains(decision, await page.GetByTestId("organization-penalties").InnerTextAsync());
        await page.GetByText("列入活动异常名录或严重违法失信名单").ClickAsync();
        await page.GetByLabel("列入日期").FillAsync($"{year + 1}-06-01");
        await page.GetByLabel("列入事由").FillAsync("通过登记的住所无法取得联系");
        await page.GetByRole(AriaRole.Button, new() { Name = "列入名录" }).ClickAsync();
        Assert.Contains("已列入名录", await page.GetByTestId("organization-done").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-supervision");
        await page.GotoAsync("/Organizations/Listings?List=abnormal");
        Assert.Contains(name, await page.GetByTestId("listings").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-listings");

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

        var deadline = ChinaToday.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
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

        // Opened late, the year gives a month to report: its results cannot be published before that deadline.
        await page.GetByRole(AriaRole.Button, new() { Name = "公告年检结果" }).ClickAsync();
        Assert.Contains("截止后或全部报送后才能公告", await page.GetByTestId("inspection-errors").InnerTextAsync());

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

        // The notice the demo county published for the year after: final results only, linked from the look-up page.
        await citizen.GetByRole(AriaRole.Link, new() { Name = "社会组织年检结果公告" }).ClickAsync();
        Assert.Contains($"关于{year + 1}年度社会组织年检结果的公告", await citizen.GetByTestId("results-title").InnerTextAsync());
        var notice = await citizen.GetByTestId("results-list").InnerTextAsync();
        Assert.Contains("未参加年检", notice);
        Assert.DoesNotContain("限期整改", notice);
        await Shots.SaveAsync(citizen, "socialorg-inspection-results");
    }
}
