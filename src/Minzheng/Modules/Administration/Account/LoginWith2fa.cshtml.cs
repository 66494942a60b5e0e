using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Account;

/// <summary>Second step of a login with two-factor authentication: the code of the authenticator app.</summary>
public sealed class LoginWith2faModel(SignInService signInService, SignInManager<AppUser> signIn, MinzhengUserManager users, TimeProvider clock)
    : PageModel
{
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    [BindProperty]
    [Required(ErrorMessage = "请输入动态验证码")]
    [StringLength(10, ErrorMessage = "动态验证码为6位数字")]
    [Display(Name = "动态验证码")]
    public string Code { get; set; } = "";

    public IActionResult OnGet()
    {
        if (Pending() is null)
        {
            return RedirectToPage("Login");
        }

        TempData.Keep();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var pending = Pending();
        if (pending is null)
        {
            return RedirectToPage("Login");
        }

        var (userId, returnUrl) = pending.Value;
        var user = await users.FindByIdAsync(userId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return RedirectToPage("Login");
        }

        if (signInService.WaitSeconds() is { } wait)
        {
            Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError(nameof(Code), $"本网络地址登录失败次数过多，请{wait}秒后再试");
            TempData.Keep();
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }

        if (!ModelState.IsValid || !await signInService.CheckAuthenticatorCodeAsync(user, Code))
        {
            ModelState.AddModelError(nameof(Code), "动态验证码错误，请查看验证器应用中的最新6位数字");
            TempData.Keep();
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        await signInService.RecordSuccessAsync(user, "web");
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    private (string UserId, string ReturnUrl)? Pending()
    {
        // TempData turns strings that look like a Guid or a date back into those types: read them as text.
        if (TempData.Peek(LoginModel.PendingUserKey)?.ToString() is not { Length: > 0 } userId
            || TempData.Peek(LoginModel.PendingAtKey)?.ToString() is not { } at
            || !long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > PendingLifetime)
        {
            return null;
        }

        return (userId, TempData.Peek(LoginModel.PendingReturnKey)?.ToString() ?? "/");
    }
}
