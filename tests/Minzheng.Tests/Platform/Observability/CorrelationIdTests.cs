using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Observability;

namespace Minzheng.Tests.Platform.Observability;

public sealed class CorrelationIdTests(ObservedApp app) : IClassFixture<ObservedApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(string path, string? correlationId)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation(CorrelationId.Header, correlationId);
        }

        return await client.SendAsync(request, Ct);
    }

    private static string ReturnedId(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues(CorrelationId.Header));

    [Fact]
    public async Task Request_WithAPlainId_GetsTheSameIdBack()
    {
        var response = await GetAsync("/health/live", "gw-2026.11:abc_DEF-123");
        Assert.Equal("gw-2026.11:abc_DEF-123", ReturnedId(response));
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("身份证号")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65 characters
    public async Task Request_WithAnUnsafeId_GetsATraceIdInstead_Not400(string supplied)
    {
        var response = await GetAsync("/health/live", supplied);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", ReturnedId(response));
    }

    [Fact]
    public async Task Request_WithoutAnId_GetsAFreshTraceIdEachTime()
    {
        var first = ReturnedId(await GetAsync("/health/live", null));
        var second = ReturnedId(await GetAsync("/health/live", null));
        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task LogLinesOfTheRequest_CarryTheId()
    {
        var id = "log-" + Guid.NewGuid().ToString("N");
        await GetAsync("/Account/Login", id);
        // Routing logs the page it runs; that line is written inside the request, so it has the id in its scope.
        var lines = app.Logs.Entries.Where(e => Equals(e.Scope.GetValueOrDefault(CorrelationId.ScopeKey), id)).ToList();
        Assert.Contains(lines, e => e.Category.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal) && e.Message.Contains("Login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerError_ChinesePageShowsTheIdOfTheResponseHeader()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("county", DemoSeeder.Password);
        var response = await web.GetAsync(ObservedApp.FailingPath);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var id = ReturnedId(response);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("处理请求时发生错误", html);
        Assert.Contains($"<code data-testid=\"correlation-id\" class=\"user-select-all\">{id}</code>", html);
        // The operator finds the failure in the log by the id the user quotes.
        Assert.Contains(app.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && Equals(e.Scope.GetValueOrDefault(CorrelationId.ScopeKey), id));
    }

    [Fact]
    public async Task ApiProblem_NamesTheId()
    {
        using var client = await app.ClientAsAsync("county");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        request.Headers.Add(CorrelationId.Header, "api-problem-1");
        var body = await (await client.SendAsync(request, Ct)).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal("api-problem-1", body.GetProperty("correlationId").GetString());
    }

    [Fact]
    public void Host_WhoseOutputIsNoTerminal_WritesJsonLines()
    {
        // Test output is redirected, as under systemd: the console logger uses the JSON line formatter.
        var options = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(JsonLineFormatter.Name, options.FormatterName);
        Assert.Contains(app.Services.GetServices<ConsoleFormatter>(), f => f is JsonLineFormatter);
    }
}
