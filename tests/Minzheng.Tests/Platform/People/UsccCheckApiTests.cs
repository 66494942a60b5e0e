using System.Net;

namespace Minzheng.Tests.Platform.People;

/// <summary>DESIGN §5 <c>GET /api/v1/uscc/{value}/check</c>, exactly: the JSON of a valid and an invalid code, and who may call it.</summary>
public abstract class UsccCheckApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_ValidCode_AnswersExactlyTheContractFields()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var value = UsccCodes.Make('5', '1', "360482");
        var body = await (await client.GetAsync($"/api/v1/uscc/{value}/check", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Equal("""{"valid":true,"registrationAuthority":"5","orgType":"1","regionCode":"360482"}""", body);
    }

    [Fact]
    public async Task Check_PolicyExample_IsValid()
    {
        using var client = await app.ClientAsAsync("county");
        var json = await (await client.GetAsync("/api/v1/uscc/91350100M000100Y43/check", Ct)).JsonAsync();
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("9", json.GetProperty("registrationAuthority").GetString());
        Assert.Equal("350100", json.GetProperty("regionCode").GetString());
    }

    [Theory]
    [InlineData("91350100M000100Y4", "18位")]
    [InlineData("91350100M000100Y42", "校验码")]
    [InlineData("91350100M0001O0Y43", "第14位")]
    public async Task Check_InvalidCode_Answers200WithOnlyValidFalseAndAChineseError(string value, string expected)
    {
        using var client = await app.ClientAsAsync("socialorg");
        var json = await (await client.GetAsync($"/api/v1/uscc/{value}/check", Ct)).JsonAsync();
        Assert.Equal(["valid", "error"], json.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Contains(expected, json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Check_BadEmbeddedOrganizationCode_IsInvalid()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var json = await (await client.GetAsync($"/api/v1/uscc/{UsccCodes.WithBadOrganizationCheck()}/check", Ct)).JsonAsync();
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Contains("组织机构代码", json.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    [InlineData("marriage", HttpStatusCode.Forbidden)]
    [InlineData("village", HttpStatusCode.OK)]
    [InlineData("socialorg", HttpStatusCode.OK)]
    public async Task Check_IsForBusinessRolesAndTheSocialOrganizationRegistrar(string role, HttpStatusCode expected)
    {
        using var client = await app.ClientAsAsync(role);
        Assert.Equal(expected, (await client.GetAsync("/api/v1/uscc/91350100M000100Y43/check", Ct)).StatusCode);
    }

    [Fact]
    public async Task Check_Anonymous_Is401()
    {
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/uscc/91350100M000100Y43/check", Ct)).StatusCode);
    }
}

public sealed class SqliteUsccCheckApiTests(SqliteApp app) : UsccCheckApiTests<SqliteApp>(app);

public sealed class PostgresUsccCheckApiTests(PostgresApp app) : UsccCheckApiTests<PostgresApp>(app);
