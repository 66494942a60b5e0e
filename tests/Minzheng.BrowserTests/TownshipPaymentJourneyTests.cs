using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>
/// 甘露镇 and the county's payroll of its people: the demo's payroll of last month is approved and answered by the bank
/// (one 甘露镇 payee refused), then the township sees its slice, the failure to fix, and prints a village's 签领表.
/// </summary>
public sealed class TownshipPaymentJourneyTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Township_SeesItsSliceOfTheCountyPayroll_ItsFailedPayee_AndPrintsTheVillagesSignatureList()
    {
        var lastMonth = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8).AddMonths(-1)
            .ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var lastMonthName = Minzheng.Modules.SocialAssistance.Payments.SignatureLists.PeriodName(lastMonth);
        var finance = await app.SignedInPageAsync("finance");
        await finance.GotoAsync("/Payments?program=rural-dibao");
        await finance.GetByTestId("payrolls").Locator("tbody tr").Filter(new() { HasText = lastMonthName }).Filter(new() { HasText = "正常" })
            .GetByRole(AriaRole.Link, new() { Name = lastMonthName }).ClickAsync();
        await finance.GetByTestId("confirm-total").CheckAsync();
        await finance.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await finance.GetByTestId("bank-file-csv").WaitForAsync();
        var detailUrl = finance.Url;
        var download = await finance.RunAndWaitForDownloadAsync(() => finance.GetByTestId("bank-file-csv").ClickAsync());
        var transfers = (await File.ReadAllLinesAsync(await download.PathAsync(), Encoding.UTF8, Ct)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

        // The township opens the same payroll: only its own people, and not a single step to take.
        var township = await app.SignedInPageAsync("township");
        await township.GotoAsync(detailUrl);
        await township.GetByTestId("payroll-slice").WaitForAsync();
        var payee = (await township.GetByTestId("payroll-lines").Locator("tbody tr").First.Locator("td").First.InnerTextAsync()).Trim();
        Assert.Contains(transfers, t => t[2] == payee);
        Assert.True(transfers.Count > await township.GetByTestId("payroll-lines").Locator("tbody tr").CountAsync(), "the township sees a part of the county's transfers");

        var answer = "流水号,金额,处理结果,失败原因\n" + string.Join("\n", transfers.Select(t => $"{t[1]},{t[6]},{(t[2] == payee ? "失败,账户已冻结" : "成功,")}"));
        await finance.GetByLabel("银行回盘文件").SetInputFilesAsync(new FilePayload { Name = "return.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(answer) });
        await finance.GetByRole(AriaRole.Button, new() { Name = "导入银行回盘" }).ClickAsync();
        await finance.GetByTestId("reconciled").WaitForAsync();

        await township.GotoAsync("/Payments?program=rural-dibao");
        var row = township.GetByTestId("payrolls").Locator("tbody tr").Filter(new() { HasText = lastMonthName }).Filter(new() { HasText = "正常" });
        Assert.Contains("甘露镇部分 · 只读", await row.InnerTextAsync());
        Assert.Matches(@"^\d+ 条", await row.Locator("td").Nth(7).InnerTextAsync());
        await Shots.SaveAsync(township, "township-payrolls");

        await row.GetByRole(AriaRole.Link, new() { Name = lastMonthName }).ClickAsync();
        await township.GetByTestId("payroll-failed-lines").WaitForAsync();
        Assert.Contains(payee, await township.GetByTestId("payroll-failed-lines").InnerTextAsync());
        Assert.Contains("账户已冻结", await township.GetByTestId("payroll-failed-lines").InnerTextAsync());
        foreach (var action in new[] { "审核通过", "退回", "导入银行回盘", "发放失败的记录生成补发名册", "更正" })
        {
            Assert.Equal(0, await township.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).CountAsync());
        }

        var text = await township.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(@"\d{9,}", text); // neither region codes nor full ID numbers or accounts
        Assert.Contains("按村（社区）汇总", text);
        await Shots.SaveAsync(township, "township-payroll-detail");

        // The village of the refused payee: its signature list, printed.
        var village = township.GetByTestId("payroll-areas").Locator("tbody tr").Filter(new() { HasText = " 条" });
        var villageName = (await village.Locator("td").First.InnerTextAsync()).Trim();
        var villageHouseholds = (await village.Locator("td").Nth(1).InnerTextAsync()).Trim();
        var sheet = await township.RunAndWaitForPopupAsync(() => village.GetByTestId("signature-list-link").ClickAsync());
        await sheet.GetByTestId("signature-list").WaitForAsync();
        Assert.EndsWith("农村低保发放签领表", await sheet.GetByTestId("signature-list-title").InnerTextAsync());
        Assert.Equal(villageName, await sheet.GetByTestId("signature-list-village").InnerTextAsync());
        var rows = await sheet.GetByTestId("signature-rows").InnerTextAsync();
        Assert.Matches(@"\d{6}\*{8}\d{3}[\dX]", rows);
        Assert.DoesNotMatch(@"\d{9,}", rows);
        Assert.Contains("银行发放失败（账户已冻结）", rows);
        Assert.Contains("合计", await sheet.GetByTestId("signature-total").InnerTextAsync());
        await Shots.SaveAsync(sheet, "signature-list");
        await Shots.SavePdfAsync(sheet, "signature-list");

        // What the county paid 甘露镇, village by village, in the township's ledger.
        await township.GotoAsync($"/Payments/Ledger?program=rural-dibao&from={lastMonth}&to={lastMonth}");
        var ledger = await township.GetByTestId("ledger").InnerTextAsync();
        Assert.Contains(villageName, ledger);
        Assert.DoesNotContain("江益镇", ledger);
        await Shots.SaveAsync(township, "township-ledger");

        // The county keeps the whole payroll, by township, and picks any village for a signature list.
        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync(detailUrl);
        Assert.Contains("江益镇", await county.GetByTestId("payroll-areas").InnerTextAsync());
        await county.GetByLabel("发放签领表").SelectOptionAsync(new SelectOptionValue { Label = $"{villageName}（{villageHouseholds} 户）" });
        var countySheet = await county.RunAndWaitForPopupAsync(() => county.GetByRole(AriaRole.Button, new() { Name = "打印签领表" }).ClickAsync());
        Assert.Equal(villageName, await countySheet.GetByTestId("signature-list-village").InnerTextAsync());
        await Shots.SaveAsync(county, "county-payroll-detail");
    }
}
