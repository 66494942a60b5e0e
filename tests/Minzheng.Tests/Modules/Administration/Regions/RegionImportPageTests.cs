using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Minzheng.Tests.Modules.Administration.Regions;

/// <summary>The admin page's import (issue 30): the national list's size is taken, and official names that replace
/// the system's are listed.</summary>
public sealed class RegionImportPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Csv(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task Import_ListsTheRenamedRegions_WithOldAndNewName()
    {
        var township = UniqueCodes.DemoCountyTownship();
        using (var admin = await app.ClientAsAsync("admin"))
        {
            (await admin.PostAsJsonAsync("/api/v1/regions", new { code = township, name = "演示乡", parentCode = "360482000000" }, Ct)).EnsureSuccessStatusCode();
        }

        using var web = new WebSession(app);
        await web.LoginAsync("admin", Minzheng.Platform.Demo.DemoSeeder.Password);
        var response = await web.PostFileAsync("/Regions", "/Regions?handler=Import", Csv($"code,name\n360482000000,共青城市\n{township},官方乡\n"), "regions.csv");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("导入完成：新增0个区划，更新1个名称", html);
        Assert.Contains("名称已按导入文件更新的区划：共1个", html);
        Assert.Contains($"<tr><td><code translate=\"no\">{township}</code></td><td>演示乡</td><td>官方乡</td></tr>", html);
    }

    [Fact]
    public async Task Import_OfANationalSizeFile_IsTakenIn_NotRefusedForItsSize()
    {
        // 22 MB as the national list is: past the old 20 MB page limit. Its rows repeat one code, so the import stops
        // at the first errors without writing — the point is that the file reaches the import at all.
        var text = new StringBuilder("code,name\n");
        while (text.Length < 12_500_000)
        {
            text.Append("360482999999,测试村测试村测试村\n");
        }

        var file = Csv(text.ToString());
        Assert.True(file.Length > 22_000_000, $"{file.Length} bytes");
        using var web = new WebSession(app);
        await web.LoginAsync("admin", Minzheng.Platform.Demo.DemoSeeder.Password);
        var response = await web.PostFileAsync("/Regions", "/Regions?handler=Import", file, "全国.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain("文件超过", html);
        Assert.Contains("导入未完成，未写入任何数据", html);
        Assert.Contains("与第2行重复", html);

        // The form says what is happening while a file this size uploads and imports.
        Assert.Contains("data-busy=\"正在上传并导入…\"", await (await web.GetAsync("/Regions")).Content.ReadAsStringAsync(Ct));
    }
}
