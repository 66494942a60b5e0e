using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Security;

/// <summary>
/// A password hash a user had before (等保: a new password may not repeat one of the last five). Hashes only, never
/// written to the audit log.
/// </summary>
public sealed class PasswordHistoryEntry : Auditing.INotAudited
{
    /// <summary>The current password plus this many earlier ones may not be chosen again.</summary>
    public const int Remembered = 4;

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string PasswordHash { get; set; } = "";
    public DateTimeOffset ReplacedAt { get; set; }
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> b)
    {
        b.ToTable("PasswordHistory");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.UserId, e.ReplacedAt });
        b.Property(e => e.PasswordHash).HasMaxLength(256);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Refuses the current password and the <see cref="PasswordHistoryEntry.Remembered"/> before it.</summary>
public sealed class PasswordHistoryValidator(MinzhengDbContext db) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }

        var hashes = await db.Set<PasswordHistoryEntry>().AsNoTracking().Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.ReplacedAt).Take(PasswordHistoryEntry.Remembered).Select(h => h.PasswordHash).ToListAsync();
        if (user.PasswordHash is { } current)
        {
            hashes.Add(current);
        }

        return hashes.Any(h => manager.PasswordHasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordReused",
                Description = $"新密码不能与最近{PasswordHistoryEntry.Remembered + 1}次使用过的密码相同",
            })
            : IdentityResult.Success;
    }
}
