using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialAssistance.Verification;

/// <summary>举报: recorded with a deadline in working days, the reporter protected, investigated, concluded, fed back; overdue ones on the board.</summary>
public abstract class TipOffTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private async Task<JsonElement> CreateAsync(HttpClient client, string? reporter) =>
        await (await client.PostAsJsonAsync("/api/v1/verification/tip-offs", new
        {
            channel = "phone",
            regionCode = "360482100201",
            subjectName = "冯某",
            content = "反映冯某家有小轿车仍享受低保",
            reporterName = reporter,
            reporterPhone = reporter is null ? null : "13912345678",
        }, Ct)).JsonAsync(HttpStatusCode.Created);

    private async Task<JsonElement> GetAsync(HttpClient client, string id) => await (await client.GetAsync($"/api/v1/verification/tip-offs/{id}", Ct)).JsonAsync();

    private async Task<HttpResponseMessage> ActAsync(HttpClient client, string id, string action, object body) =>
        await client.PostAsJsonAsync($"/api/v1/verification/tip-offs/{id}/{action}", body, Ct);

    [Fact]
    public async Task TipOff_BadInputPerField_DeadlineInWorkingDays_ReporterOnlyInTheAuditedDetail_AndTheFullProcedure()
    {
        using var township = await App.ClientAsAsync("township");
        var bad = await (await township.PostAsJsonAsync("/api/v1/verification/tip-offs", new { channel = "pigeon", regionCode = "360482100201", content = "" }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["channel", "content", "subjectName"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        await (await township.PostAsJsonAsync("/api/v1/verification/tip-offs", new { channel = "box", regionCode = "360482200001", subjectName = "某", content = "某事" }, Ct))
            .AssertFieldErrorAsync("regionCode"); // another township

        var created = await CreateAsync(township, "郑先生");
        var id = created.GetProperty("id").GetString()!;
        var expected = await (await township.GetAsync($"/api/v1/calendar/add-working-days?from={Today}&days=15", Ct)).JsonAsync();
        Assert.Equal(expected.GetProperty("date").GetString(), created.GetProperty("dueOn").GetString());
        var listed = (await (await township.GetAsync("/api/v1/verification/tip-offs", Ct)).JsonAsync()).EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("reporter").ValueKind);
        Assert.Equal("郑先生 13912345678", (await GetAsync(township, id)).GetProperty("reporter").GetString());
        // The steps on offer come from the declared procedure: a new tip-off can be investigated or concluded, not answered yet.
        Assert.Equal(["investigate", "conclude"], (await GetAsync(township, id)).GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()));
        using (var auditor = await App.ClientAsAsync("auditor"))
        {
            var viewed = await (await auditor.GetAsync("/api/v1/audit?action=data.viewed&entity=TipOff", Ct)).JsonAsync();
            Assert.Contains(viewed.EnumerateArray(), e => e.GetProperty("entityId").GetString() == id);
        }

        await (await ActAsync(township, id, "feedback", new { note = "已核实" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(township, id, "investigate", new { note = "安排王晓梅、刘强入户" })).StatusCode);
        await (await ActAsync(township, id, "conclude", new { note = "查实有车" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(township, id, "conclude", new { note = "查实有车，已停保", result = "substantiated" })).StatusCode);
        Assert.Equal(("concluded", "属实"), ((await GetAsync(township, id)).GetProperty("status").GetString(), (await GetAsync(township, id)).GetProperty("resultName").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(township, id, "feedback", new { note = "电话告知举报人核查结果" })).StatusCode);
        Assert.Equal("closed", (await GetAsync(township, id)).GetProperty("status").GetString());
        Assert.Empty((await GetAsync(township, id)).GetProperty("availableActions").EnumerateArray());

        var anonymous = (await CreateAsync(township, null)).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await ActAsync(township, anonymous, "conclude", new { note = "查无此事", result = "unsubstantiated" })).StatusCode);
        Assert.Equal("closed", (await GetAsync(township, anonymous)).GetProperty("status").GetString());
        await (await ActAsync(township, anonymous, "feedback", new { note = "x" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var draft = await (await township.GetAsync($"/api/v1/reports/work-summary?region=360482100000&from={Today[..4]}-01-01&to={Today}", Ct)).JsonAsync();
        var sentence = draft.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("sentences").EnumerateArray())
            .Select(s => s.GetProperty("text").GetString()!).Single(t => t.StartsWith("受理群众举报", StringComparison.Ordinal));
        Assert.Matches(@"^受理群众举报(\d+)件，已办结(\d+)件，其中反映问题属实或部分属实(\d+)件。$", sentence);
        Assert.True(int.Parse(System.Text.RegularExpressions.Regex.Match(sentence, @"已办结(\d+)件").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public async Task TipOff_PastItsDeadline_IsOverdue_AndCountedOnTheDeadlineBoard()
    {
        string id;
        using (var township = await App.ClientAsAsync("township"))
        {
            id = (await CreateAsync(township, null)).GetProperty("id").GetString()!;
        }

        App.AdvanceDays(40);
        using var later = await App.ClientAsAsync("township");
        var overdue = await (await later.GetAsync("/api/v1/verification/tip-offs?overdue=true", Ct)).JsonAsync();
        Assert.Contains(overdue.EnumerateArray(), t => t.GetProperty("id").GetString() == id && t.GetProperty("overdue").GetBoolean());
        var board = await (await later.GetAsync("/api/v1/cases/deadline-board", Ct)).JsonAsync();
        Assert.True(board.EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "360482100000").GetProperty("tipOffsOverdue").GetInt32() >= 1);
        using var village = await App.ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.Forbidden, (await village.GetAsync($"/api/v1/verification/tip-offs/{id}", Ct)).StatusCode);
    }
}

public sealed class SqliteTipOffClockApp : SqliteClockApp;

public sealed class PostgresTipOffClockApp : PostgresClockApp;

public sealed class SqliteTipOffTests(SqliteTipOffClockApp app) : TipOffTests<SqliteTipOffClockApp>(app);

public sealed class PostgresTipOffTests(PostgresTipOffClockApp app) : TipOffTests<PostgresTipOffClockApp>(app);
