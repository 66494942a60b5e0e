using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Standards;

/// <summary>The standards in force and their history; the county adds a version (a new effective date) or corrects one.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(StandardService standards, IAuthorizationService authorization) : PageModel
{
    public List<StandardDto> Standards { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Saved { get; private set; }
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    [BindProperty] public string? Program { get; set; } = "urban-dibao";
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? EffectiveFrom { get; set; }
    [BindProperty] public decimal? Amount { get; set; }
    [BindProperty] public string? Per { get; set; } = "month";
    [BindProperty] public string? Rounding { get; set; } = "fen";
    [BindProperty] public decimal? CareFull { get; set; }
    [BindProperty] public decimal? CarePartial { get; set; }
    [BindProperty] public decimal? CareNone { get; set; }
    [BindProperty] public decimal? CeilingMultiple { get; set; }
    [BindProperty] public decimal? AnnualCap { get; set; }
    [BindProperty] public int? MinAge { get; set; }
    [BindProperty] public bool HardshipOnly { get; set; }
    [BindProperty] public bool CareHardshipOnly { get; set; }
    [BindProperty] public string? Citation { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.ManageStandards)).Succeeded)
        {
            return Forbid();
        }

        var unreadable = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).ToList();
        if (unreadable.Count > 0)
        {
            Errors = unreadable.ToDictionary(k => k, k => new[] { $"“{ModelState[k]!.AttemptedValue}”不是有效的数值" });
            await LoadAsync(ct);
            return Page();
        }

        // Read by hand: a bound dictionary falls back to the whole form when none of its keys is posted.
        List<CategoryPercentRequest> Percents(string name, string[] categories) =>
        [
            .. categories.Select(c => (c, Text: Request.Form[$"{name}[{c}]"].ToString().Trim())).Where(x => x.Text.Length > 0)
                .Select(x => new CategoryPercentRequest(x.c, decimal.TryParse(x.Text, System.Globalization.NumberStyles.Number,
                    System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : -1)),
        ];
        var care = CareFull is null && CarePartial is null && CareNone is null ? null : new CareAllowancesRequest(CareFull, CarePartial, CareNone);
        var (saved, _, errors) = await standards.PutAsync(new StandardRequest(Program, RegionCode, EffectiveFrom, Amount, Per, Rounding, Percents("Supplements", StandardService.SupplementCategories),
            care, CeilingMultiple, AnnualCap, Percents("Rates", StandardService.RateCategories), MinAge, Citation, HardshipOnly, CareHardshipOnly), ct);
        if (saved is null)
        {
            Errors = errors.ToDictionary();
            await LoadAsync(ct);
            return Page();
        }

        TempData["Saved"] = $"已保存：{saved.ProgramName} {saved.RegionCode} 自 {saved.EffectiveFrom:yyyy-MM-dd} 起 {saved.Amount:0.00} 元/{(saved.Per == "year" ? "年" : "月")}"
            + (Programs.AssistancePrograms.IsOneOff(saved.Program) ? "" : "。已在保的对象不会自动改变金额：请在该标准一行点“按此标准重算”，预览后报审批");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, AssistancePolicies.ManageStandards)).Succeeded;
        Standards = await standards.ListAsync(null, null, ct);
        Saved = TempData["Saved"] as string;
    }

    public static string SupplementName(string category) => Benefits.DibaoCalculator.CategoryName(category);

    public static string RateName(string category) => category switch
    {
        "destitute" => "特困人员",
        "dibao" => "低保对象",
        "near-dibao" => "低保边缘家庭成员",
        _ => "因病致贫重病患者",
    };
}
