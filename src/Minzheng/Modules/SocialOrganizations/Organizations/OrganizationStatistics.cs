using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>Registrations within [from, to] by kind, ends by kind of procedure, and the organisations in good standing on <c>to</c>.</summary>
public sealed record SocialOrganizationStatistics(int Established, int Associations, int PrivateNonEnterprises, int Foundations, int Deregistered, int Revoked,
    int Active);

/// <summary>The register's figures for a region subtree, for the API, the statistics page and the work summary.</summary>
public sealed class OrganizationStatistics(MinzhengDbContext db, IRegionScope scope, RegionService regions)
{
    /// <summary>Region as 12 digits or a significant prefix (the caller's own subtree when empty); outside the caller's subtree → not found.</summary>
    public async Task<(Outcome Outcome, SocialOrganizationStatistics? Value, FieldErrors Errors)> ForAsync(string? region, string? from, string? to, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var requested = string.IsNullOrWhiteSpace(region) ? scope.Prefix : region.Trim();
        var prefix = requested.Length == 0 ? "" : RegionCode.ToScopePrefix(requested);
        if (prefix is null)
        {
            errors.Add("region", "region 应为12位统计用区划代码或其有效前缀（如 360482）");
        }

        var start = InputValues.ParseDate(from, "from", true, errors);
        var end = InputValues.ParseDate(to, "to", true, errors);
        if (start > end)
        {
            errors.Add("to", "统计截止日期（to）不能早于起始日期（from）");
        }

        if (errors.Any)
        {
            return (Outcome.Invalid, null, errors);
        }

        if (!prefix!.StartsWith(scope.Prefix, StringComparison.Ordinal) || (prefix.Length > 0 && !await regions.ExistsAsync(prefix.PadRight(RegionCode.Length, '0'), ct)))
        {
            return (Outcome.NotFound, null, errors);
        }

        return (Outcome.Done, await CountsAsync(prefix, start!.Value, end!.Value, ct), errors);
    }

    public async Task<SocialOrganizationStatistics> CountsAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var organizations = db.SocialOrganizations.AsNoTracking().Where(o => o.RegionCode.StartsWith(prefix));
        var established = await organizations.Where(o => o.EstablishedOn >= from && o.EstablishedOn <= to)
            .GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ended = await organizations.Where(o => o.EndedOn >= from && o.EndedOn <= to)
            .GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var active = await organizations.CountAsync(o => o.EstablishedOn <= to && (o.EndedOn == null || o.EndedOn > to), ct);
        return new SocialOrganizationStatistics(established.Values.Sum(), established.GetValueOrDefault(SocialOrganizationKind.Association),
            established.GetValueOrDefault(SocialOrganizationKind.PrivateNonEnterprise), established.GetValueOrDefault(SocialOrganizationKind.Foundation),
            ended.GetValueOrDefault(SocialOrganizationStatus.Deregistered), ended.GetValueOrDefault(SocialOrganizationStatus.Revoked), active);
    }
}
