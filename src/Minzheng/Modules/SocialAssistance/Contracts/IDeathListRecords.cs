namespace Minzheng.Modules.SocialAssistance.Contracts;

/// <summary>
/// One death known to social assistance (a row of an imported death list, or a death another line reported): the ID
/// number's blind index (so another line can tell a person it already holds without seeing the number), the record's
/// region and the day of death.
/// </summary>
public sealed record ListedDeath(string IdNumberIndex, string RegionCode, DateOnly DeathDate);

/// <summary>Social assistance's door for lines that count deaths (殡葬's 火化率 needs the deaths of a region and period).</summary>
public interface IDeathListRecords
{
    /// <summary>
    /// The deaths dated within [<paramref name="from"/>, <paramref name="to"/>] in the region subtree <paramref name="regionPrefix"/>,
    /// under the caller's region filter; one row per person (the earliest record when a death arrived on several lists).
    /// </summary>
    Task<IReadOnlyList<ListedDeath>> DeathsAsync(string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct);
}
