using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

/// <summary>资金台账: due, paid, failed and recovered per programme × township (village, for a township's view) × month, for a period and region.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class LedgerModel(PayrollQueries queries, TimeProvider clock) : PageModel
{
    public List<LedgerRow> Rows { get; private set; } = [];
    public string? Program { get; private set; }
    public string? Region { get; private set; }
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string ScopeRoot => User.FindFirstValue(MinzhengClaims.Region) ?? "";
    public bool ByVillage { get; private set; }

    public async Task OnGetAsync(string? program, string? region, string? from, string? to, CancellationToken ct)
    {
        var today = clock.Today();
        if (!InputValues.TryParseMonth(from, out var start))
        {
            start = new DateOnly(today.Year, 1, 1);
        }

        if (!InputValues.TryParseMonth(to, out var end) || end < start)
        {
            end = new DateOnly(today.Year, today.Month, 1);
        }

        (Program, Region, From, To) = (program, region, start.ToString("yyyy-MM", null), end.ToString("yyyy-MM", null));
        ByVillage = queries.LedgerByVillage(region);
        Rows = await queries.LedgerAsync(program, region, start, end, ct);
    }
}
