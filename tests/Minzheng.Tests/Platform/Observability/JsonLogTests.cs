using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Minzheng.Platform.Observability;

namespace Minzheng.Tests.Platform.Observability;

public sealed class JsonLogTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 5, 1, 2, 3, 456, TimeSpan.Zero));

    private static string Write(LogLevel level, string message, Exception? exception = null, IExternalScopeProvider? scopes = null,
        IReadOnlyList<KeyValuePair<string, object?>>? state = null)
    {
        var formatter = new JsonLineFormatter(Clock);
        using var writer = new StringWriter();
        var entryState = state ?? [new("{OriginalFormat}", message)];
        formatter.Write(new LogEntry<IReadOnlyList<KeyValuePair<string, object?>>>(level, "Minzheng.Test", new EventId(7), entryState, exception, (_, _) => message),
            scopes, writer);
        return writer.ToString();
    }

    private static JsonElement SingleLine(string output)
    {
        Assert.EndsWith("\n", output);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return JsonDocument.Parse(line).RootElement;
    }

    [Fact]
    public void Entry_IsOneJsonObjectOnOneLine_WithChineseAsCharacters()
    {
        var output = Write(LogLevel.Warning, "户主 张三 的\n家庭 \"已停保\"", new InvalidOperationException("第一行\n第二行"));
        Assert.Contains("张三", output);
        var json = SingleLine(output);
        Assert.Equal("2026-11-05T01:02:03.456Z", json.GetProperty("time").GetString());
        Assert.Equal("Warning", json.GetProperty("level").GetString());
        Assert.Equal("Minzheng.Test", json.GetProperty("category").GetString());
        Assert.Equal(7, json.GetProperty("eventId").GetInt32());
        Assert.Equal("户主 张三 的\n家庭 \"已停保\"", json.GetProperty("message").GetString());
        Assert.Contains("第一行\n第二行", json.GetProperty("exception").GetString());
    }

    [Fact]
    public void Scopes_LiftTheIdsToTheTopAndKeepTheRest()
    {
        var scopes = new LoggerExternalScopeProvider();
        using (scopes.Push(new Dictionary<string, object?> { ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736", ["SpanId"] = "00f067aa0ba902b7", ["ParentId"] = "0000000000000000" }))
        using (scopes.Push(new Dictionary<string, object?> { ["RequestPath"] = "/Cases", ["ConnectionId"] = "0HN1" }))
        using (scopes.Push(new Dictionary<string, object?> { [CorrelationId.ScopeKey] = "gw-42" }))
        {
            var json = SingleLine(Write(LogLevel.Information, "Saved 3 rows", scopes: scopes,
                state: [new("Count", 3), new("Program", "urban-dibao"), new("Ratio", double.NaN), new("{OriginalFormat}", "Saved {Count} rows")]));
            Assert.Equal("gw-42", json.GetProperty("correlationId").GetString());
            Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", json.GetProperty("traceId").GetString());
            Assert.Equal("00f067aa0ba902b7", json.GetProperty("spanId").GetString());
            Assert.Equal(3, json.GetProperty("fields").GetProperty("Count").GetInt32());
            Assert.Equal("urban-dibao", json.GetProperty("fields").GetProperty("Program").GetString());
            Assert.Equal("NaN", json.GetProperty("fields").GetProperty("Ratio").GetString());
            Assert.False(json.GetProperty("fields").TryGetProperty("{OriginalFormat}", out _));
            Assert.Equal("/Cases", json.GetProperty("scope").GetProperty("RequestPath").GetString());
            Assert.False(json.GetProperty("scope").TryGetProperty("ParentId", out _));
        }
    }

    [Fact]
    public void LineBeforeTheCorrelationMiddleware_UsesTheTraceIdAsCorrelationId()
    {
        var scopes = new LoggerExternalScopeProvider();
        using (scopes.Push(new Dictionary<string, object?> { ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736" }))
        {
            var json = SingleLine(Write(LogLevel.Information, "Request starting", scopes: scopes));
            Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", json.GetProperty("correlationId").GetString());
        }
    }

    [Fact]
    public void IdAndAccountNumbers_AreRedacted_RegionCodesAndIdsKept()
    {
        var scopes = new LoggerExternalScopeProvider();
        using (scopes.Push(new Dictionary<string, object?> { ["RequestPath"] = "/api/v1/id-numbers/11010519491231002X/check", ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736" }))
        {
            var json = SingleLine(Write(LogLevel.Warning, "账号 6222021234567890123 与 110105194912310021 不符，区划 360482100201", scopes: scopes,
                state: [new("Account", "6222021234567890123"), new("{OriginalFormat}", "…")]));
            Assert.Equal("账号 [redacted] 与 [redacted] 不符，区划 360482100201", json.GetProperty("message").GetString());
            Assert.Equal("/api/v1/id-numbers/[redacted]/check", json.GetProperty("scope").GetProperty("RequestPath").GetString());
            Assert.Equal("[redacted]", json.GetProperty("fields").GetProperty("Account").GetString());
            Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", json.GetProperty("traceId").GetString());
        }
    }

    [Fact]
    public void EmptyEntry_WritesNothing() => Assert.Equal("", Write(LogLevel.Information, ""));

    [Theory]
    [InlineData("json", true, true)]
    [InlineData("JSON", false, true)]
    [InlineData("simple", false, false)]
    [InlineData(null, false, true)] // a service manager, container or pipe reads the output
    [InlineData(null, true, false)] // a person at a terminal
    public void Format_FollowsTheSettingElseWhoReads(string? setting, bool terminal, bool json)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [LogFormat.Setting] = setting }).Build();
        Assert.Equal(json, LogFormat.IsJson(configuration, terminal));
    }

    [Fact]
    public void Format_Unknown_StopsTheStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [LogFormat.Setting] = "xml" }).Build();
        Assert.Contains(LogFormat.Setting, Assert.Throws<InvalidOperationException>(() => LogFormat.IsJson(configuration, true)).Message);
    }
}
