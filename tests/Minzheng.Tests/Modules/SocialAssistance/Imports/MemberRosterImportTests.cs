using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

/// <summary>The household/member roster: one row per member, grouped by 户主身份证号, registry only, whole households.</summary>
public abstract class MemberRosterImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static readonly string Header = string.Join(",", MemberRoster.Headers);

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Row(string head, string id, string name, string relationship, string region = "360482100201", string grade = "",
        string selfCare = "自理", string income = "100") =>
        $"{head},{region},农村,红光村二组8号,{name},{id},{relationship},{income},{grade},{selfCare},";

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    private async Task<(HttpClient Client, string BatchId, System.Text.Json.JsonElement Staged)> StageAsync(byte[] content)
    {
        var client = await app.ClientAsAsync("county");
        var staged = await (await client.UploadImportAsync(MemberRoster.Kind, content, "members.csv")).JsonAsync();
        return (client, staged.GetProperty("id").GetString()!, staged);
    }

    [Fact]
    public async Task TwoHouseholds_CommitWholeHouseholdsWithoutEnrolments_AndReimportIsRefused()
    {
        string a = SqliteRegistryApiTests.NewIdNumber(), a2 = SqliteRegistryApiTests.NewIdNumber(false), b = SqliteRegistryApiTests.NewIdNumber();
        // Members may come before their head and households may interleave: grouping is by 户主身份证号.
        var file = Csv(Header, Row(a, a2, "周二", "配偶", grade: "2", selfCare: "半失能"), Row(b, b, "吴一", "户主"), Row(a, a, "周一", "户主"));
        var (client, batch, staged) = await StageAsync(file);
        using (client)
        {
            Assert.Equal(3, staged.GetProperty("validRows").GetInt32());
            var committed = await (await client.PostAsync($"/api/v1/imports/{batch}/commit", null, Ct)).JsonAsync();
            Assert.Equal(3, committed.GetProperty("imported").GetInt32());

            var found = await (await client.GetAsync($"/api/v1/households?idNumber={a2}", Ct)).JsonAsync();
            var household = await (await client.GetAsync($"/api/v1/households/{found[0].GetProperty("id").GetString()}", Ct)).JsonAsync();
            Assert.Equal("周一", household.GetProperty("headName").GetString());
            Assert.Equal(2, household.GetProperty("memberCount").GetInt32());
            Assert.Equal(200m, household.GetProperty("householdIncome").GetDecimal());
            var spouse = household.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "周二");
            Assert.Equal(2, spouse.GetProperty("disabilityGrade").GetInt32());
            Assert.Equal("partial", spouse.GetProperty("selfCare").GetString());
            Assert.Empty(household.GetProperty("enrollments").EnumerateArray());

            var (again, _, restaged) = await StageAsync(file);
            again.Dispose();
            Assert.Equal(0, restaged.GetProperty("validRows").GetInt32());
            Assert.All(restaged.GetProperty("errors").EnumerateArray(), e => Assert.Contains("已在系统中登记", e.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public async Task BadMemberRow_InvalidatesItsWholeHousehold_SkipInvalidImportsTheOthers()
    {
        string a = SqliteRegistryApiTests.NewIdNumber(), b = SqliteRegistryApiTests.NewIdNumber(), b2 = SqliteRegistryApiTests.NewIdNumber();
        string c = SqliteRegistryApiTests.NewIdNumber(), c2 = SqliteRegistryApiTests.NewIdNumber();
        var file = Csv(Header,
            Row(a, a, "郑一", "户主"),
            Row(b, b, "王一", "户主"), Row(b, b2, "王二", "表亲"),
            Row(c, c2, "冯二", "子女"));
        var (client, batch, staged) = await StageAsync(file);
        using (client)
        {
            var errors = staged.GetProperty("errors").EnumerateArray().ToList();
            Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "与户主关系");
            Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("message").GetString()!.Contains("整户暂不导入"));
            Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 5 && e.GetProperty("message").GetString()!.Contains("有且只有一行“户主”"));
            Assert.Equal(1, staged.GetProperty("validRows").GetInt32());

            await (await client.PostAsync($"/api/v1/imports/{batch}/commit", null, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Empty((await (await client.GetAsync($"/api/v1/households?idNumber={a}", Ct)).JsonAsync()).EnumerateArray());

            var committed = await (await client.PostAsync($"/api/v1/imports/{batch}/commit?skipInvalid=true", null, Ct)).JsonAsync();
            Assert.Equal(1, committed.GetProperty("imported").GetInt32());
            Assert.Single((await (await client.GetAsync($"/api/v1/households?idNumber={a}", Ct)).JsonAsync()).EnumerateArray());
            Assert.Empty((await (await client.GetAsync($"/api/v1/households?idNumber={b}", Ct)).JsonAsync()).EnumerateArray());
        }
    }

    [Fact]
    public async Task WrongHeaders_Are400NamingTheExpectedHeaders()
    {
        using var client = await app.ClientAsAsync("county");
        var body = await (await client.UploadImportAsync(MemberRoster.Kind, Csv(string.Join(",", AssistanceRoster.Headers)), "m.csv"))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("户主身份证号，区划代码，户籍类型", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Template_HasTheExactHeaders_AndItsExampleImports()
    {
        using var client = await app.ClientAsAsync("county");
        var bytes = await client.GetByteArrayAsync("/api/v1/imports/templates/member-roster.xlsx", Ct);
        using var stream = new MemoryStream(bytes);
        var header = stream.Query(useHeaderRow: false, sheetName: "成员花名册").First() as IDictionary<string, object>;
        Assert.Equal(MemberRoster.Headers, header!.Values.Select(v => v?.ToString()).ToArray());
        var staged = await (await client.UploadImportAsync(MemberRoster.Kind, bytes, "member-roster.xlsx")).JsonAsync();
        Assert.Equal(2, staged.GetProperty("totalRows").GetInt32());
        // The example IDs are the published test numbers; they import unless another test already registered them.
        Assert.All(staged.GetProperty("errors").EnumerateArray(), e => Assert.Contains("已在系统中登记", e.GetProperty("message").GetString()));
    }
}

public sealed class SqliteMemberRosterImportTests(SqliteApp app) : MemberRosterImportTests<SqliteApp>(app);

public sealed class PostgresMemberRosterImportTests(PostgresApp app) : MemberRosterImportTests<PostgresApp>(app);
