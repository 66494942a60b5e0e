using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// Registrations within [from, to] by kind, ends by kind of procedure, the organisations in good standing on <c>to</c>;
/// administrative penalties decided within the period (fines and 没收违法所得 counted and summed apart) and the organisations in
/// 活动异常名录 / 严重违法失信名单 on <c>to</c>; 监督检查 made within the period and those that ordered a rectification.
/// </summary>
public sealed record SocialOrganizationStatistics(int Established, int Associations, int PrivateNonEnterprises, int Foundations, int Deregistered, int Revoked,
    int Active, int Penalties, int Fines, decimal FineAmount, int Confiscations, decimal ConfiscatedAmount, int AbnormalListed, int DishonestListed, int Checks, int ChecksOrderingRectification);

/// <summary>The register's figures for a region subtree, for the API, the statistics page and the work summary.</summary>
public sealed class OrganizationStatistics(MinzhengDbContext db, Minzheng.Platform.Statistics.PeriodStatistics period, Supervision.OversightQueries oversight)
{
    /// <summary>Region as 12 digits or a significant prefix (the caller's own subtree when empty); outside the caller's subtree → not found.</summary>
    public Task<(Outcome Outcome, SocialOrganizationStatistics? Value, FieldErrors Errors)> ForAsync(string? region, string? from, string? to, CancellationToken ct) =>
        period.ComputeAsync(region, from, to, (prefix, start, end) => CountsAsync(prefix, start, end, ct), ct);

    public async Task<SocialOrganizationStatistics> CountsAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var organizations = db.SocialOrganizations.AsNoTracking().Where(o => o.RegionCode.StartsWith(prefix));
        var established = await organizations.Where(o => o.EstablishedOn >= from && o.EstablishedOn <= to)
            .GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ended = await organizations.Where(o => o.EndedOn >= from && o.EndedOn <= to)
            .GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var active = await organizations.CountAsync(o => o.EstablishedOn <= to && (o.EndedOn == null || o.EndedOn > to), ct);
        var supervision = await oversight.CountsAsync(prefix, from, to, ct);
        return new SocialOrganizationStatistics(established.Values.Sum(), established.GetValueOrDefault(SocialOrganizationKind.Association),
            established.GetValueOrDefault(SocialOrganizationKind.PrivateNonEnterprise), established.GetValueOrDefault(SocialOrganizationKind.Foundation),
            ended.GetValueOrDefault(SocialOrganizationStatus.Deregistered), ended.GetValueOrDefault(SocialOrganizationStatus.Revoked), active,
            supervision.Penalties, supervision.Fines, supervision.FineAmount, supervision.Confiscations, supervision.ConfiscatedAmount, supervision.Abnormal, supervision.Dishonest, supervision.Checks,
            supervision.ChecksOrderingRectification);
    }
}
