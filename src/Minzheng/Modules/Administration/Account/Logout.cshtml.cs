using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, MinzhengUserManager users, AuditLog audit) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(AuditActions.Logout, entityType: "AppUser", entityId: User.FindFirstValue(ClaimTypes.NameIdentifier),
                regionCode: User.FindFirstValue(MinzhengClaims.Region));
            // Logging out revokes: a copy of the cookie (or a token of this user) no longer opens anything.
            if (await users.GetUserAsync(User) is { } user)
            {
                await users.RevokeSessionsAsync(user);
            }
        }

        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }
}
