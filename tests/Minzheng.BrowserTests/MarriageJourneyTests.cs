using System.Globalization;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>The registrar's day: register a marriage, print its certificate page, then a divorce with its two deadlines, registered after the cooling-off period.</summary>
public sealed class MarriageJourneyTests(BrowserApp app)
{
    // The application dates everything in China time; the test machine runs on UTC (8 hours behind).
    private static DateOnly ChinaToday => Minzheng.Platform.Calendar.ChinaTime.Today(TimeProvider.System);

    private static readonly string Chars = "春夏秋冬梅兰竹菊松柏山川江河湖海云雨雪霜";

    private static string Id(int year, bool male)
    {
        var first17 = "110105" + new DateOnly(year, 1 + Random.Shared.Next(12), 1 + Random.Shared.Next(28)).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                      + ((Random.Shared.Next(450) * 2) + (male ? 101 : 100)).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(first17);
    }

    private static string Name(string surname) => surname + Chars[Random.Shared.Next(Chars.Length)] + Chars[Random.Shared.Next(Chars.Length)];

    [Fact]
    public async Task Registrar_RegistersAMarriage_PrintsIt_ThenADivorceAfterTheCoolingOffPeriod()
    {
        var page = await app.SignedInPageAsync("marriage");
        Assert.Equal(1, await page.Locator("a.dropdown-item[href='/Marriages/Register']").CountAsync());
        var (man, woman) = (Id(1986, male: true), Id(1988, male: false));
        var (husband, wife) = (Name("欧阳"), Name("司马"));

        await page.GotoAsync("/Marriages/Register");
        await page.GetByLabel("登记日期").FillAsync("2020-05-20");
        await page.GetByLabel("一方姓名", new() { Exact = true }).FillAsync(husband);
        await page.GetByLabel("一方身份证号", new() { Exact = true }).FillAsync(man);
        await page.GetByLabel("另一方姓名").FillAsync(wife);
        await page.GetByLabel("另一方身份证号").FillAsync(woman);
        await page.GetByLabel("双方已签署本人无配偶的声明").CheckAsync();
        await page.GetByLabel("双方已签署与对方没有直系血亲和三代以内旁系血亲关系的声明").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并发证" }).ClickAsync();
        Assert.Contains("结字", await page.GetByTestId("certificate-number").InnerTextAsync());
        Assert.Contains(husband, await page.GetByTestId("certificate").InnerTextAsync());
        Assert.DoesNotContain(man, await page.GetByTestId("certificate").InnerTextAsync());
        Assert.Matches("民政局（盖章）", await page.GetByTestId("issuing-office").InnerTextAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync("/Marriages/Divorces");
        await page.GetByLabel("受理日期").FillAsync("2026-03-02");
        await page.GetByLabel("一方姓名", new() { Exact = true }).FillAsync(wife);
        await page.GetByLabel("一方身份证号", new() { Exact = true }).FillAsync(woman);
        await page.GetByLabel("另一方姓名").FillAsync(husband);
        await page.GetByLabel("另一方身份证号").FillAsync(man);
        await page.GetByRole(AriaRole.Button, new() { Name = "受理并打印回执" }).ClickAsync();
        Assert.Equal("2026-04-01", await page.GetByTestId("cooling-off-ends").InnerTextAsync());
        Assert.Equal("2026-05-06", await page.GetByTestId("collect-by").InnerTextAsync());

        var row = page.GetByTestId("divorce-applications").Locator("tr", new() { HasText = husband });
        await row.GetByLabel("离婚登记日期").FillAsync("2026-03-20");
        await row.GetByRole(AriaRole.Button, new() { Name = "办理离婚登记" }).ClickAsync();
        Assert.Contains("离婚冷静期", await page.GetByTestId("divorce-errors").InnerTextAsync());

        row = page.GetByTestId("divorce-applications").Locator("tr", new() { HasText = husband });
        await row.GetByLabel("离婚登记日期").FillAsync("2026-04-10");
        await row.GetByRole(AriaRole.Button, new() { Name = "办理离婚登记" }).ClickAsync();
        Assert.Contains("离字", await page.GetByTestId("certificate-number").InnerTextAsync());
        Assert.Contains("离婚证", await page.GetByTestId("certificate").InnerTextAsync());
    }

    [Fact]
    public async Task Registrar_EntersTheAgreementAtReceipt_PrintsTheReceipt_ThenAWithdrawalAndItsConfirmation()
    {
        var page = await app.SignedInPageAsync("marriage");
        var (man, woman) = (Id(1985, male: true), Id(1987, male: false));
        var (husband, wife) = (Name("诸葛"), Name("东方"));
        var child = Name("诸葛");

        await page.GotoAsync("/Marriages/Register");
        await page.GetByLabel("登记日期").FillAsync("2015-10-01");
        await page.GetByLabel("一方姓名", new() { Exact = true }).FillAsync(husband);
        await page.GetByLabel("一方身份证号", new() { Exact = true }).FillAsync(man);
        await page.GetByLabel("另一方姓名").FillAsync(wife);
        await page.GetByLabel("另一方身份证号").FillAsync(woman);
        await page.GetByLabel("双方已签署本人无配偶的声明").CheckAsync();
        await page.GetByLabel("双方已签署与对方没有直系血亲和三代以内旁系血亲关系的声明").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并发证" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "审查处理表" }).ClickAsync();
        var examination = await page.GetByTestId("examination").InnerTextAsync();
        Assert.Contains("结婚登记审查处理表", examination);
        Assert.Matches($"{husband}（男）登记之日(29|30)周岁", examination);
        Assert.DoesNotContain(man, examination);
        await Shots.SaveAsync(page, "marriage-examination");

        var received = ChinaToday.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync("/Marriages/Divorces");
        await page.GetByLabel("受理日期").FillAsync(received);
        await page.GetByLabel("一方姓名", new() { Exact = true }).FillAsync(husband);
        await page.GetByLabel("一方身份证号", new() { Exact = true }).FillAsync(man);
        await page.GetByLabel("另一方姓名").FillAsync(wife);
        await page.GetByLabel("另一方身份证号").FillAsync(woman);
        await page.GetByLabel("第1个子女姓名").FillAsync(child);
        await page.GetByLabel("第1个子女抚养方").SelectOptionAsync(new SelectOptionValue { Label = "另一方" });
        await page.GetByLabel("第1个子女每月抚养费").FillAsync("1200.50");
        await page.GetByLabel("第1个子女抚养费支付方").SelectOptionAsync(new SelectOptionValue { Label = "一方" });
        await page.GetByLabel("第1个子女探望安排").FillAsync("每月探望两次，寒暑假各随父亲生活一周");
        await page.GetByLabel("财产分割（每行一项）").FillAsync("住房一套归女方所有\n小型汽车一辆归男方所有");
        await page.GetByLabel("债务处理").FillAsync("双方无共同债务");
        await Shots.SaveAsync(page, "marriage-divorce-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "受理并打印回执" }).ClickAsync();
        var receipt = page.GetByTestId("divorce-receipt");
        Assert.Contains("离婚登记申请受理回执单", await receipt.InnerTextAsync());
        Assert.Contains("离申字", await page.GetByTestId("receipt-number").InnerTextAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "打印回执单" }).IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Shots.SaveAsync(page, "marriage-divorce-receipt");

        await receipt.GetByRole(AriaRole.Link, new() { Name = "申请详情（离婚协议、协议扫描件）" }).ClickAsync();
        var agreement = await page.GetByTestId("divorce-agreement").InnerTextAsync();
        Assert.Contains(child, agreement);
        Assert.Contains("1,200.50元", agreement);
        Assert.Contains("小型汽车一辆归男方所有", agreement);
        Assert.Contains("双方无共同债务", agreement);
        await Shots.SaveAsync(page, "marriage-divorce-application");

        await page.GotoAsync("/Marriages/Divorces");
        var row = page.GetByTestId("divorce-applications").Locator("tr", new() { HasText = husband });
        await row.GetByLabel("撤回方身份证号").FillAsync(woman);
        await row.GetByRole(AriaRole.Button, new() { Name = "撤回" }).ClickAsync();
        var confirmation = await page.GetByTestId("withdrawal").InnerTextAsync();
        Assert.Contains("离婚登记申请撤回确认单", confirmation);
        Assert.Equal(wife, await page.GetByTestId("withdrawn-by").InnerTextAsync());
        Assert.Contains(ChinaToday.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), await page.GetByTestId("withdrawn-on").InnerTextAsync());
        Assert.Contains("离申字", await page.GetByTestId("withdrawal-number").InnerTextAsync());
        Assert.DoesNotContain(woman, confirmation);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "打印撤回确认单" }).IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Shots.SaveAsync(page, "marriage-withdrawal");

        // The registry's board lists its own pending applications (this one is withdrawn, so not among them).
        await page.GotoAsync("/Deadlines");
        Assert.DoesNotContain(husband, await page.Locator("main").InnerTextAsync());
        await Shots.SaveAsync(page, "marriage-deadlines");
    }
}
