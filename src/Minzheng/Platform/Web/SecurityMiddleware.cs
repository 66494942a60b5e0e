using System.Security.Claims;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Web;

public static class SecurityMiddleware
{
    /// <summary>
    /// Security headers on every answer (POLICY §13, OWASP ASVS): a CSP without inline scripts, no framing, no MIME
    /// sniffing, no referrer leaks. Scalar's API page needs inline scripts and gets a relaxed policy of its own.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
                : "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            return Task.CompletedTask;
        });
        await next();
    });

    private static readonly string[] OpenPaths = ["/Account/ChangePassword", "/Account/TwoFactor", "/Account/Logout", "/lib", "/css", "/js", "/api/v1/auth"];

    /// <summary>
    /// A signed-in user with an account gate (expired or administrator-set password, missing two-factor setup) may
    /// only resolve it: pages redirect there, the API answers 403.
    /// </summary>
    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var gate = http.User.FindFirstValue(MinzhengClaims.Gate);
        if (gate is null || OpenPaths.Any(p => http.Request.Path.StartsWithSegments(p)))
        {
            await next();
            return;
        }

        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = 403, Title = ApiProblems.ChineseTitle(403),
                    Detail = gate == AccountGates.Password ? "密码已过期或为管理员设置的初始密码，请先修改密码" : "管理员账户须先启用双因素认证",
                },
            });
            return;
        }

        http.Response.Redirect(gate == AccountGates.Password ? "/Account/ChangePassword" : "/Account/TwoFactor");
    });
}
