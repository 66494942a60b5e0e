using System.Globalization;
using Microsoft.Playwright;
using Minzheng.Platform.People;

namespace Minzheng.BrowserTests;

/// <summary>
/// 撤销登记 as a case: open it on the organisation's page (a future date refused with the form open), tell the party and see
/// the response period on the board, print the 事先告知书, record the waiver, decide to revoke, and find the organisation 已撤销.
/// </summary>
public sealed class SocialOrgRevocationJourneyTests(BrowserApp app)
{
    // The application dates everything in China time; the test machine runs on UTC (8 hours behind).
    private static string Today => Minzheng.Platform.Calendar.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Code()
    {
        var body = "6" + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var first17 = "51360482" + body + CreditCode.ComputeOrganizationCheckCharacter(body);
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    [Fact]
    public async Task Registrar_OpensTellsAndDecides_ARevocationCase_WithTheResponsePeriodOnTheBoard()
    {
        var page = await app.SignedInPageAsync("socialorg");
        var name = $"共青城市撤销旅程{Random.Shared.Next(100_000, 999_999)}协会";
        await page.GotoAsync("/Organizations/Register");
        await page.GetByLabel("组织名称").FillAsync(name);
        await page.GetByLabel("组织类型").SelectOptionAsync(new SelectOptionValue { Label = "社会团体" });
        await page.GetByLabel("成立登记日期").FillAsync("2023-03-01");
        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(Code());
        await page.GetByLabel("住所").FillAsync("共青城市茶山街道青年大道28号");
        await page.GetByLabel("注册资金（元）").FillAsync("50000");
        await page.GetByLabel("法定代表人姓名").FillAsync("刘志强");
        await page.GetByLabel("法定代表人身份证号").FillAsync(BrowserApp.NewIdNumber());
        await page.GetByRole(AriaRole.Button, new() { Name = "补录并发证" }).ClickAsync();
        Assert.Contains("成立登记已办理", await page.GetByTestId("organization-done").InnerTextAsync());

        await page.GetByTestId("revocation-open").Locator("summary").ClickAsync();
        await page.GetByLabel("立案日期").FillAsync("2099-01-01");
        await page.GetByLabel("撤销登记的依据").SelectOptionAsync(new SelectOptionValue { Label = "申请登记时弄虚作假，骗取登记" });
        await page.GetByLabel("违法事实和证据").FillAsync("申请登记时提交的住所使用证明系伪造，经出具单位书面确认。");
        await page.GetByRole(AriaRole.Button, new() { Name = "立案" }).ClickAsync();
        Assert.Contains("不能晚于今天", await page.GetByTestId("organization-errors").InnerTextAsync());
        Assert.Contains("住所使用证明系伪造", await page.GetByLabel("违法事实和证据").InputValueAsync());
        Assert.Equal("fraud", await page.GetByLabel("撤销登记的依据").InputValueAsync());
        await Shots.SaveAsync(page, "socialorg-revocation-open-error");
        await page.GetByLabel("立案日期").FillAsync(Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "立案" }).ClickAsync();
        Assert.Contains("已立案", await page.GetByTestId("revocation-done").InnerTextAsync());
        Assert.Equal("已立案", await page.GetByTestId("revocation-status").InnerTextAsync());

        await page.GetByTestId("step-notify").Locator("summary").ClickAsync();
        await page.GetByLabel("告知日期").FillAsync(Today);
        await page.GetByTestId("step-notify").GetByRole(AriaRole.Button, new() { Name = "告知" }).ClickAsync();
        Assert.Equal("已告知，待陈述申辩", await page.GetByTestId("revocation-status").InnerTextAsync());
        var due = (await page.GetByTestId("revocation-due").InnerTextAsync())[..10];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", due);
        await Shots.SaveAsync(page, "socialorg-revocation-notified");

        // Within the period and without the party's answer, the decision is refused with the period named.
        await page.GetByTestId("step-revoke").Locator("summary").ClickAsync();
        await page.GetByLabel("决定撤销登记日期").FillAsync(Today);
        await page.GetByLabel("行政处罚决定书文号").FillAsync($"共民罚决字〔2026〕第{Random.Shared.Next(1000, 9999)}号");
        await page.GetByTestId("step-revoke").GetByRole(AriaRole.Button, new() { Name = "决定撤销登记" }).ClickAsync();
        Assert.Contains("尚未届满", await page.GetByTestId("revocation-errors").InnerTextAsync());
        Assert.StartsWith("共民罚决字", await page.GetByLabel("行政处罚决定书文号").InputValueAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "撤销登记事先告知书" }).ClickAsync();
        Assert.Contains("陈述和申辩", await page.GetByTestId("revocation-notice").InnerTextAsync());
        Assert.Contains("民社告字", await page.GetByTestId("notice-number").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-revocation-notice");

        await page.GotoAsync("/Deadlines");
        var row = page.GetByTestId("work-list").Locator("tr", new() { HasText = name });
        Assert.Contains(due, await row.InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-revocation-board");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await page.GetByTestId("step-respond").Locator("summary").ClickAsync();
        await page.GetByLabel("登记陈述申辩或听证日期").FillAsync(Today);
        await page.GetByLabel("答复方式").SelectOptionAsync(new SelectOptionValue { Label = "放弃陈述申辩和听证" });
        await page.GetByTestId("step-respond").GetByRole(AriaRole.Button, new() { Name = "登记陈述申辩或听证" }).ClickAsync();
        Assert.Equal("已陈述申辩，待决定", await page.GetByTestId("revocation-status").InnerTextAsync());

        var number = $"共民罚决字〔2026〕第{Random.Shared.Next(10_000, 99_999)}号";
        await page.GetByTestId("step-revoke").Locator("summary").ClickAsync();
        await page.GetByLabel("决定撤销登记日期").FillAsync(Today);
        await page.GetByLabel("行政处罚决定书文号").FillAsync(number);
        await page.GetByTestId("step-revoke").GetByRole(AriaRole.Button, new() { Name = "决定撤销登记" }).ClickAsync();
        Assert.Equal("决定撤销", await page.GetByTestId("revocation-status").InnerTextAsync());
        Assert.Equal(number, await page.GetByTestId("revocation-decision").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-revocation-decided");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看社会组织" }).ClickAsync();
        Assert.StartsWith("已撤销", await page.GetByTestId("organization-status").InnerTextAsync());
        Assert.Contains("决定撤销", await page.GetByTestId("organization-revocations").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-revocation-organization");
        await page.GotoAsync("/Organizations/Revocations");
        Assert.Contains(name, await page.GetByTestId("revocations").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-revocations");
    }
}
