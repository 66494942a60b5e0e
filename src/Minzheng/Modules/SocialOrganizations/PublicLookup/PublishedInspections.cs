using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.PublicLookup;

/// <summary>A county that published the year's results: its code (6 digits), name and publication day.</summary>
public sealed record PublishingAuthority(string Code, string Name, DateOnly PublishedOn);

/// <summary>One line of the 年检结果公告 — only what the notice prints: name, USCC, type and result; nothing personal.</summary>
public sealed record PublishedResult(string Name, string CreditCode, string Type, string Result);

/// <summary>
/// The public answer: the years with a published list, the counties that published the chosen year, and one county's
/// list (the one asked for, else the first) — one county at a time, so the answer stays bounded on a province's installation.
/// </summary>
public sealed record PublicInspectionResults(IReadOnlyList<int> Years, int? Year, IReadOnlyList<PublishingAuthority> Authorities,
    PublishingAuthority? Authority, IReadOnlyList<PublishedResult> Results);

/// <summary>
/// The published 年检结果公告 for anyone: 合格, 基本合格, 不合格 and 未参加年检. An organisation still in 整改 has no
/// final result and joins the list when it has one; years and counties not published are not shown.
/// </summary>
public sealed class PublishedInspections(MinzhengDbContext db, RegionService regions)
{
    private const string Public = "the published annual-inspection results are a public notice";
    private const string NotParticipating = "未参加年检";

    private static readonly InspectionStatus[] Listed =
        [InspectionStatus.Qualified, InspectionStatus.BasicallyQualified, InspectionStatus.Unqualified, InspectionStatus.Notified];

    /// <summary>
    /// The published list of a year (default the latest published) of one county (default the first that published it),
    /// for anyone. Years, counties and results not published are not shown; a malformed <paramref name="authority"/> is a field error.
    /// </summary>
    public async Task<PublicInspectionResults?> ReadAsync(int? year, string? authority, FieldErrors errors, CancellationToken ct)
    {
        if (!PublicAuthority.IsWellFormed(authority, errors))
        {
            return null;
        }

        var campaigns = db.InspectionCampaigns.AcrossRegions(Public).AsNoTracking().Where(c => c.PublishedOn != null);
        var years = await campaigns.Select(c => c.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var shown = year ?? (years.Count > 0 ? years[0] : null);
        var published = await campaigns.Where(c => c.Year == shown).OrderBy(c => c.AuthorityCode)
            .Select(c => new { c.Id, c.AuthorityCode, PublishedOn = c.PublishedOn!.Value }).ToListAsync(ct);
        var names = await PublicAuthority.NamesAsync(regions, published.Select(c => c.AuthorityCode).ToList(), ct);
        var authorities = published.Select(c => new PublishingAuthority(c.AuthorityCode, names[c.AuthorityCode], c.PublishedOn)).ToList();
        var chosen = published.FirstOrDefault(c => authority is not { Length: > 0 } || c.AuthorityCode == authority);
        if (chosen is null)
        {
            return new PublicInspectionResults(years, shown, authorities, null, []);
        }

        var rows = await (from e in db.InspectionEntries.AcrossRegions(Public).AsNoTracking()
                          join o in db.SocialOrganizations.AcrossRegions(Public).AsNoTracking() on e.OrganizationId equals o.Id
                          where e.CampaignId == chosen.Id && Listed.Contains(e.Status)
                          select new { o.Name, o.CreditCode, o.Kind, e.Status }).ToListAsync(ct);
        var results = rows.OrderBy(r => Array.IndexOf(Listed, r.Status)).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new PublishedResult(r.Name, r.CreditCode, SocialOrganization.KindName(r.Kind),
                r.Status == InspectionStatus.Notified ? NotParticipating : InspectionEntry.StatusName(r.Status))).ToList();
        return new PublicInspectionResults(years, shown, authorities, authorities.Single(a => a.Code == chosen.AuthorityCode), results);
    }
}
