using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Minzheng.Platform.Data;
using Minzheng.Platform.Modules;

namespace Minzheng.Platform.Security;

public static class IdentitySetup
{
    /// <summary>Chooses the bearer handler when the request carries a bearer token, else the UI cookie.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public static IServiceCollection AddMinzhengIdentity(this IServiceCollection services, IConfiguration configuration, ModuleCatalog modules)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddSingleton<DeploymentMode>();
        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
            })
            .AddEntityFrameworkStores<MinzhengDbContext>()
            .AddUserManager<MinzhengUserManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<ComplexityPasswordValidator>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddClaimsPrincipalFactory<MinzhengClaimsFactory>();
        services.AddScoped(sp => (MinzhengUserManager)sp.GetRequiredService<UserManager<AppUser>>());

        // Options that follow SecurityOptions are configured lazily, so tests and deployments can change them.
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((o, s) =>
        {
            o.Password.RequiredLength = s.Value.PasswordMinLength;
            o.Lockout.MaxFailedAccessAttempts = s.Value.LockoutAttempts;
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(s.Value.LockoutMinutes);
        });
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<SecurityOptions>>((o, s) =>
            o.BearerTokenExpiration = TimeSpan.FromMinutes(Math.Min(60, s.Value.TokenLifetimeMinutes)));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<SecurityOptions>>((o, s) =>
            o.ExpireTimeSpan = TimeSpan.FromMinutes(s.Value.IdleTimeoutMinutes));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultAuthenticateScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
                o.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "minzheng.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true; // idle timeout: each request renews the cookie
            o.Events.OnRedirectToLogin = ctx => ApiStatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiStatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = EnforceAbsoluteLifetime;
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var permission in PlatformPermissions.All.Concat(modules.Permissions.Select(p => p.Permission)))
        {
            authorization.AddPolicy(permission.Name, p => p.RequireRole(permission.Roles));
        }

        // Derived from the modules' import kinds rather than a role list, so a line's import needs no platform change.
        authorization.AddPolicy(Policies.StageImports, p => p.RequireAuthenticatedUser().RequireAssertion(async ctx =>
            ctx.Resource is HttpContext http && (await http.RequestServices.GetRequiredService<Imports.StagedImports>().KindsOfAsync(ctx.User)).Count > 0));

        services.AddSingleton<LoginThrottle>();
        services.AddHttpContextAccessor();
        services.AddScoped<HttpRegionScope>();
        services.AddScoped<IRegionScope>(sp => sp.GetRequiredService<HttpRegionScope>());
        return services;
    }

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    // Sliding expiry renews the cookie while the user is active; this caps the whole session from the login.
    private static async Task EnforceAbsoluteLifetime(CookieValidatePrincipalContext ctx)
    {
        var options = ctx.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var clock = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var authTime = ctx.Principal?.FindFirstValue(MinzhengClaims.AuthTime);
        if (authTime is null || !long.TryParse(authTime, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(options.AbsoluteSessionHours))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
    }
}

/// <summary>Whether this installation runs in demo mode (DESIGN §5), which relaxes first-login and 2FA duties.</summary>
public sealed class DeploymentMode(IConfiguration configuration, DatabaseSettings settings)
{
    public bool IsDemo { get; } = DatabaseInitializer.IsDemoEnabled(configuration, settings);
}

/// <summary>
/// Adds region scope, real name and login time to the principal (cookie and bearer alike), and the gate that sends a
/// user to change an expired or administrator-set password, or to set up two-factor authentication, before anything else.
/// </summary>
public sealed class MinzhengClaimsFactory(
    MinzhengUserManager users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    IOptions<SecurityOptions> security, DeploymentMode mode, TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MinzhengClaims.Region, user.RegionCode));
        identity.AddClaim(new Claim(MinzhengClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(MinzhengClaims.AuthTime, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        if (await GateAsync(user) is { } gate)
        {
            identity.AddClaim(new Claim(MinzhengClaims.Gate, gate));
        }

        return identity;
    }

    /// <summary>"password" or "2fa" when the user must act before working; null when free to go.</summary>
    public async Task<string?> GateAsync(AppUser user)
    {
        var s = security.Value;
        if ((user.MustChangePassword && s.ForcePasswordChangeOnFirstLogin && !mode.IsDemo)
            || (!user.MustChangePassword && users.PasswordChangeRequired(user, s)))
        {
            return AccountGates.Password;
        }

        var isAdministrator = (await users.GetRolesAsync(user)).Any(Roles.Administrators.Contains);
        return isAdministrator && s.RequireTwoFactorForAdministrators && !mode.IsDemo && !user.TwoFactorEnabled
            ? AccountGates.TwoFactor
            : null;
    }
}

public static class AccountGates
{
    public const string Password = "password";
    public const string TwoFactor = "2fa";
}
