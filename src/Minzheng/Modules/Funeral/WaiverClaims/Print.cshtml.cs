using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minzheng.Modules.Funeral.WaiverClaims;

/// <summary>The claim form (A4) the funeral home signs and stamps and finance files with the payment voucher.</summary>
[Authorize(Policy = FuneralModule.ReadClaims)]
public sealed class PrintModel(ClaimService claims) : PageModel
{
    public ClaimDetail? Claim { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        (Claim = await claims.DetailAsync(id, [], ct)) is null ? NotFound() : Page();
}
