using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Platform.People;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>脱钩分项任务 over HTTP on both databases: each separation once, only for listed trade associations, progress by date, region scope.</summary>
public abstract class SocialOrgDecouplingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static readonly string[] Five = ["institution", "functions", "assets-finance", "personnel", "party-building"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RegisterAsync(HttpClient client, Dictionary<string, object?> body) =>
        (await (await client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string id, string task, string date) =>
        client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/decoupling/tasks/{task}", new { completedOn = date }, Ct);

    private static async Task<JsonElement?> RowAsync(HttpClient client, string id, string asOf) =>
        (await (await client.GetAsync($"/api/v1/social-organizations/decoupling/progress?asOf={asOf}", Ct)).JsonAsync()).GetProperty("rows").EnumerateArray()
        .Cast<JsonElement?>().SingleOrDefault(r => r!.Value.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Tasks_AreRecordedOnceEach_OnlyForListedAssociations_AndProgressFollowsTheDate()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await RegisterAsync(client, SocialOrgBuilder.Body(name: SocialOrgBuilder.UniqueName("商会")));
        var notListed = await (await CompleteAsync(client, id, "institution", "2025-03-01")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("脱钩名单", notListed.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/decoupling", new { status = "planned", date = "2025-01-10" }, Ct)).StatusCode);
        await (await CompleteAsync(client, id, "finance", "2025-03-01")).AssertFieldErrorAsync("task");
        await (await CompleteAsync(client, id, "institution", "2099-03-01")).AssertFieldErrorAsync("completedOn");
        await (await CompleteAsync(client, id, "institution", "2020-03-01")).AssertFieldErrorAsync("completedOn");
        await (await client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/decoupling/tasks/institution", new { completedOn = "2025-03-01", note = "说\u0000明" }, Ct))
            .AssertFieldErrorAsync("note");
        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => CompleteAsync(client, id, "institution", "2025-03-01")));
        Assert.Equal(1, first.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.All(first.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("机构分离", (await (await CompleteAsync(client, id, "institution", "2025-04-01")).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        foreach (var (task, i) in Five.Skip(1).Select((t, i) => (t, i)))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await CompleteAsync(client, id, task, $"2025-0{5 + i}-01")).StatusCode);
        }

        var detail = await (await client.GetAsync($"/api/v1/social-organizations/{id}", Ct)).JsonAsync();
        Assert.Equal(Five, detail.GetProperty("decouplingTasks").EnumerateArray().Select(t => t.GetProperty("task").GetString()!).ToArray());
        Assert.Equal("机构分离", detail.GetProperty("decouplingTasks")[0].GetProperty("name").GetString());

        Assert.Empty((await RowAsync(client, id, "2025-02-28"))!.Value.GetProperty("completed").EnumerateArray());
        Assert.Equal(["institution", "functions"], (await RowAsync(client, id, "2025-05-15"))!.Value.GetProperty("completed").EnumerateArray()
            .Select(t => t.GetProperty("task").GetString()!).ToArray());
        Assert.Equal(5, (await RowAsync(client, id, "2025-08-01"))!.Value.GetProperty("completed").GetArrayLength());
        using var leader = await app.ClientAsAsync("leader");
        var before = await (await leader.GetAsync("/api/v1/social-organizations/decoupling/progress?asOf=2025-07-31", Ct)).JsonAsync();
        var after = await (await leader.GetAsync("/api/v1/social-organizations/decoupling/progress?asOf=2025-08-01", Ct)).JsonAsync();
        Assert.True(after.GetProperty("allFive").GetInt32() >= before.GetProperty("allFive").GetInt32() + 1);
        Assert.Equal(5, after.GetProperty("tasks").GetArrayLength());
        await (await leader.GetAsync("/api/v1/social-organizations/decoupling/progress?asOf=2025-13-01", Ct)).AssertFieldErrorAsync("asOf");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PutAsJsonAsync($"/api/v1/social-organizations/{id}/decoupling/tasks/institution", new { completedOn = "2025-03-01" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Tasks_OfAFoundationOrAnotherCountysAssociation_AreRefused()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var foundation = await RegisterAsync(client, SocialOrgBuilder.Body(kind: "foundation", capital: 2_000_000m));
        await (await CompleteAsync(client, foundation, "institution", "2025-03-01")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var elsewhere = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>();
            var o = new Minzheng.Modules.SocialOrganizations.Organizations.SocialOrganization
            {
                RegionCode = "360402000000",
                AuthorityCode = "360402",
                Name = SocialOrgBuilder.UniqueName("商会"),
                CreditCode = UsccCodes.Make('5', '1', "360402"),
                Residence = "濂溪区",
                RegisteredCapital = 30_000m,
                LegalRepresentativeName = "张三",
                EstablishedOn = new DateOnly(2024, 1, 1),
                CertificateNumber = "测试",
                Decoupling = Minzheng.Modules.SocialOrganizations.Organizations.DecouplingStatus.Planned,
            };
            db.Add(o);
            await db.SaveChangesAsync(Ct);
            return o.Id.ToString();
        });
        await (await CompleteAsync(client, elsewhere, "institution", "2025-03-01")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(await RowAsync(client, elsewhere, "2025-12-31"));
    }
}

public sealed class SqliteSocialOrgDecouplingTests(SqliteApp app) : SocialOrgDecouplingTests<SqliteApp>(app);

public sealed class PostgresSocialOrgDecouplingTests(PostgresApp app) : SocialOrgDecouplingTests<PostgresApp>(app);
