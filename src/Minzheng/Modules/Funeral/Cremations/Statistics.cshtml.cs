using System.Globalization;
using System.Security.Claims;
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
    /// <summary>A township or village of the caller's subtree (empty: the whole subtree), so each township's figures can be read.</summary>
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public FuneralStatistics? Figures { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string ScopeRoot => User.FindFirstValue(Platform.Security.MinzhengClaims.Region) ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (outcome, figures, errors) = await queries.StatisticsAsync(string.IsNullOrWhiteSpace(Region) ? null : Region, From, To, ct);
        Figures = figures;
        Errors = outcome == Outcome.Done ? [] : errors.Any ? PageMessages.For(errors.Messages) : ["统计区划不在您的管辖范围内"];
    }
}
