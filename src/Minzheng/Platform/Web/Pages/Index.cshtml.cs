using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Web.Pages;

public sealed class IndexModel(RegionService regions, CalendarService calendars, TimeProvider clock, ModuleCatalog catalog) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string RoleName { get; private set; } = "";
    public string RegionPath { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public bool CalendarConfirmed { get; private set; }
    public DateOnly TenWorkingDaysLater { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (catalog.HomePageFor(User) is { } start)
        {
            return LocalRedirect(start);
        }

        DisplayName = User.FindFirstValue(MinzhengClaims.DisplayName) ?? User.Identity?.Name ?? "";
        var role = Roles.All.FirstOrDefault(User.IsInRole);
        RoleName = role is null ? "未分配角色（请联系安全管理员授权）" : Roles.DisplayName(role);
        RegionCode = User.FindFirstValue(MinzhengClaims.Region) ?? "";
        RegionPath = await regions.DisplayPathAsync(RegionCode, ct);
        Today = clock.Today();
        var calendar = await calendars.GetAsync(ct);
        CalendarConfirmed = calendar.IsConfirmed(Today.Year);
        TenWorkingDaysLater = calendar.AddWorkingDays(Today, 10);
        return Page();
    }
}
