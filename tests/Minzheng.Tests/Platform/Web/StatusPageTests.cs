using System.Net;
using Minzheng.Platform.Demo;

namespace Minzheng.Tests.Platform.Web;

/// <summary>
/// A browser that reaches a missing page or record, or a refusal, sees a Chinese page with a way back rather than its
/// own blank error page; the API keeps answering ProblemDetails.
/// </summary>
public abstract class StatusPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("返回上一页", html);
        Assert.Contains("返回首页", html);
        return html;
    }

    [Fact]
    public async Task MissingPage_ChinesePageOnTheSiteLayout()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("county", DemoSeeder.Password);
        var html = await HtmlAsync(await web.GetAsync("/no/such/page"), HttpStatusCode.NotFound);
        Assert.Contains("页面或记录不存在", html);
        Assert.Contains("data-testid=\"user-name\"", html); // the site layout, with the menus
    }

    [Fact]
    public async Task MissingRecord_PageThatReturnsNotFound_GetsTheChinesePage()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("county", DemoSeeder.Password);
        var html = await HtmlAsync(await web.GetAsync($"/Registry/Household?id={Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Contains("页面或记录不存在", html);
    }

    [Fact]
    public async Task Forbidden_ChinesePage()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("village", DemoSeeder.Password);
        var html = await HtmlAsync(await web.GetAsync("/Status/403"), HttpStatusCode.Forbidden);
        Assert.Contains("没有权限", html);

        // A role without the permission is sent to the refusal page, which has the same way back.
        var refused = await web.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var denied = await HtmlAsync(await web.GetAsync(refused.Headers.Location!.ToString()), HttpStatusCode.OK);
        Assert.Contains("没有权限", denied);
    }

    [Fact]
    public async Task TooManyRequests_And_ServerError_ChinesePages()
    {
        using var client = app.CreateClient();
        Assert.Contains("操作过于频繁", await HtmlAsync(await client.GetAsync("/Status/429", Ct), HttpStatusCode.TooManyRequests));
        Assert.Contains("系统出错", await HtmlAsync(await client.GetAsync("/Status/500", Ct), HttpStatusCode.InternalServerError));
    }

    [Fact]
    public async Task Anonymous_MissingPage_IsRedirectedToLogin_NotShownTheLayout()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/no/such/page", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Api_KeepsProblemDetails()
    {
        using var client = await app.ClientAsAsync("county");
        var missing = await client.GetAsync($"/api/v1/households/{Guid.NewGuid()}", Ct);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/no-such-thing", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteStatusPageTests(SqliteApp app) : StatusPageTests<SqliteApp>(app);
