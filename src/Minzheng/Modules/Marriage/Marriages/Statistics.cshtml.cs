using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>婚姻登记统计: the five figures of the caller's region for a period (this year so far by default).</summary>
[Authorize(Policy = MarriageModule.Read)]
public sealed class StatisticsModel(MarriageQueries queries, TimeProvider clock) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? From { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? To { get; set; }

    public MarriageStatistics? Figures { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (outcome, figures, errors) = await queries.StatisticsAsync(null, From, To, ct);
        Figures = figures;
        Errors = outcome == Outcome.Done ? [] : errors.Any ? PageMessages.For(errors.Messages) : ["统计区划不在您的管辖范围内"];
    }
}
