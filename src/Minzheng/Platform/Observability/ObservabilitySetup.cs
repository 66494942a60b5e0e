using Microsoft.AspNetCore.Http.Features;

namespace Minzheng.Platform.Observability;

/// <summary>
/// Logs, metrics, traces and health probes, wired by two calls from the host: <see cref="AddMinzhengObservability"/>
/// with the services and <see cref="UseMinzhengObservability"/> right after the forwarded headers are applied (the
/// correlation id must wrap the exception handler, and the metrics guard must see the real client address).
/// </summary>
public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddMinzhengObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.AddMinzhengConsole(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(sp => MetricsAccess.From(sp.GetRequiredService<IConfiguration>()));
        services.AddMinzhengTelemetry(builder.Configuration);
        services.AddMinzhengHealthChecks();
        // Every problem answer names the request's correlation id, as the error pages do.
        services.PostConfigure<ProblemDetailsOptions>(o =>
        {
            var customize = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = ctx =>
            {
                customize?.Invoke(ctx);
                if (CorrelationId.Of(ctx.HttpContext) is { } id)
                {
                    ctx.ProblemDetails.Extensions["correlationId"] = id;
                }
            };
        });
        return builder;
    }

    public static WebApplication UseMinzhengObservability(this WebApplication app)
    {
        app.UseCorrelationId();
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: http => http.Request.Path == MetricsPath,
            path: null,
            configureBranchedPipeline: branch => branch.Use(async (http, next) =>
            {
                var decision = access.Decide(http);
                if (decision != StatusCodes.Status200OK)
                {
                    http.Response.StatusCode = decision;
                    return;
                }

                await next();
            }),
            optionsName: null);
        app.MapMinzhengHealth();
        return app;
    }
}
