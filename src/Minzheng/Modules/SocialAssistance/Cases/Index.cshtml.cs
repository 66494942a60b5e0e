using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>The work list (due soon, overdue, by status), the deadline board, and a new application by the head's ID number.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(CaseQueries queries, CaseService cases, HouseholdSearch households, ReserveFundService reserve, IAuthorizationService authorization,
    TimeProvider clock) : PageModel
{
    public Paged<CaseListItem> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public List<DeadlineRow> Board { get; private set; } = [];
    public List<ReserveFundRow> Reserve { get; private set; } = [];
    public bool CanApply { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The household chosen for a new application (from the picker, or from the household page's 申请救助).</summary>
    public HouseholdListItem? ChosenHousehold { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Program { get; set; }
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true, Name = "householdId")] public Guid? Household { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    /// <summary>The application form, under its own prefix so its programme never becomes the list's filter, and kept whole after an error.</summary>
    [BindProperty] public ApplyForm Apply { get; set; } = new();

    /// <summary>A full ID number looked up by post (never in a URL): the household's cases are listed.</summary>
    public string? LookedUpIdNumber { get; private set; }

    public string ExportUrl => ListLinks.With(Request, ("pageNumber", null)).Replace("/Cases", "/api/v1/cases/export.xlsx", StringComparison.Ordinal);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Household is { } id)
        {
            ChosenHousehold = await households.GetAsync(id, ct);
        }

        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostFindAsync(string? idNumber, CancellationToken ct)
    {
        LookedUpIdNumber = idNumber;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.CaseWork)).Succeeded)
        {
            return Forbid();
        }

        var a = Apply;
        var household = a.HouseholdId is { } chosen ? await households.GetAsync(chosen, ct) : await households.FindByIdNumberAsync(a.HeadIdNumber, ct);
        if (household is null)
        {
            Error = "请选择申请家庭：按姓名搜索后点选，或填写已登记家庭成员的完整身份证号（须在您的管辖范围内；未登记的请先在“家庭与人员登记”中登记）";
            await LoadAsync(ct);
            return Page();
        }

        var temporary = a.Program == "temporary";
        var (outcome, id, message, errors) = await cases.CreateAsync(CaseEndpoints.Actor(User),
            new CreateCaseRequest(a.Program, household.Id, null, null, a.AuthorisationSigned, a.RelativeOfStaff, a.EmergencyAmount, a.Note,
                temporary ? a.TemporaryCategory : null, temporary && a.IndividualAid, temporary ? a.AidPlace : null), ct);
        if (outcome != Outcome.Done)
        {
            (Error, ChosenHousehold) = (message ?? string.Join("；", errors.Messages), household);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = $"已登记{household.HeadName}户的{Programs.AssistancePrograms.ByCode(a.Program)?.Name}申请";
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
        var filter = new CaseFilter(Status, Program, null, Due, Mine ? User.Identity?.Name : null, Name, LookedUpIdNumber, Household);
        Rows = await queries.ListAsync(filter, PageRequest.From(PageNumber, null, Sort, Dir), ct) ?? Rows;
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

/// <summary>The fields of a new application as the page posts them.</summary>
public sealed class ApplyForm
{
    public Guid? HouseholdId { get; set; }
    public string? HeadIdNumber { get; set; }
    public string? Program { get; set; }
    public bool AuthorisationSigned { get; set; }
    public bool RelativeOfStaff { get; set; }
    public decimal? EmergencyAmount { get; set; }
    public string? Note { get; set; }
    public string? TemporaryCategory { get; set; }
    public bool IndividualAid { get; set; }
    public string? AidPlace { get; set; }
}
