using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Platform.People;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>监督管理 over HTTP on both databases: complaints, penalties with decision numbers, the two credit lists, region scope and figures.</summary>
public abstract class SocialOrgSupervisionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RegisterAsync(HttpClient client) =>
        (await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(), Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<JsonElement> OversightAsync(HttpClient client, string id) =>
        (await (await client.GetAsync($"/api/v1/social-organizations/{id}", Ct)).JsonAsync()).GetProperty("oversight");

    private static string Decision() => $"共民罚决字〔2025〕第{Guid.NewGuid().ToString("N")[..8]}号";

    [Fact]
    public async Task Complaint_IsReceivedAndHandledOnce_AndBadFieldsWriteNothing()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await RegisterAsync(client);
        var url = $"/api/v1/social-organizations/{id}/complaints";
        await (await client.PostAsJsonAsync(url, new { receivedOn = "2025-04-01", complainant = "匿\u0007名", content = "乱收费" }, Ct)).AssertFieldErrorAsync("complainant");
        await (await client.PostAsJsonAsync(url, new { receivedOn = "2099-04-01", complainant = "匿名", content = "乱收费" }, Ct)).AssertFieldErrorAsync("receivedOn");
        await (await client.PostAsJsonAsync(url, new { receivedOn = "2025-04-01", complainant = "匿名", content = new string('费', 2001) }, Ct)).AssertFieldErrorAsync("content");
        Assert.Empty((await OversightAsync(client, id)).GetProperty("complaints").EnumerateArray());

        var created = await (await client.PostAsJsonAsync(url, new { receivedOn = "2025-04-01", complainant = "会员张某", content = "强制会员缴纳赞助费" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var handling = $"{url}/{created.GetProperty("id").GetString()}/handling";
        await (await client.PostAsJsonAsync(handling, new { handledOn = "2025-03-01", result = "已责令退还" }, Ct)).AssertFieldErrorAsync("handledOn");
        await (await client.PostAsJsonAsync(handling, new { handledOn = "2025-04-20" }, Ct)).AssertFieldErrorAsync("result");
        var done = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsJsonAsync(handling, new { handledOn = "2025-04-20", result = "已责令退还" }, Ct)));
        Assert.Equal(1, done.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.All(done.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var complaint = Assert.Single((await OversightAsync(client, id)).GetProperty("complaints").EnumerateArray());
        Assert.Equal("2025-04-20", complaint.GetProperty("handledOn").GetString());
        Assert.Equal("会员张某", complaint.GetProperty("complainant").GetString());
    }

    [Fact]
    public async Task Penalty_WithoutDecisionNumber_Is422_AndKindFieldsAreChecked_AndANumberIsUsedOnce()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await RegisterAsync(client);
        var url = $"/api/v1/social-organizations/{id}/penalties";
        var refused = await (await client.PostAsJsonAsync(url, new { kind = "warning", decidedOn = "2025-05-01", reason = "未按规定报送年报" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("决定书文号", refused.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync(url, new { kind = "warning", decisionNumber = "   ", decidedOn = "2025-05-01", reason = "未按规定报送年报" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostAsJsonAsync(url, new { kind = "fine", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规收费" }, Ct)).AssertFieldErrorAsync("amount");
        await (await client.PostAsJsonAsync(url, new { kind = "fine", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规收费", amount = -5m }, Ct)).AssertFieldErrorAsync("amount");
        await (await client.PostAsJsonAsync(url, new { kind = "fine", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规收费", amount = 100.001m }, Ct)).AssertFieldErrorAsync("amount");
        await (await client.PostAsJsonAsync(url, new { kind = "warning", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "x", amount = 100m }, Ct)).AssertFieldErrorAsync("amount");
        await (await client.PostAsJsonAsync(url, new { kind = "suspension", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规", suspendedFrom = "2025-05-10", suspendedUntil = "2025-05-10" }, Ct))
            .AssertFieldErrorAsync("suspendedUntil");
        await (await client.PostAsJsonAsync(url, new { kind = "suspension", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规", suspendedFrom = "2025-04-10", suspendedUntil = "2025-06-10" }, Ct))
            .AssertFieldErrorAsync("suspendedFrom");
        await (await client.PostAsJsonAsync(url, new { kind = "confiscation", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规" }, Ct)).AssertFieldErrorAsync("kind");
        await (await client.PostAsJsonAsync(url, new { kind = "warning", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规", confiscated = 0m }, Ct)).AssertFieldErrorAsync("confiscated");
        await (await client.PostAsJsonAsync(url, new { kind = "warning", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规", confiscated = 1.234m }, Ct)).AssertFieldErrorAsync("confiscated");
        await (await client.PostAsJsonAsync(url, new { kind = "warning", decisionNumber = Decision(), decidedOn = "2020-01-01", reason = "违规" }, Ct)).AssertFieldErrorAsync("decidedOn");
        await (await client.PostAsJsonAsync(url, new { kind = "warning", decisionNumber = "文号\u202E", decidedOn = "2025-05-01", reason = "违规" }, Ct)).AssertFieldErrorAsync("decisionNumber");
        Assert.Empty((await OversightAsync(client, id)).GetProperty("penalties").EnumerateArray());

        var number = Decision();
        var fine = new { kind = "fine", decisionNumber = number, decidedOn = "2025-05-01", reason = "违规收取会费", amount = 12_345.67m, confiscated = 8_000m };
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync(url, fine, Ct)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var other = await RegisterAsync(client);
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{other}/penalties", fine, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new
        {
            kind = "suspension",
            decisionNumber = Decision(),
            decidedOn = "2025-06-01",
            reason = "违规开展评比",
            suspendedFrom = "2025-06-05",
            suspendedUntil = "2025-09-04"
        }, Ct)).StatusCode);
        var penalties = (await OversightAsync(client, id)).GetProperty("penalties").EnumerateArray().ToList();
        Assert.Equal(["suspension", "fine"], penalties.Select(p => p.GetProperty("kind").GetString()!).ToArray());
        Assert.Equal((12_345.67m, 8_000m), (penalties[1].GetProperty("amount").GetDecimal(), penalties[1].GetProperty("confiscated").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, penalties[0].GetProperty("confiscated").ValueKind);
        Assert.Equal("2025-09-04", penalties[0].GetProperty("suspendedUntil").GetString());
    }

    [Fact]
    public async Task Listing_InAListAlreadyIn_Is409_RemovalOnce_ThenListedAgain_AndTheCurrentListShowsIt()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await RegisterAsync(client);
        var url = $"/api/v1/social-organizations/{id}/listings";
        await (await client.PostAsJsonAsync(url, new { list = "grey", date = "2025-05-01", reason = "未年检" }, Ct)).AssertFieldErrorAsync("list");
        await (await client.PostAsJsonAsync(url, new { list = "abnormal", date = "2025-05-01" }, Ct)).AssertFieldErrorAsync("reason");
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostAsJsonAsync(url, new { list = "abnormal", date = "2025-05-01", reason = "未按规定参加2024年度年检" }, Ct)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var listing = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var again = await (await client.PostAsJsonAsync(url, new { list = "abnormal", date = "2025-06-01", reason = "再次" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("活动异常名录", again.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { list = "dishonest", date = "2025-06-01", reason = "受到限期停止活动处罚" }, Ct)).StatusCode);
        var current = await (await client.GetAsync("/api/v1/social-organizations/listings?list=abnormal", Ct)).JsonAsync();
        Assert.Contains(current.EnumerateArray(), r => r.GetProperty("id").GetString() == listing);

        var removal = $"{url}/{listing}/removal";
        await (await client.PostAsJsonAsync(removal, new { date = "2025-04-01", reason = "已补报" }, Ct)).AssertFieldErrorAsync("date");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(removal, new { date = "2025-08-01", reason = "已补报年检材料" }, Ct)).StatusCode);
        await (await client.PostAsJsonAsync(removal, new { date = "2025-08-02", reason = "已补报年检材料" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        current = await (await client.GetAsync("/api/v1/social-organizations/listings?list=abnormal", Ct)).JsonAsync();
        Assert.DoesNotContain(current.EnumerateArray(), r => r.GetProperty("id").GetString() == listing);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new { list = "abnormal", date = "2025-09-01", reason = "住所无法联系" }, Ct)).StatusCode);
        var stays = (await OversightAsync(client, id)).GetProperty("listings").EnumerateArray().ToList();
        Assert.Equal(3, stays.Count);
        Assert.Equal("2025-08-01", stays.Single(s => s.GetProperty("id").GetString() == listing).GetProperty("removedOn").GetString());
        await (await client.GetAsync("/api/v1/social-organizations/listings?list=grey", Ct)).AssertFieldErrorAsync("list");
    }

    [Fact]
    public async Task AnotherCountysOrTheCountysOrganization_IsNotFound_OutsideTheScope()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await RegisterAsync(client);
        var elsewhere = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>();
            var o = new Minzheng.Modules.SocialOrganizations.Organizations.SocialOrganization
            {
                RegionCode = "360402000000",
                AuthorityCode = "360402",
                Name = SocialOrgBuilder.UniqueName(),
                CreditCode = UsccCodes.Make('5', '1', "360402"),
                Residence = "濂溪区",
                RegisteredCapital = 30_000m,
                LegalRepresentativeName = "张三",
                EstablishedOn = new DateOnly(2024, 1, 1),
                CertificateNumber = "测试",
            };
            db.Add(o);
            await db.SaveChangesAsync(Ct);
            return o.Id;
        });
        var (townUser, townPassword) = await TestUsers.CreateAsync(app, "social-org-registrar", "360482100000");
        using var town = await app.ClientAsAsync(townUser, townPassword);
        foreach (var (caller, target) in new[] { (client, elsewhere.ToString()), (town, id) })
        {
            await (await caller.PostAsJsonAsync($"/api/v1/social-organizations/{target}/complaints", new { receivedOn = "2025-04-01", complainant = "匿名", content = "投诉" }, Ct))
                .AssertProblemAsync(HttpStatusCode.NotFound);
            await (await caller.PostAsJsonAsync($"/api/v1/social-organizations/{target}/penalties",
                new { kind = "warning", decisionNumber = Decision(), decidedOn = "2025-05-01", reason = "违规" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await caller.PostAsJsonAsync($"/api/v1/social-organizations/{target}/listings", new { list = "abnormal", date = "2025-05-01", reason = "未年检" }, Ct))
                .AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var listed = await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/listings", new { list = "abnormal", date = "2025-05-01", reason = "未年检" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        await (await town.PostAsJsonAsync($"/api/v1/social-organizations/{id}/listings/{listed.GetProperty("id").GetString()}/removal",
            new { date = "2025-06-01", reason = "已补报" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await town.GetAsync("/api/v1/social-organizations/listings", Ct)).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Statistics_CountPenaltiesOfThePeriod_AndListStaysOnItsLastDay()
    {
        using var client = await app.ClientAsAsync("socialorg");
        using var leader = await app.ClientAsAsync("leader");
        const string Query = "/api/v1/social-organizations/statistics?region=360482&from=2019-01-01&to=2019-12-31";
        var before = await (await leader.GetAsync(Query, Ct)).JsonAsync();
        var id = (await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(establishedOn: "2018-01-05"), Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/penalties",
            new { kind = "fine", decisionNumber = Decision(), decidedOn = "2019-05-01", reason = "违规收费", amount = 2_000.50m }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/penalties",
            new { kind = "warning", decisionNumber = Decision(), decidedOn = "2020-05-01", reason = "违规" }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/penalties",
            new { kind = "warning", decisionNumber = Decision(), decidedOn = "2019-06-01", reason = "违法所得", confiscated = 999.90m }, Ct)).JsonAsync(HttpStatusCode.Created);
        var abnormal = await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/listings", new { list = "abnormal", date = "2019-03-01", reason = "未年检" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/listings/{abnormal.GetProperty("id").GetString()}/removal",
            new { date = "2020-02-01", reason = "已补报" }, Ct)).StatusCode);
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/listings", new { list = "dishonest", date = "2019-12-31", reason = "严重违法" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var after = await (await leader.GetAsync(Query, Ct)).JsonAsync();
        Assert.Equal(before.GetProperty("penalties").GetInt32() + 2, after.GetProperty("penalties").GetInt32());
        Assert.Equal(before.GetProperty("confiscations").GetInt32() + 1, after.GetProperty("confiscations").GetInt32());
        Assert.Equal(before.GetProperty("confiscatedAmount").GetDecimal() + 999.90m, after.GetProperty("confiscatedAmount").GetDecimal());
        Assert.Equal(before.GetProperty("fines").GetInt32() + 1, after.GetProperty("fines").GetInt32());
        Assert.Equal(before.GetProperty("fineAmount").GetDecimal() + 2_000.50m, after.GetProperty("fineAmount").GetDecimal());
        Assert.Equal(before.GetProperty("abnormalListed").GetInt32() + 1, after.GetProperty("abnormalListed").GetInt32());
        Assert.Equal(before.GetProperty("dishonestListed").GetInt32() + 1, after.GetProperty("dishonestListed").GetInt32());
    }
}

public sealed class SqliteSocialOrgSupervisionTests(SqliteApp app) : SocialOrgSupervisionTests<SqliteApp>(app);

public sealed class PostgresSocialOrgSupervisionTests(PostgresApp app) : SocialOrgSupervisionTests<PostgresApp>(app);
