using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Account;

/// <summary>TOTP two-factor authentication with any authenticator app: enrol with a QR code, confirm with a code.</summary>
public sealed class TwoFactorModel(MinzhengUserManager users, SignInManager<AppUser> signIn, SignInService signInService, AuditLog audit,
    IOptions<SecurityOptions> security, DeploymentMode mode) : PageModel
{
    public const string Issuer = "民政综合业务平台";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public string? Message { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await signInService.CheckAuthenticatorCodeAsync(user, Code))
        {
            ModelState.AddModelError(nameof(Code), "动态验证码错误：请确认手机时间准确，并输入验证器中当前显示的6位数字");
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, entityType: "AppUser", entityId: user.Id.ToString(), regionCode: user.RegionCode);
        await signIn.RefreshSignInAsync(user);
        Message = "已启用双因素认证：以后登录需输入验证器中的动态验证码。";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync();
        if (Required)
        {
            ModelState.AddModelError("", "管理员账户必须使用双因素认证，不能关闭");
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, entityType: "AppUser", entityId: user.Id.ToString(), regionCode: user.RegionCode);
        await signIn.RefreshSignInAsync(user);
        Message = "已关闭双因素认证。";
        await LoadAsync();
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Enabled = user.TwoFactorEnabled;
        Required = security.Value.RequireTwoFactorForAdministrators && !mode.IsDemo
                   && (await users.GetRolesAsync(user)).Any(Roles.Administrators.Contains);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // A new key changes the security stamp, which ends sessions: keep this one.
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = Group(key);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return true;
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }
}
