using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// One register entry with its history (reissues, divorce, revocation, corrections; every view audited). The registry's
/// head also sees the forms to enter a court's revocation and to correct an error; the handlers check the permission again.
/// </summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class DetailModel(MarriageRecordDetails details, MarriageAmendments amendments, MarriageCorrections corrections, IAuthorizationService authorization,
    AttachmentService attachments, TimeProvider clock) : PageModel
{
    /// <summary>合影照片, 签名页扫描件 and other papers kept with the entry (the forms post to the platform's /Attachments page).</summary>
    public AttachmentPanel? Attachments { get; private set; }

    public MarriageRecordDetail? Record { get; private set; }
    public bool MaySupervise { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public string Today => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? date, string? kind, string? court, string? caseNumber, string? judgmentDate, CancellationToken ct)
    {
        if (!await SuperviseAsync())
        {
            return Forbid();
        }

        var result = await amendments.RevokeAsync(new RevocationRequest(id, date, kind, court, caseNumber, judgmentDate), ct);
        return await AfterAsync(id, result.Outcome, "已录入法院判决，撤销该婚姻登记，双方恢复未婚状态", result.Errors, result.Message, ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(Guid id, string? field, string? newValue, string? reason, CancellationToken ct)
    {
        if (!await SuperviseAsync())
        {
            return Forbid();
        }

        var result = await corrections.CorrectAsync(id, new CorrectionRequest(field, newValue, reason), ct);
        return await AfterAsync(id, result.Outcome, "已更正，更正记录见下方", result.Errors, result.Message, ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Platform.Kernel.Outcome outcome, string success, FieldErrors errors, string? message, CancellationToken ct)
    {
        if (outcome == Platform.Kernel.Outcome.Done)
        {
            TempData["Message"] = success;
            return RedirectToPage(new { id });
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Errors = PageMessages.For(errors.Any ? errors.Messages : [message!]);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Record = await details.GetAsync(id, ct);
        MaySupervise = await SuperviseAsync();
        Attachments = Record is null ? null : await attachments.PanelAsync(User, MarriageDocuments.OwnerType, id, $"/Marriages/Detail?id={id}#attachments", ct);
        return Record is not null;
    }

    private async Task<bool> SuperviseAsync() => (await authorization.AuthorizeAsync(User, MarriageModule.Supervise)).Succeeded;
}
