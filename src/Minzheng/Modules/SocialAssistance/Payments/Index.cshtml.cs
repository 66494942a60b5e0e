using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>发放名册: the list with status, and for the county the form that makes a payroll (its key is fixed when the form is shown).</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class IndexModel(PayrollService service, PayrollQueries queries, IAuthorizationService authorization) : PageModel
{
    public Paged<PayrollDto> Payrolls { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public bool CanMake { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The Idempotency-Key of the form as rendered: pressing 生成 twice makes one payroll.</summary>
    public string FormKey { get; private set; } = Guid.CreateVersion7().ToString();

    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";

    [BindProperty(SupportsGet = true)]
    public string? Program { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int? PageNumber { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? regionCode, string? period, string? key, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.MakePayrolls)).Succeeded)
        {
            return Forbid();
        }

        var result = await service.CreateAsync(new CreatePayrollRequest(Program, regionCode, period), key, ct);
        if (result.Payroll is { } payroll)
        {
            return RedirectToPage("Detail", new { id = payroll.Id });
        }

        Error = result.Errors is { } errors ? string.Join("；", errors.Messages) : result.Message;
        (Program, Status) = (null, null);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanMake = (await authorization.AuthorizeAsync(User, AssistancePolicies.MakePayrolls)).Succeeded;
        Payrolls = await queries.ListAsync(Program, Status, PageRequest.From(PageNumber, null, null, null), ct);
    }
}
