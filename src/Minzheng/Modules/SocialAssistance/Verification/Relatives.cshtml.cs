using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>近亲属备案: the register with hits, the report by township, one entry by form (many by import), withdrawal.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class RelativesModel(RelativeRegister register, IAuthorizationService authorization) : PageModel
{
    public List<StaffRelativeDto> Entries { get; private set; } = [];
    public List<RelativeReportRow> Report { get; private set; } = [];
    public bool CanManage { get; private set; }
    public string? Error { get; private set; }
    public string? Added { get; private set; }

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

        return await register.EndAsync(id, ct) ? RedirectToPage() : NotFound();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = (await authorization.AuthorizeAsync(User, AssistancePolicies.ManageCheckLists)).Succeeded;
        Entries = await register.ListAsync(null, ct);
        Report = await register.ReportAsync(null, ct);
    }
}
