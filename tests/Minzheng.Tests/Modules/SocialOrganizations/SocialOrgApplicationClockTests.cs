using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>
/// The statutory clock of a 登记申请 over HTTP on both databases: the one-time 补正告知 stops it (the board shows 等待补正, never
/// overdue) and the complete corrections restart it in full; the one 延期 adds ten working days; every refusal writes nothing.
/// </summary>
public abstract class SocialOrgApplicationClockTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Base = "/api/v1/social-organizations/applications";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ReceiveAsync(HttpClient client, string receivedOn) =>
        (await (await client.PostAsJsonAsync(Base, SocialOrgApplicationTests<TApp>.Establish(receivedOn: receivedOn), Ct)).JsonAsync(HttpStatusCode.Created))
        .GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, string id, string action, string date, string? reason = null, string?[]? items = null,
        string? note = null) =>
        client.PostAsJsonAsync($"{Base}/{id}/{action}", new { date, reason, items, note }, Ct);

    private static async Task<JsonElement> DetailAsync(HttpClient client, string id) => await (await client.GetAsync($"{Base}/{id}", Ct)).JsonAsync();

    private static string? Due(JsonElement detail) => detail.GetProperty("application").GetProperty("dueOn").GetString();

    private static async Task<string> NoticeNumberAsync(HttpClient client, string id, string kind) =>
        (await DetailAsync(client, id)).GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == kind).GetProperty("number").GetString()!;

    private static async Task<(int Open, int Overdue)> WaitingOnBoardAsync(HttpClient client)
    {
        var kinds = (await (await client.GetAsync("/api/v1/deadlines/board", Ct)).JsonAsync()).EnumerateArray()
            .SelectMany(r => r.GetProperty("kinds").EnumerateArray()).Where(k => k.GetProperty("kind").GetString() == CorrectionWaits.KindName).ToList();
        return (kinds.Sum(k => k.GetProperty("open").GetInt32()), kinds.Sum(k => k.GetProperty("overdue").GetInt32()));
    }

    [Fact]
    public async Task CorrectionBeforeAcceptance_IsNumberedAndPrinted_WaitsWithoutAClock_AndTheCorrectionsAreTheAcceptance()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await ReceiveAsync(client, "2025-03-03");
        var (waitingBefore, _) = await WaitingOnBoardAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "request-correction", "2025-03-04",
            items: ["业务主管单位的批准文件", "  验资报告（原件）  ", ""], note: "会员名册须加盖筹备组公章")).StatusCode);

        var waiting = await DetailAsync(client, id);
        Assert.Equal("correcting", waiting.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal("等待补正", waiting.GetProperty("application").GetProperty("statusName").GetString());
        Assert.Null(Due(waiting));
        Assert.False(waiting.GetProperty("application").GetProperty("overdue").GetBoolean());
        Assert.Equal(["业务主管单位的批准文件", "验资报告（原件）"], waiting.GetProperty("correction").GetProperty("items").EnumerateArray().Select(i => i.GetString()!).ToArray());
        Assert.Equal(new[] { "not-accept", "receive-correction", "withdraw" }, waiting.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!).ToArray());
        var (waitingNow, overdueWaiting) = await WaitingOnBoardAsync(client);
        Assert.Equal(waitingBefore + 1, waitingNow);
        Assert.Equal(0, overdueWaiting);
        Assert.DoesNotContain(id, await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct));

        var number = await NoticeNumberAsync(client, id, ApplicationProcedure.CorrectionKind);
        Assert.Contains("民社补字", number);
        var page = await client.GetStringAsync($"/Organizations/ApplicationNotice?id={id}&kind={ApplicationProcedure.CorrectionKind}", Ct);
        Assert.Contains(number, page);
        Assert.Contains("验资报告（原件）", page);
        Assert.Contains("第三十二条", page);
        Assert.Contains("/Verify?code=", page);

        var second = await (await StepAsync(client, id, "request-correction", "2025-03-05", items: ["法定代表人身份证复印件"])).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("补正只能一次性告知", second.GetProperty("detail").GetString());
        Assert.Contains("补正告知日期", await (await StepAsync(client, id, "receive-correction", "2025-03-03")).AssertFieldErrorAsync("date"));

        // Complete corrections on Tue 1 Apr 2025 are the 受理: 20 working days from then skip 清明 (4 Apr) and count Sun 27 Apr.
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "receive-correction", "2025-04-01")).StatusCode);
        var accepted = await DetailAsync(client, id);
        Assert.Equal("accepted", accepted.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal("2025-04-01", accepted.GetProperty("application").GetProperty("acceptedOn").GetString());
        Assert.Equal("2025-04-29", Due(accepted));
        Assert.Equal("2025-04-01", accepted.GetProperty("correction").GetProperty("receivedOn").GetString());
        Assert.Contains("民社受字", await NoticeNumberAsync(client, id, ApplicationProcedure.AcceptanceKind));
        Assert.DoesNotContain("request-correction", accepted.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("补正只能一次性告知", (await (await StepAsync(client, id, "request-correction", "2025-04-02", items: ["章程"]))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        Assert.Equal(waitingBefore, (await WaitingOnBoardAsync(client)).Open);
    }

    [Fact]
    public async Task CorrectionAfterAcceptance_StopsTheRunningClock_AndRestartsTheFullPeriod()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await ReceiveAsync(client, "2025-06-03");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "accept", "2025-06-04")).StatusCode);
        Assert.Equal("2025-07-02", Due(await DetailAsync(client, id)));
        Assert.Contains("受理日期", await (await StepAsync(client, id, "request-correction", "2025-06-03", items: ["会员名册"])).AssertFieldErrorAsync("date"));
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "request-correction", "2025-06-10", items: ["会员名册缺少单位会员的签章"])).StatusCode);
        // Today is long past 2 July: with the clock stopped the application is neither due nor overdue, nor listed as overdue.
        var stopped = await DetailAsync(client, id);
        Assert.Null(Due(stopped));
        Assert.False(stopped.GetProperty("application").GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain((await (await client.GetAsync($"{Base}?overdue=true&pageSize=500", Ct)).JsonAsync()).EnumerateArray(),
            a => a.GetProperty("id").GetString() == id);
        await (await StepAsync(client, id, "approve", "2025-06-20")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await StepAsync(client, id, "extend", "2025-06-20", reason: "需要实地核查")).AssertProblemAsync(HttpStatusCode.Conflict);
        var page = await client.GetStringAsync($"/Organizations/ApplicationNotice?id={id}&kind={ApplicationProcedure.CorrectionKind}", Ct);
        Assert.Contains("停止计算", page);

        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "receive-correction", "2025-07-01")).StatusCode);
        var restarted = await DetailAsync(client, id);
        Assert.Equal("2025-06-04", restarted.GetProperty("application").GetProperty("acceptedOn").GetString());
        Assert.Equal("2025-07-29", Due(restarted));
        Assert.Single(restarted.GetProperty("notices").EnumerateArray(), n => n.GetProperty("kind").GetString() == ApplicationProcedure.AcceptanceKind);
        // The 受理通知书 reprinted still states the due day it gave on 受理.
        Assert.Contains("2025年7月2日", await client.GetStringAsync($"/Organizations/ApplicationNotice?id={id}&kind={ApplicationProcedure.AcceptanceKind}", Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "approve", "2025-07-10")).StatusCode);
    }

    [Fact]
    public async Task ACorrectionNotice_LaterThanFiveWorkingDaysAfterReceipt_IsRefused_TheApplicationCountsAsAcceptedOnReceipt()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var late = await ReceiveAsync(client, "2025-11-03"); // a Monday: the fifth working day after it is Monday 10 November
        var refused = await (await StepAsync(client, late, "request-correction", "2025-11-11", items: ["章程"])).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("2025-11-10前", refused.GetProperty("detail").GetString());
        var untouched = await DetailAsync(client, late);
        Assert.Equal("received", untouched.GetProperty("application").GetProperty("status").GetString()); // nothing written
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, late, "accept", "2025-11-11")).StatusCode);
        var accepted = (await DetailAsync(client, late)).GetProperty("application");
        Assert.Equal("2025-11-03", accepted.GetProperty("acceptedOn").GetString()); // accepted by law on receipt: the period runs from then

        var onReceipt = await ReceiveAsync(client, "2025-11-03");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, onReceipt, "accept", "2025-11-03")).StatusCode);
        Assert.Equal(Due(await DetailAsync(client, onReceipt)), accepted.GetProperty("dueOn").GetString());

        var inTime = await ReceiveAsync(client, "2025-11-03");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, inTime, "accept", "2025-11-10")).StatusCode); // within the five days: its own day
        Assert.Equal("2025-11-10", (await DetailAsync(client, inTime)).GetProperty("application").GetProperty("acceptedOn").GetString());

        var corrected = await ReceiveAsync(client, "2025-11-03");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, corrected, "request-correction", "2025-11-10", items: ["章程"])).StatusCode);
    }

    [Fact]
    public async Task BadCorrections_Are422Or400_AndWriteNothing()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await ReceiveAsync(client, "2025-05-06");
        Assert.Contains("items", (await (await StepAsync(client, id, "request-correction", "2025-05-07")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString());
        await (await StepAsync(client, id, "request-correction", "2025-05-07", items: [" ", ""])).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await StepAsync(client, id, "request-correction", "2025-05-07", items: [new string('材', 201)])).AssertFieldErrorAsync("items");
        await (await StepAsync(client, id, "request-correction", "2025-05-07", items: ["章程\u0007草案"])).AssertFieldErrorAsync("items[0]");
        await (await StepAsync(client, id, "request-correction", "2025-05-07", items: Enumerable.Range(1, 51).Select(i => $"材料{i}").ToArray())).AssertFieldErrorAsync("items");
        await (await StepAsync(client, id, "request-correction", "2025-05-07", items: ["章程"], note: new string('注', 2001))).AssertFieldErrorAsync("note");
        var none = await (await StepAsync(client, id, "receive-correction", "2025-05-08")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("未告知补正", none.GetProperty("detail").GetString());
        var untouched = await DetailAsync(client, id);
        Assert.Equal("received", untouched.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("correction").ValueKind);
        Assert.Empty(untouched.GetProperty("notices").EnumerateArray());
        await (await StepAsync(client, Guid.NewGuid().ToString(), "request-correction", "2025-05-07", items: ["章程"])).AssertProblemAsync(HttpStatusCode.NotFound);

        // Of five identical notices at once, exactly one is saved and numbered.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => StepAsync(client, id, "request-correction", "2025-05-07", items: ["章程"])));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.NoContent),
            a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        Assert.Single((await DetailAsync(client, id)).GetProperty("notices").EnumerateArray());
    }

    [Fact]
    public async Task Extension_AddsTenWorkingDaysOnce_WithAReasonAndANotice_AndNotAfterTheDueDay()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await ReceiveAsync(client, "2025-09-01");
        await (await StepAsync(client, id, "extend", "2025-09-03", reason: "需要实地核查住所")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "accept", "2025-09-02")).StatusCode);
        Assert.Equal("2025-09-29", Due(await DetailAsync(client, id)));
        await (await StepAsync(client, id, "extend", "2025-09-26")).AssertFieldErrorAsync("reason");

        // Ten working days from Mon 29 Sep skip the National Day holidays and count Sat 11 Oct: 20 Oct. Of parallel requests one wins.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => StepAsync(client, id, "extend", "2025-09-26", reason: "需要征求业务主管单位意见")));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        var extended = await DetailAsync(client, id);
        Assert.Equal("2025-10-20", Due(extended));
        Assert.Equal("2025-09-29", extended.GetProperty("extension").GetProperty("dueBefore").GetString());
        Assert.DoesNotContain("extend", extended.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()));
        var board = await (await client.GetAsync("/api/v1/deadlines?take=1000", Ct)).JsonAsync();
        Assert.Contains(board.EnumerateArray(), w => w.GetProperty("href").GetString() == $"/Organizations/Application?id={id}"
            && w.GetProperty("dueOn").GetString() == "2025-10-20");
        var number = await NoticeNumberAsync(client, id, ApplicationProcedure.ExtensionKind);
        Assert.Contains("民社延字", number);
        var page = await client.GetStringAsync($"/Organizations/ApplicationNotice?id={id}&kind={ApplicationProcedure.ExtensionKind}", Ct);
        Assert.Contains(number, page);
        Assert.Contains("2025年10月20日", page);
        Assert.Contains("需要征求业务主管单位意见", page);
        Assert.Contains("第四十二条", page);

        var again = await (await StepAsync(client, id, "extend", "2025-10-09", reason: "仍需核查")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("只能延长一次", again.GetProperty("detail").GetString());
        Assert.Equal("2025-10-20", Due(await DetailAsync(client, id)));

        var late = await ReceiveAsync(client, "2025-03-03");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, late, "accept", "2025-03-03")).StatusCode);
        var expired = await (await StepAsync(client, late, "extend", "2025-04-01", reason: "需要实地核查")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("2025-03-31", expired.GetProperty("detail").GetString());
        var unchanged = await DetailAsync(client, late);
        Assert.Equal("2025-03-31", Due(unchanged));
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("extension").ValueKind);
    }

    [Fact]
    public async Task OtherRolesAndOtherCounties_CannotTouchTheClock()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await ReceiveAsync(client, "2025-09-01");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "accept", "2025-09-02")).StatusCode);
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(county, id, "extend", "2025-09-05", reason: "核查")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(county, id, "request-correction", "2025-09-05", items: ["章程"])).StatusCode);
        using var leader = await app.ClientAsAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(leader, id, "extend", "2025-09-05", reason: "核查")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await DetailAsync(client, id)).GetProperty("extension").ValueKind);

        var elsewhere = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MinzhengDbContext>();
            var a = new RegistrationApplication
            {
                RegionCode = "360402000000",
                AuthorityCode = "360402",
                Kind = ApplicationKind.Establish,
                Status = ApplicationStatus.Correcting,
                OrganizationName = SocialOrgBuilder.UniqueName(),
                ReceivedOn = new DateOnly(2025, 9, 1),
                CorrectionRequestedOn = new DateOnly(2025, 9, 2),
                CorrectionItems = "章程",
            };
            db.Add(a);
            await db.SaveChangesAsync(Ct);
            return a.Id.ToString();
        });
        await (await StepAsync(client, elsewhere, "receive-correction", "2025-09-10")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"{Base}/{elsewhere}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Organizations/Application?id={elsewhere}", Ct)).StatusCode);
        Assert.DoesNotContain(elsewhere, await client.GetStringAsync($"{Base}?status=correcting&pageSize=500", Ct));
        var stored = await app.WithScopeAsync(async services => await services.GetRequiredService<MinzhengDbContext>().Set<RegistrationApplication>()
            .IgnoreQueryFilters().SingleAsync(a => a.Id == Guid.Parse(elsewhere), Ct));
        Assert.Equal(ApplicationStatus.Correcting, stored.Status);
    }
}

public sealed class SqliteSocialOrgApplicationClockTests(SqliteApp app) : SocialOrgApplicationClockTests<SqliteApp>(app);

public sealed class PostgresSocialOrgApplicationClockTests(PostgresApp app) : SocialOrgApplicationClockTests<PostgresApp>(app);
