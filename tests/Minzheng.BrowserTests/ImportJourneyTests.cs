using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Minzheng.Features.Imports;
using Minzheng.Infrastructure.Privacy;

namespace Minzheng.BrowserTests;

public sealed class ImportJourneyTests(BrowserApp app)
{
    private static string NewIdNumber()
    {
        var birth = new DateOnly(1955, 1, 1).AddDays(Random.Shared.Next(0, 12000));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

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
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("county");
        await page.GetByLabel("密码").FillAsync("Demo@2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));

        var id = NewIdNumber();
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
        await page.GetByLabel("完整身份证号").FillAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.Locator("td", new() { HasText = "导入户主" }).WaitForAsync();
        Assert.Equal(id[..6] + "********" + id[14..], await page.Locator("td code").First.InnerTextAsync());
    }
}
