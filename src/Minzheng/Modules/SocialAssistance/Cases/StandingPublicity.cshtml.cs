using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>The printable 长期公示 of a village or township.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class StandingPublicityModel(StandingPublicity publicity) : PageModel
{
    public StandingList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct)
    {
        if (await publicity.ListAsync(region, ct) is not { } list)
        {
            return BadRequest("请选择9位乡镇（街道）或12位村（社区）区划代码");
        }

        List = list;
        return Page();
    }
}
