using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.InformationOfficers;

/// <summary>年度补贴发放表: a year's subsidy lines of the caller's officers with the calculation, generating the year, marking lines paid, the export for finance.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class RosterModel(SubsidyService subsidies, IOptions<OfficerSubsidyOptions> options, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public SubsidyRoster? Roster { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public decimal DefaultStandard => options.Value.AnnualStandard;
    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostGenerateAsync(decimal? annualStandard, CancellationToken ct)
    {
        var result = await subsidies.GenerateAsync(new RosterRequest(Year, annualStandard), ct);
        if (result.Value is { } roster)
        {
            TempData["Saved"] = $"已生成{roster.Year}年度补贴发放表：{roster.Rows.Count}人，合计{roster.Total:#,##0.00}元";
            return RedirectToPage(new { year = roster.Year });
        }

        return await FailAsync(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""], ct);
    }

    public async Task<IActionResult> OnPostPaidAsync(Guid lineId, string? paidOn, CancellationToken ct)
    {
        var result = await subsidies.MarkPaidAsync(lineId, new PaidRequest(paidOn), ct);
        if (result.Value is { } row)
        {
            TempData["Saved"] = $"已登记发放：{row.Name} {row.Amount:#,##0.00}元";
            return RedirectToPage(new { year = Year });
        }

        return await FailAsync(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""], ct);
    }

    private async Task<IActionResult> FailAsync(IEnumerable<string> messages, CancellationToken ct)
    {
        Errors = PageMessages.For(messages);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Year ??= today.Month == 12 ? today.Year : today.Year - 1;
        Roster = Year is >= SubsidyService.FirstYear and <= 2099 ? await subsidies.RosterAsync(Year.Value, ct) : null;
    }
}
