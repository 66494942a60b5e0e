using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Medical;

/// <summary>One settlement file: totals per hospital, every settlement with its calculation; approve or return, then record the transfer to the hospitals.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class BatchModel(SettlementService service, MedicalQueries queries, IAuthorizationService authorization) : PageModel
{
    public SettlementBatchDto Batch { get; private set; } = null!;
    public Paged<SettlementDto> Rows { get; private set; } = new([], 0, 1, MedicalQueries.PageSize);
    public bool CanDecide { get; private set; }
    public bool CanReimburse { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool NotAided { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        ActAsync(AssistancePolicies.DecideCases, () => service.ApproveAsync(Id, User.Identity?.Name ?? "", ct), ct);

    public Task<IActionResult> OnPostRejectAsync(string? reason, CancellationToken ct) =>
        ActAsync(AssistancePolicies.DecideCases, () => service.RejectAsync(Id, User.Identity?.Name ?? "", reason, ct), ct);

    public Task<IActionResult> OnPostReimburseAsync(string? on, string? voucher, CancellationToken ct) =>
        ActAsync(AssistancePolicies.CheckPayrolls, () => service.RecordReimbursementAsync(Id, InputValues.TryParseDate(on, out var day) ? day : null, voucher, ct), ct);

    private async Task<IActionResult> ActAsync(string policy, Func<Task<(Outcome Outcome, string? Message)>> act, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message) = await act();
        if (outcome == Outcome.Done)
        {
            return RedirectToPage(new { id = Id });
        }

        Error = message;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.BatchAsync(Id, ct) is not { } batch)
        {
            return false;
        }

        Batch = batch;
        Rows = await queries.SettlementsAsync(Id, PageNumber, NotAided, ct);
        CanDecide = batch.Status == "proposed" && batch.CreatedBy != User.Identity?.Name
            && (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        CanReimburse = batch.Status == "approved" && batch.ReimbursedOn is null && (await authorization.AuthorizeAsync(User, AssistancePolicies.CheckPayrolls)).Succeeded;
        return true;
    }
}
