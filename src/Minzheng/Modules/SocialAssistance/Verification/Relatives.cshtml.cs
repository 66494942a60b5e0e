using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>近亲属备案: the register with hits, the report by township, one entry by form (many by import), withdrawal.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class RelativesModel(RelativeRegister register, IAuthorizationService authorization) : PageModel
{
    public Paged<StaffRelativeDto> Entries { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public List<RelativeReportRow> Report { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string? Error { get; private set; }
    public string? Added { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Name { get; set; }

    /// <summary>"active", "ended" or empty for both.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    public string ExportUrl => ListLinks.Export(Request, "/api/v1/verification/relatives/export.xlsx");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(RelativeRequest entry, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.ManageCheckLists)).Succeeded)
        {
            return Forbid();
        }

        var (id, matched, errors) = await register.AddAsync(entry, ct);
        Error = id is null ? string.Join("；", errors.Messages) : null;
        Added = id is null ? null : matched > 0 ? $"已登记；比对命中 {matched} 处，已列入核查发现" : "已登记；未命中保障对象或在办申请";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, AssistancePolicies.ManageCheckLists)).Succeeded)
        {
            return Forbid();
        }

        return await register.EndAsync(id, ct) ? Redirect(ListLinks.With(Request, ("handler", null), ("id", null))) : NotFound();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = (await authorization.AuthorizeAsync(User, AssistancePolicies.ManageCheckLists)).Succeeded;
        Entries = await register.PageAsync(null, Name, Status, PageRequest.From(PageNumber, null, Sort, Dir), ct);
        Report = await register.ReportAsync(null, ct);
    }
}
