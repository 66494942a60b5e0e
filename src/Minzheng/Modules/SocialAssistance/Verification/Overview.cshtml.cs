using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>核查看板: what is open where, what came of it, and what is overdue.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class OverviewModel(VerificationOverview overview) : PageModel
{
    public VerificationOverviewDto Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await overview.GetAsync(null, ct);
}
