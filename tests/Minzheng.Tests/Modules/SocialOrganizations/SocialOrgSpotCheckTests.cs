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
