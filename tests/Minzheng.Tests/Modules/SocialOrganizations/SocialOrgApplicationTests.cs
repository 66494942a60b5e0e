using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Platform.Attachments;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>登记申请 over HTTP on both databases: receipt, 受理 with a working-day due date, decisions that run the registration, and every refusal writing nothing.</summary>
public abstract class SocialOrgApplicationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Base = "/api/v1/social-organizations/applications";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A 成立 application body: the direct registration's fields plus the procedure, receipt date and members.</summary>
    public static Dictionary<string, object?> Establish(string receivedOn = "2025-09-29", int? individual = 60, int? unit = null, string kind = "association",
        decimal capital = 50_000m, string? idNumber = null)
    {
        var body = SocialOrgBuilder.Body(kind: kind, capital: capital, idNumber: idNumber);
        body.Remove("establishedOn");
        body["procedure"] = "establish";
        body["receivedOn"] = receivedOn;
        body["individualMembers"] = individual;
        body["unitMembers"] = unit;
        body["councilSize"] = 15;
        return body;
    }

    private static async Task<string> ReceiveAsync(HttpClient client, object body) =>
        (await (await client.PostAsJsonAsync(Base, body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, string id, string action, string date, string? reason = null) =>
        client.PostAsJsonAsync($"{Base}/{id}/{action}", new { date, reason }, Ct);

    private static async Task<JsonElement> DetailAsync(HttpClient client, string id) => await (await client.GetAsync($"{Base}/{id}", Ct)).JsonAsync();

    [Fact]
    public async Task Establish_AcceptedBeforeNationalDay_IsDueAfterTwentyWorkingDays_AndApprovalRegistersWithACertificate()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var idNumber = SocialOrgBuilder.IdNumber();
        var body = Establish(idNumber: idNumber);
        var id = await ReceiveAsync(client, body);
        var received = await DetailAsync(client, id);
        Assert.Equal("received", received.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal(new[] { "accept", "not-accept", "request-correction", "withdraw" }, received.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.DoesNotContain(idNumber, received.GetRawText());
        Assert.Equal(SocialOrgBuilder.Masked(idNumber), received.GetProperty("representativeIdMasked").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "accept", "2025-09-30")).StatusCode);
        var accepted = await DetailAsync(client, id);
        // 20 working days from Tue 30 Sep 2025: 1–8 Oct are holidays and Sat 11 Oct a make-up workday, so the period ends Tue 4 Nov
        // (weekends alone would end it on 28 Oct).
        Assert.Equal("2025-11-04", accepted.GetProperty("application").GetProperty("dueOn").GetString());
        Assert.True(accepted.GetProperty("application").GetProperty("overdue").GetBoolean());
        Assert.Contains("民社受字", Assert.Single(accepted.GetProperty("notices").EnumerateArray()).GetProperty("number").GetString());
        var board = await (await client.GetAsync("/api/v1/deadlines?take=1000", Ct)).JsonAsync();
        Assert.Contains(board.EnumerateArray(), w => w.GetProperty("href").GetString() == $"/Organizations/Application?id={id}"
            && w.GetProperty("dueOn").GetString() == "2025-11-04");

        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "approve", "2025-10-20")).StatusCode);
        var approved = await DetailAsync(client, id);
        Assert.Equal("approved", approved.GetProperty("application").GetProperty("status").GetString());
        Assert.False(approved.GetProperty("application").GetProperty("overdue").GetBoolean());
        Assert.Empty(approved.GetProperty("availableActions").EnumerateArray());
        var organizationId = approved.GetProperty("application").GetProperty("organizationId").GetString();
        var organization = await (await client.GetAsync($"/api/v1/social-organizations/{organizationId}", Ct)).JsonAsync();
        Assert.Equal(body["name"], organization.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal("2025-10-20", organization.GetProperty("organization").GetProperty("establishedOn").GetString());
        Assert.Contains("民社登字", organization.GetProperty("organization").GetProperty("certificateNumber").GetString());
        Assert.Equal(60, organization.GetProperty("individualMembers").GetInt32());
        Assert.Equal(15, organization.GetProperty("councilSize").GetInt32());
        Assert.DoesNotContain(id, await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct));
    }

    [Fact]
    public async Task BadDatesAndInput_Are400_AndWriteNothing()
    {
        using var client = await app.ClientAsAsync("socialorg");
        await (await client.PostAsJsonAsync(Base, Establish(receivedOn: "2099-01-01"), Ct)).AssertFieldErrorAsync("receivedOn");
        await (await client.PostAsJsonAsync(Base, Establish().With("procedure", "merge"), Ct)).AssertFieldErrorAsync("procedure");
        await (await client.PostAsJsonAsync(Base, Establish().With("name", new string('会', 101)), Ct)).AssertFieldErrorAsync("name");
        await (await client.PostAsJsonAsync(Base, Establish().With("name", "共青城市\u0007测试协会"), Ct)).AssertFieldErrorAsync("name");
        await (await client.PostAsJsonAsync(Base, Establish().With("residence", "茶山街道\u202E1号"), Ct)).AssertFieldErrorAsync("residence");
        await (await client.PostAsJsonAsync(Base, Establish(individual: null), Ct)).AssertFieldErrorAsync("individualMembers");
        await (await client.PostAsJsonAsync(Base, Establish(individual: -1), Ct)).AssertFieldErrorAsync("individualMembers");
        var id = await ReceiveAsync(client, Establish(receivedOn: "2025-03-10"));
        Assert.Contains("收件日期", await (await StepAsync(client, id, "accept", "2025-03-07")).AssertFieldErrorAsync("date"));
        await (await StepAsync(client, id, "accept", "2099-03-07")).AssertFieldErrorAsync("date");
        await (await StepAsync(client, id, "merge", "2025-03-11")).AssertFieldErrorAsync("action");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "accept", "2025-03-12")).StatusCode);
        Assert.Contains("受理日期", await (await StepAsync(client, id, "approve", "2025-03-11")).AssertFieldErrorAsync("date"));
        await (await StepAsync(client, id, "refuse", "2025-03-20")).AssertFieldErrorAsync("reason");
        await (await StepAsync(client, id, "refuse", "2025-03-20", new string('理', 2001))).AssertFieldErrorAsync("reason");
        var detail = await DetailAsync(client, id);
        Assert.Equal("accepted", detail.GetProperty("application").GetProperty("status").GetString());
        Assert.Single(detail.GetProperty("notices").EnumerateArray());
        await (await client.GetAsync($"{Base}/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"{Base}?status=bad", Ct)).AssertFieldErrorAsync("status");
    }

    [Fact]
    public async Task TooFewMembers_BelowFunds_AndTakenNames_AreRefusedAtTheWindow()
    {
        using var client = await app.ClientAsAsync("socialorg");
        Assert.Contains("50个", (await (await client.PostAsJsonAsync(Base, Establish(individual: 49), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString());
        Assert.Contains("30个", (await (await client.PostAsJsonAsync(Base, Establish(individual: 0, unit: 29), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString());
        Assert.Contains("总数", (await (await client.PostAsJsonAsync(Base, Establish(individual: 20, unit: 29), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync(Base, Establish(capital: 29_999m), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await ReceiveAsync(client, Establish(individual: 0, unit: 30));
        await ReceiveAsync(client, Establish(individual: 20, unit: 30));
        await ReceiveAsync(client, Establish(kind: "private-non-enterprise", individual: null));
        var body = Establish();
        await ReceiveAsync(client, body);
        Assert.Contains("正在办理", (await (await client.PostAsJsonAsync(Base, Establish().With("name", body["name"]), Ct)).AssertProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString());
        var registered = SocialOrgBuilder.Body();
        await (await client.PostAsJsonAsync("/api/v1/social-organizations", registered, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync(Base, Establish().With("name", registered["name"]), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var total = (await client.GetAsync($"{Base}?name={Uri.EscapeDataString((string)body["name"]!)}", Ct)).Headers.GetValues("X-Total-Count").Single();
        Assert.Equal("1", total);
    }

    [Fact]
    public async Task ConcurrentApprovals_RegisterOnce_AndDecidedApplicationsCannotBeWithdrawn()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var body = Establish(receivedOn: "2025-05-06");
        var id = await ReceiveAsync(client, body);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "accept", "2025-05-07")).StatusCode);
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => i % 2 == 0
            ? StepAsync(client, id, "approve", "2025-05-20")
            : StepAsync(client, id, "refuse", "2025-05-20", "理由")));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.NoContent), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var decided = await DetailAsync(client, id);
        var status = decided.GetProperty("application").GetProperty("status").GetString();
        var count = int.Parse((await client.GetAsync($"/api/v1/social-organizations?name={Uri.EscapeDataString((string)body["name"]!)}", Ct))
            .Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(status == "approved" ? 1 : 0, count);
        Assert.Contains("已作出决定", (await (await StepAsync(client, id, "withdraw", "2025-05-21")).AssertProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString());
        await (await StepAsync(client, id, "approve", "2025-05-21")).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ChangeAndDeregister_Applications_RunTheRegistration_AndNotForAnEndedOrganization()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var org = (await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(), Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await client.PostAsJsonAsync(Base, new { procedure = "change", receivedOn = "2025-02-03", organizationId = org }, Ct)).AssertFieldErrorAsync("changes");
        var change = await ReceiveAsync(client, new { procedure = "change", receivedOn = "2025-02-03", organizationId = org, residence = "共青城市江益镇9号", reason = "搬迁" });
        await (await client.PostAsJsonAsync(Base, new { procedure = "deregister", receivedOn = "2025-02-04", organizationId = org, reason = "解散" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, change, "accept", "2025-02-04")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, change, "approve", "2025-02-10")).StatusCode);
        var detail = await (await client.GetAsync($"/api/v1/social-organizations/{org}", Ct)).JsonAsync();
        Assert.Equal("共青城市江益镇9号", detail.GetProperty("organization").GetProperty("residence").GetString());
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "住所" && h.GetProperty("date").GetString() == "2025-02-10");

        await (await client.PostAsJsonAsync(Base, new { procedure = "deregister", receivedOn = "2025-03-03", organizationId = org }, Ct)).AssertFieldErrorAsync("reason");
        var end = await ReceiveAsync(client, new { procedure = "deregister", receivedOn = "2025-03-03", organizationId = org, reason = "会员大会决议解散" });
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, end, "accept", "2025-03-03")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, end, "approve", "2025-03-14")).StatusCode);
        Assert.Equal("已注销", (await (await client.GetAsync($"/api/v1/social-organizations/{org}", Ct)).JsonAsync()).GetProperty("organization").GetProperty("statusName").GetString());
        Assert.Contains("已注销", (await (await client.PostAsJsonAsync(Base, new { procedure = "change", receivedOn = "2025-04-01", organizationId = org, residence = "别处" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync(Base, new { procedure = "change", receivedOn = "2025-04-01", organizationId = Guid.NewGuid(), residence = "别处" }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Refusals_IssueTheirNotices_AndTheFiguresCountEveryOutcome()
    {
        using var client = await app.ClientAsAsync("socialorg");
        const string Period = "from=2024-01-01&to=2024-12-31";
        var before = await (await client.GetAsync($"{Base}/statistics?{Period}", Ct)).JsonAsync();
        var notAccepted = await ReceiveAsync(client, Establish(receivedOn: "2024-04-01"));
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, notAccepted, "not-accept", "2024-04-02", "材料不齐全")).StatusCode);
        var refused = await ReceiveAsync(client, Establish(receivedOn: "2024-04-01"));
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, refused, "accept", "2024-04-02")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, refused, "refuse", "2024-06-28", "业务范围与已登记社团相同")).StatusCode);
        var withdrawn = await ReceiveAsync(client, Establish(receivedOn: "2024-04-01"));
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, withdrawn, "accept", "2024-04-02")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, withdrawn, "withdraw", "2024-04-03")).StatusCode);
        var open = await ReceiveAsync(client, Establish(receivedOn: "2024-11-01"));
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, open, "accept", "2024-11-04")).StatusCode);

        var kinds = (await DetailAsync(client, refused)).GetProperty("notices").EnumerateArray().Select(n => n.GetProperty("number").GetString()!).ToList();
        Assert.Contains(kinds, n => n.Contains("民社不登字", StringComparison.Ordinal));
        Assert.Contains("民社不受字", (await DetailAsync(client, notAccepted)).GetProperty("notices")[0].GetProperty("number").GetString());
        Assert.Contains((await (await client.GetAsync($"{Base}?overdue=true&pageSize=500", Ct)).JsonAsync()).EnumerateArray(), a => a.GetProperty("id").GetString() == open);

        var after = await (await client.GetAsync($"{Base}/statistics?{Period}", Ct)).JsonAsync();
        int Delta(string field) => after.GetProperty(field).GetInt32() - before.GetProperty(field).GetInt32();
        Assert.Equal(4, Delta("received"));
        Assert.Equal(3, Delta("accepted"));
        Assert.Equal(1, Delta("notAccepted"));
        Assert.Equal(1, Delta("refused"));
        Assert.Equal(1, Delta("withdrawn"));
        Assert.Equal(0, Delta("approved"));
        // Refused on 28 Jun, far past its day (2 Apr + 20 working days), and the November one still undecided: both overdue.
        Assert.Equal(2, Delta("overdue"));
    }

    [Fact]
    public async Task Statutes_AreAttachedToTheOrganizationAndTheApplication_ForTheRegistrarOnly()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var org = (await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(), Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await client.UploadedAsync("social-organization", org, AttachmentFixtures.Pdf, "章程.pdf");
        var application = await ReceiveAsync(client, Establish());
        await client.UploadedAsync("social-organization-application", application, AttachmentFixtures.Pdf, "会员名册.pdf");
        Assert.Single(await client.ListAsync("social-organization", org));
        Assert.Single(await client.ListAsync("social-organization-application", application));
        using var county = await app.ClientAsAsync("county");
        await (await county.GetAsync($"/api/v1/attachments/social-organization/{org}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await county.UploadAsync("social-organization", org, AttachmentFixtures.Pdf, "x.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.UploadAsync("social-organization", Guid.NewGuid().ToString(), AttachmentFixtures.Pdf, "x.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteSocialOrgApplicationTests(SqliteApp app) : SocialOrgApplicationTests<SqliteApp>(app);

public sealed class PostgresSocialOrgApplicationTests(PostgresApp app) : SocialOrgApplicationTests<PostgresApp>(app);
