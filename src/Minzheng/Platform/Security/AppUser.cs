using Microsoft.AspNetCore.Identity;

namespace Minzheng.Platform.Security;

public sealed class AppUser : IdentityUser<Guid>, Minzheng.Platform.Auditing.INotAudited
{
    public const int DisplayNameMaxLength = 40;

    /// <summary>Real name shown in the UI and the audit log (实名).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The 12-digit code of the region whose subtree this user may see and change.</summary>
    public string RegionCode { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the password was last set; it expires <see cref="SecurityOptions.PasswordExpiryDays"/> later.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    /// <summary>Set when an administrator chose the password (new account, reset): the user must replace it.</summary>
    public bool MustChangePassword { get; set; }
}
