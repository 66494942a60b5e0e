using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Minzheng.Tests.Platform.Observability;

/// <summary>
/// An OTLP/HTTP collector on a loopback port that only notes which signal arrived, and beside it the spans themselves
/// (an in-memory exporter next to the OTLP one) for the test to read.
/// </summary>
public sealed class FakeCollector : IAppAddOn
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeCollector()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Request paths received, e.g. <c>/v1/traces</c>.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public List<Activity> Spans { get; } = [];

    /// <summary>The settings that point an application at this collector, exporting every few hundred milliseconds.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Observability:Otlp:Endpoint"] = $"http://127.0.0.1:{Port}",
        ["Observability:Otlp:Protocol"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    public void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans)));

    /// <summary>A copy of the spans so far (the exporter appends under its own lock, one span at a time).</summary>
    public List<Activity> SpansSoFar()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return [.. Spans];
            }
            catch (InvalidOperationException) when (attempt < 10)
            {
                // The list grew while being copied: copy again.
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Received.Enqueue(context.Request.Url!.AbsolutePath);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
