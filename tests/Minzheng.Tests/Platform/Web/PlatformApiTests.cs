using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Platform.Web;

public sealed class PlatformApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_Anonymous_IsHealthy()
    {
        using var client = app.CreateClient();
        var body = await (await client.GetAsync("/health", Ct)).JsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_ListsThePublicEndpoints()
    {
        using var client = app.CreateClient();
        var paths = (await (await client.GetAsync("/openapi/v1.json", Ct)).JsonAsync()).GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/v1/auth/token", "/api/v1/regions", "/api/v1/regions/{code}/children",
                     "/api/v1/calendar/{year}", "/api/v1/calendar/add-working-days", "/api/v1/id-numbers/{value}/check",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    [Fact]
    public async Task Scalar_IsServed()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/scalar", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoute_IsChineseProblem()
    {
        using var client = await app.ClientAsAsync("county");
        await (await client.GetAsync("/api/v1/no-such-thing", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MalformedJson_IsChineseProblemNot500()
    {
        using var client = await app.ClientAsAsync("admin");
        using var content = new StringContent("{\"code\": 12", System.Text.Encoding.UTF8, "application/json");
        await (await client.PostAsync("/api/v1/regions", content, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task LoginPage_IsChineseAndShowsDemoAccounts()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/Account/Login", Ct);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("Demo@2026!", html);
        Assert.Contains("县级民政业务人员", html);
    }

    [Fact]
    public async Task HomePage_Anonymous_RedirectsToLogin()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("11010519491231002X", true, "1949-12-31", "female", "110105")]
    [InlineData("440524188001010014", true, "1880-01-01", "male", "440524")]
    public async Task IdCheck_Valid_ReturnsDerivedFields(string value, bool valid, string birth, string gender, string region)
    {
        using var client = await app.ClientAsAsync("township");
        var body = await (await client.GetAsync($"/api/v1/id-numbers/{value}/check", Ct)).JsonAsync();
        Assert.Equal(valid, body.GetProperty("valid").GetBoolean());
        Assert.Equal(birth, body.GetProperty("birthDate").GetString());
        Assert.Equal(gender, body.GetProperty("gender").GetString());
        Assert.Equal(region, body.GetProperty("regionCode").GetString());
        Assert.False(body.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task IdCheck_Invalid_ReturnsChineseError()
    {
        using var client = await app.ClientAsAsync("township");
        var body = await (await client.GetAsync("/api/v1/id-numbers/110105194912310021/check", Ct)).JsonAsync();
        Assert.False(body.GetProperty("valid").GetBoolean());
        Assert.Contains("校验码", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("birthDate", out _));
    }

    [Fact]
    public async Task Api_WithoutToken_Is401Problem()
    {
        using var client = app.CreateClient();
        await (await client.GetAsync("/api/v1/regions/360482000000/children", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
