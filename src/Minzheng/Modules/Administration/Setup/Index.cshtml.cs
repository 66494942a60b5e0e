using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Installation;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Administration.Setup;

/// <summary>上线检查: what is left before the county works in production, and how to do each step.</summary>
[Authorize(Policy = Policies.ManageSystem)]
public sealed class IndexModel(SetupChecklist checklist) : PageModel
{
    public IReadOnlyList<SetupItem> Items { get; private set; } = [];

    public int Remaining => Items.Count(i => !i.Done && !i.Optional);

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await checklist.EvaluateAsync(User.FindFirstValue(MinzhengClaims.Region) ?? "", Request.IsHttps, ct);
}
