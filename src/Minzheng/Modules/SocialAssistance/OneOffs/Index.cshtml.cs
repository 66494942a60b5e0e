using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.OneOffs;

/// <summary>一次性生活补贴: batches with their counts; the county proposes, a second person approves or returns.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(OneOffBatchService service, OneOffQueries queries, IAuthorizationService authorization) : PageModel
{
    public Paged<OneOffBatchDto> Batches { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public bool CanPropose { get; private set; }
    public bool CanDecide { get; private set; }
    public string? Error { get; private set; }
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    [BindProperty]
    public OneOffBatchRequest Form { get; set; } = new(null, null, null, null, "per-household", null, null);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.MakePayrolls)).Succeeded)
        {
            return Forbid();
        }

        var (_, batch, errors, message) = await service.ProposeAsync(Form, ct);
        if (batch is not null)
        {
            return RedirectToPage();
        }

        Error = errors.Any ? string.Join("；", errors.Messages) : message;
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => DecideAsync(() => service.ApproveAsync(id, User.Identity?.Name ?? "", ct), ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken ct) =>
        DecideAsync(() => service.RejectAsync(id, User.Identity?.Name ?? "", reason, ct), ct);

    private async Task<IActionResult> DecideAsync(Func<Task<(Outcome Outcome, string? Message)>> decide, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        var (outcome, message) = await decide();
        if (outcome == Outcome.Done)
        {
            return RedirectToPage();
        }

        Error = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanPropose = (await authorization.AuthorizeAsync(User, AssistancePolicies.MakePayrolls)).Succeeded;
        CanDecide = (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        Batches = await queries.PageAsync(Status, PageRequest.NewestFirst(PageNumber, null, Sort, Dir), ct);
    }
}
