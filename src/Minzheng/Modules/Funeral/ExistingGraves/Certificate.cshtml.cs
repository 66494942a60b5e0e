using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Funeral.Plots;
using Minzheng.Platform.Documents;

namespace Minzheng.Modules.Funeral.ExistingGraves;

/// <summary>
/// The printable 墓穴证 of a registered old grave, like a cemetery plot's: its number (the same series), the village and
/// place, the occupants (ID numbers masked), the family. Only while the grave is on record: once relocated or levelled the
/// certificate no longer describes a grave. Every print is counted and audited.
/// </summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class CertificateModel(GraveService graves, DocumentService documents, Platform.Regions.RegionService regions) : PageModel
{
    public GraveDetail? Detail { get; private set; }
    public IssuedDocument? Document { get; private set; }

    /// <summary>The county civil-affairs bureau that issues the series (an old grave has no cemetery to sign it).</summary>
    public string Office { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Detail = await graves.DetailAsync(id, ct);
        if (Detail is not { Grave: { CertificateNumber: not null, Status: "registered" } })
        {
            return NotFound();
        }

        Document = await documents.CurrentAsync(PlotDocuments.CertificateKind, GraveDocuments.OwnerType, id, ct);
        if (Document is not null)
        {
            Office = (await regions.NameOfAsync(Document.RegionCode, ct) ?? "") + "民政局";
            await documents.RecordPrintAsync(Document, ct);
        }

        return Page();
    }
}
