using System.Net;
using System.Text;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

/// <summary>
/// Security item 4 over HTTP: hostile spreadsheets answer 400 ProblemDetails in Chinese (never a 500 or an empty
/// body), error lists are capped with their counts, and the full list downloads as a report.
/// </summary>
public abstract class HostileUploadTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static readonly string Header = string.Join(",", AssistanceRoster.Headers);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TApp App => app;

    private async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, string kind = AssistanceRoster.Kind)
    {
        using var client = await app.ClientAsAsync("county");
        return await client.UploadImportAsync(kind, content, fileName);
    }

    public static TheoryData<string, string> Bombs => new()
    {
        { "shared-string-450M", "第2个共享字符串超过32767个字符" },
        { "inline-string-100M", "单元格 B2 超过32767个字符" },
        { "zip-bomb-1G", "压缩炸弹" },
        { "wide-sheet", "超出256列的上限" },
        { "not-a-zip", "不是有效的 .xlsx 文件" },
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Built = new();

    /// <summary>Each bomb built once per run: compressing 450 MB of text takes a few seconds.</summary>
    internal static byte[] Bomb(string kind) => Built.GetOrAdd(kind, Build);

    private static byte[] Build(string kind) => kind switch
    {
        "shared-string-450M" => HostileFiles.SharedStringBomb(450_000_000),
        "inline-string-100M" => HostileFiles.InlineStringBomb(100_000_000),
        "zip-bomb-1G" => HostileFiles.ZipBomb(1L << 30),
        "wide-sheet" => HostileFiles.WideSheet(),
        _ => Encoding.UTF8.GetBytes("PK this is not a zip"),
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task HostileXlsx_RosterAndDeathList_Answer400InChinese(string kind, string expected)
    {
        foreach (var importKind in new[] { AssistanceRoster.Kind, Minzheng.Modules.SocialAssistance.Verification.DeathRecordImport.Kind })
        {
            var body = await (await UploadAsync(Bomb(kind), "roster.xlsx", importKind)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains(expected, body.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Csv200000NearBlankRows_IsRefusedEarly_WithACappedListAndCounts()
    {
        var rows = Enumerable.Repeat("360482100201" + new string(',', AssistanceRoster.Headers.Length - 1), 200_000);
        var response = await UploadAsync(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows)), "roster.csv");
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("错误过多", body.GetProperty("detail").GetString());
        Assert.Equal(ImportErrorList.DefaultLimit, body.GetProperty("errorCount").GetInt32());
        Assert.Equal(ImportErrorList.DefaultShown, body.GetProperty("errors").GetArrayLength());
        Assert.Contains("仅显示前200处", body.GetProperty("errorSummary").GetString());
        Assert.True(body.GetProperty("errorsByColumn").GetProperty("户主姓名").GetInt32() > 1000);
        Assert.Equal(2, body.GetProperty("errors")[0].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task Csv200000BlankRows_CostNothing_AndTheOneRealRowIsChecked()
    {
        var content = HostileFiles.BlankRowsCsv(Header, 200_000, AssistanceRoster.Headers.Length);
        var withRow = content.Concat(Encoding.UTF8.GetBytes("360482100201,农村低保,张三,110105194912310021,3,2,520.00,2026-01,,,,\r\n")).ToArray();
        var staged = await (await UploadAsync(withRow, "roster.csv")).JsonAsync();
        Assert.Equal((1, 0), (staged.GetProperty("totalRows").GetInt32(), staged.GetProperty("validRows").GetInt32()));
        Assert.Equal(1, staged.GetProperty("errorCount").GetInt32());
        Assert.Equal(200_002, staged.GetProperty("errors")[0].GetProperty("row").GetInt32());
    }

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u000B")]
    public async Task ControlCharacterInACell_IsARowErrorNamingTheColumn(string hostile)
    {
        var line = $"360482100201,农村低保,张{hostile}三,{SqliteRegistryApiTests.NewIdNumber()},3,2,520.00,2026-01,中国农业银行,6228480012345678,13800138000,红光村一组1号";
        var staged = await (await UploadAsync(Encoding.UTF8.GetBytes(Header + "\n" + line), "roster.csv")).JsonAsync();
        Assert.Equal(0, staged.GetProperty("validRows").GetInt32());
        var error = staged.GetProperty("errors")[0];
        Assert.Equal("户主姓名", error.GetProperty("column").GetString());
        Assert.Contains("控制字符", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task StagedErrors_AnswerTheFirst200WithTheTotal_AndTheReportHoldsThemAll()
    {
        var lines = Enumerable.Range(0, 250).Select(_ =>
            $"360482100201,农村低保,张三,{SqliteRegistryApiTests.NewIdNumber()},3,2,12.345,2026-01,中国农业银行,6228480012345678,13800138000,红光村一组1号");
        var staged = await (await UploadAsync(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", lines)), "roster.csv")).JsonAsync();
        Assert.Equal(250, staged.GetProperty("errorCount").GetInt32());
        Assert.Equal(200, staged.GetProperty("errors").GetArrayLength());
        Assert.Equal("共250处错误，仅显示前200处", staged.GetProperty("errorSummary").GetString());
        Assert.Equal(250, staged.GetProperty("errorsByColumn").GetProperty("月保障金额").GetInt32());

        using var county = await app.ClientAsAsync("county");
        var report = await county.GetAsync(staged.GetProperty("errorReport").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/csv", report.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        var reportLines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("行号,列,问题", reportLines[0]);
        Assert.Equal(251, reportLines.Length);
        Assert.StartsWith("251,\"月保障金额\"", reportLines[^1]);

        var again = await (await county.GetAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal((250, 200), (again.GetProperty("errorCount").GetInt32(), again.GetProperty("errors").GetArrayLength()));
        await (await county.GetAsync($"/api/v1/imports/{Guid.CreateVersion7()}/errors.csv", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteHostileUploadTests(SqliteApp app) : HostileUploadTests<SqliteApp>(app)
{
    [Theory]
    [InlineData("shared-string-450M", "共享字符串超过32767个字符")]
    [InlineData("zip-bomb-1G", "压缩炸弹")]
    [InlineData("not-a-zip", "不是有效的 .xlsx 文件")]
    public async Task HostileXlsx_RegionImportPage_AnswersTheErrorInChinese(string kind, string expected)
    {
        using var web = new WebSession(App);
        await web.LoginAsync("admin", Minzheng.Platform.Demo.DemoSeeder.Password);
        var response = await web.PostFileAsync("/Regions", "/Regions?handler=Import", Bomb(kind), "regions.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("导入未完成，未写入任何数据", html);
        Assert.Contains(expected, html);
    }
}

public sealed class PostgresHostileUploadTests(PostgresApp app) : HostileUploadTests<PostgresApp>(app);
