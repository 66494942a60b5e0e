using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Web.Pages;

/// <summary>
/// 附件 of any record: the forms of the attachments partial post here, so a record's page only shows the panel. Success
/// returns to the record's page; a refused upload or removal shows the panel here with the reason.
/// </summary>
[Authorize(Policy = Policies.ReadAttachments)]
public sealed class AttachmentsModel(AttachmentService attachments, IAuthorizationService authorization) : PageModel
{
    public AttachmentPanel? Panel { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ownerType, Guid ownerId, string? returnUrl, CancellationToken ct) =>
        await ShowAsync(ownerType, ownerId, returnUrl, null, ct);

    /// <summary>The file as a download; the view is audited.</summary>
    public async Task<IActionResult> OnGetContentAsync(Guid id, CancellationToken ct) =>
        await attachments.OpenAsync(id, ct) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(string? ownerType, Guid ownerId, IFormFile? file, string? note, string? returnUrl,
        CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageAttachments)).Succeeded)
        {
            return Forbid();
        }

        var (_, refusal) = await attachments.UploadAsync(ownerType ?? "", ownerId, file, note, ct);
        return refusal switch
        {
            null => LocalRedirect(Back(ownerType, ownerId, returnUrl)),
            { Outcome: Outcome.NotFound } => NotFound(),
            _ => await ShowAsync(ownerType, ownerId, returnUrl, refusal.Message, ct),
        };
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, string? reason, string? ownerType, Guid ownerId, string? returnUrl, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageAttachments)).Succeeded)
        {
            return Forbid();
        }

        return await attachments.DeleteAsync(id, reason, ct) switch
        {
            null => LocalRedirect(Back(ownerType, ownerId, returnUrl)),
            { Outcome: Outcome.NotFound } => NotFound(),
            var refusal => await ShowAsync(ownerType, ownerId, returnUrl, refusal.Message, ct),
        };
    }

    private async Task<IActionResult> ShowAsync(string? ownerType, Guid ownerId, string? returnUrl, string? error, CancellationToken ct)
    {
        Panel = await attachments.PanelAsync(User, ownerType ?? "", ownerId, Back(ownerType, ownerId, returnUrl), ct, error);
        return Panel is null ? NotFound() : Page();
    }

    /// <summary>The record's page the forms came from, or this page of the record; never an address off this site.</summary>
    private string Back(string? ownerType, Guid ownerId, string? returnUrl) =>
        returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl)
            ? returnUrl
            : $"/Attachments?ownerType={Uri.EscapeDataString(ownerType ?? "")}&ownerId={ownerId}";
}
