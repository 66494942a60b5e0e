using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.Administration.Account;

public abstract class AuthApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_DemoCredentials_IssuesShortLivedBearerToken()
    {
        using var client = app.CreateClient();
        var body = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "county", password = "Demo@2026!" }, Ct)).JsonAsync();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.InRange(body.GetProperty("expiresIn").GetInt32(), 60, 3600);
    }

    [Theory]
    [InlineData("county", "wrong-password")]
    [InlineData("nobody-here", "Demo@2026!")]
    public async Task Token_BadCredentials_Is401WithChineseDetail(string username, string password)
    {
        using var client = app.CreateClient();
        var body = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password }, Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("用户名或密码错误", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_MissingFields_Is400NamingThem()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "" }, Ct);
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("username", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Token_FiveFailures_LocksAndRefusesEvenTheRightPassword()
    {
        var (userName, password) = await TestUsers.CreateAsync(app, "county", "360482000000");
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = "Wrong#Pass1" }, Ct);
            Assert.True(failed.StatusCode is HttpStatusCode.Unauthorized or (HttpStatusCode)423);
        }

        var locked = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password }, Ct);
        var body = await locked.AssertProblemAsync((HttpStatusCode)423);
        Assert.Contains("锁定", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_CarriesRegionScopeOfTheUser()
    {
        using var township = await app.ClientAsAsync("township");
        using var admin = await app.ClientAsAsync("admin");
        var users = await (await admin.GetAsync("/api/v1/users", Ct)).JsonAsync();
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("userName").GetString() == "township"
                                                     && u.GetProperty("regionCode").GetString() == "360482100000");
        // The township token works, and role checks apply: a township worker may not create regions.
        var response = await township.PostAsJsonAsync("/api/v1/regions", new { code = "360482100299", name = "测试村", parentCode = "360482100000" }, Ct);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteAuthApiTests(SqliteApp app) : AuthApiTests<SqliteApp>(app);

public sealed class PostgresAuthApiTests(PostgresApp app) : AuthApiTests<PostgresApp>(app);
