using System.Text;
using Microsoft.Playwright;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.BrowserTests;

public sealed class ImportJourneyTests(BrowserApp app)
{
    private static FilePayload Roster(string id, string amount) => new()
    {
        Name = "roster.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join(",", AssistanceRoster.Headers) + "\n"
            + $"360482100201,农村低保,导入户主,{id},3,2,{amount},2026-01,中国农业银行,6228480012345678,13800138000,红光村导入组1号\n"),
    };

    [Fact]
    public async Task County_UploadsRosterWithError_FixesIt_Commits_FindsHousehold()
    {
        var page = await app.SignedInPageAsync("county");

        var id = BrowserApp.NewIdNumber();
        await page.GotoAsync("/Imports");
        await page.GetByLabel("花名册文件").SetInputFilesAsync(Roster(id, "52.005"));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传校验" }).ClickAsync();
        Assert.Contains("第2行“月保障金额”：应为不小于0、最多两位小数的金额", await page.GetByTestId("import-errors").InnerTextAsync());

        await page.GetByLabel("花名册文件").SetInputFilesAsync(Roster(id, "520.00"));
        await page.GetByRole(AriaRole.Button, new() { Name = "上传校验" }).ClickAsync();
        Assert.Contains("正确 1 行", await page.GetByTestId("import-summary").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入 1 行" }).ClickAsync();
        Assert.Contains("已导入 1 行", await page.GetByTestId("import-done").InnerTextAsync());

        await page.GotoAsync("/Registry");
        await page.GetByLabel("按完整身份证号查找").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "打开该户" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "导入户主 户" }).WaitForAsync();
        Assert.Equal(id[..6] + "********" + id[14..], await page.Locator("td code").First.InnerTextAsync());
    }
}
