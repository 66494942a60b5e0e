using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

public sealed class PaymentJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task County_MakesPayroll_Finance_Approves_ExportsBankFile_ReconcilesAFailure_CountyReissues()
    {
        var month = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/Payments");
        await county.GetByLabel("保障项目").SelectOptionAsync("rural-dibao");
        await county.GetByLabel("发放期间").FillAsync(month);
        await county.GetByRole(AriaRole.Button, new() { Name = "生成名册" }).ClickAsync();
        Assert.Equal("待审核", await county.GetByTestId("payroll-status").InnerTextAsync());
        var detailUrl = county.Url;
        Assert.DoesNotMatch(@"\d{17}[\dX]", await county.GetByTestId("payroll-lines").InnerTextAsync());

        var finance = await app.SignedInPageAsync("finance");
        await finance.GotoAsync(detailUrl);
        // The approval names the total, households, persons and lines; the click does nothing until they are ticked as checked.
        var total = await finance.GetByTestId("payroll-total").InnerTextAsync();
        var approve = finance.GetByTestId("approve-form");
        Assert.Contains($"我已核对：本期合计 {total} 元", await approve.InnerTextAsync());
        Assert.Matches(@"\d+ 户 \d+ 人，\d+ 条明细", await approve.InnerTextAsync());
        await Shots.SaveAsync(finance, "payroll-approve-confirm");
        await finance.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        Assert.False(await finance.GetByTestId("confirm-total").EvaluateAsync<bool>("box => box.validity.valid"));
        Assert.Equal("待审核", await finance.GetByTestId("payroll-status").InnerTextAsync());
        await finance.GetByTestId("confirm-total").CheckAsync();
        await finance.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        await finance.GetByTestId("bank-file-csv").WaitForAsync();
        Assert.Equal("已审核", await finance.GetByTestId("payroll-status").InnerTextAsync());
        var download = await finance.RunAndWaitForDownloadAsync(() => finance.GetByTestId("bank-file-csv").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), Encoding.UTF8, TestContext.Current.CancellationToken);
        Assert.Equal("序号,流水号,户名,身份证号,开户银行,银行账号,金额,摘要", csv[0].TrimStart('\uFEFF'));
        var transfers = csv.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.NotEmpty(transfers);

        // The bank pays all but the first transfer.
        var answer = "流水号,金额,处理结果,失败原因\n" + string.Join("\n", transfers.Select((t, i) => $"{t[1]},{t[6]},{(i == 0 ? "失败,账户已冻结" : "成功,")}"));
        await finance.GetByLabel("银行回盘文件").SetInputFilesAsync(new FilePayload { Name = "return.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(answer) });
        await finance.GetByRole(AriaRole.Button, new() { Name = "导入银行回盘" }).ClickAsync();
        Assert.Contains($"成功 {transfers.Count - 1} 笔", await finance.GetByTestId("reconciled").InnerTextAsync());
        Assert.Contains("账户已冻结", await finance.GetByTestId("payroll-lines").InnerTextAsync());

        await county.ReloadAsync();
        await county.GetByRole(AriaRole.Button, new() { Name = "发放失败的记录生成补发名册" }).ClickAsync();
        await county.Locator("h1", new() { HasText = $"{Minzheng.Modules.SocialAssistance.Payments.SignatureLists.PeriodName(month)} 农村低保补发发放名册" }).WaitForAsync();
        Assert.Equal(decimal.Parse(transfers[0][6], CultureInfo.InvariantCulture).ToString("N2", CultureInfo.InvariantCulture),
            await county.GetByTestId("payroll-total").InnerTextAsync());
    }

    [Fact]
    public async Task Finance_ComparesAnApprovedPayrollWithTheOldSystemsList_AndSeesEachDifferenceMasked()
    {
        var finance = await app.SignedInPageAsync("finance");
        await finance.GotoAsync("/Payments?program=rural-dibao&status=approved");
        // A regular payroll, not a 补发 one (which re-pays a failed transfer or two).
        await finance.GetByTestId("payrolls").Locator("tbody tr", new() { HasText = "正常" }).First.Locator("a").ClickAsync();
        var download = await finance.RunAndWaitForDownloadAsync(() => finance.GetByTestId("bank-file-csv").ClickAsync());
        var transfers = (await File.ReadAllLinesAsync(await download.PathAsync(), Encoding.UTF8, TestContext.Current.CancellationToken))
            .Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.True(transfers.Count >= 3, "the demo payroll pays several households");

        // The old system's list: the bank file's payees, the first left out, the second paid 10 yuan less, and one the new system does not know.
        var stranger = BrowserApp.NewIdNumber();
        var rows = transfers.Skip(1).Select((t, i) => $"{t[3]},{t[2]},农村低保,{(i == 0 ? decimal.Parse(t[6], CultureInfo.InvariantCulture) - 10m : decimal.Parse(t[6], CultureInfo.InvariantCulture)).ToString("0.00", CultureInfo.InvariantCulture)}")
            .Append($"{stranger},原系统独有户,农村低保,300.00");
        var list = "身份证号,姓名,救助项目,金额\n" + string.Join("\n", rows);

        await finance.GetByTestId("comparison-link").ClickAsync();
        await finance.GetByLabel("原系统发放名单").SetInputFilesAsync(new FilePayload { Name = "原系统名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(list) });
        await finance.GetByTestId("comparison-submit").ClickAsync();
        var summary = await finance.GetByTestId("comparison-summary").InnerTextAsync();
        Assert.Contains("原系统有、本系统无 1 人", summary);
        Assert.Contains("金额不一致 1 人", summary);
        var differences = await finance.GetByTestId("comparison-differences").InnerTextAsync();
        Assert.Contains("原系统独有户", differences);
        Assert.Contains(stranger[..6] + "********" + stranger[14..], differences);
        Assert.Contains(transfers[0][3][..6] + "********" + transfers[0][3][14..], differences); // left out of the old list: only ours
        Assert.Contains("+10.00", differences);
        Assert.DoesNotMatch(@"\d{17}[\dX]", await finance.Locator("main").InnerTextAsync());
        Assert.Contains("农村低保", await finance.GetByTestId("comparison-programs").InnerTextAsync());
        await Shots.SaveAsync(finance, "payroll-comparison");

        // The export is asked for with the file chosen again (nothing of it was kept).
        await finance.GetByLabel("原系统发放名单").SetInputFilesAsync(new FilePayload { Name = "原系统名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(list) });
        var export = await finance.RunAndWaitForDownloadAsync(() => finance.GetByTestId("comparison-export").ClickAsync());
        Assert.EndsWith("-comparison.xlsx", export.SuggestedFilename);
    }
}
