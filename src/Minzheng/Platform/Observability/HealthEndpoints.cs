using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Minzheng.Platform.Observability;

/// <summary>
/// Three probes, all anonymous: <c>/health</c> (the public contract: 200 <c>{"status":"Healthy"}</c> while the
/// database answers), <c>/health/live</c> (the process serves requests; no database, so a restart is never triggered
/// by a database outage) and <c>/health/ready</c> (database reachable, all migrations applied, enough disk in the
/// data folder; 503 naming each failed check otherwise — a load balancer stops sending users, an operator reads why).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddMinzhengHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>(DatabaseCheck.Name, tags: [ReadyTag])
            .AddCheck<MigrationsCheck>(MigrationsCheck.Name, tags: [ReadyTag])
            .AddCheck<DiskSpaceCheck>(DiskSpaceCheck.Name, tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapMinzhengHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = c => c.Name == DatabaseCheck.Name,
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new { status = report.Status.ToString() }),
        }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(new { status = report.Status.ToString() }),
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            failed = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToArray(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = (long)e.Value.Duration.TotalMilliseconds,
                data = e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        }, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
