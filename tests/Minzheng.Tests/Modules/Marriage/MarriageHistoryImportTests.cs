using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>补录 of old paper registers over HTTP on both databases: all rows or none, errors by row and column, bonds for the married.</summary>
public abstract class MarriageHistoryImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Header = "登记种类,登记日期,证件字号,一方姓名,一方身份证号,另一方姓名,另一方身份证号,登记机关区划代码";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> StageAsync(HttpClient client, byte[] file, string name = "history.csv")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        return await client.PostAsync("/api/v1/imports?kind=marriage-history", form, Ct);
    }

    private static async Task<HttpResponseMessage> CommitAsync(HttpClient client, JsonElement staged, string query = "") =>
        await client.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit{query}", null, Ct);

    /// <summary>Stages a file without errors and commits it: the commit's answer.</summary>
    private static async Task<JsonElement> ImportAsync(HttpClient client, string csv) => await ImportAsync(client, Encoding.UTF8.GetBytes(csv));

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] file, string name = "history.csv")
    {
        var staged = await (await StageAsync(client, file, name)).JsonAsync();
        Assert.Equal(0, staged.GetProperty("errorCount").GetInt32());
        return await (await CommitAsync(client, staged)).JsonAsync();
    }

    /// <summary>Stages a file with errors (listed by staging) whose commit is refused: staging's answer.</summary>
    private static async Task<JsonElement> RefusedAsync(HttpClient client, string csv)
    {
        var staged = await (await StageAsync(client, Encoding.UTF8.GetBytes(csv))).JsonAsync();
        Assert.True(staged.GetProperty("errorCount").GetInt32() > 0);
        var refused = await (await CommitAsync(client, staged)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("未写入任何数据", refused.GetProperty("detail").GetString());
        return staged;
    }

    private static List<(int Row, string? Column)> Cells(JsonElement staged) =>
        staged.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();

    private static async Task<List<JsonElement>> LookupAsync(HttpClient client, string idNumber) =>
        (await (await client.PostAsJsonAsync("/api/v1/marriage/records/lookup", new { idNumber }, Ct)).JsonAsync()).EnumerateArray().ToList();

    [Fact]
    public async Task Statistics_CountAPartyMarriedBeforeInTheRegisterAsARemarriage_AndEachPartyInTheirAgeGroup()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, firstWife) = (MarriageIds.Man(1968), MarriageIds.Woman(1969));
        await ImportAsync(client, $"""
            {Header}
            结婚,1995-11-11,共青城结字第95771号,钱明,{man},孙芳,{firstWife},
            离婚,2001-04-04,共青城离字第01771号,钱明,{man},孙芳,{firstWife},
            """);
        await MarriageReissueApiTests<TApp>.MarryAsync(client, "2016-07-17", man, MarriageIds.Woman(1990));

        var day = await (await client.GetAsync("/api/v1/marriage/statistics?region=360482&from=2016-07-17&to=2016-07-17", Ct)).JsonAsync();
        Assert.Equal(1, day.GetProperty("marriages").GetInt32());
        var parties = day.GetProperty("parties");
        Assert.Equal((2, 1, 1), (parties.GetProperty("persons").GetInt32(), parties.GetProperty("firstMarriages").GetInt32(), parties.GetProperty("remarriages").GetInt32()));
        var groups = parties.GetProperty("ageGroups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty("persons").GetInt32());
        Assert.Equal(1, groups["25至29岁"]); // she is 25 or 26 that day
        Assert.Equal(1, groups["40至49岁"]); // he is 47 or 48
        Assert.Equal(2, groups.Values.Sum());

        // The 1995 marriage itself was his first: counted so in its own period.
        var then = (await (await client.GetAsync("/api/v1/marriage/statistics?region=360482&from=1995-11-11&to=1995-11-11", Ct)).JsonAsync()).GetProperty("parties");
        Assert.Equal((2, 0), (then.GetProperty("firstMarriages").GetInt32(), then.GetProperty("remarriages").GetInt32()));

        using var session = new WebSession(app);
        await session.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        var page = await (await session.GetAsync("/Marriages/Statistics?From=2016-07-17&To=2016-07-17")).Content.ReadAsStringAsync(Ct);
        Assert.Matches(@"data-testid=""stat-remarriages"">1<", page);
    }

    [Fact]
    public async Task Import_OfValidRows_WritesThemAll_AndTheOneSpouseCheckAndReissueWorkForThem()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man1, woman1, man2, woman2) = (MarriageIds.Man(1968), MarriageIds.Woman(1969), MarriageIds.Man(1970), MarriageIds.Woman(1971));
        var csv = $"""
            {Header}
            离婚,2001-04-04,共青城离字第01004号,周明,{man1},吴芳,{woman1},
            结婚,1995-10-01,共青城结字第95101号,周明,{man1},吴芳,{woman1},360482000000
            结婚,2003/5/20,共青城结字第03520号,郑军,{man2},冯丽,{woman2},
            """;
        var result = await ImportAsync(client, csv);
        Assert.Equal(3, result.GetProperty("imported").GetInt32());
        Assert.Equal(2, result.GetProperty("counts").GetProperty("marriages").GetInt32());
        Assert.Equal(1, result.GetProperty("counts").GetProperty("divorces").GetInt32());

        // The divorced man may marry; the man married in 2003 may not.
        await MarriageReissueApiTests<TApp>.MarryAsync(client, "2026-02-02", man1, MarriageIds.Woman(1975));
        var refused = await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", new
        {
            kind = "marriage",
            date = "2026-02-02",
            parties = new[] { new { name = "郑军", idNumber = man2 }, new { name = "孙丽", idNumber = MarriageIds.Woman(1975) } },
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("有配偶", refused.GetProperty("detail").GetString());

        var found = Assert.Single(await LookupAsync(client, woman2));
        Assert.Equal("共青城结字第03520号", found.GetProperty("certificateNumber").GetString());
        Assert.True(found.GetProperty("mayReissue").GetBoolean());
        var reissued = await (await client.PostAsJsonAsync("/api/v1/marriage/reissues",
            new { recordId = found.GetProperty("id").GetString(), idNumber = woman2, date = "2026-02-03", reason = "遗失" }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("共青城结字第03520号", reissued.GetProperty("originalCertificateNumber").GetString());
        var divorce = (await LookupAsync(client, woman1)).Single(r => r.GetProperty("kind").GetString() == "divorce");
        Assert.Equal("吴芳", divorce.GetProperty("partyBName").GetString());
    }

    [Fact]
    public async Task ADivorceInALaterFile_EndsAMarriageOfAnEarlierFile_AndEachFileIsAuditedAsOneEntry()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1962), MarriageIds.Woman(1963));
        await ImportAsync(client, $"{Header}\n结婚,1988-01-08,共青城结字第88108号,钱进,{man},孙红,{woman},\n");
        var remarry = new
        {
            kind = "marriage",
            date = "2026-03-03",
            parties = new[] { new { name = "钱进", idNumber = man }, new { name = "李青", idNumber = MarriageIds.Woman(1970) } },
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        };
        await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", remarry, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await ImportAsync(client, $"{Header}\n离婚,1999-09-09,共青城离字第99909号,钱进,{man},孙红,{woman},\n");
        await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", remarry, Ct)).JsonAsync(HttpStatusCode.Created);

        var entries = await app.WithScopeAsync(async s => await s.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>().AuditEntries
            .Where(e => e.Action == Minzheng.Platform.Auditing.AuditActions.ImportCommitted && e.Details != null && e.Details.Contains("marriage-history"))
            .OrderByDescending(e => e.Sequence).Take(2).Select(e => e.Details).ToListAsync(Ct));
        Assert.Equal(2, entries.Count);
        Assert.All(entries, d => Assert.Contains("\"imported\":1", d, StringComparison.Ordinal));
        Assert.Contains("\"divorces\":1", entries[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staging_WritesNothing_TheCommitChecksTheRegisterAgain_AndABatchIsCommittedOnce()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1958), MarriageIds.Woman(1959));
        var file = Encoding.UTF8.GetBytes($"{Header}\n结婚,1983-03-08,共青城结字第83038号,冯强,{man},蒋梅,{woman},\n");
        var first = await (await StageAsync(client, file)).JsonAsync();
        var second = await (await StageAsync(client, file)).JsonAsync();
        Assert.Equal(("marriage-history", 1, 1, 0), (first.GetProperty("kind").GetString(), first.GetProperty("totalRows").GetInt32(),
            first.GetProperty("validRows").GetInt32(), first.GetProperty("errorCount").GetInt32()));
        Assert.Empty(await LookupAsync(client, man));

        Assert.Equal(1, (await (await CommitAsync(client, first)).JsonAsync()).GetProperty("imported").GetInt32());
        Assert.Single(await LookupAsync(client, man));
        await (await CommitAsync(client, first)).AssertProblemAsync(HttpStatusCode.Conflict);

        // The second batch was clean when staged; at its commit the register holds the marriage, so it writes nothing.
        var refused = await (await CommitAsync(client, second)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("已在登记簿中", refused.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Single(await LookupAsync(client, man));
    }

    [Fact]
    public async Task SkipInvalid_ImportsTheRowsWithoutErrors_AndADivorceOfARefusedMarriageIsRefusedToo()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man1, woman1, man2, woman2) = (MarriageIds.Man(1956), MarriageIds.Woman(1957), MarriageIds.Man(1954), MarriageIds.Woman(1955));
        var staged = await (await StageAsync(client, Encoding.UTF8.GetBytes($"""
            {Header}
            结婚,1980-05-01,共青城结字第80051号,韩林,{man1},曹霞,{woman1},
            结婚,1980-06-01,,唐海,{man2},许兰,{woman2},
            离婚,1990-06-01,共青城离字第90061号,唐海,{man2},许兰,{woman2},
            """))).JsonAsync();
        Assert.Equal([(3, "证件字号"), (4, "登记种类")], Cells(staged).Order().ToList());
        Assert.Equal(1, staged.GetProperty("validRows").GetInt32());
        var csv = await client.GetByteArrayAsync(staged.GetProperty("errorReport").GetString(), Ct);
        Assert.Contains("请填写原证件字号", Encoding.UTF8.GetString(csv));

        var result = await (await CommitAsync(client, staged, "?skipInvalid=true")).JsonAsync();
        Assert.Equal((1, 1, 0), (result.GetProperty("imported").GetInt32(), result.GetProperty("counts").GetProperty("marriages").GetInt32(),
            result.GetProperty("counts").GetProperty("divorces").GetInt32()));
        Assert.Single(await LookupAsync(client, man1));
        Assert.Empty(await LookupAsync(client, man2));
    }

    [Fact]
    public async Task ABatch_IsSeenAndCommittedOnlyByTheHoldersOfItsKind()
    {
        using var registrar = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1952), MarriageIds.Woman(1953));
        var staged = await (await StageAsync(registrar, Encoding.UTF8.GetBytes($"{Header}\n结婚,1978-01-01,共青城结字第78001号,严明,{man},华英,{woman},\n"))).JsonAsync();
        var id = staged.GetProperty("id").GetString();

        // The county's roster staff work in the same region but not in the register: the batch does not exist for them.
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/v1/imports/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/v1/imports/{id}/errors.csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.PostAsync($"/api/v1/imports/{id}/commit", null, Ct)).StatusCode);
        Assert.Empty(await LookupAsync(registrar, man));

        // Nor do roster batches exist for the registrar.
        using var roster = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join(",", Minzheng.Modules.SocialAssistance.Imports.AssistanceRoster.Headers) + "\n")), "file", "roster.csv" },
        };
        var rosterBatch = await (await county.PostAsync("/api/v1/imports?kind=assistance-roster", roster, Ct)).JsonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await registrar.GetAsync($"/api/v1/imports/{rosterBatch.GetProperty("id").GetString()}", Ct)).StatusCode);

        using var head = await app.ClientAsAsync("marriagehead");
        Assert.Equal(1, (await (await head.GetAsync($"/api/v1/imports/{id}", Ct)).JsonAsync()).GetProperty("validRows").GetInt32());
        Assert.Equal(1, (await (await CommitAsync(registrar, staged)).JsonAsync()).GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Import_WithAnyError_WritesNothing_AndNamesEveryRowAndColumn()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman, other) = (MarriageIds.Man(1965), MarriageIds.Woman(1966), MarriageIds.Woman(1967));
        var csv = $"""
            {Header}
            结婚,1990-01-01,共青城结字第90001号,陈刚,{man},林静,{woman},
            结婚,1992-01-01,共青城结字第92001号,陈刚,{man},黄艳,{other},
            复婚,1993-01-01,X1,甲,{MarriageIds.Man()},乙,{MarriageIds.Woman()},
            离婚,2999-01-01,X2,甲,{MarriageIds.Man()},乙,{MarriageIds.Woman()},
            结婚,1994-01-01,X3,甲,110105194912310021,乙,{MarriageIds.Woman()},
            结婚,1994-01-01,,甲,{MarriageIds.Man()},乙,{MarriageIds.Woman()},110000000000
            离婚,1995-01-01,X5,甲,{MarriageIds.Man()},乙,{MarriageIds.Woman()},
            结婚,1996-01-01,X6,甲{'\u202E'},{MarriageIds.Man()},乙,{MarriageIds.Woman()},
            """;
        var errors = Cells(await RefusedAsync(client, csv));
        Assert.Contains((4, "登记种类"), errors);
        Assert.Contains((5, "登记日期"), errors);
        Assert.Contains((6, "一方身份证号"), errors);
        Assert.Contains((7, "证件字号"), errors);
        Assert.Contains((7, "登记机关区划代码"), errors);
        Assert.Contains((9, "一方姓名"), errors);
        Assert.Empty(await LookupAsync(client, man));

        // The register checks name their rows too.
        var register = $"""
            {Header}
            结婚,1990-01-01,共青城结字第90001号,陈刚,{man},林静,{woman},
            结婚,1992-01-01,共青城结字第92001号,陈刚,{man},黄艳,{other},
            离婚,1995-01-01,X5,甲,{MarriageIds.Man()},乙,{MarriageIds.Woman()},
            """;
        var second = await RefusedAsync(client, register);
        Assert.Equal([(3, "一方身份证号"), (4, "登记种类")], Cells(second).Order().ToList());
        Assert.Equal((3, 1), (second.GetProperty("totalRows").GetInt32(), second.GetProperty("validRows").GetInt32()));
        Assert.Empty(await LookupAsync(client, man));
    }

    [Fact]
    public async Task Import_WithTheOptionalColumns_TakesPassportsAndPermits_AndNamesEveryBadCell()
    {
        using var client = await app.ClientAsAsync("marriage");
        const string Full = Header + ",一方证件类型,一方性别,一方出生日期,一方国籍,另一方证件类型,另一方性别,另一方出生日期,另一方国籍";
        var (man, woman, passport) = (MarriageIds.Man(1980), MarriageIds.Woman(1982), "E" + Random.Shared.Next(10_000_000, 99_999_999));
        var permit = "H" + Random.Shared.Next(10_000_000, 99_999_999);
        var bad = await RefusedAsync(client, $"""
            {Full}
            结婚,2010-01-01,A1,陈刚,{man},阮氏兰,{passport},,,,,,护照,女,1990-02-03,
            结婚,2010-01-02,A2,陈刚,{man},阮氏兰,{passport},,,,,,驾驶证,女,1990-02-03,VNM
            结婚,2010-01-03,A3,陈刚,{man},阮氏兰,{passport},,,,,,护照,,1990-02-03,VNM
            结婚,2010-01-04,A4,陈刚,{man},阮氏兰,{passport},,,女,,,护照,女,1990-02-03,VNM
            结婚,2010-01-05,A5,陈刚,{man},何美,X123,,,,,,港澳通行证,女,1991-01-01,
            结婚,2010-01-06,A6,陈刚,{man},阮氏兰,{passport},,,M,,,护照,F,1990-02-03,VNM
            """);
        var errors = Cells(bad);
        Assert.Equal([(2, "另一方国籍"), (3, "另一方证件类型"), (4, "另一方性别"), (5, "一方性别"), (6, "另一方身份证号"), (7, "一方性别"), (7, "另一方性别")],
            errors.Order().ToList());
        var messages = bad.GetProperty("errors").EnumerateArray().Where(e => e.GetProperty("row").GetInt32() == 7).Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.All(messages, m => Assert.StartsWith("应为男或女", m));

        var result = await ImportAsync(client, $"""
            {Full}
            结婚,2010-01-01,共青城结字第10001号,陈刚,{man},阮氏兰,{passport.ToLowerInvariant()},,居民身份证,男,,,护照,女,1990-02-03,vnm
            离婚,2015-06-01,共青城离字第15001号,陈刚,{man},阮氏兰,{passport},,,,,,护照,女,1990-02-03,VNM
            结婚,2016-08-08,共青城结字第16001号,何美,{permit},周军,{MarriageIds.Man(1985)},,港澳居民来往内地通行证,女,1991-01-01,,,,,
            结婚,2018-09-09,共青城结字第18001号,陈刚,{man},林静,{woman}
            """);
        Assert.Equal((4, 1), (result.GetProperty("imported").GetInt32(), result.GetProperty("counts").GetProperty("divorces").GetInt32()));
        var byPassport = await (await client.PostAsJsonAsync("/api/v1/marriage/records/lookup", new { idType = "passport", idNumber = passport }, Ct)).JsonAsync();
        Assert.Equal(2, byPassport.GetArrayLength()); // her marriage and its divorce, found by the passport as the registry records it
        var byPermit = await (await client.PostAsJsonAsync("/api/v1/marriage/records/lookup", new { idType = "hkMacaoPermit", idNumber = permit }, Ct)).JsonAsync();
        Assert.Equal(1, byPermit.GetArrayLength());
    }

    [Fact]
    public async Task TheTemplate_ImportsAsDownloaded_IncludingItsPassportExample()
    {
        using var client = await app.ClientAsAsync("marriage");
        var template = await client.GetByteArrayAsync("/api/v1/marriage/historical-imports/template.xlsx", Ct);
        var result = await ImportAsync(client, template, "marriage-history.xlsx");
        var counts = result.GetProperty("counts");
        Assert.Equal((3, 2, 1), (result.GetProperty("imported").GetInt32(), counts.GetProperty("marriages").GetInt32(), counts.GetProperty("divorces").GetInt32()));
    }

    [Fact]
    public async Task Import_WrongHeader_Is400_TheTemplateDownloads_AndOtherRolesAreRefused()
    {
        using var client = await app.ClientAsAsync("marriage");
        Assert.Contains("表头", (await (await StageAsync(client, Encoding.UTF8.GetBytes("种类,日期\n结婚,1990-01-01\n"))).AssertProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("detail").GetString());
        var template = await client.GetAsync("/api/v1/marriage/historical-imports/template.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType!.MediaType);
        foreach (var role in new[] { "village", "township", "county", "leader" })
        {
            using var other = await app.ClientAsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await StageAsync(other, Encoding.UTF8.GetBytes(Header + "\n"))).StatusCode);
        }
    }
}

public sealed class SqliteMarriageHistoryImportTests(SqliteApp app) : MarriageHistoryImportTests<SqliteApp>(app);

public sealed class PostgresMarriageHistoryImportTests(PostgresApp app) : MarriageHistoryImportTests<PostgresApp>(app);
