using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>
/// 撤销登记 as a procedure over HTTP on both databases: 立案, 告知 with a working-day response period on the board, the party's
/// response or waiver, and the decision — the organisation changes only at 决定撤销; every refusal writes nothing.
/// </summary>
public abstract class SocialOrgRevocationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Cases = "/api/v1/social-organizations/revocations";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RegisterAsync(HttpClient client, string? name = null) =>
        (await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(name: name), Ct)).JsonAsync(HttpStatusCode.Created))
        .GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> OpenAsync(HttpClient client, string organizationId, string? openedOn = "2025-09-22", string? ground = "fraud",
        string? facts = "申请登记时提交的会员名册系伪造") =>
        client.PostAsJsonAsync($"/api/v1/social-organizations/{organizationId}/revocations", new { openedOn, ground, facts }, Ct);

    private static async Task<string> OpenCaseAsync(HttpClient client, string organizationId) =>
        (await (await OpenAsync(client, organizationId)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, string id, string action, string date, string? response = null, string? text = null,
        string? decisionNumber = null, string? reason = null) =>
        client.PostAsJsonAsync($"{Cases}/{id}/{action}", new { date, response, text, decisionNumber, reason }, Ct);

    private static async Task<JsonElement> CaseAsync(HttpClient client, string id) => await (await client.GetAsync($"{Cases}/{id}", Ct)).JsonAsync();

    private static async Task<JsonElement> OrganizationAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/v1/social-organizations/{id}", Ct)).JsonAsync();

    private static string Decision() => $"共民罚决字〔2025〕第{Guid.NewGuid().ToString("N")[..8]}号";

    [Fact]
    public async Task Revocation_NoticeStartsAWorkingDayPeriodOnTheBoard_DecisionOnlyAfterIt_ThenTheRegisterShowsRevoked()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var name = SocialOrgBuilder.UniqueName("撤销协会");
        var org = await RegisterAsync(client, name);
        var id = await OpenCaseAsync(client, org);
        var opened = await CaseAsync(client, id);
        Assert.Equal("opened", opened.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(new[] { "notify", "dismiss" }, opened.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal("正常", (await OrganizationAsync(client, org)).GetProperty("organization").GetProperty("statusName").GetString());
        Assert.Contains("未经告知", (await (await StepAsync(client, id, "revoke", "2025-09-23", decisionNumber: Decision()))
            .AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "notify", "2025-09-29")).StatusCode);
        var notified = await CaseAsync(client, id);
        // Five working days from Mon 29 Sep 2025 skip the National Day holidays and count the make-up Saturday 11 Oct.
        Assert.Equal("2025-10-13", notified.GetProperty("case").GetProperty("responseDueOn").GetString());
        Assert.Contains("民社告字", notified.GetProperty("notice").GetProperty("number").GetString());
        var board = await (await client.GetAsync("/api/v1/deadlines?take=1000", Ct)).JsonAsync();
        Assert.Contains(board.EnumerateArray(), w => w.GetProperty("href").GetString() == $"/Organizations/Revocation?id={id}"
            && w.GetProperty("dueOn").GetString() == "2025-10-13");
        var page = await client.GetStringAsync($"/Organizations/RevocationNotice?id={id}", Ct);
        Assert.Contains(notified.GetProperty("notice").GetProperty("number").GetString()!, page);
        Assert.Contains("陈述和申辩", page);

        var early = await (await StepAsync(client, id, "revoke", "2025-10-13", decisionNumber: Decision())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("2025-10-13", early.GetProperty("detail").GetString());
        await (await StepAsync(client, id, "revoke", "2025-10-14")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("正常", (await OrganizationAsync(client, org)).GetProperty("organization").GetProperty("statusName").GetString());
        Assert.Equal("notified", (await CaseAsync(client, id)).GetProperty("case").GetProperty("status").GetString());

        var number = Decision();
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "revoke", "2025-10-14", decisionNumber: number)).StatusCode);
        var decided = await CaseAsync(client, id);
        Assert.Equal("revoked", decided.GetProperty("case").GetProperty("status").GetString());
        Assert.Empty(decided.GetProperty("availableActions").EnumerateArray());
        var organization = await OrganizationAsync(client, org);
        Assert.Equal("已撤销", organization.GetProperty("organization").GetProperty("statusName").GetString());
        Assert.Equal(number, organization.GetProperty("decisionNumber").GetString());
        Assert.Contains(organization.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "revoked"
            && h.GetProperty("date").GetString() == "2025-10-14");
        var penalty = Assert.Single(organization.GetProperty("oversight").GetProperty("penalties").EnumerateArray());
        Assert.Equal("撤销登记", penalty.GetProperty("kindName").GetString());
        Assert.Equal(number, penalty.GetProperty("decisionNumber").GetString());
        Assert.DoesNotContain(id, await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct));
        using var citizen = app.CreateClient();
        var lookup = await (await citizen.GetAsync($"/api/v1/public/social-organizations?q={Uri.EscapeDataString(name)}", Ct)).JsonAsync();
        Assert.Equal("已撤销", Assert.Single(lookup.GetProperty("organizations").EnumerateArray()).GetProperty("status").GetString());
        await (await OpenAsync(client, org)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Response_OrWaiver_AllowsTheDecisionWithinThePeriod_AndDismissalKeepsTheOrganizationActive()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var org = await RegisterAsync(client);
        var id = await OpenCaseAsync(client, org);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "notify", "2025-09-29")).StatusCode);
        await (await StepAsync(client, id, "respond", "2025-09-30", response: "statement")).AssertFieldErrorAsync("text");
        await (await StepAsync(client, id, "respond", "2025-09-30")).AssertFieldErrorAsync("response");
        await (await StepAsync(client, id, "respond", "2025-09-30", response: "appeal")).AssertFieldErrorAsync("response");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "respond", "2025-09-30", response: "hearing", text: "申请听证，称会员名册已重新核实")).StatusCode);
        var heard = await CaseAsync(client, id);
        Assert.Equal("听证", heard.GetProperty("responseName").GetString());
        await (await StepAsync(client, id, "respond", "2025-10-09", response: "waived")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await StepAsync(client, id, "dismiss", "2025-10-09")).AssertFieldErrorAsync("reason");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "dismiss", "2025-10-09", reason: "经听证核实，已补正会员名册，情节轻微")).StatusCode);
        Assert.Equal("not-revoked", (await CaseAsync(client, id)).GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("正常", (await OrganizationAsync(client, org)).GetProperty("organization").GetProperty("statusName").GetString());

        // A new case may be opened once the first is decided; a waiver lets the decision come before the period ends.
        var again = await OpenCaseAsync(client, org);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, again, "notify", "2025-09-29")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, again, "respond", "2025-09-30", response: "waived", text: "不陈述")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, again, "revoke", "2025-10-09", decisionNumber: Decision())).StatusCode);
        Assert.Equal("已撤销", (await OrganizationAsync(client, org)).GetProperty("organization").GetProperty("statusName").GetString());
        var rows = await (await client.GetAsync($"{Cases}?organizationId={org}", Ct)).JsonAsync();
        Assert.Equal(["revoked", "not-revoked"], rows.EnumerateArray().Select(r => r.GetProperty("status").GetString()!).Order().Reverse().ToArray());
    }

    [Fact]
    public async Task BadInput_Is400_DuplicatesAndRacesAre409_AndNothingIsWritten()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var org = await RegisterAsync(client);
        await (await OpenAsync(client, org, ground: null)).AssertFieldErrorAsync("ground");
        await (await OpenAsync(client, org, ground: "dislike")).AssertFieldErrorAsync("ground");
        await (await OpenAsync(client, org, facts: null)).AssertFieldErrorAsync("facts");
        await (await OpenAsync(client, org, facts: new string('事', 2001))).AssertFieldErrorAsync("facts");
        await (await OpenAsync(client, org, facts: "会员\u0007名册")).AssertFieldErrorAsync("facts");
        await (await OpenAsync(client, org, openedOn: "2099-01-01")).AssertFieldErrorAsync("openedOn");
        Assert.Contains("成立登记日期", await (await OpenAsync(client, org, openedOn: "2024-02-01")).AssertFieldErrorAsync("openedOn"));
        await (await OpenAsync(client, Guid.NewGuid().ToString())).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await client.GetAsync($"{Cases}?organizationId={org}", Ct)).JsonAsync()).EnumerateArray());

        var opens = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OpenAsync(client, org)));
        Assert.Equal(1, opens.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(opens.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var id = Assert.Single((await (await client.GetAsync($"{Cases}?organizationId={org}", Ct)).JsonAsync()).EnumerateArray()).GetProperty("id").GetString()!;

        await (await StepAsync(client, id, "appeal", "2025-09-29")).AssertFieldErrorAsync("action");
        await (await StepAsync(client, id, "notify", "2099-09-29")).AssertFieldErrorAsync("date");
        Assert.Contains("上一步骤", await (await StepAsync(client, id, "notify", "2025-09-21")).AssertFieldErrorAsync("date"));
        var notices = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StepAsync(client, id, "notify", "2025-09-29")));
        Assert.Equal(1, notices.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.All(notices.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await (await StepAsync(client, id, "respond", "2025-09-30", response: "statement", text: new string('辩', 2001))).AssertFieldErrorAsync("text");
        await (await StepAsync(client, id, "revoke", "2025-10-14", decisionNumber: new string('号', 65))).AssertFieldErrorAsync("decisionNumber");

        // A decision number already used by a penalty: 409, the case stays notified and the organisation active.
        var other = await RegisterAsync(client);
        var taken = Decision();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{other}/penalties",
            new { kind = "warning", decisionNumber = taken, decidedOn = "2025-07-01", reason = "未按规定报送年度报告" }, Ct)).StatusCode);
        await (await StepAsync(client, id, "revoke", "2025-10-14", decisionNumber: taken)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("notified", (await CaseAsync(client, id)).GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("正常", (await OrganizationAsync(client, org)).GetProperty("organization").GetProperty("statusName").GetString());
        Assert.Empty((await OrganizationAsync(client, org)).GetProperty("oversight").GetProperty("penalties").EnumerateArray());

        await (await client.GetAsync($"{Cases}/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await StepAsync(client, Guid.NewGuid().ToString(), "notify", "2025-09-29")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"{Cases}?status=bad", Ct)).AssertFieldErrorAsync("status");
    }

    [Fact]
    public async Task TheOldDirectPaths_AreGone_APenaltyOfKindRevocationIs422_AndTheRevokeRouteIs404()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var org = await RegisterAsync(client);
        var refused = await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{org}/penalties",
            new { kind = "revocation", decisionNumber = Decision(), decidedOn = "2025-07-01", reason = "连续两年不参加年检" }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("撤销登记程序", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{org}/revoke",
            new { date = "2025-07-01", reason = "骗取登记", decisionNumber = Decision() }, Ct)).StatusCode);
        var organization = await OrganizationAsync(client, org);
        Assert.Equal("正常", organization.GetProperty("organization").GetProperty("statusName").GetString());
        Assert.Empty(organization.GetProperty("oversight").GetProperty("penalties").EnumerateArray());

        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Forbidden, (await OpenAsync(county, org)).StatusCode);
    }
}

public sealed class SqliteSocialOrgRevocationTests(SqliteApp app) : SocialOrgRevocationTests<SqliteApp>(app);

public sealed class PostgresSocialOrgRevocationTests(PostgresApp app) : SocialOrgRevocationTests<PostgresApp>(app);
