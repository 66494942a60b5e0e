using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>
/// 监督检查 over HTTP on both databases: two officers, a rectification ordered and recorded once, the deadline on the
/// registrar's board until then, the period's count, and refusals that write nothing.
/// </summary>
public abstract class SocialOrgCheckTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Id, string Name)> RegisterAsync(HttpClient client)
    {
        var body = SocialOrgBuilder.Body(name: SocialOrgBuilder.UniqueName("监督检查协会"), establishedOn: "2020-03-01");
        return ((await (await client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!,
            (string)body["name"]!);
    }

    private static async Task<List<JsonElement>> ChecksAsync(HttpClient client, string id) =>
        (await (await client.GetAsync($"/api/v1/social-organizations/{id}", Ct)).JsonAsync()).GetProperty("oversight").GetProperty("checks").EnumerateArray().ToList();

    private static async Task<int> CountAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/social-organizations/statistics?region=360482&from=2025-01-01&to=2025-12-31", Ct)).JsonAsync())
        .GetProperty("checks").GetInt32();

    [Fact]
    public async Task ACheck_OrderingRectification_IsOnTheBoardUntilTheRectificationIsRecordedOnce()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var (id, name) = await RegisterAsync(client);
        var url = $"/api/v1/social-organizations/{id}/checks";
        var before = await CountAsync(client);

        var clean = await (await client.PostAsJsonAsync(url, new { checkedOn = "2025-03-10", method = "random-spot-check", inspectors = "李明、王芳", findings = "未发现问题" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var ordered = await (await client.PostAsJsonAsync(url, new
        {
            checkedOn = "2025-06-02",
            method = "on-site",
            inspectors = "李明 王芳 赵强",
            findings = "财务票据使用不规范",
            rectifyBy = "2025-07-02",
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var checks = await ChecksAsync(client, id);
        Assert.Equal(["on-site", "random-spot-check"], checks.Select(c => c.GetProperty("method").GetString()!).ToArray()); // the latest first
        Assert.Equal("现场检查", checks[0].GetProperty("methodName").GetString());
        Assert.True(checks[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(before + 2, await CountAsync(client));
        Assert.Contains($"监督检查整改：{name}", await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct));

        var noOrder = $"{url}/{clean.GetProperty("id").GetString()}/rectification";
        await (await client.PostAsJsonAsync(noOrder, new { date = "2025-04-01", note = "无" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var rectification = $"{url}/{ordered.GetProperty("id").GetString()}/rectification";
        await (await client.PostAsJsonAsync(rectification, new { date = "2025-06-01", note = "已整改" }, Ct)).AssertFieldErrorAsync("date");
        await (await client.PostAsJsonAsync(rectification, new { date = "2025-06-30" }, Ct)).AssertFieldErrorAsync("note");
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.PostAsJsonAsync(rectification, new { date = "2025-06-30", note = "已规范票据管理" }, Ct)));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order().ToArray());

        var done = (await ChecksAsync(client, id))[0];
        Assert.Equal("2025-06-30", done.GetProperty("rectifiedOn").GetString());
        Assert.False(done.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain($"监督检查整改：{name}", await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct));
        Assert.Contains("已规范票据管理", await client.GetStringAsync($"/Organizations/Detail?id={id}", Ct));
    }

    [Fact]
    public async Task BadChecks_AreRefusedInChinese_AndWriteNothing()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var (id, _) = await RegisterAsync(client);
        var url = $"/api/v1/social-organizations/{id}/checks";
        object Check(string? checkedOn = "2025-03-10", string? method = "documentary", string? inspectors = "李明、王芳", string? findings = "未发现问题",
            string? rectifyBy = null) => new { checkedOn, method, inspectors, findings, rectifyBy };

        Assert.Contains("至少两名", await (await client.PostAsJsonAsync(url, Check(inspectors: "李明"), Ct)).AssertFieldErrorAsync("inspectors"));
        await (await client.PostAsJsonAsync(url, Check(inspectors: "李明、\u0007王芳"), Ct)).AssertFieldErrorAsync("inspectors");
        await (await client.PostAsJsonAsync(url, Check(method: "telepathy"), Ct)).AssertFieldErrorAsync("method");
        await (await client.PostAsJsonAsync(url, Check(method: null), Ct)).AssertFieldErrorAsync("method");
        await (await client.PostAsJsonAsync(url, Check(checkedOn: "2099-01-01"), Ct)).AssertFieldErrorAsync("checkedOn");
        await (await client.PostAsJsonAsync(url, Check(checkedOn: "2019-01-01"), Ct)).AssertFieldErrorAsync("checkedOn"); // before registration
        await (await client.PostAsJsonAsync(url, Check(findings: null), Ct)).AssertFieldErrorAsync("findings");
        await (await client.PostAsJsonAsync(url, Check(findings: new string('查', 2001)), Ct)).AssertFieldErrorAsync("findings");
        await (await client.PostAsJsonAsync(url, Check(rectifyBy: "2025-03-10"), Ct)).AssertFieldErrorAsync("rectifyBy");
        await (await client.PostAsJsonAsync(url, Check(rectifyBy: "2026-05-01"), Ct)).AssertFieldErrorAsync("rectifyBy");
        await (await client.PostAsJsonAsync(url, Check(rectifyBy: "明天"), Ct)).AssertFieldErrorAsync("rectifyBy");
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{Guid.NewGuid()}/checks", Check(), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await ChecksAsync(client, id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/deregister",
            new { date = "2025-05-01", reason = "解散" }, Ct)).StatusCode);
        var ended = await (await client.PostAsJsonAsync(url, Check(), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不再进行监督检查", ended.GetProperty("detail").GetString());
        Assert.Empty(await ChecksAsync(client, id));
    }
}

public sealed class SqliteSocialOrgCheckTests(SqliteApp app) : SocialOrgCheckTests<SqliteApp>(app);

public sealed class PostgresSocialOrgCheckTests(PostgresApp app) : SocialOrgCheckTests<PostgresApp>(app);
