using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Account;

public enum PasswordCheck
{
    Success,
    BadCredentials,
    LockedOut,

    /// <summary>Too many failures from the caller's address this minute (<see cref="LoginThrottle"/>); nothing was checked.</summary>
    Throttled,
}

/// <summary>
/// The password check shared by the login page and the token endpoint: lockout after repeated failures (even the right
/// password is refused while locked), failures counted per client address (<see cref="LoginThrottle"/>), and every
/// attempt — success, failure, lockout — in the audit log.
/// </summary>
public sealed class SignInService(
    MinzhengUserManager users, SignInManager<AppUser> signIn, AuditLog audit,
    IMemoryCache attempts, Microsoft.Extensions.Options.IOptions<SecurityOptions> options,
    LoginThrottle throttle, IHttpContextAccessor http)
{
    /// <summary>The client address (after the trusted-proxy rules) the failures are counted against.</summary>
    private string Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>Seconds the caller's address must wait before trying again; null when it may try now.</summary>
    public int? WaitSeconds() => throttle.RetryAfter(Address) is { } wait ? LoginThrottle.Seconds(wait) : null;

    public async Task<(PasswordCheck Result, AppUser? User)> CheckPasswordAsync(string userName, string password, string channel)
    {
        var name = userName.Trim();
        if (WaitSeconds() is not null)
        {
            // Not audited one by one: a flood from one address would otherwise flood the log it is meant to protect.
            return (PasswordCheck.Throttled, null);
        }

        var user = await users.FindByNameAsync(name);
        if (user is null || !user.IsActive)
        {
            throttle.RecordFailure(Address);
            await audit.RecordAsync(AuditActions.LoginFailure, AuditOutcome.Failure, userName: name,
                details: new { channel, reason = user is null ? "unknown user" : "disabled" });
            return (NoAccountAttempt(name), null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            throttle.RecordFailure(Address);
        }

        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditActions.LockedOut, AuditOutcome.Failure, "AppUser", user.Id.ToString(), user.RegionCode,
                new { channel }, user.UserName);
            return (PasswordCheck.LockedOut, user);
        }

        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.LoginFailure, AuditOutcome.Failure, "AppUser", user.Id.ToString(), user.RegionCode,
                new { channel, reason = "wrong password" }, user.UserName);
            return (PasswordCheck.BadCredentials, user);
        }

        return (PasswordCheck.Success, user);
    }

    /// <summary>
    /// A name without a usable account "locks" after as many failures as a real one would, with the same answer: the
    /// 423 must not tell an attacker which user names exist. Counted per name for the lockout period.
    /// </summary>
    private PasswordCheck NoAccountAttempt(string name)
    {
        var s = options.Value;
        var key = "login-unknown:" + name.ToUpperInvariant();
        var count = attempts.Get<int>(key) + 1;
        attempts.Set(key, count, TimeSpan.FromMinutes(s.LockoutMinutes));
        return count >= s.LockoutAttempts ? PasswordCheck.LockedOut : PasswordCheck.BadCredentials;
    }

    /// <summary>Checks a TOTP code of an authenticator app; a wrong code counts as a failed attempt.</summary>
    public async Task<bool> CheckAuthenticatorCodeAsync(AppUser user, string? code)
    {
        var normalized = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (normalized.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        await users.AccessFailedAsync(user);
        throttle.RecordFailure(Address);
        await audit.RecordAsync(AuditActions.LoginFailure, AuditOutcome.Failure, "AppUser", user.Id.ToString(), user.RegionCode,
            new { reason = "wrong authenticator code" }, user.UserName);
        return false;
    }

    public Task RecordSuccessAsync(AppUser user, string channel) =>
        audit.RecordAsync(channel == "api" ? AuditActions.TokenIssued : AuditActions.LoginSuccess, AuditOutcome.Success,
            "AppUser", user.Id.ToString(), user.RegionCode, new { channel }, user.UserName);
}
