using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Minzheng.Platform.Calendar;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>
/// The 限期整改通知书 of an illegal-burial case and the case-list export, on both databases: the notice once, numbered,
/// printable and verifiable with the party's ID masked; refusals naming the field; one of concurrent issues wins; the
/// export filtered like the list, masked and audited; region isolation and the role check for both.
/// </summary>
public abstract class FuneralIllegalBurialNoticeTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Village = "360482100202";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.Today();

    private static object Case(string location, DateOnly found, DateOnly due, string? party = null, string? partyId = null, string kind = "oversized") => new
    {
        kind,
        foundOn = Day(found),
        foundBy = "informant",
        regionCode = Village,
        location,
        description = "坟墓占地约12平方米，超过本省标准",
        partyName = party,
        partyIdNumber = partyId,
        rectifyBy = Day(due)
    };

    private static async Task<string> OpenAsync(HttpClient client, object body) =>
        (await (await client.PostAsJsonAsync("/api/v1/funeral/illegal-burials", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> NoticeAsync(HttpClient client, string id, object body) =>
        client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{id}/notice", body, Ct);

    private static async Task<JsonElement> CaseAsync(HttpClient client, string id) =>
        (await (await client.GetAsync($"/api/v1/funeral/illegal-burials/{id}", Ct)).JsonAsync()).GetProperty("case");

    [Fact]
    public async Task Notice_BadInputNamesTheField_ThenIssuedOnceNumbered_PrintedMaskedAndVerifiable()
    {
        using var client = await app.ClientAsAsync("funeral");
        var id = await OpenAsync(client, Case("东山坡大墓", Today.AddDays(-5), Today.AddDays(10)));
        var idNumber = Elder(1962);

        var noParty = (await (await NoticeAsync(client, id, new { })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        Assert.Contains("当事人", noParty.GetProperty("partyName")[0].GetString());
        var bad = (await (await NoticeAsync(client, id, new
        {
            issuedOn = Day(Today.AddDays(1)),
            partyName = "张某",
            partyIdNumber = "360482196201011234",
            rectifyBy = "2026-02-30"
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        foreach (var field in new[] { "issuedOn", "partyIdNumber", "rectifyBy" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", bad.GetProperty(field)[0].GetString());
        }

        var early = (await (await NoticeAsync(client, id, new { partyName = "张某", issuedOn = Day(Today.AddDays(-6)) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        Assert.Contains("发现日期", early.GetProperty("issuedOn")[0].GetString());
        var pastDeadline = (await (await NoticeAsync(client, id, new { partyName = "张某", rectifyBy = Day(Today) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        Assert.Contains("应晚于通知书发出日期", pastDeadline.GetProperty("rectifyBy")[0].GetString());
        var untouched = await CaseAsync(client, id);
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
            (untouched.GetProperty("noticeNumber").ValueKind, untouched.GetProperty("partyName").ValueKind, untouched.GetProperty("partyIdMasked").ValueKind));

        var issued = await (await NoticeAsync(client, id, new { partyName = "张某", partyIdNumber = idNumber, rectifyBy = Day(Today.AddDays(30)) }))
            .JsonAsync(HttpStatusCode.Created);
        var number = issued.GetProperty("noticeNumber").GetString()!;
        Assert.Matches(@"殡改〔\d{4}〕第\d{4}号$", number);
        var masked = idNumber[..6] + "********" + idNumber[^4..];
        Assert.Equal((masked, Day(Today), Day(Today.AddDays(30)), "张某"), (issued.GetProperty("partyIdMasked").GetString(),
            issued.GetProperty("noticedOn").GetString(), issued.GetProperty("rectifyBy").GetString(), issued.GetProperty("partyName").GetString()));
        var again = await (await NoticeAsync(client, id, new { partyName = "李某" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(number, again.GetProperty("detail").GetString());
        var detail = await (await client.GetAsync($"/api/v1/funeral/illegal-burials/{id}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(number, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, detail, StringComparison.Ordinal);
        Assert.Equal("张某", (await CaseAsync(client, id)).GetProperty("partyName").GetString());

        using var web = new WebSession(app);
        await web.LoginAsync("funeral", Minzheng.Platform.Demo.DemoSeeder.Password);
        var print = await (await web.GetAsync($"/IllegalBurials/Notice?id={id}")).Content.ReadAsStringAsync(Ct);
        foreach (var text in new[] { "限期整改通知书", number, masked, "张某", "东山坡大墓", "超标准大墓", "殡葬管理条例", "行政复议", "行政诉讼", "共青城市民政局（盖章）" })
        {
            Assert.Contains(text, print, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(idNumber, print, StringComparison.Ordinal);
        var code = Regex.Match(print, @"/Verify\?code=([A-Z0-9]{16})").Groups[1].Value;
        using var anonymous = app.CreateClient();
        Assert.Contains(number, await anonymous.GetStringAsync($"/Verify?code={code}", Ct), StringComparison.Ordinal);
        Assert.Contains(number, await (await web.GetAsync($"/IllegalBurials/Detail?id={id}")).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var auditor = await app.ClientAsAsync("auditor");
        var updates = await auditor.GetStringAsync($"/api/v1/audit?action=data.update&entity=IllegalBurialCase&pageSize=200", Ct);
        Assert.Contains(id, updates, StringComparison.Ordinal);
        var prints = await auditor.GetStringAsync("/api/v1/audit?action=document.printed&pageSize=200", Ct);
        Assert.Contains("document.printed", prints, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notice_ConcurrentIssues_OneWins_AndAClosedCaseGetsNone()
    {
        using var client = await app.ClientAsAsync("funeral");
        var id = await OpenAsync(client, Case("并发坟", Today.AddDays(-3), Today.AddDays(20), party: "王某"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => NoticeAsync(client, id, new { })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var numbers = await client.GetStringAsync($"/api/v1/funeral/illegal-burials/{id}", Ct);
        Assert.Single(Regex.Matches(numbers, "殡改〔"));

        var closed = await OpenAsync(client, Case("已整改坟", Today.AddDays(-3), Today.AddDays(20), party: "赵某"));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{closed}/outcome", new { outcome = "rectified", on = Day(Today) }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Contains("已整改", (await (await NoticeAsync(client, closed, new { })).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, (await CaseAsync(client, closed)).GetProperty("noticeNumber").ValueKind);
    }

    [Fact]
    public async Task NoticeAndExport_OtherTownshipAndOtherRoles_AreRefused()
    {
        using var county = await app.ClientAsAsync("funeral");
        var id = await OpenAsync(county, Case("越权坟", Today.AddDays(-3), Today.AddDays(20), party: "钱某", partyId: Elder(1958)));
        var (user, password) = await TestUsers.CreateAsync(app, "funeral-clerk", "360482200000");
        using var other = await app.ClientAsAsync(user, password);
        await (await NoticeAsync(other, id, new { })).AssertProblemAsync(HttpStatusCode.NotFound);
        var theirs = await other.ExportRowsAsync("/api/v1/funeral/illegal-burials/export.xlsx");
        Assert.DoesNotContain(theirs, r => (string?)r["具体位置"] == "越权坟");
        Assert.Equal(JsonValueKind.Null, (await CaseAsync(county, id)).GetProperty("noticeNumber").ValueKind);

        using var township = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.Forbidden, (await NoticeAsync(township, id, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.GetAsync("/api/v1/funeral/illegal-burials/export.xlsx", Ct)).StatusCode);
        using var leader = await app.ClientAsAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/funeral/illegal-burials/export.xlsx", Ct)).StatusCode);
    }

    [Fact]
    public async Task Export_FollowsTheListFilters_MasksTheId_AndIsAudited()
    {
        using var client = await app.ClientAsAsync("funeral");
        var found = Today.AddDays(-700 - Random.Shared.Next(0, 50));
        var window = $"region={Village}&kind=hardened&from={Day(found)}&to={Day(found)}";
        var idNumber = Elder(1950);
        var open = await OpenAsync(client, Case("导出甲", found, found.AddDays(30), party: "孙某", partyId: idNumber, kind: "hardened"));
        var closed = await OpenAsync(client, Case("导出乙", found, found.AddDays(30), party: "=HYPERLINK(\"x\")", kind: "hardened"));
        await OpenAsync(client, Case("导出丙", found, found.AddDays(30), kind: "luxury"));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{closed}/outcome",
            new { outcome = "penalised", on = Day(Today), decisionNumber = "共民罚〔2026〕77号", amount = 1500m }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await NoticeAsync(client, open, new { rectifyBy = Day(Today.AddDays(15)) })).JsonAsync(HttpStatusCode.Created);

        var rows = await client.ExportRowsAsync($"/api/v1/funeral/illegal-burials/export.xlsx?{window}");
        Assert.Equal(["导出乙", "导出甲"], rows.Select(r => (string)r["具体位置"]!).Order(StringComparer.Ordinal).ToArray());
        var first = rows.Single(r => (string?)r["具体位置"] == "导出甲");
        Assert.Equal((idNumber[..6] + "********" + idNumber[^4..], "硬化大墓", "整改中"),
            ((string?)first["当事人身份证号"], (string?)first["类型"], (string?)first["状态"]));
        Assert.Matches(@"殡改〔\d{4}〕第\d{4}号$", (string?)first["限期整改通知书"]);
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v?.ToString()?.Contains(idNumber, StringComparison.Ordinal) == true));
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v?.ToString()?.StartsWith('=') == true));
        var penalised = await client.ExportRowsAsync($"/api/v1/funeral/illegal-burials/export.xlsx?{window}&status=closed");
        Assert.Equal(("导出乙", "已处罚"), ((string?)penalised.Single()["具体位置"], (string?)penalised.Single()["状态"]));

        using var auditor = await app.ClientAsAsync("auditor");
        var audit = (await (await auditor.GetAsync("/api/v1/audit?action=data.exported&entity=IllegalBurialCase&pageSize=200", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.True(audit.Count(e => e.GetProperty("userName").GetString() == "funeral") >= 2);

        using var web = new WebSession(app);
        await web.LoginAsync("funeral", Minzheng.Platform.Demo.DemoSeeder.Password);
        var list = await (await web.GetAsync($"/IllegalBurials?Region={Village}&Status=open")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("/api/v1/funeral/illegal-burials/export.xlsx?", list, StringComparison.Ordinal);
    }
}

public sealed class SqliteFuneralIllegalBurialNoticeTests(SqliteApp app) : FuneralIllegalBurialNoticeTests<SqliteApp>(app);

public sealed class PostgresFuneralIllegalBurialNoticeTests(PostgresApp app) : FuneralIllegalBurialNoticeTests<PostgresApp>(app);
