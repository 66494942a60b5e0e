using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Modules.Veterans.Standards;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>抚恤补助标准: the standards in force and their history; a new standard (提标) applied to every entitled person it governs in one batch.</summary>
[Authorize(Policy = VeteransModule.Manage)]
public sealed class StandardsModel(EntitlementQueries queries, StandardRaiseService raises) : PageModel
{
    public List<StandardRow> Rows { get; private set; } = [];

    [BindProperty] public string? Category { get; set; }
    [BindProperty] public int? DisabilityGrade { get; set; }
    [BindProperty] public string? DisabilityNature { get; set; }
    [BindProperty] public string? EffectiveMonth { get; set; }
    [BindProperty] public decimal? NationalAmount { get; set; }
    [BindProperty] public decimal? LocalAmount { get; set; }
    [BindProperty] public string? Per { get; set; } = "year";
    [BindProperty] public string? Citation { get; set; }
    [BindProperty] public bool BackPay { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await raises.ApplyAsync(new StandardRequest(Category, DisabilityGrade, string.IsNullOrEmpty(DisabilityNature) ? null : DisabilityNature,
            ScopeRoot, EffectiveMonth, NationalAmount, LocalAmount, Per, Citation, BackPay), User.Identity?.Name ?? "", ct);
        if (result.Value is { } done)
        {
            TempData["Saved"] = $"已执行新标准：月发放 {done.MonthlyAmount:0.00} 元，调整 {done.Adjusted} 人，新纳入发放 {done.Enrolled} 人"
                + (done.LastPaidMonth is { } paid && BackPay ? $"；{paid} 及以前已发放月份的差额由下次发放名册补发" : "");
            return RedirectToPage("/Modules/Veterans/Veterans/Standards");
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message!]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Rows = [.. (await queries.StandardsAsync(null, ct)).Select(StandardRow.Of)];
}
