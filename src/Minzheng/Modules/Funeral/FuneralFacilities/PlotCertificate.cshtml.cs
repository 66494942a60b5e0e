using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Funeral.Plots;
using Minzheng.Platform.Documents;

namespace Minzheng.Modules.Funeral.FuneralFacilities;

/// <summary>The printable 墓穴证 of a sold plot: its number, the cemetery, the plot, the holder (ID number masked), the tenure; every print is counted and audited.</summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class PlotCertificateModel(PlotService plots, FacilityService facilities, DocumentService documents) : PageModel
{
    public Plot? Plot { get; private set; }
    public FacilityRow? Facility { get; private set; }
    public IssuedDocument? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Plot = await plots.GetAsync(id, ct);
        if (Plot is null || !Plot.IsSold)
        {
            return NotFound();
        }

        Facility = (await facilities.ListAsync(ct)).FirstOrDefault(f => f.Id == Plot.FacilityId);
        Document = await documents.CurrentAsync(PlotDocuments.CertificateKind, PlotDocuments.OwnerType, Plot.Id, ct);
        if (Document is not null)
        {
            await documents.RecordPrintAsync(Document, ct);
        }

        return Page();
    }
}
