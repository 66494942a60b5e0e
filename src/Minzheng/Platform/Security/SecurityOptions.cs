namespace Minzheng.Platform.Security;

/// <summary>
/// Account and session controls, section <c>Security</c> of the configuration. The defaults are the 等保三级 profile
/// (POLICY §13); a county may tighten them, and loosening them is its own documented decision.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    public int PasswordMinLength { get; set; } = 8;
    public int PasswordExpiryDays { get; set; } = 90;
    public int LockoutAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int IdleTimeoutMinutes { get; set; } = 30;
    public int AbsoluteSessionHours { get; set; } = 8;
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>
    /// Failed sign-ins (wrong password, unknown name, wrong authenticator code) one client address may make per minute
    /// before it must wait for the minute to pass. Page views and successful logins never count: a whole township
    /// office may share one NAT address. High on purpose: the per-account limit is the lockout above.
    /// </summary>
    public int FailedLoginsPerMinutePerIp { get; set; } = 50;

    /// <summary>An administrator-set password (new account, reset) must be changed at first login. Off in demo mode.</summary>
    public bool ForcePasswordChangeOnFirstLogin { get; set; } = true;

    /// <summary>The three administrator roles must use TOTP two-factor authentication. Off in demo mode.</summary>
    public bool RequireTwoFactorForAdministrators { get; set; } = true;
}
