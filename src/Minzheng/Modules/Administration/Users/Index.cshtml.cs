using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Users;

/// <summary>Accounts: the system administrator creates and resets; the security administrator grants role and scope.</summary>
[Authorize(Policy = Policies.ManageAccounts)]
public sealed class IndexModel(UserAdminService admin) : PageModel
{
    public List<UserDto> Users { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public bool CanManageAccounts => User.IsInRole(Roles.Admin);
    public bool CanGrantRoles => User.IsInRole(Roles.Security);
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? userName, string? displayName, string? regionCode, string? password, CancellationToken ct)
    {
        if (!CanManageAccounts)
        {
            return Forbid();
        }

        var (user, errors) = await admin.CreateAsync(userName, displayName, regionCode, password, ct);
        return await Done(errors, user is null ? null : $"已创建账户 {user.UserName}，请安全管理员为其授予角色。", ct);
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid id, string? role, string? regionCode, CancellationToken ct)
    {
        if (!CanGrantRoles)
        {
            return Forbid();
        }

        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return await Done(await admin.AssignRoleAsync(id, role, regionCode, me, ct) ?? NotFoundError, "已更新角色和管辖范围。", ct);
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, string? newPassword, CancellationToken ct)
    {
        if (!CanManageAccounts)
        {
            return Forbid();
        }

        return await Done(await admin.ResetPasswordAsync(id, newPassword) ?? NotFoundError, "已重置密码并解除锁定，用户下次登录须修改密码。", ct);
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        if (!CanManageAccounts)
        {
            return Forbid();
        }

        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return await Done(await admin.SetActiveAsync(id, active, me) ?? NotFoundError,
            active ? "已启用账户。" : "已停用账户，其所有会话和令牌立即失效。", ct);
    }

    private static Dictionary<string, string[]> NotFoundError => new() { ["userId"] = ["用户不存在或不在您的管辖范围内"] };

    private async Task<IActionResult> Done(Dictionary<string, string[]> errors, string? success, CancellationToken ct)
    {
        Errors = errors.SelectMany(e => e.Value).ToList();
        Message = Errors.Count == 0 ? success : null;
        Users = await admin.ListAsync(ct);
        return Page();
    }
}
