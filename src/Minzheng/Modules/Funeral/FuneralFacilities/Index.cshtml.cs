using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

/// <summary>殡葬设施: the county's 殡仪馆, 公墓 and 骨灰堂 with approval document and capacity, and a form to register one.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class IndexModel(FacilityService service) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? ApprovalDocument { get; set; }
    [BindProperty] public string? ApprovedOn { get; set; }
    [BindProperty] public int? Capacity { get; set; }
    [BindProperty] public string? Address { get; set; }

    public List<FacilityRow> Facilities { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Facilities = await service.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await service.AddAsync(new FacilityRequest(Name, Kind, ApprovalDocument, ApprovedOn, Capacity, Address), ct);
        if (result.Value is not null)
        {
            TempData["Saved"] = $"已登记{result.Value.KindName}“{result.Value.Name}”";
            return RedirectToPage();
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message!]);
        Facilities = await service.ListAsync(ct);
        return Page();
    }
}
