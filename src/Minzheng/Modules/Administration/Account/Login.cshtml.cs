using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Account;

public sealed class LoginModel(
    SignInService signInService, SignInManager<AppUser> signIn, DeploymentMode mode, MinzhengDbContext db, TimeProvider clock)
    : PageModel
{
    /// <summary>TempData keys of a password-verified login that still needs its authenticator code.</summary>
    public const string PendingUserKey = "2fa.user";
    public const string PendingAtKey = "2fa.at";
    public const string PendingReturnKey = "2fa.return";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public bool DemoMode => mode.IsDemo;

    public IReadOnlyList<DemoSeeder.DemoAccount> DemoAccounts => DemoSeeder.Accounts;

    /// <summary>Set when this address has failed too often this minute: the page says how long to wait.</summary>
    public int? WaitSeconds { get; private set; }

    /// <summary>A production installation nobody can sign in to yet: the page says how to create the first administrators.</summary>
    public bool AwaitsInit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        AwaitsInit = !mode.IsDemo && !await db.Users.AnyAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, user) = await signInService.CheckPasswordAsync(Input.UserName, Input.Password, "web");
        switch (result)
        {
            case PasswordCheck.Throttled:
                return Throttled();
            case PasswordCheck.LockedOut:
                ModelState.AddModelError("", "登录失败次数过多，账户已被临时锁定，请15分钟后再试或联系安全管理员");
                return Page();
            case PasswordCheck.BadCredentials:
                ModelState.AddModelError("", "用户名或密码错误");
                return Page();
            case PasswordCheck.Success:
                break;
        }

        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        if (user!.TwoFactorEnabled)
        {
            TempData[PendingUserKey] = user.Id.ToString();
            TempData[PendingAtKey] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            TempData[PendingReturnKey] = target;
            return RedirectToPage("LoginWith2fa");
        }

        await signIn.SignInAsync(user, isPersistent: false);
        await signInService.RecordSuccessAsync(user, "web");
        return LocalRedirect(target);
    }

    /// <summary>The login page again, answered 429 with Retry-After, naming the wait (the form stays usable after it).</summary>
    private PageResult Throttled()
    {
        WaitSeconds = signInService.WaitSeconds() ?? 60;
        Response.Headers.RetryAfter = WaitSeconds.Value.ToString(CultureInfo.InvariantCulture);
        ModelState.AddModelError("", $"本网络地址登录失败次数过多，为防止密码被猜测，请{WaitSeconds}秒后再试。");
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "请输入用户名")]
        [StringLength(64, ErrorMessage = "用户名过长")]
        [Display(Name = "用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请输入密码")]
        [StringLength(128, ErrorMessage = "密码过长")]
        [DataType(DataType.Password)]
        [Display(Name = "密码")]
        public string Password { get; set; } = "";
    }
}
