using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Funeral.Plots;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

/// <summary>墓穴详情: a sold plot's burials and tenure, with the forms to record a burial, to renew the tenure (续期), and to give notice and reclaim an expired plot.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class PlotModel(BurialService burials, ReclaimService reclaims, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public PlotDetail? Detail { get; private set; }
    public List<ReclaimRow> Reclaims { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostBuryAsync(string? deceasedName, string? idNumber, string? buriedOn, CancellationToken ct)
    {
        var result = await burials.BuryAsync(Id, new BurialRequest(deceasedName, idNumber, buriedOn, null), ct);
        return await AfterAsync(result.Value is { } b ? $"已登记安葬：{b.DeceasedName}（第{b.Slot}穴）" : null, result.Errors, result.Message, ct);
    }

    public async Task<IActionResult> OnPostRenewAsync(int? years, string? renewedOn, decimal? fee, string? receiptNumber, CancellationToken ct)
    {
        var result = await burials.RenewAsync(Id, new RenewalRequest(years, renewedOn, fee, receiptNumber), ct);
        return await AfterAsync(result.Value is { } r ? $"已续期，到期日期由{r.PreviousExpiresOn:yyyy-MM-dd}顺延至{r.ExpiresOn:yyyy-MM-dd}" : null, result.Errors, result.Message, ct);
    }

    public async Task<IActionResult> OnPostNoticeAsync(string? noticedOn, CancellationToken ct)
    {
        var result = await reclaims.NoticeAsync(Id, new ReclaimNoticeRequest(noticedOn), ct);
        return await AfterAsync(result.Value is { } n ? $"已发出催告 {n.NoticeNumber}，期限至{n.Deadline:yyyy-MM-dd}" : null, result.Errors, result.Message, ct);
    }

    public async Task<IActionResult> OnPostReclaimAsync(string? reclaimedOn, string? disposition, string? place, string? note, CancellationToken ct)
    {
        var result = await reclaims.ReclaimAsync(Id, new ReclaimRequest(reclaimedOn, disposition, place, note), ct);
        return await AfterAsync(result.Value is { } n ? $"已收回墓穴：{n.DispositionName}（{n.RemainsPlace}），墓穴恢复空闲" : null, result.Errors, result.Message, ct);
    }

    private async Task<IActionResult> AfterAsync(string? saved, FieldErrors errors, string? message, CancellationToken ct)
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
        Detail = await burials.DetailAsync(Id, ct);
        Reclaims = Detail is null ? [] : await reclaims.OfPlotAsync(Id, ct);
        return Detail is not null;
    }
}
