using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Infrastructure.Database;
using Minzheng.Infrastructure.Demo;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, DatabaseSettings settings, IConfiguration configuration)
    : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public bool DemoMode => DatabaseInitializer.IsDemoEnabled(configuration, settings);

    public IReadOnlyList<DemoSeeder.DemoAccount> DemoAccounts => DemoSeeder.Accounts;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Input.UserName.Trim());
        if (user is null || !user.IsActive)
        {
            ModelState.AddModelError("", "用户名或密码错误");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "登录失败次数过多，账户已被临时锁定，请15分钟后再试或联系安全管理员");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "用户名或密码错误");
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
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
