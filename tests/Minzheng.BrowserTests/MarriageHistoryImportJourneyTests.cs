using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>A registrar enters old paper registers: uploads, reads the row errors, fixes the file, confirms, and the couples are in the register.</summary>
public sealed class MarriageHistoryImportJourneyTests(BrowserApp app)
{
    private const string Header = "登记种类,登记日期,证件字号,一方姓名,一方身份证号,另一方姓名,另一方身份证号,登记机关区划代码";

    private static string Person(int year, bool man)
    {
        var sequence = Random.Shared.Next(100, 499) * 2 + (man ? 1 : 0);
        var first17 = "360482" + year.ToString(CultureInfo.InvariantCulture) + "0412" + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(first17);
    }

    private static FilePayload File(string body) => new() { Name = "档案.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Header + "\n" + body) };

    [Fact]
    public async Task Registrar_UploadsAnOldRegister_SeesTheRowErrors_FixesIt_AndConfirms()
    {
        var page = await app.SignedInPageAsync("marriage");
        var (man1, woman1, man2, woman2) = (Person(1961, true), Person(1962, false), Person(1963, true), Person(1964, false));
        var good = $"结婚,1986-10-01,共青城结字第86101号,罗建,{man1},邹红,{woman1},\n";
        await page.GotoAsync("/Marriages/Import");
        await page.GetByLabel("补录文件（Excel 或 CSV）").SetInputFilesAsync(File(good + $"结婚,1988-05-01,,贺平,{man2},袁丽,{woman2},\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传校验" }).ClickAsync();
        Assert.Contains("共 2 行，正确 1 行，有误 1 处", await page.GetByTestId("import-summary").InnerTextAsync());
        var errors = await page.GetByTestId("import-errors").InnerTextAsync();
        Assert.Contains("第3行", errors);
        Assert.Contains("请填写原证件字号", errors);
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "跳过错误行，只导入正确的 1 行" }).CountAsync());
        await Shots.SaveAsync(page, "marriage-history-import-errors");

        await page.GetByLabel("补录文件（Excel 或 CSV）").SetInputFilesAsync(File(good + $"结婚,1988-05-01,共青城结字第88051号,贺平,{man2},袁丽,{woman2},\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传校验" }).ClickAsync();
        Assert.Contains("正确 2 行，有误 0 处", await page.GetByTestId("import-summary").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入 2 行" }).ClickAsync();
        Assert.Contains("已补录 2 条登记：结婚登记 2 条，离婚登记 0 条", await page.GetByTestId("import-result").InnerTextAsync());
        await Shots.SaveAsync(page, "marriage-history-import-done");

        // The auditor reads the import in Chinese: what was imported and what it created, not the kind's code.
        var auditor = await app.SignedInPageAsync("auditor");
        await auditor.GotoAsync("/Audit?UserName=marriage&Action=import.committed");
        var entry = await auditor.Locator("tbody tr").First.InnerTextAsync();
        Assert.Contains("婚姻登记历史档案补录", entry);
        Assert.Contains("结婚登记 2，离婚登记 0", entry);
        Assert.DoesNotContain("marriage-history", entry);
        await Shots.SaveAsync(auditor, "marriage-history-import-audit");
    }
}
