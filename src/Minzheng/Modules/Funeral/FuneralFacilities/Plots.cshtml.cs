using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.Plots;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

/// <summary>墓穴: the plots of one cemetery, a form to lay out a plot (within the province's size limit) and one to sell a free plot with its 墓穴证.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class PlotsModel(PlotService plots, PlotReservationService reservations, FacilityService facilities, MinzhengDbContext db, TimeProvider clock)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public FacilityRow? Facility { get; private set; }
    public List<PlotRow> Rows { get; private set; } = [];

    /// <summary>A rural 公益性墓地 sells to its own villagers only: the villages and communities of its region, to choose the buyer's from.</summary>
    public List<(string Code, string Name)> Villages { get; private set; } = [];
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
        string? buyerRegionCode, CancellationToken ct)
    {
        var result = await plots.SellAsync(plotId, new PlotSaleRequest(buyerName, buyerIdNumber, soldOn, contractNumber, tenureYears, buyerRegionCode), ct);
        return await AfterAsync(result.Value is { } sold ? $"已售出，墓穴证编号 {sold.CertificateNumber}" : null, result.Errors, result.Message, ct);
    }

    public async Task<IActionResult> OnPostReserveAsync(Guid plotId, string? buyerName, string? buyerIdNumber, string? buyerRegionCode, string? reservedUntil,
        CancellationToken ct)
    {
        var result = await reservations.ReserveAsync(plotId, new PlotReservationRequest(buyerName, buyerIdNumber, buyerRegionCode, null, reservedUntil), ct);
        return await AfterAsync(result.Value is { } r ? $"已预留给{r.BuyerName}，至{r.ReservedUntil:yyyy-MM-dd}" : null, result.Errors, result.Message, ct);
    }

    public async Task<IActionResult> OnPostCancelReservationAsync(Guid plotId, CancellationToken ct)
    {
        var result = await reservations.CancelAsync(plotId, ct);
        return await AfterAsync(result.Outcome == Platform.Kernel.Outcome.Done ? "已取消预留，墓穴恢复空闲" : null, result.Errors, result.Message, ct);
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
        if (Facility?.Kind == Platform.Web.InputValues.Code(FacilityKind.RuralPublicCemetery))
        {
            var prefix = Platform.Regions.RegionCode.Prefix(Facility.RegionCode);
            Villages = [.. (await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix) && r.Level == Platform.Regions.RegionLevel.Village)
                .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name))];
        }

        return Facility is not null;
    }
}
