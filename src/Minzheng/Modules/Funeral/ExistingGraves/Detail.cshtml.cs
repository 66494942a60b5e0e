using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.ExistingGraves;

/// <summary>已有坟墓详情: the registered grave, its 墓穴证, and the forms to record its relocation or levelling.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class DetailModel(GraveService graves, GraveChanges changes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GraveDetail? Detail { get; private set; }
    public List<(Guid Id, string Label)> Burials { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string Today => clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCertificateAsync(CancellationToken ct) =>
        await AnswerAsync(await changes.IssueCertificateAsync(Id, new GraveCertificateRequest(null), ct), g => $"已发放墓穴证：{g.CertificateNumber}", ct);

    public async Task<IActionResult> OnPostRelocateAsync(string? on, string? reason, string? note, Guid? burialId, string? destination, decimal? compensation,
        CancellationToken ct) =>
        await AnswerAsync(await changes.RelocateAsync(Id, new GraveRelocationRequest(on, reason, note, burialId, destination, compensation), ct),
            g => $"已登记迁移（{g.ClosedOn:yyyy-MM-dd}）", ct);

    public async Task<IActionResult> OnPostRemoveAsync(string? on, string? note, CancellationToken ct) =>
        await AnswerAsync(await changes.RemoveAsync(Id, new GraveRemovalRequest(on, note), ct), g => $"已登记平毁（{g.ClosedOn:yyyy-MM-dd}）", ct);

    private async Task<IActionResult> AnswerAsync(FuneralResult<GraveRow> result, Func<GraveRow, string> saved, CancellationToken ct)
    {
        if (result.Value is { } grave)
        {
            TempData["Saved"] = saved(grave);
            return RedirectToPage(new { id = Id });
        }

        Errors = PageMessages.For(result.Errors.Any ? result.Errors.Messages : [result.Message ?? ""]);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Detail = await graves.DetailAsync(Id, ct);
        Burials = Detail is null ? [] : await changes.CandidateBurialsAsync(Id, ct);
        return Detail is not null;
    }
}
