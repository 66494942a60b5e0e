using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The line's figures for the caller's region: registrations by kind, ends, organisations in good standing, and the inspection of a year.</summary>
[Authorize(Policy = SocialOrganizationsModule.Read)]
public sealed class StatisticsModel(OrganizationStatistics statistics, InspectionQueries inspections, OrganizationSupervision supervision, DecouplingWork decoupling,
    Applications.ApplicationQueries applications, IRegionScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public SocialOrganizationStatistics? Figures { get; private set; }
    public InspectionSummary? Inspection { get; private set; }
    public DecouplingSummary? Decoupling { get; private set; }
    public DecouplingProgress? Progress { get; private set; }
    public Applications.ApplicationStatistics? Applications { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Decoupling = await supervision.DecouplingSummaryAsync(ct);
        var (_, value, errors) = await statistics.ForAsync(null, From, To, ct);
        Errors = PageMessages.For(errors.Messages);
        Figures = value;
        Applications = value is null ? null : (await applications.ForAsync(null, From, To, ct)).Value;
        if (value is not null && DateOnly.TryParse(To, CultureInfo.InvariantCulture, out var end))
        {
            Inspection = await inspections.SummaryAsync(end.Year - 1, scope.Prefix, ct);
            Progress = await decoupling.ProgressAsync(end, ct);
        }
    }
}
