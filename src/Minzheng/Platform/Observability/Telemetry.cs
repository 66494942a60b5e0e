using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Minzheng.Platform.Observability;

/// <summary>
/// OpenTelemetry for ASP.NET Core, HttpClient, EF Core (SQLite) and Npgsql (PostgreSQL). Metrics are always collected
/// for the <c>/metrics</c> scrape; traces and an OTLP copy of the metrics only when a collector is configured
/// (<c>Observability:Otlp:Endpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), so an installation
/// without one pays nothing for spans nobody reads.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "minzheng";
    public const string EndpointSetting = "Observability:Otlp:Endpoint";
    public const string ProtocolSetting = "Observability:Otlp:Protocol";

    // Probes and scrapes every few seconds would drown the traces of real work.
    private static readonly string[] Quiet = ["/health", "/metrics"];

    public static bool OtlpConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[EndpointSetting]) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static IServiceCollection AddMinzhengTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = OtlpConfigured(configuration);
        var version = typeof(Telemetry).Assembly.GetName().Version?.ToString();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: version))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore")
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter(o => Configure(o, configuration, "metrics"));
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !Quiet.Any(p => http.Request.Path.StartsWithSegments(p)))
                .AddHttpClientInstrumentation()
                // Npgsql traces its own commands (with the server's address and database); EF's span would repeat them.
                .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (provider, _) => provider != "Npgsql.EntityFrameworkCore.PostgreSQL")
                .AddNpgsql()
                .AddOtlpExporter(o => Configure(o, configuration, "traces")));
        }

        return services;
    }

    private static void Configure(OtlpExporterOptions options, IConfiguration configuration, string signal)
    {
        var protocol = configuration[ProtocolSetting]?.Trim().ToLowerInvariant();
        options.Protocol = protocol switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"{ProtocolSetting} must be grpc or http/protobuf, not '{protocol}'."),
        };
        if (configuration[EndpointSetting] is { Length: > 0 } endpoint)
        {
            // An endpoint set in code is used as it is: over HTTP each signal needs its own path.
            var baseUri = endpoint.TrimEnd('/');
            options.Endpoint = new Uri(options.Protocol == OtlpExportProtocol.HttpProtobuf && new Uri(baseUri).AbsolutePath == "/"
                ? $"{baseUri}/v1/{signal}"
                : baseUri);
        }
    }
}
