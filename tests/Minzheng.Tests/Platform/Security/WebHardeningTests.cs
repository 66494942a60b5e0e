using System.Net;
using Minzheng.Platform.Web;

namespace Minzheng.Tests.Platform.Security;

public sealed class WebHardeningTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Pages_CarrySecurityHeaders_AndCspWithoutInlineScripts()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndSameSiteStrict()
    {
        using var web = new WebSession(app);
        var response = await web.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("minzheng.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Form_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = app.CreateClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "county", ["Input.Password"] = "Demo@2026!" });
        var response = await client.PostAsync("/Account/Login", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+86", "'+86")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("张三", "张三")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void SpreadsheetText_NeutralisesFormulaStarts(string? value, string? expected) =>
        Assert.Equal(expected, SpreadsheetText.Safe(value));
}
