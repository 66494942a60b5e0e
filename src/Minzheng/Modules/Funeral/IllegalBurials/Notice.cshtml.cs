using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Documents;

namespace Minzheng.Modules.Funeral.IllegalBurials;

/// <summary>
/// The printable 限期整改通知书 (A4) to the party of an illegal-burial case: its number, the party (ID number masked), the
/// place, what is wrong, the legal basis, the deadline and the right to reconsideration or suit. Every print is counted and audited.
/// </summary>
[Authorize(Policy = FuneralModule.Record)]
public sealed class NoticeModel(IllegalBurialService cases, DocumentService documents, Platform.Regions.RegionService regions) : PageModel
{
    public IllegalBurialDetail? Detail { get; private set; }
    public IssuedDocument? Document { get; private set; }

    /// <summary>The county civil-affairs bureau that orders the rectification (殡葬管理条例: 民政部门责令限期改正).</summary>
    public string Office { get; private set; } = "";

    /// <summary>The county government, to which an administrative reconsideration goes (行政复议法: the department's own government).</summary>
    public string County { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Detail = await cases.DetailAsync(id, ct);
        if (Detail is not { Case.NoticeNumber: not null })
        {
            return NotFound();
        }

        Document = await documents.CurrentAsync(IllegalBurialDocuments.NoticeKind, IllegalBurialDocuments.OwnerType, id, ct);
        if (Document is not null)
        {
            County = await regions.NameOfAsync(Document.RegionCode, ct) ?? "";
            Office = County + "民政局";
            await documents.RecordPrintAsync(Document, ct);
        }

        return Page();
    }
}
