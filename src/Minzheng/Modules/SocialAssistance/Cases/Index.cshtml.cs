using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>The work list (due soon, overdue, by status), the deadline board, and a new application by the head's ID number.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(CaseQueries queries, CaseService cases, RegistryService registry, ReserveFundService reserve, IAuthorizationService authorization,
    TimeProvider clock) : PageModel
{
    public List<CaseListItem> Rows { get; private set; } = [];
    public List<DeadlineRow> Board { get; private set; } = [];
    public List<ReserveFundRow> Reserve { get; private set; } = [];
    public bool CanApply { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Program { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostApplyAsync(string? headIdNumber, string? program, bool authorisationSigned, bool relativeOfStaff,
        decimal? emergencyAmount, string? note, string? temporaryCategory, bool individualAid, string? aidPlace, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.CaseWork)).Succeeded)
        {
            return Forbid();
        }

        var household = string.IsNullOrWhiteSpace(headIdNumber) ? null : (await registry.SearchAsync(null, headIdNumber, null, 1, ct))?.FirstOrDefault();
        if (household is null)
        {
            Error = "未找到该身份证号对应的家庭（须为您管辖范围内已登记的家庭成员）；请先在“家庭与人员登记”中登记";
            await LoadAsync(ct);
            return Page();
        }

        var (outcome, id, message, errors) = await cases.CreateAsync(CaseEndpoints.Actor(User),
            new CreateCaseRequest(program, household.Id, null, null, authorisationSigned, relativeOfStaff, emergencyAmount, note,
                program == "temporary" ? temporaryCategory : null, program == "temporary" && individualAid, program == "temporary" ? aidPlace : null), ct);
        if (outcome != Outcome.Done)
        {
            Error = message ?? string.Join("；", errors.Messages);
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage("Detail", new { id });
    }

    public bool CanDecide { get; private set; }
    public string? BatchSummary { get; private set; }

    public async Task<IActionResult> OnPostBatchAsync(List<Guid> ids, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        var results = await cases.BatchApproveAsync(ids, CaseEndpoints.Actor(User), ct);
        BatchSummary = $"批准 {results.Count(r => r.Approved)} 件；未批准 {results.Count(r => !r.Approved)} 件"
            + string.Concat(results.Where(r => !r.Approved).Select(r => $"；{r.Message}"));
        Status = "awaiting-decision";
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>县级向乡镇拨付临时救助备用金.</summary>
    public async Task<IActionResult> OnPostAllocateAsync(string? regionCode, decimal? amount, string? note, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded)
        {
            return Forbid();
        }

        if (await reserve.AllocateAsync(new AllocationRequest(regionCode, amount, note), Minzheng.Platform.Calendar.ChinaTime.Today(clock), ct) is { } error)
        {
            Error = error;
            await LoadAsync(ct);
            return Page();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Reserve = await reserve.LedgerAsync(ct);
        CanApply = (await authorization.AuthorizeAsync(User, AssistancePolicies.CaseWork)).Succeeded;
        CanDecide = (await authorization.AuthorizeAsync(User, AssistancePolicies.DecideCases)).Succeeded;
        Rows = await queries.ListAsync(Status, Program, null, Due, 300, ct, Mine ? User.Identity?.Name : null) ?? [];
        Board = await queries.BoardAsync(ct);
    }

    public static string UrgencyBadge(string urgency) => urgency switch
    {
        "overdue" => "<span class=\"badge text-bg-danger\">已超期</span>",
        "due-soon" => "<span class=\"badge text-bg-warning\">即将到期</span>",
        "on-time" => "<span class=\"badge text-bg-success\">正常</span>",
        _ => "<span class=\"badge text-bg-secondary\">已办结</span>",
    };
}
