using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Minzheng.Tests.Platform.Observability;

/// <summary>
/// The application as a monitored installation runs it behind a reverse proxy on the same machine: metrics open to
/// loopback and one monitoring network or a token, forwarded headers believed from 127.0.0.1 only. TestServer has no
/// client address, so <c>X-Test-Remote-Ip</c> plays the connection's address; <c>/test/fail</c> throws after the whole
/// pipeline, as a broken page would; every log entry is captured with its scopes.
/// </summary>
public sealed class ObservedApp : SqliteApp
{
    public const string RemoteIpHeader = "X-Test-Remote-Ip";
    public const string MetricsToken = "test-metrics-token-4f9c2a7e";
    public const string FailingPath = "/test/fail";

    public ObservedApp()
    {
        WithCaseload = false;
        Settings["Observability:Metrics:AllowedNetworks"] = "127.0.0.0/8, ::1, 10.20.0.0/16";
        Settings["Observability:Metrics:Token"] = MetricsToken;
        Settings["Security:TrustedProxies"] = "127.0.0.1";
    }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Information));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestConnection>());
    }

    private sealed class TestConnection : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[RemoteIpHeader].ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(http);
            });
            next(app);
            app.Use((http, nextMiddleware) => http.Request.Path == FailingPath
                ? throw new InvalidOperationException("A test failure behind every middleware")
                : nextMiddleware(http));
        };
    }
}
