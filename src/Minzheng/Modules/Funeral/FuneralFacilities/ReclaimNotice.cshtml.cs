using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Funeral.Plots;
using Minzheng.Platform.Documents;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

/// <summary>The printable 墓穴使用到期催告书 (A4) to the plot holder: its number, the plot, the expiry, the deadline; every print is counted and audited.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class ReclaimNoticeModel(ReclaimService reclaims, PlotService plots, FacilityService facilities, DocumentService documents) : PageModel
{
    public PlotReclaim? Notice { get; private set; }
    public Plot? Plot { get; private set; }
    public string FacilityName { get; private set; } = "";
    public IssuedDocument? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Notice = await reclaims.GetAsync(id, ct);
        Plot = Notice is null ? null : await plots.GetAsync(Notice.PlotId, ct);
        if (Notice is null || Plot is null)
        {
            return NotFound();
        }

        FacilityName = (await facilities.ListAsync(ct)).FirstOrDefault(f => f.Id == Plot.FacilityId)?.Name ?? "";
        Document = await documents.CurrentAsync(ReclaimDocuments.NoticeKind, ReclaimDocuments.OwnerType, Notice.Id, ct);
        if (Document is not null)
        {
            await documents.RecordPrintAsync(Document, ct);
        }

        return Page();
    }
}
