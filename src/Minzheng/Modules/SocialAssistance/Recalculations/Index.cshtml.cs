using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Recalculations;

/// <summary>提标重算: the list, and for the county the form that previews a recalculation by a standard.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(RecalculationService service, RecalculationQueries queries, StandardService standards, IAuthorizationService authorization)
    : PageModel
{
    public Paged<RecalculationDto> Recalculations { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int? PageNumber { get; set; }

    /// <summary>Standards of monthly programmes, newest first: what a recalculation can follow.</summary>
    public List<StandardDto> Standards { get; private set; } = [];

    public bool CanPreview { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? StandardId { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.ManageStandards)).Succeeded)
        {
            return Forbid();
        }

        var (_, recalculation, message) = await service.PreviewAsync(new RecalculationRequest(StandardId), ct);
        if (recalculation is not null)
        {
            return RedirectToPage("Detail", new { id = recalculation.Id });
        }

        Error = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanPreview = (await authorization.AuthorizeAsync(User, AssistancePolicies.ManageStandards)).Succeeded;
        Recalculations = await queries.ListAsync(null, PageRequest.From(PageNumber, null, null, null), ct);
        Standards = CanPreview
            ? (await standards.ListAsync(null, null, ct)).Where(s => !AssistancePrograms.IsOneOff(s.Program)).OrderByDescending(s => s.EffectiveFrom).ToList()
            : [];
    }
}
