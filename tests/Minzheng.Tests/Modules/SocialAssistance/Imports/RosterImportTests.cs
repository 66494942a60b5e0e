using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

/// <summary>The roster import contract of DESIGN §5 on both databases.</summary>
public abstract class RosterImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static readonly string Header = string.Join(",", AssistanceRoster.Headers);

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Row(string id, string program = "农村低保", string region = "360482100201", string size = "3", string covered = "2",
        string amount = "520.00", string month = "2026-01", string name = "张三") =>
        $"{region},{program},{name},{id},{size},{covered},{amount},{month},中国农业银行,6228480012345678,13800138000,红光村一组1号";

    private async Task<HttpResponseMessage> UploadAsync(string user, byte[] content, string fileName)
    {
        using var client = await app.ClientAsAsync(user);
        return await client.UploadImportAsync(AssistanceRoster.Kind, content, fileName);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    private async Task<JsonElement> StageAsync(byte[] content, string fileName = "roster.csv", string user = "county") =>
        await (await UploadAsync(user, content, fileName)).JsonAsync();

    private async Task<HttpResponseMessage> CommitAsync(string id, bool skipInvalid = false, string user = "county")
    {
        using var client = await app.ClientAsAsync(user);
        return await client.PostAsync($"/api/v1/imports/{id}/commit{(skipInvalid ? "?skipInvalid=true" : "")}", null, Ct);
    }

    [Fact]
    public async Task ValidRoster_StagesAndCommits_AndReimportDoublesNobody()
    {
        var a = SqliteRegistryApiTests.NewIdNumber();
        var b = SqliteRegistryApiTests.NewIdNumber(male: false);
        var content = Csv(Header, Row(a), Row(b, program: "城市低保", region: "360482100001", name: "李四"), Row(a, program: "困难残疾人生活补贴"));
        var staged = await StageAsync(content);
        Assert.Equal((3, 3), (staged.GetProperty("totalRows").GetInt32(), staged.GetProperty("validRows").GetInt32()));
        Assert.Empty(staged.GetProperty("errors").EnumerateArray());
        var committed = await (await CommitAsync(staged.GetProperty("id").GetString()!)).JsonAsync();
        Assert.Equal(3, committed.GetProperty("imported").GetInt32());

        using var county = await app.ClientAsAsync("county");
        var found = await (await county.GetAsync($"/api/v1/households?idNumber={a}", Ct)).JsonAsync();
        Assert.Single(found.EnumerateArray());

        var again = await StageAsync(content);
        Assert.Equal(0, again.GetProperty("validRows").GetInt32());
        Assert.All(again.GetProperty("errors").EnumerateArray(), e => Assert.Contains("不能重复纳入", e.GetProperty("message").GetString()));
        await (await CommitAsync(again.GetProperty("id").GetString()!)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await CommitAsync(staged.GetProperty("id").GetString()!)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BadRows_AreNamedByRowAndColumn_AndCommitWritesNothing()
    {
        var good = SqliteRegistryApiTests.NewIdNumber();
        var dup = SqliteRegistryApiTests.NewIdNumber();
        var content = Csv(Header,
            Row(good),                                            // row 2
            Row("110105194912310021"),                            // row 3: check character
            Row(SqliteRegistryApiTests.NewIdNumber(), program: "低保户"), // row 4: unknown programme
            Row(SqliteRegistryApiTests.NewIdNumber(), covered: "4"), // row 5: covered > size
            Row(SqliteRegistryApiTests.NewIdNumber(), amount: "12.345"), // row 6: 3 decimals
            Row(SqliteRegistryApiTests.NewIdNumber(), month: "2026-13"), // row 7: no such month
            Row(dup), Row(dup),                                   // rows 8, 9: duplicate in file
            Row(SqliteRegistryApiTests.NewIdNumber(), region: "360482101201"), // row 10: fine for county
            Row(SqliteRegistryApiTests.NewIdNumber(), region: "360482555201")); // row 11: unknown region
        var staged = await StageAsync(content);
        var errors = staged.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "户主身份证号"), (4, "保障类别"), (5, "保障人数"), (6, "月保障金额"), (7, "起始年月"), (9, "户主身份证号"), (11, "区划代码")], errors);
        Assert.Equal(10, staged.GetProperty("totalRows").GetInt32());
        Assert.Equal(3, staged.GetProperty("validRows").GetInt32());

        var refused = await (await CommitAsync(staged.GetProperty("id").GetString()!)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(7, refused.GetProperty("errors").GetArrayLength());
        using var county = await app.ClientAsAsync("county");
        Assert.Empty((await (await county.GetAsync($"/api/v1/households?idNumber={good}", Ct)).JsonAsync()).EnumerateArray());

        var skipped = await (await CommitAsync(staged.GetProperty("id").GetString()!, skipInvalid: true)).JsonAsync();
        Assert.Equal(3, skipped.GetProperty("imported").GetInt32());
        Assert.Single((await (await county.GetAsync($"/api/v1/households?idNumber={good}", Ct)).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task TenThousandRows_OneBadRow_CommitsNothing_ThenSkipInvalidCommitsTheRest()
    {
        var lines = new List<string> { Header };
        for (var i = 0; i < 10_000; i++)
        {
            lines.Add(Row(SqliteRegistryApiTests.NewIdNumber(), region: i % 2 == 0 ? "360482202201" : "360482202202", name: $"批量{i}"));
        }

        lines[7_001] = Row("360482ABCDEFGHIJKL", region: "360482202201"); // spreadsheet row 7002
        var staged = await StageAsync(Csv([.. lines]));
        Assert.Equal((10_000, 9_999), (staged.GetProperty("totalRows").GetInt32(), staged.GetProperty("validRows").GetInt32()));
        Assert.Equal(7_002, Assert.Single(staged.GetProperty("errors").EnumerateArray()).GetProperty("row").GetInt32());
        var id = staged.GetProperty("id").GetString()!;
        await (await CommitAsync(id)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var county = await app.ClientAsAsync("county");
        var before = (await (await county.GetAsync("/api/v1/households?name=批量&region=360482202&take=500", Ct)).JsonAsync()).GetArrayLength();
        Assert.Equal(0, before);

        Assert.Equal(9_999, (await (await CommitAsync(id, skipInvalid: true)).JsonAsync()).GetProperty("imported").GetInt32());
        var after = (await (await county.GetAsync("/api/v1/households?name=批量&region=360482202&take=500", Ct)).JsonAsync()).GetArrayLength();
        Assert.Equal(500, after);
    }

    [Fact]
    public async Task TownshipUploader_RowsOutsideTheTownship_AreInvalid()
    {
        var staged = await StageAsync(Csv(Header, Row(SqliteRegistryApiTests.NewIdNumber(), region: "360482101201")), user: "township");
        var error = Assert.Single(staged.GetProperty("errors").EnumerateArray());
        Assert.Contains("管辖范围", error.GetProperty("message").GetString());
        var batch = staged.GetProperty("id").GetString();
        // A batch is visible in its uploader's subtree: the county sees the township's batch, another township does not.
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/imports/{batch}", Ct)).StatusCode);
        var (name, password) = await TestUsers.CreateAsync(app, "township", "360482101000");
        using var otherTownship = await app.ClientAsAsync(name, password);
        await (await otherTownship.GetAsync($"/api/v1/imports/{batch}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherTownship.PostAsync($"/api/v1/imports/{batch}/commit", null, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GbkCsv_IsDetectedAndRead()
    {
        var id = SqliteRegistryApiTests.NewIdNumber();
        var gbk = Encoding.GetEncoding(54936).GetBytes(Header + "\r\n" + Row(id, name: "欧阳娜娜") + "\r\n");
        var staged = await StageAsync(gbk);
        Assert.Equal(1, staged.GetProperty("validRows").GetInt32());
        Assert.Equal(1, (await (await CommitAsync(staged.GetProperty("id").GetString()!)).JsonAsync()).GetProperty("imported").GetInt32());
        using var county = await app.ClientAsAsync("county");
        var found = await (await county.GetAsync($"/api/v1/households?idNumber={id}", Ct)).JsonAsync();
        Assert.Equal("欧阳娜娜", Assert.Single(found.EnumerateArray()).GetProperty("headName").GetString());
    }

    [Fact]
    public async Task Xlsx_Template_ImportsItsOwnExampleShape()
    {
        using var county = await app.ClientAsAsync("county");
        var template = await county.GetByteArrayAsync("/api/v1/imports/templates/assistance-roster.xlsx", Ct);
        var rows = new MemoryStream(template).Query(useHeaderRow: true, sheetName: "花名册").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(AssistanceRoster.Headers, rows[0].Keys.ToArray());

        var id = SqliteRegistryApiTests.NewIdNumber();
        var sheet = new[] { AssistanceRoster.Headers.Zip(Row(id).Split(',')).ToDictionary(p => p.First, p => (object)p.Second) };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, cancellationToken: Ct);
        var staged = await StageAsync(stream.ToArray(), "roster.xlsx");
        Assert.Equal(1, staged.GetProperty("validRows").GetInt32());
    }

    [Fact]
    public async Task Xlsx_Template_CodeColumnsAreTextDownTheWholeColumn()
    {
        using var county = await app.ClientAsAsync("county");
        var template = await county.GetByteArrayAsync("/api/v1/imports/templates/assistance-roster.xlsx", Ct);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(template));
        string Part(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        var sheet = System.Xml.Linq.XDocument.Parse(Part("xl/worksheets/sheet1.xml"));
        var styles = System.Xml.Linq.XDocument.Parse(Part("xl/styles.xml"));
        System.Xml.Linq.XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var textFormats = styles.Descendants(x + "numFmt").Where(f => (string?)f.Attribute("formatCode") == "@").Select(f => (string)f.Attribute("numFmtId")!).ToHashSet();
        textFormats.Add("49"); // the built-in text format
        var cellFormats = styles.Root!.Element(x + "cellXfs")!.Elements(x + "xf").ToList();
        bool IsText(string? style) => style is not null && textFormats.Contains((string)cellFormats[int.Parse(style, System.Globalization.CultureInfo.InvariantCulture)].Attribute("numFmtId")!);
        var textColumns = sheet.Descendants(x + "col").Where(c => IsText((string?)c.Attribute("style"))).Select(c => (int)c.Attribute("min")!).ToList();
        // 区划代码 (A), 户主身份证号 (D), 起始年月 (H), 银行账号 (J), 联系电话 (K) — the cells typed later below the example too.
        Assert.Equal([1, 4, 8, 10, 11], textColumns.Order());
    }

    [Fact]
    public async Task IdNumberThatExcelTurnedIntoANumber_IsNamedAsSuch()
    {
        // One time in eleven the 15 digits Excel keeps plus "000" happen to form a valid number (check character 0):
        // nothing could tell that row from a real one, so such an id is not this test's case.
        var id = SqliteRegistryApiTests.NewIdNumber();
        while (Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(id[..15] + "00") == '0')
        {
            id = SqliteRegistryApiTests.NewIdNumber();
        }

        var content = Csv(Header,
            Row("3.60482E+17"),                            // row 2: what a CSV saved from Excel holds
            Row(id[..15] + "000"),                         // row 3: the 15 digits Excel keeps, zeros after
            Row(id[..17] + (id[17] == '1' ? '2' : '1')));  // row 4: a real typo in the check character
        var errors = (await StageAsync(content)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("message").GetString())).ToList();
        Assert.EndsWith(SpreadsheetIdNumber.MangledMessage, errors.Single(e => e.Item1 == 2).Item2);
        Assert.EndsWith(SpreadsheetIdNumber.MangledMessage, errors.Single(e => e.Item1 == 3).Item2);
        Assert.EndsWith("身份证号校验码错误", errors.Single(e => e.Item1 == 4).Item2);

        // An .xlsx whose ID cell is a number (an ID ending in X cannot be one): the reader sees Excel's 15 significant digits.
        var sheet = new[] { AssistanceRoster.Headers.Zip(Row(id).Split(',')).ToDictionary(p => p.First, p => p.First == "户主身份证号" ? (object)double.Parse(id[..17] + "1", System.Globalization.CultureInfo.InvariantCulture) : p.Second) };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, cancellationToken: Ct);
        var xlsx = (await StageAsync(stream.ToArray(), "roster.xlsx")).GetProperty("errors").EnumerateArray().Single();
        Assert.EndsWith(SpreadsheetIdNumber.MangledMessage, xlsx.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("roster.csv", "编号,姓名\n1,张三\n", "表头不正确")]
    [InlineData("roster.xlsx", "PK\u0003\u0004garbage", "无法读取")]
    [InlineData("roster.csv", "", "上传")]
    [InlineData("roster.doc", "x", "只支持")]
    public async Task HostileOrWrongFiles_Are400WithReason(string fileName, string content, string reason)
    {
        var problem = await (await UploadAsync("county", Encoding.UTF8.GetBytes(content), fileName)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RandomBytes_Are400()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        await (await UploadAsync("county", bytes, "roster.csv")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await UploadAsync("county", bytes, "roster.xlsx")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FormulaLookingText_IsStoredAsText()
    {
        var id = SqliteRegistryApiTests.NewIdNumber();
        var staged = await StageAsync(Csv(Header, Row(id, name: "=CMD()")));
        await CommitAsync(staged.GetProperty("id").GetString()!);
        using var county = await app.ClientAsAsync("county");
        var found = await (await county.GetAsync($"/api/v1/households?idNumber={id}", Ct)).JsonAsync();
        Assert.Equal("=CMD()", Assert.Single(found.EnumerateArray()).GetProperty("headName").GetString());
    }

    [Fact]
    public async Task DeceasedPerson_CannotBeEnrolled()
    {
        var id = SqliteRegistryApiTests.NewIdNumber();
        using var county = await app.ClientAsAsync("county");
        var created = await (await county.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = "360482100201",
            hukouType = "rural",
            address = "红光村",
            members = new[] { new { name = "故人", idNumber = id, relationship = "head" } },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var household = await (await county.GetAsync($"/api/v1/households/{created.GetProperty("id").GetString()}", Ct)).JsonAsync();
        var person = household.GetProperty("members")[0].GetProperty("personId").GetString();
        var died = await county.PutAsJsonAsync($"/api/v1/persons/{person}", new { name = "故人", deathDate = "2026-01-05" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, died.StatusCode);

        var staged = await StageAsync(Csv(Header, Row(id)));
        var error = Assert.Single(staged.GetProperty("errors").EnumerateArray());
        Assert.Contains("登记死亡", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("village")]
    [InlineData("admin")]
    public async Task Upload_RoleWithoutImportRight_Is403(string role) =>
        await (await UploadAsync(role, Csv(Header), "roster.csv")).AssertProblemAsync(HttpStatusCode.Forbidden);

    [Fact]
    public async Task CommittedImport_IsAuditedWithFileHash()
    {
        var staged = await StageAsync(Csv(Header, Row(SqliteRegistryApiTests.NewIdNumber())));
        var id = staged.GetProperty("id").GetString()!;
        await CommitAsync(id);
        using var auditor = await app.ClientAsAsync("auditor");
        var entries = await (await auditor.GetAsync("/api/v1/audit?action=import.committed", Ct)).JsonAsync();
        var entry = entries.EnumerateArray().Single(e => e.GetProperty("entityId").GetString() == id);
        Assert.Contains("FileSha256", entry.GetProperty("details").GetString());
    }
}

public sealed class SqliteRosterImportTests(SqliteApp app) : RosterImportTests<SqliteApp>(app);

public sealed class PostgresRosterImportTests(PostgresApp app) : RosterImportTests<PostgresApp>(app);
