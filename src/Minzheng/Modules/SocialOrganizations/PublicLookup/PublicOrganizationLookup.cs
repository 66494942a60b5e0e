using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.PublicLookup;

/// <summary>
/// What anyone may read about a registered organisation (issue 28 “公众查询”): its name, type, legal representative's
/// name, registration date, status and latest inspection conclusion — no ids, codes, ID numbers, residence or money.
/// </summary>
public sealed record PublicOrganization(string Name, string Type, string LegalRepresentative, DateOnly RegisteredOn, string Status, string? LatestInspection);

/// <summary>At most <see cref="PublicOrganizationLookup.MaxResults"/> organisations; <c>more</c> says the query matched others too and should be narrowed.</summary>
public sealed record PublicLookupResult(IReadOnlyList<PublicOrganization> Organizations, bool More);

/// <summary>
/// The public look-up by name (a substring of at least two characters) or exact USCC, across every registering
/// authority of the installation: registration particulars are public (社会团体登记管理条例 art. 5 … 信息公开). The
/// answer is bounded, so a short query cannot page through the register, and the page and API are rate-limited per
/// client address (<see cref="PublicLookupEndpoints.Policy"/>).
/// </summary>
public sealed class PublicOrganizationLookup(MinzhengDbContext db)
{
    public const int MinLength = 2;
    public const int MaxLength = SocialOrganization.NameMaxLength;
    public const int MaxResults = 20;

    private const string Public = "registration particulars of social organisations are public information";

    /// <summary>Null with field errors under <c>q</c> when the query is missing, too short, too long or has control characters.</summary>
    public async Task<PublicLookupResult?> SearchAsync(string? q, FieldErrors errors, CancellationToken ct)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < MinLength)
        {
            errors.Add("q", $"请输入社会组织名称（至少{MinLength}个字）或18位统一社会信用代码");
            return null;
        }

        if (TextRules.Check(text, "查询内容", multiLine: false, MaxLength) is { } problem)
        {
            errors.Add("q", problem);
            return null;
        }

        // Contains becomes instr/strpos on both databases, so % and _ are plain characters, never LIKE wildcards.
        var code = text.ToUpperInvariant();
        var found = await db.SocialOrganizations.AcrossRegions(Public).AsNoTracking()
            .Where(o => o.Name.Contains(text) || o.CreditCode == code)
            .OrderBy(o => o.Name == text || o.CreditCode == code ? 0 : 1).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Take(MaxResults + 1)
            .Select(o => new { o.Id, o.Name, o.Kind, o.LegalRepresentativeName, o.EstablishedOn, o.Status })
            .ToListAsync(ct);
        var shown = found.Take(MaxResults).ToList();
        var ids = shown.Select(o => o.Id).ToList();
        var concluded = new[] { InspectionStatus.Qualified, InspectionStatus.BasicallyQualified, InspectionStatus.Rectifying, InspectionStatus.Unqualified };
        var inspections = await db.InspectionEntries.AcrossRegions(Public).AsNoTracking()
            .Where(e => ids.Contains(e.OrganizationId) && concluded.Contains(e.Status))
            .Select(e => new { e.OrganizationId, e.Year, e.Status }).ToListAsync(ct);
        var latest = inspections.GroupBy(e => e.OrganizationId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Year)!);
        return new PublicLookupResult(shown.Select(o => new PublicOrganization(o.Name, SocialOrganization.KindName(o.Kind), o.LegalRepresentativeName,
            o.EstablishedOn, SocialOrganization.StatusName(o.Status),
            latest.TryGetValue(o.Id, out var i) ? $"{i.Year}年度：{InspectionEntry.StatusName(i.Status)}" : null)).ToList(), found.Count > MaxResults);
    }
}
