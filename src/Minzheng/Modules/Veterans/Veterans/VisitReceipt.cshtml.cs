using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Visits;
using Minzheng.Platform.Attachments;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>One visit of a 走访慰问 campaign with its signed receipts (签收单): the township uploads the scan after the visit.</summary>
[Authorize(Policy = VeteransModule.Visit)]
public sealed class VisitReceiptModel(VisitService visits, AttachmentService attachments) : PageModel
{
    public CareVisit? Visit { get; private set; }
    public CareVisitCampaign? Campaign { get; private set; }
    public AttachmentPanel? Receipts { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await visits.VisitAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        (Visit, Campaign) = found;
        Receipts = await attachments.PanelAsync(User, CareVisitAttachmentOwner.Type, id, $"/Veterans/VisitReceipt?id={id}#attachments", ct);
        return Page();
    }
}
