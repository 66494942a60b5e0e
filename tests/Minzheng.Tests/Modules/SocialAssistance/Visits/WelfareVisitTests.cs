using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Visits.WelfareVisitFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Visits;

/// <summary>
/// 探视巡访 over HTTP: due dates by self-care level with the configured intervals (10 and 20 days here), a visit moves
/// the due date, missed visits on the deadline board, bad input refused field by field, other regions kept out.
/// </summary>
public abstract class WelfareVisitTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private DateOnly TodayDate => DateOnly.ParseExact(Today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private string Day(int offset) => TodayDate.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task DueDates_FollowSelfCareAndTheConfiguredIntervals_AndAVisitMovesTheDueDate()
    {
        var (village, persons) = await DestituteAsync(App, "full", "partial", "none");
        var (full, partial, none) = (persons[0], persons[1], persons[2]);
        // Never visited: the interval counts from the first day of the start month (2026-01).
        Assert.Equal(("自理", Other, "2026-01-21"), (full.Text("selfCareName"), full.GetProperty("intervalDays").GetInt32(), full.Text("dueOn")));
        Assert.Equal(("半失能", Dependent, "2026-01-11"), (partial.Text("selfCareName"), partial.GetProperty("intervalDays").GetInt32(), partial.Text("dueOn")));
        Assert.Equal(("全失能", Dependent, "2026-01-11"), (none.Text("selfCareName"), none.GetProperty("intervalDays").GetInt32(), none.Text("dueOn")));
        Assert.All(persons, p => Assert.True(p.GetProperty("overdue").GetBoolean()));
        Assert.All(persons, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("lastVisitedOn").ValueKind));
        Assert.All(persons, p => Assert.Equal(($"发放测试村{village[^3..]}", "甘露镇"), (p.Text("villageName"), p.Text("townshipName"))));
        Assert.All(persons, p => Assert.Matches(@"^\d{6}\*{8}\d{3}[\dX]$", p.Text("idNumberMasked")));

        using var township = await App.ClientAsAsync("township");
        var recorded = await (await RecordAsync(township, partial.Id(), Visit(Day(-2)))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((Day(-2), Day(-2 + Dependent), "入户探访", "半失能"),
            (recorded.Text("visitedOn"), recorded.Text("nextDueOn"), recorded.Text("wayName"), recorded.Text("selfCareName")));
        var moved = await ItemAsync(township, village, partial.Id());
        Assert.Equal((Day(-2), Day(Dependent - 2), false, "on-time"),
            (moved.Text("lastVisitedOn"), moved.Text("dueOn"), moved.GetProperty("overdue").GetBoolean(), moved.Text("urgency")));

        await (await RecordAsync(township, full.Id(), Visit(Today, "phone-call", null))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Day(Other), (await ItemAsync(township, village, full.Id())).Text("dueOn"));
        // A visit entered late for a day long past keeps a fully dependent person overdue: the next one was due 10 days after it.
        await (await RecordAsync(township, none.Id(), Visit(Day(-30)))).JsonAsync(HttpStatusCode.Created);
        var stillLate = await ItemAsync(township, village, none.Id());
        Assert.Equal((Day(-20), 20), (stillLate.Text("dueOn"), stillLate.GetProperty("daysOverdue").GetInt32()));

        var overdue = await DueAsync(township, $"region={village}&due=overdue");
        Assert.Equal([none.Id()], overdue.Select(i => i.Id()));
        var history = await (await township.GetAsync($"/api/v1/welfare-visits/{partial.Id()}", Ct)).JsonAsync();
        var visit = Assert.Single(history.GetProperty("visits").EnumerateArray());
        Assert.Equal(("王晓梅、李建国", "township", "active"), (visit.Text("visitors"), visit.Text("recordedBy"), history.Text("enrollmentStatus")));
        Assert.Equal(Day(Dependent - 2), history.GetProperty("due").Text("dueOn"));
    }

    [Fact]
    public async Task TheDueList_PagesWithItsTotal_SortsByAColumn_TakeStillWorks_AndExportsMasked()
    {
        var (village, persons) = await DestituteAsync(App, "full", "partial", "none");
        using var county = await App.ClientAsAsync("county");
        var url = $"/api/v1/welfare-visits?region={village}";
        var byName = (await county.GetPageAsync($"{url}&sort=name")).Items.Strings("name");
        var (first, total) = await county.GetPageAsync($"{url}&sort=name&pageSize=2");
        Assert.Equal(3, total);
        Assert.Equal(byName.Take(2), first.Strings("name"));
        Assert.Equal(byName.Skip(2), (await county.GetPageAsync($"{url}&sort=name&pageSize=2&page=2")).Items.Strings("name"));
        Assert.Equal(byName.AsEnumerable().Reverse(), (await county.GetPageAsync($"{url}&sort=name&dir=desc")).Items.Strings("name"));
        var dueDates = (await county.GetPageAsync(url)).Items.Strings("dueOn");
        Assert.Equal(dueDates.Order(StringComparer.Ordinal), dueDates); // soonest due first by default
        var (taken, takenTotal) = await county.GetPageAsync($"{url}&take=1");
        Assert.Equal((1, 3), (taken.Count, takenTotal));
        Assert.Equal(3, (await county.GetPageAsync($"{url}&page=-2&pageSize=99999&sort=nonsense")).Total);

        var rows = await county.ExportRowsAsync($"/api/v1/welfare-visits/export.xlsx?region={village}&sort=name");
        Assert.Equal(byName, rows.Select(r => (string?)r["姓名"]));
        Assert.All(rows, r => Assert.Equal("******", ((string)r["身份证号"]!)[6..12]));
        Assert.Equal(persons.Select(p => p.GetProperty("dueOn").GetString()).Order(StringComparer.Ordinal), rows.Select(r => (string?)r["应探视日期"]).Order(StringComparer.Ordinal));
        await (await county.GetAsync("/api/v1/welfare-visits/export.xlsx?due=someday", Ct)).AssertFieldErrorAsync("due");
    }

    [Fact]
    public async Task AMissedVisit_IsOverdueOnTheDeadlineBoard_UntilAVisitIsRecorded()
    {
        var (_, persons) = await DestituteAsync(App, "full");
        var href = $"/Visits?enrollment={persons[0].Id()}";
        using var township = await App.ClientAsAsync("township");
        var work = await (await township.GetAsync("/api/v1/deadlines?due=overdue&take=1000", Ct)).JsonAsync();
        var item = Assert.Single(work.EnumerateArray(), i => i.Text("href") == href);
        Assert.Equal(("探视巡访", "overdue", "2026-01-21"), (item.Text("kind"), item.Text("urgency"), item.Text("dueOn")));
        Assert.Contains(persons[0].Text("name"), item.Text("title"));
        var board = (await (await township.GetAsync("/api/v1/deadlines/board", Ct)).JsonAsync()).EnumerateArray()
            .Single(r => r.Text("regionCode") == "360482100000");
        Assert.True(board.GetProperty("kinds").EnumerateArray().Single(k => k.Text("kind") == "探视巡访").GetProperty("overdue").GetInt32() >= 1);

        await (await RecordAsync(township, persons[0].Id(), Visit(Today))).JsonAsync(HttpStatusCode.Created);
        Assert.DoesNotContain(href, await township.GetStringAsync("/api/v1/deadlines?due=overdue&take=1000", Ct));
        var onTime = (await (await township.GetAsync("/api/v1/deadlines?take=1000", Ct)).JsonAsync()).EnumerateArray().Single(i => i.Text("href") == href);
        Assert.Equal(("on-time", Day(Other)), (onTime.Text("urgency"), onTime.Text("dueOn")));

        App.AdvanceDays(Other + 1);
        using var later = await App.ClientAsAsync("township");
        Assert.Contains(href, await later.GetStringAsync("/api/v1/deadlines?due=overdue&take=1000", Ct));
    }

    [Fact]
    public async Task BadInput_IsRefusedNamingTheField_AndWrongEnrolmentsAre404Or409_NeverA500()
    {
        var (village, persons) = await DestituteAsync(App, "partial");
        var id = persons[0].Id();
        using var township = await App.ClientAsAsync("township");
        async Task<string> Field(object body, string field) => await (await RecordAsync(township, id, body)).AssertFieldErrorAsync(field);

        Assert.Contains("不能晚于今天", await Field(Visit(Day(1)), "visitedOn"));
        Assert.Contains("2026-01-01", await Field(Visit("2025-12-31"), "visitedOn"));
        await Field(Visit("2026-13-01"), "visitedOn");
        await Field(new { visitors = "王晓梅", way = "home-visit" }, "visitedOn");
        await Field(Visit(Today, findings: new string('很', 1001)), "findings");
        Assert.Contains("控制字符", await Field(Visit(Today, findings: "一切正常\u0001"), "findings"));
        await Field(new { visitedOn = Today, visitors = "王\u202E晓梅", way = "home-visit" }, "visitors");
        await Field(new { visitedOn = Today, visitors = " ", way = "home-visit" }, "visitors");
        await Field(new { visitedOn = Today, visitors = new string('王', 101), way = "home-visit" }, "visitors");
        await Field(Visit(Today, way: "video"), "way");
        await Field(new { visitedOn = Today, visitors = "王晓梅", way = "home-visit", needsFollowUp = true }, "followUpNote");
        var several = await (await RecordAsync(township, id, new { visitedOn = "", visitors = "", way = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["visitedOn", "visitors", "way"], several.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.Null, (await ItemAsync(township, village, id)).GetProperty("lastVisitedOn").ValueKind); // nothing was stored

        await (await RecordAsync(township, id, Visit(Today, findings: new string('好', 1000)))).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("不能重复登记", (await (await RecordAsync(township, id, Visit(Today))).AssertProblemAsync(HttpStatusCode.Conflict)).Text("detail"));
        await (await RecordAsync(township, id, Visit(Today, "phone-call"))).JsonAsync(HttpStatusCode.Created); // another way the same day is another contact

        await (await RecordAsync(township, Guid.NewGuid().ToString(), Visit(Today))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await township.GetAsync($"/api/v1/welfare-visits/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var dibao = await PaymentFixtures.CaseloadAsync(App, village, "农村低保", 300m);
        Assert.Contains("农村低保", (await (await RecordAsync(township, dibao[0].EnrollmentId, Visit(Today))).AssertProblemAsync(HttpStatusCode.Conflict)).Text("detail"));
        await (await township.GetAsync($"/api/v1/welfare-visits/{dibao[0].EnrollmentId}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        await (await township.GetAsync("/api/v1/welfare-visits?due=someday", Ct)).AssertFieldErrorAsync("due");
        await (await township.GetAsync("/api/v1/welfare-visits?region=36x", Ct)).AssertFieldErrorAsync("region");
    }

    [Fact]
    public async Task EndedEnrolmentsAndDeadPersons_AreNoLongerDue_AndVisitsToThemAre409()
    {
        var (village, persons) = await DestituteAsync(App, "full", "none");
        using var county = await App.ClientAsAsync("county");
        var ended = await county.PostAsJsonAsync($"/api/v1/enrollments/{persons[0].Id()}/terminate", new { fromMonth = "2026-09", reason = "moved-away" }, Ct);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var died = await county.PutAsJsonAsync($"/api/v1/persons/{persons[1].Text("personId")}", new { name = persons[1].Text("name"), deathDate = Day(-3) }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, died.StatusCode);

        Assert.Empty(await DueAsync(county, $"region={village}"));
        using var township = await App.ClientAsAsync("township");
        Assert.Contains("暂停或终止", (await (await RecordAsync(township, persons[0].Id(), Visit(Today))).AssertProblemAsync(HttpStatusCode.Conflict)).Text("detail"));
        Assert.Contains("死亡", (await (await RecordAsync(township, persons[1].Id(), Visit(Today))).AssertProblemAsync(HttpStatusCode.Conflict)).Text("detail"));
        var history = await (await township.GetAsync($"/api/v1/welfare-visits/{persons[0].Id()}", Ct)).JsonAsync();
        Assert.Equal(("terminated", JsonValueKind.Null), (history.Text("enrollmentStatus"), history.GetProperty("due").ValueKind));
    }

    [Fact]
    public async Task AnotherTownship_NeitherSeesNorRecords_AndReadOnlyRolesCannotRecord()
    {
        var (_, persons) = await DestituteAsync(App, "partial");
        var id = persons[0].Id();
        var (user, password) = await TestUsers.CreateAsync(App, "township", "360482200000");
        using var outsider = await App.ClientAsAsync(user, password);
        Assert.DoesNotContain(id, await outsider.GetStringAsync("/api/v1/welfare-visits", Ct));
        Assert.DoesNotContain(id, await outsider.GetStringAsync("/api/v1/deadlines?take=1000", Ct));
        await (await outsider.GetAsync($"/api/v1/welfare-visits/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await RecordAsync(outsider, id, Visit(Today))).AssertProblemAsync(HttpStatusCode.NotFound);
        // The demo village assistant works in 红光村, not in the test village of the same township.
        using var village = await App.ClientAsAsync("village");
        await (await RecordAsync(village, id, Visit(Today))).AssertProblemAsync(HttpStatusCode.NotFound);

        using var leader = await App.ClientAsAsync("leader");
        Assert.Contains(id, await leader.GetStringAsync("/api/v1/welfare-visits", Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(leader, id, Visit(Today))).StatusCode);
        using var finance = await App.ClientAsAsync("finance");
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(finance, id, Visit(Today))).StatusCode);
        using var admin = await App.ClientAsAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/welfare-visits", Ct)).StatusCode);
        using var county = await App.ClientAsAsync("county");
        await (await RecordAsync(county, id, Visit(Today))).JsonAsync(HttpStatusCode.Created);
    }
}

public sealed class SqliteWelfareVisitTests(SqliteWelfareVisitApp app) : WelfareVisitTests<SqliteWelfareVisitApp>(app);

public sealed class PostgresWelfareVisitTests(PostgresWelfareVisitApp app) : WelfareVisitTests<PostgresWelfareVisitApp>(app);
