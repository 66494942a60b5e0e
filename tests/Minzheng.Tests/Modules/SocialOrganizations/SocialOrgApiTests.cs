using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Platform.People;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>The registration procedures over HTTP on both databases: every refusal writes nothing, duplicates are conflicts, rows stay in their region.</summary>
public abstract class SocialOrgApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> RegisterAsync(HttpClient client, Dictionary<string, object?> body) =>
        await (await client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)).JsonAsync(HttpStatusCode.Created);

    private static async Task<int> CountAsync(HttpClient client, string name) =>
        int.Parse((await client.GetAsync($"/api/v1/social-organizations?name={Uri.EscapeDataString(name)}", Ct)).Headers.GetValues("X-Total-Count").Single(),
            System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Register_ValidAssociation_Is201WithACertificateNumber_AndTheDetailMasksTheRepresentative()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = SocialOrgBuilder.IdNumber();
        var body = SocialOrgBuilder.Body(idNumber: id);
        var created = await RegisterAsync(client, body);
        Assert.Contains("民社登字", created.GetProperty("certificateNumber").GetString());
        var detail = await (await client.GetAsync($"/api/v1/social-organizations/{created.GetProperty("id").GetString()}", Ct)).JsonAsync();
        var organization = detail.GetProperty("organization");
        Assert.Equal(body["name"], organization.GetProperty("name").GetString());
        Assert.Equal("社会团体", organization.GetProperty("kindName").GetString());
        Assert.Equal("正常", organization.GetProperty("statusName").GetString());
        Assert.Equal(50_000m, organization.GetProperty("registeredCapital").GetDecimal());
        Assert.Equal(SocialOrgBuilder.Masked(id), organization.GetProperty("legalRepresentativeIdMasked").GetString());
        Assert.DoesNotContain(id, detail.GetRawText());
        Assert.Equal("成立登记", detail.GetProperty("history")[0].GetProperty("kindName").GetString());
        var other = await RegisterAsync(client, SocialOrgBuilder.Body(kind: "foundation", capital: 2_000_000m));
        Assert.NotEqual(created.GetProperty("certificateNumber").GetString(), other.GetProperty("certificateNumber").GetString());
    }

    [Fact]
    public async Task Register_DuplicateNameOrCode_Is409_AndWritesNothing()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var first = SocialOrgBuilder.Body();
        await RegisterAsync(client, first);
        var sameName = await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(name: (string)first["name"]!), Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("名称不得重复", sameName.GetProperty("detail").GetString());
        var otherName = SocialOrgBuilder.UniqueName();
        var sameCode = await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(name: otherName, creditCode: (string)first["creditCode"]!), Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("统一社会信用代码", sameCode.GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(client, otherName));
    }

    [Fact]
    public async Task Register_ConcurrentDoubleSubmission_RegistersOnce()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var body = SocialOrgBuilder.Body();
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(1, await CountAsync(client, (string)body["name"]!));
    }

    [Theory]
    [InlineData("name", "")]
    [InlineData("name", "共青城市\u202E测试协会")]
    [InlineData("name", "中国共青城测试协会")]
    [InlineData("kind", "club")]
    [InlineData("creditCode", "51360482MA35X1234")]
    [InlineData("creditCode", "51360482MA35X1234I")]
    [InlineData("creditCode", "913501OOM000100Y43")]
    [InlineData("residence", "")]
    [InlineData("establishedOn", "2099-01-01")]
    [InlineData("establishedOn", "2024-02-30")]
    public async Task Register_BadField_Is400KeyedByThatField(string field, string value)
    {
        using var client = await app.ClientAsAsync("socialorg");
        var body = SocialOrgBuilder.Body().With(field, value);
        var message = await (await client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)).AssertFieldErrorAsync(field);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", message);
    }

    [Fact]
    public async Task Register_OverLongName_AbsurdCapital_BadRepresentative_Are400()
    {
        using var client = await app.ClientAsAsync("socialorg");
        await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(name: new string('会', 101)), Ct)).AssertFieldErrorAsync("name");
        await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(capital: -1m), Ct)).AssertFieldErrorAsync("registeredCapital");
        await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(capital: 1_000_000_000_001m), Ct)).AssertFieldErrorAsync("registeredCapital");
        await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(capital: 30_000.001m), Ct)).AssertFieldErrorAsync("registeredCapital");
        await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(idNumber: "360482199001011234"), Ct))
            .AssertFieldErrorAsync("legalRepresentative.idNumber");
        var text = await (await client.PostAsync("/api/v1/social-organizations", new StringContent("{\"registeredCapital\":1e40}", System.Text.Encoding.UTF8, "application/json"), Ct))
            .Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task Register_CodeOfAnotherKindOrRegion_IsRefused_UnlessTheRegionDifferenceIsExplained()
    {
        using var client = await app.ClientAsAsync("socialorg");
        Assert.Contains("第2位", await (await client.PostAsJsonAsync("/api/v1/social-organizations",
            SocialOrgBuilder.Body(creditCode: UsccCodes.Make('5', '3', "360482")), Ct)).AssertFieldErrorAsync("creditCode"));
        Assert.Contains("不是民政部门", await (await client.PostAsJsonAsync("/api/v1/social-organizations",
            SocialOrgBuilder.Body(creditCode: UsccCodes.Make('9', '1', "360482")), Ct)).AssertFieldErrorAsync("creditCode"));
        var moved = SocialOrgBuilder.Body(creditCode: UsccCodes.Make('5', '1', "360402"));
        Assert.Contains("360402", await (await client.PostAsJsonAsync("/api/v1/social-organizations", moved, Ct)).AssertFieldErrorAsync("creditCodeNote"));
        await RegisterAsync(client, moved.With("creditCodeNote", "由九江市民政局登记后迁入，原代码保留"));
        var pilot = SocialOrgBuilder.Body(creditCode: UsccCodes.WithBadOrganizationCheck());
        Assert.Contains("组织机构代码", await (await client.PostAsJsonAsync("/api/v1/social-organizations", pilot, Ct)).AssertFieldErrorAsync("creditCode"));
    }

    [Fact]
    public async Task Register_FundsBelowTheLegalMinimum_Is422()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var association = await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(capital: 29_999.99m), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("3万元", association.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(kind: "foundation", capital: 1_999_999m), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await RegisterAsync(client, SocialOrgBuilder.Body(kind: "private-non-enterprise", capital: 10_000m));
    }
}

public sealed class SqliteSocialOrgApiTests(SqliteApp app) : SocialOrgApiTests<SqliteApp>(app);

public sealed class PostgresSocialOrgApiTests(PostgresApp app) : SocialOrgApiTests<PostgresApp>(app);
