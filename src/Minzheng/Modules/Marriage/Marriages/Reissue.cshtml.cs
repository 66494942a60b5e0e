using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// 补领证件: the registrar types the applying party's ID number (posted, never in the address), sees that person's
/// registrations at any registry, and reissues the certificate of one of them; the new certificate page opens to print.
/// </summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class ReissueModel(MarriageReissues reissues, TimeProvider clock) : PageModel
{
    [BindProperty] public string? IdNumber { get; set; }

    /// <summary>The applicant's document type (resident ID by default; passport or 港澳台 permit).</summary>
    [BindProperty] public string? IdType { get; set; }
    [BindProperty] public Guid? RecordId { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public List<MarriageLookupRow>? Rows { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet() => Date = Today;

    public async Task<IActionResult> OnPostLookupAsync(CancellationToken ct)
    {
        Date ??= Today;
        await LookupAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(CancellationToken ct)
    {
        var result = await reissues.ReissueAsync(new ReissueRequest(RecordId, IdNumber, Date, Reason, IdType), ct);
        if (result.Value is { } reissued)
        {
            return RedirectToPage("/Modules/Marriage/Marriages/Certificate", new { id = reissued.Id });
        }

        var errors = result.Errors.Any ? PageMessages.For(result.Errors.Messages) : [result.Message!];
        await LookupAsync(ct);
        Errors = PageMessages.For(errors);
        return Page();
    }

    private async Task LookupAsync(CancellationToken ct)
    {
        var found = await reissues.LookupAsync(new MarriageLookupRequest(IdNumber, IdType), ct);
        Rows = found.Value;
        Errors = found.Errors.Any ? PageMessages.For(found.Errors.Messages) : [];
    }

    private string Today => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
