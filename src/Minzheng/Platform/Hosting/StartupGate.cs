using System.Net;

namespace Minzheng.Platform.Hosting;

/// <summary>
/// Until the database is ready, every request but the liveness probe and static files is answered 503 with what the
/// start is doing: a Chinese page that refreshes itself for browsers, ProblemDetails with Retry-After for the API.
/// </summary>
public static class StartupGate
{
    public static IApplicationBuilder UseStartupGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var progress = http.RequestServices.GetRequiredService<StartupProgress>();
        if (progress.IsDatabaseReady || http.Request.Path.StartsWithSegments("/health/live"))
        {
            await next();
            return;
        }

        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        var stage = progress.Failure is { } failure ? $"启动失败：{failure}" : $"{progress.Stage}，请稍候";
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/health"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "系统正在启动", Detail = stage },
            });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3">
            <title>系统正在启动 - 民政综合业务平台</title>
            <style>body{font-family:sans-serif;margin:4rem auto;max-width:32rem;color:#212529;text-align:center}</style></head>
            <body><h1>民政综合业务平台正在启动</h1><p data-startup-stage>{{WebUtility.HtmlEncode(stage)}}</p>
            <p>页面每3秒自动刷新，准备好后即可登录。</p></body></html>
            """);
    });
}
