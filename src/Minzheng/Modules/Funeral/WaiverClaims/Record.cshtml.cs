using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minzheng.Modules.Funeral.WaiverClaims;

/// <summary>The cremation record behind a claim line, read-only, for whoever may read the claim (finance checking it line by line).</summary>
[Authorize(Policy = FuneralModule.ReadClaims)]
public sealed class RecordModel(ClaimRecords records) : PageModel
{
    public ClaimRecordView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid cremationId, CancellationToken ct) =>
        (View = await records.GetAsync(id, cremationId, ct)) is null ? NotFound() : Page();
}
