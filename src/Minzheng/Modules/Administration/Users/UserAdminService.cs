using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Administration.Regions;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Users;

public sealed record UserDto(Guid Id, string UserName, string DisplayName, string? Role, string RoleName, string RegionCode, bool IsActive, bool LockedOut);

/// <summary>
/// Account administration with 三员分立 built in: the system administrator creates accounts and resets passwords;
/// the security administrator grants the role and region scope — never to themselves. Each user holds one role,
/// so nobody can hold two of the administrator roles. Administrators manage only accounts inside their own region
/// subtree (another county's account is "not found"), and every change is audited.
/// </summary>
public sealed class UserAdminService(MinzhengUserManager users, MinzhengDbContext db, TimeProvider clock, IRegionScope scope, AuditLog audit)
{
    public async Task<List<UserDto>> ListAsync(CancellationToken ct)
    {
        var roleByUser = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var prefix = scope.Prefix;
        return (await db.Users.AsNoTracking().Where(u => u.RegionCode.StartsWith(prefix))
                .OrderBy(u => u.RegionCode).ThenBy(u => u.UserName).ToListAsync(ct))
            .Select(u =>
            {
                var role = roleByUser.FirstOrDefault(x => x.UserId == u.Id)?.Name;
                return new UserDto(u.Id, u.UserName!, u.DisplayName, role, role is null ? "未分配" : Roles.DisplayName(role),
                    u.RegionCode, u.IsActive, u.LockoutEnd > now);
            }).ToList();
    }

    public async Task<(AppUser? User, Dictionary<string, string[]> Errors)> CreateAsync(
        string? userName, string? displayName, string? regionCode, string? password, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(userName) || userName.Length > 64)
        {
            errors["userName"] = ["用户名为1到64个字符"];
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > AppUser.DisplayNameMaxLength)
        {
            errors["displayName"] = [$"姓名为1到{AppUser.DisplayNameMaxLength}个字"];
        }

        await CheckRegionAsync(regionCode, errors, ct);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName!.Trim(),
            DisplayName = displayName!.Trim(),
            RegionCode = regionCode!,
            CreatedAt = clock.GetUtcNow(),
            PasswordChangedAt = clock.GetUtcNow(),
            MustChangePassword = true, // chosen by the administrator: the user replaces it at first login
        };
        var result = await users.CreateAsync(user, password ?? "");
        if (!result.Succeeded)
        {
            return (null, ToErrors(result));
        }

        await audit.RecordAsync(AuditActions.AccountCreated, entityType: "AppUser", entityId: user.Id.ToString(), regionCode: user.RegionCode,
            details: new { user.UserName, user.DisplayName });
        return (user, errors);
    }

    /// <summary>Field errors (empty on success), or null when the account does not exist in the caller's scope.</summary>
    public async Task<Dictionary<string, string[]>?> AssignRoleAsync(Guid userId, string? role, string? regionCode, Guid actingUserId, CancellationToken ct)
    {
        var user = await FindInScopeAsync(userId);
        if (user is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        if (userId == actingUserId)
        {
            errors["userId"] = ["安全管理员不能给自己授予角色或修改自己的管辖范围"];
        }

        if (!Roles.IsKnown(role))
        {
            errors["role"] = [$"角色应为：{string.Join("、", Roles.All)}"];
        }

        await CheckRegionAsync(regionCode, errors, ct);
        if (errors.Count > 0)
        {
            return errors;
        }

        // One role per person: replacing the role is how a person moves between duties.
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role!) : removed;
        if (!added.Succeeded)
        {
            return ToErrors(added);
        }

        var before = new { roles = current, user.RegionCode };
        user.RegionCode = regionCode!;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user); // sessions of the old role end
        await audit.RecordAsync(AuditActions.RoleGranted, entityType: "AppUser", entityId: user.Id.ToString(), regionCode: user.RegionCode,
            details: new { user.UserName, before, after = new { role, regionCode } });
        return errors;
    }

    /// <summary>Field errors (empty on success), or null when the account does not exist in the caller's scope.</summary>
    public async Task<Dictionary<string, string[]>?> ResetPasswordAsync(Guid userId, string? newPassword)
    {
        var user = await FindInScopeAsync(userId);
        if (user is null)
        {
            return null;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (!result.Succeeded)
        {
            return ToErrors(result);
        }

        user.PasswordChangedAt = clock.GetUtcNow();
        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.PasswordReset, entityType: "AppUser", entityId: user.Id.ToString(), regionCode: user.RegionCode,
            details: new { user.UserName });
        return [];
    }

    /// <summary>
    /// Disables or re-enables an account; disabling ends its sessions and tokens at once. Field errors (empty on
    /// success), or null when the account does not exist in the caller's scope.
    /// </summary>
    public async Task<Dictionary<string, string[]>?> SetActiveAsync(Guid userId, bool active, Guid actingUserId)
    {
        var user = await FindInScopeAsync(userId);
        if (user is null)
        {
            return null;
        }

        if (userId == actingUserId && !active)
        {
            return new() { ["userId"] = ["不能停用自己的账户"] };
        }

        if (user.IsActive != active)
        {
            user.IsActive = active;
            await users.UpdateAsync(user);
            await users.RevokeSessionsAsync(user);
            await audit.RecordAsync(active ? AuditActions.AccountEnabled : AuditActions.AccountDisabled, entityType: "AppUser",
                entityId: user.Id.ToString(), regionCode: user.RegionCode, details: new { user.UserName });
        }

        return [];
    }

    private async Task<AppUser?> FindInScopeAsync(Guid userId) =>
        await users.FindByIdAsync(userId.ToString()) is { } user && user.RegionCode.StartsWith(scope.Prefix, StringComparison.Ordinal) ? user : null;

    private async Task CheckRegionAsync(string? regionCode, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (!RegionCode.TryGetLevel(regionCode, out _, out var error))
        {
            errors["regionCode"] = [error];
        }
        else if (!regionCode!.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors["regionCode"] = [$"区划“{regionCode}”不在您的管辖范围内"];
        }
        else if (!await db.Regions.AnyAsync(r => r.Code == regionCode, ct))
        {
            errors["regionCode"] = [$"区划“{regionCode}”不存在"];
        }
    }

    private static Dictionary<string, string[]> ToErrors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
