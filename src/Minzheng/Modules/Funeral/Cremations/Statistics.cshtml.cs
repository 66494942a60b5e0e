using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>殡葬统计: the figures of the caller's region for a period (this year so far by default) and the monthly waiver ledger to claim from finance.</summary>
[Authorize(Policy = FuneralModule.Read)]
public sealed class StatisticsModel(FuneralQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public FuneralStatistics? Figures { get; private set; }
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
