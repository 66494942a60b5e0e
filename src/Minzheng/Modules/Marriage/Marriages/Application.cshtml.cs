using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Attachments;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>One divorce application: deadlines, state, the 离婚协议 (printable) and its signed scan (attachments); every view audited.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class ApplicationModel(DivorceApplicationDetails details, AttachmentService attachments) : PageModel
{
    public DivorceApplicationView? Application { get; private set; }
    public AttachmentPanel? Attachments { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Application = await details.GetAsync(id, ct);
        if (Application is null)
        {
            return NotFound();
        }

        Attachments = await attachments.PanelAsync(User, MarriageDocuments.ApplicationOwnerType, id, $"/Marriages/Application?id={id}#attachments", ct);
        return Page();
    }
}
