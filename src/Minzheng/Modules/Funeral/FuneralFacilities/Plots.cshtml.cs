using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.Plots;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

/// <summary>墓穴: the plots of one cemetery, a form to lay out a plot (within the province's size limit) and one to sell a free plot with its 墓穴证.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class PlotsModel(PlotService plots, FacilityService facilities, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public FacilityRow? Facility { get; private set; }
    public List<PlotRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string? area, int? row, int? number, string? kind, bool forAshes, decimal? squareMeters, decimal? price,
        CancellationToken ct)
    {
        var result = await plots.AddAsync(Id, new PlotRequest(area, row, number, kind, forAshes, squareMeters, price), ct);
        return await AfterAsync(result.Value is { } p ? $"已登记{p.Label}墓穴" : null, result.Errors, result.Message, ct);
    }

    public async Task<IActionResult> OnPostSellAsync(Guid plotId, string? buyerName, string? buyerIdNumber, string? soldOn, string? contractNumber, int? tenureYears,
        CancellationToken ct)
    {
        var result = await plots.SellAsync(plotId, new PlotSaleRequest(buyerName, buyerIdNumber, soldOn, contractNumber, tenureYears), ct);
        return await AfterAsync(result.Value is { } sold ? $"已售出，墓穴证编号 {sold.CertificateNumber}" : null, result.Errors, result.Message, ct);
    }

    /// <summary>Back to the list with the message when done; else the page again with the reasons (nothing was written).</summary>
    private async Task<IActionResult> AfterAsync(string? saved, Platform.Web.FieldErrors errors, string? message, CancellationToken ct)
    {
        if (saved is not null)
        {
            TempData["Saved"] = saved;
            return RedirectToPage(new { id = Id });
        }

        Errors = PageMessages.For(errors.Any ? errors.Messages : [message ?? ""]);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Facility = (await facilities.ListAsync(ct)).FirstOrDefault(f => f.Id == Id);
        Rows = Facility is null ? [] : await plots.ListAsync(Id, ct);
        return Facility is not null;
    }
}
