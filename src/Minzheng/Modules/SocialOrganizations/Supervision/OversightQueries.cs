using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>
/// Supervision counted for a region subtree: checks made and penalties decided within [from, to] (checks that ordered a
/// rectification among them), stays open on <c>to</c>.
/// </summary>
public sealed record OversightCounts(int Penalties, int Fines, decimal FineAmount, int Confiscations, decimal ConfiscatedAmount, int Abnormal, int Dishonest, int Checks,
    int ChecksOrderingRectification);

/// <summary>Supervision records within the caller's region (the query filter applies).</summary>
public sealed class OversightQueries(MinzhengDbContext db, OrganizationChecks checks)
{
    public async Task<OversightRecord> RecordAsync(Guid organizationId, CancellationToken ct)
    {
        var complaints = await db.SocialOrganizationComplaints.AsNoTracking().Where(c => c.OrganizationId == organizationId)
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var penalties = await db.SocialOrganizationPenalties.AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .OrderByDescending(p => p.DecidedOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        var listings = await db.SocialOrganizationListings.AsNoTracking().Where(l => l.OrganizationId == organizationId)
            .OrderByDescending(l => l.ListedOn).ThenByDescending(l => l.Id).ToListAsync(ct);
        return new OversightRecord(
            complaints.Select(c => new ComplaintRow(c.Id, c.ReceivedOn, c.Complainant, c.Content, c.HandledOn, c.Result)).ToList(),
            await checks.RowsAsync(organizationId, ct),
            penalties.Select(p => new PenaltyRow(p.Id, InputValues.Code(p.Kind), OrganizationPenalty.KindName(p.Kind), p.DecisionNumber, p.DecidedOn, p.Reason,
                p.FineAmount, p.SuspendedFrom, p.SuspendedUntil, p.ConfiscatedAmount)).ToList(),
            listings.Select(l => new ListingRow(l.Id, InputValues.Code(l.List), OrganizationListing.ListName(l.List), l.ListedOn, l.Reason, l.RemovedOn,
                l.RemovalReason)).ToList());
    }

    /// <summary>The organisations in a list now (both lists when <paramref name="list"/> is null), the longest-listed first.</summary>
    public async Task<IReadOnlyList<CurrentListingRow>> CurrentAsync(SupervisionList? list, CancellationToken ct)
    {
        var listings = db.SocialOrganizationListings.AsNoTracking().Where(l => l.RemovedOn == null);
        if (list is { } only)
        {
            listings = listings.Where(l => l.List == only);
        }

        var rows = await listings.Join(db.SocialOrganizations.AsNoTracking(), l => l.OrganizationId, o => o.Id,
                (l, o) => new { l.Id, l.OrganizationId, o.Name, o.CreditCode, l.List, l.ListedOn, l.Reason })
            .OrderBy(r => r.ListedOn).ThenBy(r => r.Id).ToListAsync(ct);
        return rows.Select(r => new CurrentListingRow(r.Id, r.OrganizationId, r.Name, r.CreditCode, InputValues.Code(r.List), OrganizationListing.ListName(r.List),
            r.ListedOn, r.Reason)).ToList();
    }

    public async Task<OversightCounts> CountsAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var penalties = await db.SocialOrganizationPenalties.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix) && p.DecidedOn >= from && p.DecidedOn <= to)
            .Select(p => new { p.Kind, p.FineAmount, p.ConfiscatedAmount }).ToListAsync(ct);
        var open = await db.SocialOrganizationListings.AsNoTracking()
            .Where(l => l.RegionCode.StartsWith(prefix) && l.ListedOn <= to && (l.RemovedOn == null || l.RemovedOn > to))
            .GroupBy(l => l.List).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var checksByRectification = await db.SocialOrganizationChecks.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.CheckedOn >= from && c.CheckedOn <= to)
            .GroupBy(c => c.RectifyBy != null).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var fines = penalties.Where(p => p.Kind == PenaltyKind.Fine).ToList();
        var confiscations = penalties.Where(p => p.ConfiscatedAmount is not null).ToList();
        return new OversightCounts(penalties.Count, fines.Count, fines.Sum(p => p.FineAmount ?? 0m), confiscations.Count, confiscations.Sum(p => p.ConfiscatedAmount!.Value),
            open.GetValueOrDefault(SupervisionList.Abnormal),
            open.GetValueOrDefault(SupervisionList.Dishonest), checksByRectification.Values.Sum(), checksByRectification.GetValueOrDefault(true));
    }
}
