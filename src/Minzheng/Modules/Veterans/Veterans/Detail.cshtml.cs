using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>An entitled person: category, service record, what is paid and how it was calculated; the death form.</summary>
[Authorize(Policy = VeteransModule.Manage)]
public sealed class DetailModel(EntitlementQueries queries, EntitlementService service) : PageModel
{
    public EntitlementDetail? Record { get; private set; }

    [BindProperty] public string? DeathDate { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeathAsync(Guid id, CancellationToken ct)
    {
        var result = await service.RecordDeathAsync(id, new DeathRequest(DeathDate, Note), User.Identity?.Name ?? "", ct);
        if (result.Value is { } done)
        {
            TempData["Saved"] = done.Explanation;
            return RedirectToPage("/Modules/Veterans/Veterans/Detail", new { id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message!]);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Record = await queries.GetAsync(id, ct) is { } e ? EntitlementQueries.Detail(e) : null;
        return Record is not null;
    }
}
