using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Web;

/// <summary>优抚统计: the caller's region for a period (this year so far by default): entitled persons and amounts by category, deaths and funeral aid.</summary>
[Authorize(Policy = VeteransModule.Read)]
public sealed class StatisticsModel(VeteranStatistics statistics, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public VeteranFigures? Figures { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (outcome, figures, errors) = await statistics.ComputeAsync(null, From, To, ct);
        Figures = figures;
        Errors = outcome == Outcome.Done ? [] : errors.Any ? PageMessages.For(errors.Messages) : ["统计区划不在您的管辖范围内"];
    }
}
