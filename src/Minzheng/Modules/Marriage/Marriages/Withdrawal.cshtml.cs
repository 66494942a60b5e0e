using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>离婚登记申请撤回确认单 (A4): who withdrew and when, the application's number and 受理 date; only for a withdrawn application.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class WithdrawalModel(DivorceApplicationDetails details, RegionService regions) : PageModel
{
    public DivorceApplicationView? Application { get; private set; }
    public string County { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Application = await details.GetAsync(id, ct);
        if (Application is null || Application.Status != "withdrawn")
        {
            return NotFound();
        }

        County = await regions.NameOfAsync(Application.RegionCode[..6].PadRight(RegionCode.Length, '0'), ct) ?? "";
        return Page();
    }
}
