using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Resettlement;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>退役士兵安置: soldiers received (late reports marked) and the form to receive one; refusals shown, the input kept, nothing written.</summary>
[Authorize(Policy = VeteransModule.Manage)]
public sealed class PlacementsModel(PlacementService placements, PlacementProgress progress) : PageModel
{
    public List<PlacementRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Path { get; set; }
    [BindProperty] public string? EnlistedOn { get; set; }
    [BindProperty] public string? DischargedOn { get; set; }
    [BindProperty] public string? ReportedOn { get; set; }
    [BindProperty] public bool Nco { get; set; }
    [BindProperty] public int? SecondClassMerits { get; set; }
    [BindProperty] public int? ThirdClassMerits { get; set; }
    [BindProperty] public decimal? AnnualBase { get; set; }
    [BindProperty] public decimal? ProvincialGrant { get; set; }
    [BindProperty] public string? Employer { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await placements.ListAsync(null, ct);

    /// <summary>登记报到 or 登记上岗 of one row; a refusal is shown above the list and nothing is written.</summary>
    public async Task<IActionResult> OnPostProgressAsync(Guid id, string? reportedOn, string? employer, string? startedOn, CancellationToken ct)
    {
        var r = await progress.RecordAsync(id, new PlacementProgressRequest(reportedOn, employer, startedOn), ct);
        if (r.Value is { } row)
        {
            TempData["Saved"] = row.StartedOn is { } day ? $"已登记{row.Name}到{row.Employer}上岗（{day:yyyy-MM-dd}）" : $"已登记{row.Name}报到";
            return RedirectToPage("/Modules/Veterans/Veterans/Placements");
        }

        Errors = PageMessages.For(r.Errors.Any ? r.Errors.Messages : [r.Message!]);
        Rows = await placements.ListAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var r = await placements.RecordAsync(new PlacementRequest(Name, IdNumber, RegionCode, Path, EnlistedOn, DischargedOn, ReportedOn, Nco, null, SecondClassMerits,
            ThirdClassMerits, null, null, null, AnnualBase, ProvincialGrant, Employer), ct);
        if (r.Value is { } row)
        {
            TempData["Saved"] = $"已登记{row.Name}的安置（{row.PathName}）" + (row.DischargePayment > 0 ? $"，一次性退役金及经济补助 {row.DischargePayment:0.00} 元" : "");
            return RedirectToPage("/Modules/Veterans/Veterans/Placements");
        }

        Errors = PageMessages.For(r.Errors.Any ? r.Errors.Messages : [r.Message!]);
        Rows = await placements.ListAsync(null, ct);
        return Page();
    }
}
