namespace Minzheng.Modules.Veterans.Resettlement;

/// <summary>What decides whether the state assigns a job (安排工作) to a discharged soldier.</summary>
public sealed record PlacementFacts(bool Nco, decimal YearsServed, int SecondClassMeritsInPeace, int ThirdClassMeritsInWar, int? CombatDisabilityGrade, bool MartyrChild);

/// <summary>
/// 安排工作 eligibility (退役士兵安置条例, POLICY §7): an NCO with 12 years or more, 二等功 in peace or 三等功 in war, a combat
/// (因战) disability of grade 5–8, or a martyr's child. Every ground that applies is named; none means 自主就业 (or the other paths).
/// </summary>
public static class PlacementRules
{
    public const int PlaceWithinMonths = 6;

    public static IReadOnlyList<string> Grounds(PlacementFacts f)
    {
        var grounds = new List<string>();
        if (f.Nco && f.YearsServed >= 12)
        {
            grounds.Add("士官服现役满12年");
        }

        if (f.SecondClassMeritsInPeace > 0)
        {
            grounds.Add("服现役期间平时荣获二等功以上奖励");
        }

        if (f.ThirdClassMeritsInWar > 0)
        {
            grounds.Add("服现役期间战时荣获三等功以上奖励");
        }

        if (f.CombatDisabilityGrade is >= 5 and <= 8)
        {
            grounds.Add("因战致残被评定为5级至8级残疾等级");
        }

        if (f.MartyrChild)
        {
            grounds.Add("是烈士子女");
        }

        return grounds;
    }

    /// <summary>The day by which an assigned job must be found: within six months of the placement order.</summary>
    public static DateOnly PlaceBy(DateOnly ordered) => ordered.AddMonths(PlaceWithinMonths);
}
