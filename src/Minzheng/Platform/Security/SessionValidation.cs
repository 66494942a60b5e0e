using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Security;

/// <summary>
/// A cookie or bearer token is only as good as the account behind it, checked on every request: the user must exist
/// in this installation, be enabled, not be locked out, and carry the current security stamp. Lockout, password change
/// or reset, a new role or scope, disabling and logout all change the stamp, so each ends every session and token of
/// that user at once — a token stays a bearer of identity, never of permissions the account no longer has.
/// </summary>
public static class SessionValidation
{
    public static IApplicationBuilder UseSessionValidation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            // The error page after a failure — perhaps of the database itself, which this check would need. It shows
            // nobody's data, so it is rendered for an anonymous user rather than not at all.
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next();
            return;
        }

        if (http.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(http))
        {
            if (!IsBearer(http))
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            // Anonymous from here on: authorization answers 401 (API) or sends the browser to the login page.
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next();
    });

    private static bool IsBearer(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> IsCurrentAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (!Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || http.User.FindFirstValue(stampClaim) is not { Length: > 0 } stamp)
        {
            return false;
        }

        var account = await services.GetRequiredService<MinzhengDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(http.RequestAborted);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return account is not null
               && account.IsActive
               && !(account.LockoutEnd > now)
               && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
