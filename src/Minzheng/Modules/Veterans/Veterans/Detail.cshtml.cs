using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>
/// An entitled person: category, service record, what is paid and how it was calculated; the 临时救助 and 医疗救助 the
/// person received through social assistance (so the officer sees a 困难优抚对象's whole support); the death form.
/// </summary>
[Authorize(Policy = VeteransModule.Manage)]
public sealed class DetailModel(EntitlementQueries queries, EntitlementService service, IGrantedAid grantedAid, MinzhengDbContext db, TimeProvider clock) : PageModel
{
    public EntitlementDetail? Record { get; private set; }
    public IReadOnlyList<GrantedAid> Aid { get; private set; } = [];

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
        if (Record is null)
        {
            return false;
        }

        var person = db.VeteranEntitlements.Where(x => x.Id == id).Select(x => x.PersonId);
        Aid = await grantedAid.ToPersonsAsync(person, "", DateOnly.MinValue, clock.Today(), ct);
        return true;
    }
}
