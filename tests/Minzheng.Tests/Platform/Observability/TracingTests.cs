using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Minzheng.Platform.Observability;

namespace Minzheng.Tests.Platform.Observability;

/// <summary>
/// With a collector configured, a request is one trace: the ASP.NET Core span, tagged with the caller's correlation
/// id, and the database commands under it — EF Core's on SQLite, Npgsql's on PostgreSQL (never both) — exported
/// over OTLP. Probes and scrapes make no spans.
/// </summary>
public abstract class TracingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp, ITracedApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract string DatabaseSource { get; }

    protected abstract string SilentSource { get; }

    [Fact]
    public async Task Request_IsATraceWithItsDatabaseCommands_ExportedOverOtlp()
    {
        using var client = await app.ClientAsAsync("county");
        var id = "trace-" + Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/households?region=360482&take=5");
        request.Headers.Add(CorrelationId.Header, id);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, Ct)).StatusCode);
        await client.GetAsync("/health/ready", Ct);

        var spans = app.Collector.SpansSoFar();
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("minzheng.correlation_id"), id));
        Assert.StartsWith("/api/v1/households", server.GetTagItem("http.route") as string);
        var commands = spans.Where(s => s.TraceId == server.TraceId && s.Kind == ActivityKind.Client).ToList();
        Assert.Contains(commands, s => s.Source.Name == DatabaseSource);
        Assert.DoesNotContain(commands, s => s.Source.Name == SilentSource);
        Assert.DoesNotContain(spans, s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string ?? "").StartsWith("/health", StringComparison.Ordinal));

        for (var waited = 0; waited < 100 && !app.Collector.Received.Contains("/v1/traces"); waited++)
        {
            await Task.Delay(150, Ct);
        }

        Assert.Contains("/v1/traces", app.Collector.Received);
    }
}

public interface ITracedApp
{
    FakeCollector Collector { get; }
}

public sealed class SqliteTracingTests(SqliteTracingTests.App app) : TracingTests<SqliteTracingTests.App>(app)
{
    protected override string DatabaseSource => "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    protected override string SilentSource => "Npgsql";

    public sealed class App : SqliteApp, ITracedApp
    {
        public App()
        {
            WithCaseload = false;
            Collector = Attach(new FakeCollector());
        }

        public FakeCollector Collector { get; }
    }
}

public sealed class PostgresTracingTests(PostgresTracingTests.App app) : TracingTests<PostgresTracingTests.App>(app)
{
    protected override string DatabaseSource => "Npgsql";

    protected override string SilentSource => "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    public sealed class App : PostgresApp, ITracedApp
    {
        public App()
        {
            WithCaseload = false;
            Collector = Attach(new FakeCollector());
        }

        public FakeCollector Collector { get; }
    }
}
