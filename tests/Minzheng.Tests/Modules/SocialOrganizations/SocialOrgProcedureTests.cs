using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Platform.People;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>变更、注销、撤销登记 and region scope over HTTP on both databases.</summary>
public abstract class SocialOrgProcedureTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RegisterAsync(HttpClient client, Dictionary<string, object?> body) =>
        (await (await client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<JsonElement> DetailAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/v1/social-organizations/{id}", Ct)).JsonAsync();

    [Fact]
    public async Task Change_KeepsEveryChangedFieldWithItsOldValue_AndRefusesTakenNamesAndEmptyChanges()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await RegisterAsync(client, SocialOrgBuilder.Body());
        var taken = SocialOrgBuilder.Body();
        await RegisterAsync(client, taken);
        var newName = SocialOrgBuilder.UniqueName("商会");
        var newRep = SocialOrgBuilder.IdNumber();
        var changed = await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/changes", new
        {
            date = "2025-01-10",
            name = newName,
            residence = "共青城市甘露镇新街8号",
            registeredCapital = 80_000m,
            legalRepresentative = new { name = "李秀英", idNumber = newRep },
            reason = "会员大会换届",
        }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var detail = await DetailAsync(client, id);
        Assert.Equal(newName, detail.GetProperty("organization").GetProperty("name").GetString());
        var fields = detail.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "changed")
            .ToDictionary(h => h.GetProperty("field").GetString()!, h => (Old: h.GetProperty("oldValue").GetString(), New: h.GetProperty("newValue").GetString()));
        Assert.Equal(["名称", "住所", "注册资金", "法定代表人"], fields.Keys.ToArray());
        Assert.Equal("50,000.00元", fields["注册资金"].Old);
        Assert.Contains(SocialOrgBuilder.Masked(newRep), fields["法定代表人"].New);
        Assert.DoesNotContain(newRep, detail.GetRawText());

        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/changes", new { date = "2025-02-01", name = taken["name"] }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/changes", new { date = "2025-02-01", name = newName }, Ct))
            .AssertFieldErrorAsync("changes");
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/changes", new { date = "2020-01-01", residence = "别处" }, Ct))
            .AssertFieldErrorAsync("date");
        Assert.Equal(4, (await DetailAsync(client, id)).GetProperty("history").EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "changed"));
    }

    [Fact]
    public async Task Deregister_EndsTheOrganizationOnce_AndNothingChangesAfterwards()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await RegisterAsync(client, SocialOrgBuilder.Body());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/deregister",
            new { date = "2025-06-01", reason = "会员大会决议解散" }, Ct)).StatusCode);
        var detail = await DetailAsync(client, id);
        Assert.Equal("已注销", detail.GetProperty("organization").GetProperty("statusName").GetString());
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/deregister", new { date = "2025-07-01", reason = "解散" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/changes", new { date = "2025-07-01", residence = "新址" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{id}/revocations", new { openedOn = "2025-07-01", ground = "fraud", facts = "骗取登记" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        var other = await RegisterAsync(client, SocialOrgBuilder.Body());
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{other}/deregister", new { date = "2025-07-01" }, Ct)).AssertFieldErrorAsync("reason");
        var ends = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            client.PostAsJsonAsync($"/api/v1/social-organizations/{other}/deregister", new { date = "2025-07-01", reason = "会员大会决议解散" }, Ct)));
        Assert.Equal(1, ends.Count(e => e.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(1, (await DetailAsync(client, other)).GetProperty("history").EnumerateArray().Count(h => h.GetProperty("kind").GetString() == "deregistered"));
    }

    [Fact]
    public async Task AnotherCountysOrganization_IsNotFound_AndATownshipAccountSeesNoCountyRow()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var body = SocialOrgBuilder.Body();
        var id = await RegisterAsync(client, body);

        // An organisation of another county (九江市濂溪区), written as that county's registrar would: same name, allowed there.
        var elsewhere = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>();
            var organization = new Minzheng.Modules.SocialOrganizations.Organizations.SocialOrganization
            {
                RegionCode = "360402000000",
                AuthorityCode = "360402",
                Name = (string)body["name"]!,
                CreditCode = UsccCodes.Make('5', '1', "360402"),
                Residence = "濂溪区",
                RegisteredCapital = 30_000m,
                LegalRepresentativeName = "张三",
                EstablishedOn = new DateOnly(2024, 1, 1),
                CertificateNumber = "测试",
            };
            db.Add(organization);
            await db.SaveChangesAsync(Ct);
            return organization.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/social-organizations/{elsewhere}", Ct)).StatusCode);
        await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{elsewhere}/changes", new { date = "2025-01-01", residence = "别处" }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var all = await (await client.GetAsync($"/api/v1/social-organizations?name={Uri.EscapeDataString((string)body["name"]!)}", Ct)).JsonAsync();
        Assert.Equal([id], all.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToArray());

        var (townUser, townPassword) = await TestUsers.CreateAsync(app, "social-org-registrar", "360482100000");
        using var town = await app.ClientAsAsync(townUser, townPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await town.GetAsync($"/api/v1/social-organizations/{id}", Ct)).StatusCode);
        // The registering authority is the county bureau: a township account registers nothing and sees no county row.
        var refused = await (await town.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("县级以上民政部门", refused.GetProperty("detail").GetString());
        Assert.Empty((await (await town.GetAsync("/api/v1/social-organizations?pageSize=500", Ct)).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task DecouplingAndEvaluation_AreKeptInTheHistory_AndCounted()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var before = await (await client.GetAsync("/api/v1/social-organizations/decoupling", Ct)).JsonAsync();
        var id = await RegisterAsync(client, SocialOrgBuilder.Body(name: SocialOrgBuilder.UniqueName("商会")));
        await (await client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/decoupling", new { status = "deferred", date = "2025-03-01" }, Ct)).AssertFieldErrorAsync("reason");
        await (await client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/decoupling", new { status = "gone", date = "2025-03-01" }, Ct)).AssertFieldErrorAsync("status");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/decoupling", new { status = "planned", date = "2025-03-01" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/decoupling", new { status = "decoupled", date = "2025-09-01" }, Ct)).StatusCode);
        await (await client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/evaluation", new { grade = "6A", awardedOn = "2025-10-01" }, Ct)).AssertFieldErrorAsync("grade");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/social-organizations/{id}/evaluation", new { grade = "4a", awardedOn = "2025-10-01" }, Ct)).StatusCode);
        var detail = await DetailAsync(client, id);
        Assert.Equal("已脱钩", detail.GetProperty("decouplingName").GetString());
        Assert.Equal("4A", detail.GetProperty("evaluationGrade").GetString());
        Assert.Equal("2030-10-01", detail.GetProperty("evaluationValidUntil").GetString());
        Assert.Equal(["脱钩状态", "脱钩状态", "评估等级"], detail.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "changed")
            .Select(h => h.GetProperty("field").GetString()!).ToArray());
        var after = await (await client.GetAsync("/api/v1/social-organizations/decoupling", Ct)).JsonAsync();
        Assert.Equal(before.GetProperty("decoupled").GetInt32() + 1, after.GetProperty("decoupled").GetInt32());
        Assert.Equal(before.GetProperty("planned").GetInt32(), after.GetProperty("planned").GetInt32());

        var foundation = await RegisterAsync(client, SocialOrgBuilder.Body(kind: "foundation", capital: 2_000_000m));
        await (await client.PutAsJsonAsync($"/api/v1/social-organizations/{foundation}/decoupling", new { status = "planned", date = "2025-03-01" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("county")]
    [InlineData("marriage")]
    [InlineData("leader")]
    [InlineData("admin")]
    public async Task OtherRoles_CannotTouchTheRegister(string role)
    {
        using var client = await app.ClientAsAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/social-organizations", Ct)).StatusCode);
    }

    [Fact]
    public async Task Statistics_CountRegistrationsByKindAndEnds_ForTheRegistrarAndTheLeader()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var from = "2018-01-01";
        var to = "2018-12-31";
        var before = await (await client.GetAsync($"/api/v1/social-organizations/statistics?region=360482&from={from}&to={to}", Ct)).JsonAsync();
        await RegisterAsync(client, SocialOrgBuilder.Body(establishedOn: "2018-05-05"));
        await RegisterAsync(client, SocialOrgBuilder.Body(kind: "foundation", capital: 3_000_000m, establishedOn: "2018-06-05"));
        using var leader = await app.ClientAsAsync("leader");
        var after = await (await leader.GetAsync($"/api/v1/social-organizations/statistics?region=360482&from={from}&to={to}", Ct)).JsonAsync();
        Assert.Equal(before.GetProperty("established").GetInt32() + 2, after.GetProperty("established").GetInt32());
        Assert.Equal(before.GetProperty("associations").GetInt32() + 1, after.GetProperty("associations").GetInt32());
        Assert.Equal(before.GetProperty("foundations").GetInt32() + 1, after.GetProperty("foundations").GetInt32());
        await (await client.GetAsync("/api/v1/social-organizations/statistics?region=36x&from=2018-01-01&to=2018-12-31", Ct)).AssertFieldErrorAsync("region");
        await (await client.GetAsync("/api/v1/social-organizations/statistics?region=3604&from=2018-01-01&to=2018-12-31", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteSocialOrgProcedureTests(SqliteApp app) : SocialOrgProcedureTests<SqliteApp>(app);

public sealed class PostgresSocialOrgProcedureTests(PostgresApp app) : SocialOrgProcedureTests<PostgresApp>(app);
