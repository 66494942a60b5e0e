using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.WaiverClaims;

/// <summary>One claim: totals by item and by status of the deceased, the lines, and the step the caller may take now (submit, approve, return, pay).</summary>
[Authorize(Policy = FuneralModule.ReadClaims)]
public sealed class DetailModel(ClaimService claims, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    /// <summary>
    /// Funeral staff open the full cremation record from a line; finance (who may not read the register) opens the same
    /// record read-only through the claim, so no line leads to a refusal.
    /// </summary>
    public bool OpensRegister { get; private set; }

    public ClaimDetail? Claim { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? step, string? reason, string? paidOn, string? voucherNumber, CancellationToken ct)
    {
        var result = await claims.ActAsync(id, step ?? "", new ClaimStepRequest(reason, paidOn, voucherNumber), Memorials.MemorialEndpoints.Roles(User), ct);
        if (result.Value is { } done)
        {
            TempData["Saved"] = $"已办理：申报现为“{done.StatusName}”";
            return RedirectToPage("Detail", new { id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        OpensRegister = (await authorization.AuthorizeAsync(User, FuneralModule.Record)).Succeeded;
        return (Claim = await claims.DetailAsync(id, Memorials.MemorialEndpoints.Roles(User), ct)) is not null;
    }
}
