using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>How many persons of the period's marriages were of an age group on their registration day.</summary>
public sealed record AgeGroupCount(string Group, int Persons);

/// <summary>
/// The persons who married in a period (two per 结婚登记), as the 民政事业统计 counts them: first marriages against
/// remarriages, and the age on the registration day by five-year groups.
/// </summary>
public sealed record MarriageParties(int Persons, int FirstMarriages, int Remarriages, IReadOnlyList<AgeGroupCount> AgeGroups);

/// <summary>Counts <see cref="MarriageParties"/> from the register.</summary>
public sealed class MarriagePartyCounts(MinzhengDbContext db)
{
    /// <summary>Upper bounds (inclusive) of the age groups; the last group is open-ended.</summary>
    private static readonly (int? UpTo, string Name)[] Groups =
        [(24, "24岁及以下"), (29, "25至29岁"), (34, "30至34岁"), (39, "35至39岁"), (49, "40至49岁"), (null, "50岁及以上")];

    // Identity indexes per query: well under every database's parameter limit.
    private const int Chunk = 500;

    /// <summary>
    /// The parties of the marriages registered in a region subtree within [from, to]. A party is remarrying when the register
    /// (any registry of this installation, historical records included) holds an earlier marriage of theirs: the register
    /// is the evidence the registry has, and a 全国通办 couple's earlier marriage may have been registered elsewhere.
    /// </summary>
    public async Task<MarriageParties> CountAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var marriages = await db.MarriageRecords.AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(prefix) && r.Kind == MarriageRecordKind.Marriage && r.Date >= from && r.Date <= to)
            .Select(r => new { r.Date, r.PartyAIdIndex, r.PartyABirthDate, r.PartyBIdIndex, r.PartyBBirthDate }).ToListAsync(ct);
        var parties = marriages.SelectMany(m => new[] { (m.Date, Index: m.PartyAIdIndex, Birth: m.PartyABirthDate), (m.Date, Index: m.PartyBIdIndex, Birth: m.PartyBBirthDate) })
            .ToList();
        var firstMarried = await FirstMarriageDatesAsync(parties.Select(p => p.Index).Distinct().ToList(), ct);
        var remarriages = parties.Count(p => firstMarried.TryGetValue(p.Index, out var first) && first < p.Date);
        var groups = Groups.Select(g => new AgeGroupCount(g.Name, 0)).ToArray();
        foreach (var (date, _, birth) in parties)
        {
            var age = MarriageRules.FullYears(birth, date);
            var i = Array.FindIndex(Groups, g => g.UpTo is null || age <= g.UpTo);
            groups[i] = groups[i] with { Persons = groups[i].Persons + 1 };
        }

        return new MarriageParties(parties.Count, parties.Count - remarriages, remarriages, groups);
    }

    /// <summary>Each person's earliest marriage in the whole register, by identity index.</summary>
    private async Task<Dictionary<string, DateOnly>> FirstMarriageDatesAsync(List<string> indexes, CancellationToken ct)
    {
        var first = new Dictionary<string, DateOnly>();
        foreach (var chunk in indexes.Chunk(Chunk))
        {
            var records = await db.MarriageRecords.AcrossRegions("whether a party married before is a fact of the whole register, not of one registry")
                .AsNoTracking().Where(r => r.Kind == MarriageRecordKind.Marriage && (chunk.Contains(r.PartyAIdIndex) || chunk.Contains(r.PartyBIdIndex)))
                .Select(r => new { r.Date, r.PartyAIdIndex, r.PartyBIdIndex }).ToListAsync(ct);
            foreach (var r in records)
            {
                foreach (var index in new[] { r.PartyAIdIndex, r.PartyBIdIndex })
                {
                    if (!first.TryGetValue(index, out var date) || r.Date < date)
                    {
                        first[index] = r.Date;
                    }
                }
            }
        }

        return first;
    }
}
