using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.AnnualInspections;

/// <summary>The year's figures and list of the inspection, within the caller's region (the query filter applies).</summary>
public sealed class InspectionQueries(MinzhengDbContext db, TimeProvider clock)
{
    /// <summary>Counts of a year for a region prefix: notified = due, submitted = reports received, passed = 合格 + 基本合格.</summary>
    public async Task<InspectionSummary> SummaryAsync(int year, string prefix, CancellationToken ct)
    {
        var counts = await db.InspectionEntries.AsNoTracking().Where(e => e.Year == year && e.RegionCode.StartsWith(prefix))
            .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(params InspectionStatus[] s) => s.Sum(counts.GetValueOrDefault);
        var campaign = await db.InspectionCampaigns.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.RegionCode)
            .Select(c => new { c.ReportBy, c.PublishedOn }).FirstOrDefaultAsync(ct);
        var notified = counts.Values.Sum();
        return new InspectionSummary(year, notified, notified - Of(InspectionStatus.Notified),
            Of(InspectionStatus.Qualified, InspectionStatus.BasicallyQualified), Of(InspectionStatus.Rectifying), Of(InspectionStatus.Unqualified),
            Of(InspectionStatus.Submitted), campaign?.ReportBy, campaign?.PublishedOn);
    }

    /// <summary>The years with a campaign the caller can see, newest first.</summary>
    public Task<List<int>> YearsAsync(CancellationToken ct) =>
        db.InspectionCampaigns.AsNoTracking().Select(c => c.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>The organisations of a year's inspection, optionally of one status (its API code), 整改 deadlines first.</summary>
    public async Task<Paged<InspectionRow>> RowsAsync(int year, InspectionStatus? status, PageRequest page, CancellationToken ct)
    {
        var today = clock.Today();
        var query = from e in db.InspectionEntries.AsNoTracking()
                    join o in db.SocialOrganizations.AsNoTracking() on e.OrganizationId equals o.Id
                    where e.Year == year
                    select new { e, o.Name, o.Kind, o.CreditCode };
        if (status is { } s)
        {
            query = query.Where(x => x.e.Status == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.e.RectifyBy == null).ThenBy(x => x.e.RectifyBy).ThenBy(x => x.Name).ThenBy(x => x.e.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var rows = items.Select(x => new InspectionRow(x.e.OrganizationId, x.Name, SocialOrganization.KindName(x.Kind), x.CreditCode, InputValues.Code(x.e.Status),
            InspectionEntry.StatusName(x.e.Status), x.e.SubmittedOn, x.e.ReviewedOn, x.e.Reason, x.e.RectifyBy,
            x.e.Status == InspectionStatus.Rectifying && x.e.RectifyBy < today, x.e.Id)).ToList();
        return new Paged<InspectionRow>(rows, total, page.Page, page.Size);
    }
}
