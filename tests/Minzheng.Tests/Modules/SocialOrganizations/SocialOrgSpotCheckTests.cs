using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>
/// “双随机” draws on both databases: distinct organisations registered and active in the county, two distinct officers
/// of the pool for each, the check recorded afterwards shown against the pick, and bad draws refused with nothing kept.
/// </summary>
public abstract class SocialOrgSpotCheckTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Url = "/api/v1/social-organizations/spot-checks";
    private static readonly string[] Pool = ["李明", "王芳", "赵强", "刘洋"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RegisterAsync(HttpClient client, string establishedOn = "2020-03-01") =>
        (await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(establishedOn: establishedOn), Ct)).JsonAsync(HttpStatusCode.Created))
        .GetProperty("id").GetString()!;

    [Fact]
    public async Task ADraw_PicksDistinctActiveOrganisations_EachWithTwoDistinctOfficersOfThePool_AndShowsTheirChecks()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var ended = await RegisterAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{ended}/deregister",
            new { date = "2025-05-01", reason = "解散" }, Ct)).StatusCode);
        var later = await RegisterAsync(client, "2026-01-05");
        for (var i = 0; i < 4; i++)
        {
            await RegisterAsync(client);
        }

        // Drawn on 2025-06-01: the organisation registered later and the deregistered one cannot be drawn, so asking for all draws all the others.
        var all = await (await client.PostAsJsonAsync(Url, new { title = "全量抽查", drawnOn = "2025-06-01", count = 1, inspectors = Pool }, Ct)).JsonAsync(HttpStatusCode.Created);
        var eligible = all.GetProperty("eligible").GetInt32();
        var drawn = await (await client.PostAsJsonAsync(Url, new { title = "2025年社会组织双随机抽查", drawnOn = "2025-06-01", count = eligible, inspectors = Pool }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var detail = await (await client.GetAsync($"{Url}/{drawn.GetProperty("id").GetString()}", Ct)).JsonAsync();
        var picks = detail.GetProperty("picks").EnumerateArray().ToList();
        Assert.Equal(eligible, picks.Count);
        var ids = picks.Select(p => p.GetProperty("organizationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(ended, ids);
        Assert.DoesNotContain(later, ids);
        Assert.All(picks, p =>
        {
            var officers = p.GetProperty("inspectors").GetString()!.Split('、');
            Assert.Equal(2, officers.Distinct().Count());
            Assert.All(officers, o => Assert.Contains(o, Pool));
        });

        var first = ids[0]!;
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{first}/checks",
            new { checkedOn = "2025-06-10", method = "random-spot-check", inspectors = picks[0].GetProperty("inspectors").GetString(), findings = "未发现问题" }, Ct)).StatusCode);
        var after = await (await client.GetAsync($"{Url}/{drawn.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal(1, after.GetProperty("draw").GetProperty("checked").GetInt32());
        Assert.True(after.GetProperty("picks").EnumerateArray().Single(p => p.GetProperty("organizationId").GetString() == first).GetProperty("checked").GetBoolean());
        Assert.Contains((await (await client.GetAsync(Url, Ct)).JsonAsync()).EnumerateArray(), d => d.GetProperty("title").GetString() == "2025年社会组织双随机抽查");
        Assert.Contains("2025年社会组织双随机抽查", await client.GetStringAsync($"/Organizations/SpotChecks?id={drawn.GetProperty("id").GetString()}", Ct));
    }

    [Fact]
    public async Task CheckedPicks_ArePublishedToAnyone_WithTheConclusionOnly_AndPendingPicksAreNotNamed()
    {
        using var client = await app.ClientAsAsync("socialorg");
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync(client, "2019-05-01");
        }

        var eligible = (await (await client.PostAsJsonAsync(Url, new { title = "试抽", drawnOn = "2024-03-01", count = 1, inspectors = Pool }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("eligible").GetInt32();
        var drawId = (await (await client.PostAsJsonAsync(Url, new { title = "2024年度双随机抽查", drawnOn = "2024-03-01", count = eligible, inspectors = Pool }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var picks = (await (await client.GetAsync($"{Url}/{drawId}", Ct)).JsonAsync()).GetProperty("picks").EnumerateArray()
            .Select(p => (Id: p.GetProperty("organizationId").GetString()!, Name: p.GetProperty("organizationName").GetString()!)).ToList();
        Task<HttpResponseMessage> CheckAsync(string id, string method, string findings, string? rectifyBy = null) =>
            client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/checks", new { checkedOn = "2024-03-20", method, inspectors = "李明、王芳", findings, rectifyBy }, Ct);
        var ordered = (await (await CheckAsync(picks[0].Id, "random-spot-check", "财务账目不清，资金经张某某个人账户收付", "2024-05-31")).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await CheckAsync(picks[1].Id, "random-spot-check", "未发现问题")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CheckAsync(picks[2].Id, "on-site", "现场检查，未发现问题")).StatusCode); // not the spot check
        // Drawn again in September and spot-checked after that: the check answers the September draw, not the March one.
        var september = (await (await client.PostAsJsonAsync(Url, new { title = "2024年下半年双随机抽查", drawnOn = "2024-09-01", count = eligible, inspectors = Pool }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{picks[2].Id}/checks",
            new { checkedOn = "2024-09-10", method = "random-spot-check", inspectors = "李明、王芳", findings = "未发现问题" }, Ct)).StatusCode);
        var listed = (await (await client.GetAsync(Url, Ct)).JsonAsync()).EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("checked").GetInt32());
        Assert.Equal((2, 1), (listed[drawId!], listed[september!]));

        using var anyone = app.CreateClient();
        async Task<JsonElement> PublishedAsync() =>
            (await (await anyone.GetAsync("/api/v1/public/social-organizations/spot-check-results?year=2024", Ct)).JsonAsync())
            .GetProperty("draws").EnumerateArray().Single(d => d.GetProperty("title").GetString() == "2024年度双随机抽查");
        var draw = await PublishedAsync();
        Assert.Equal(picks.Count, draw.GetProperty("picked").GetInt32());
        var results = draw.GetProperty("checked").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("result").GetString());
        Assert.Equal(2, results.Count);
        Assert.Equal("发现问题，责令限期整改（期限至2024-05-31）", results[picks[0].Name]);
        Assert.Equal("未发现问题", results[picks[1].Name]);
        var text = draw.GetRawText();
        Assert.DoesNotContain(picks[2].Name, text); // drawn, not yet spot-checked: counted, not named
        Assert.DoesNotContain("张某某", text);
        Assert.DoesNotContain("李明", text);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{picks[0].Id}/checks/{ordered}/rectification",
            new { date = "2024-05-20", note = "已建立财务制度" }, Ct)).StatusCode);
        Assert.Contains((await PublishedAsync()).GetProperty("checked").EnumerateArray(), c => c.GetProperty("result").GetString() == "发现问题，已于2024-05-20整改完毕");
        var page = await anyone.GetStringAsync("/Organizations/SpotCheckResults?year=2024", Ct);
        Assert.Contains("2024年度双随机抽查", page);
        Assert.Contains(picks[1].Name, page);
        await (await anyone.GetAsync("/api/v1/public/social-organizations/spot-check-results?authority=36048x", Ct)).AssertFieldErrorAsync("authority");
    }

    [Fact]
    public async Task BadDraws_AreRefusedInChinese_AndNothingIsKept()
    {
        using var client = await app.ClientAsAsync("socialorg");
        await RegisterAsync(client);
        var before = (await (await client.GetAsync(Url, Ct)).JsonAsync()).GetArrayLength();
        object Draw(string? title = "抽查", int? count = 1, string?[]? inspectors = null, string? drawnOn = null) =>
            new { title, drawnOn, count, inspectors = inspectors ?? Pool };

        await (await client.PostAsJsonAsync(Url, Draw(inspectors: ["李明", "李明"]), Ct)).AssertFieldErrorAsync("inspectors");
        await (await client.PostAsJsonAsync(Url, Draw(inspectors: ["李明", "王\u0007芳"]), Ct)).AssertFieldErrorAsync("inspectors[1]");
        await (await client.PostAsJsonAsync(Url, Draw(count: 0), Ct)).AssertFieldErrorAsync("count");
        await (await client.PostAsJsonAsync(Url, Draw(count: 100_000), Ct)).AssertFieldErrorAsync("count");
        await (await client.PostAsJsonAsync(Url, Draw(title: null), Ct)).AssertFieldErrorAsync("title");
        await (await client.PostAsJsonAsync(Url, Draw(drawnOn: "2099-01-01"), Ct)).AssertFieldErrorAsync("drawnOn");
        var tooMany = await (await client.PostAsJsonAsync(Url, Draw(count: 500), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("登记在册的社会组织只有", tooMany.GetProperty("detail").GetString());
        await (await client.GetAsync($"{Url}/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, (await (await client.GetAsync(Url, Ct)).JsonAsync()).GetArrayLength());
    }
}

public sealed class SqliteSocialOrgSpotCheckTests(SqliteApp app) : SocialOrgSpotCheckTests<SqliteApp>(app);

public sealed class PostgresSocialOrgSpotCheckTests(PostgresApp app) : SocialOrgSpotCheckTests<PostgresApp>(app);
