using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Minzheng.Platform.Security;

/// <summary>
/// Identity's user manager with lockout on the injected <see cref="TimeProvider"/> (Identity 10 reads the system
/// clock directly), so lockout and unlock are testable and follow the same clock as the rest of Minzheng.
/// </summary>
public sealed class MinzhengUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    TimeProvider clock,
    Data.MinzhengDbContext db)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        if (!SupportsUserLockout || !await GetLockoutEnabledAsync(user))
        {
            return false;
        }

        return await GetLockoutEndDateAsync(user) is { } end && end > clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        var lockout = (IUserLockoutStore<AppUser>)Store;
        var count = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
            // A lockout ends every session and token of the account at once, not only new logins.
            await ((IUserSecurityStampStore<AppUser>)Store).SetSecurityStampAsync(user, NewStamp(), CancellationToken);
        }

        return await UpdateUserAsync(user);
    }

    public override Task<IdentityResult> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword) =>
        RememberingPreviousPasswordAsync(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(AppUser user, string token, string newPassword) =>
        RememberingPreviousPasswordAsync(user, () => base.ResetPasswordAsync(user, token, newPassword));

    /// <summary>Ends every session and token of the user (logout, disabling): the stamp in them no longer matches.</summary>
    public async Task<IdentityResult> RevokeSessionsAsync(AppUser user) => await UpdateSecurityStampAsync(user);

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    private async Task<IdentityResult> RememberingPreviousPasswordAsync(AppUser user, Func<Task<IdentityResult>> change)
    {
        var previous = user.PasswordHash;
        var result = await change();
        if (!result.Succeeded || previous is null)
        {
            return result;
        }

        var history = db.Set<PasswordHistoryEntry>();
        history.Add(new PasswordHistoryEntry { Id = Guid.CreateVersion7(), UserId = user.Id, PasswordHash = previous, ReplacedAt = clock.GetUtcNow() });
        var expired = await history.Where(h => h.UserId == user.Id).OrderByDescending(h => h.ReplacedAt)
            .Skip(PasswordHistoryEntry.Remembered - 1).ToListAsync(CancellationToken);
        history.RemoveRange(expired);
        await db.SaveChangesAsync(CancellationToken);
        return result;
    }

    /// <summary>Whether the password is past its expiry or was set by an administrator and must be changed.</summary>
    public bool PasswordChangeRequired(AppUser user, SecurityOptions options) =>
        user.MustChangePassword
        || (options.PasswordExpiryDays > 0 && user.PasswordChangedAt is { } changed && changed.AddDays(options.PasswordExpiryDays) <= clock.GetUtcNow());

    /// <summary>Changes the password after checking the current one, and restarts the expiry period.</summary>
    public async Task<IdentityResult> ChangeOwnPasswordAsync(AppUser user, string currentPassword, string newPassword)
    {
        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            return IdentityResult.Failed(new IdentityError { Code = "PasswordReused", Description = "新密码不能与原密码相同" });
        }

        var result = await ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            user.MustChangePassword = false;
            user.PasswordChangedAt = clock.GetUtcNow();
            result = await UpdateAsync(user);
        }

        return result;
    }
}
