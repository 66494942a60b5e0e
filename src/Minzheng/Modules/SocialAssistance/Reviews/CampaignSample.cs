using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Reviews;

/// <summary>
/// Which enrolments a campaign looks at. A 复核 takes all that are due; a 回头看 may take a random n% (reproducible:
/// seeded by the campaign id, so the list can be shown to auditors and re-derived) or those at risk — households with
/// an undismissed verification finding, a tip-off, or a relative of staff.
/// </summary>
public static class CampaignSample
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["all"] = "全部",
        ["random"] = "随机抽查",
        ["risk"] = "按风险抽查",
    };

    public static List<T> Random<T>(IReadOnlyList<T> due, int percent, Guid campaignId, Func<T, Guid> idOf)
    {
        var take = (int)Math.Ceiling(due.Count * percent / 100m);
        var seed = BitConverter.ToInt32(campaignId.ToByteArray(), 12);
        var random = new Random(seed);
        return due.OrderBy(idOf).Select(e => (e, Key: random.Next())).OrderBy(x => x.Key).Take(take).Select(x => x.e).ToList();
    }

    /// <summary>The households among <paramref name="householdIds"/> (and applications behind the enrolments) that carry a risk sign.</summary>
    public static async Task<HashSet<Guid>> RiskyHouseholdsAsync(MinzhengDbContext db, IReadOnlyCollection<Guid> householdIds, CancellationToken ct)
    {
        var risky = new HashSet<Guid>();
        foreach (var chunk in householdIds.Chunk(2000))
        {
            risky.UnionWith(await db.Findings.Where(f => f.HouseholdId != null && chunk.Contains(f.HouseholdId.Value) && f.Status != Verification.FindingStatus.Dismissed)
                .Select(f => f.HouseholdId!.Value).ToListAsync(ct));
            risky.UnionWith(await db.TipOffs.Where(t => t.HouseholdId != null && chunk.Contains(t.HouseholdId.Value)
                && t.Result != Verification.TipOffResult.Unsubstantiated).Select(t => t.HouseholdId!.Value).ToListAsync(ct));
            risky.UnionWith(await db.Cases.Where(c => chunk.Contains(c.HouseholdId) && c.RelativeOfStaff).Select(c => c.HouseholdId).ToListAsync(ct));
        }

        return risky;
    }
}
