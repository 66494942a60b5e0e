using Microsoft.EntityFrameworkCore;

namespace Minzheng.Modules.SocialOrganizations.Supervision;

/// <summary>The spot check that answers a pick: its day and conclusion.</summary>
public sealed record SpotCheckAnswer(DateOnly CheckedOn, DateOnly? RectifyBy, DateOnly? RectifiedOn);

/// <summary>
/// Which recorded 双随机抽查 answers which pick: the first spot check of the organisation on or after the draw and before a
/// later draw picked it again (that check then answers the later draw). Shared by the authority's view and the public one.
/// </summary>
internal static class SpotCheckAnswers
{
    /// <summary>The answering check of each organisation of <paramref name="organizationIds"/> drawn on <paramref name="drawnOn"/>, when there is one.</summary>
    public static async Task<Dictionary<Guid, SpotCheckAnswer>> ForDrawAsync(IQueryable<OrganizationCheck> checks, IQueryable<SpotCheckPick> picks,
        IQueryable<SpotCheckDraw> draws, string authorityCode, DateOnly drawnOn, IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        var redrawn = await (from p in picks
                             join d in draws on p.DrawId equals d.Id
                             where organizationIds.Contains(p.OrganizationId) && d.AuthorityCode == authorityCode && d.DrawnOn > drawnOn
                             group d.DrawnOn by p.OrganizationId into g
                             select new { OrganizationId = g.Key, Next = g.Min() }).ToDictionaryAsync(r => r.OrganizationId, r => r.Next, ct);
        var found = await checks.Where(c => organizationIds.Contains(c.OrganizationId) && c.Method == CheckMethod.RandomSpotCheck && c.CheckedOn >= drawnOn)
            .Select(c => new { c.OrganizationId, Answer = new SpotCheckAnswer(c.CheckedOn, c.RectifyBy, c.RectifiedOn) }).ToListAsync(ct);
        return found.Where(c => !redrawn.TryGetValue(c.OrganizationId, out var next) || c.Answer.CheckedOn < next)
            .GroupBy(c => c.OrganizationId).ToDictionary(g => g.Key, g => g.MinBy(c => c.Answer.CheckedOn)!.Answer);
    }
}
