using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Medical;

/// <summary>
/// Who 医疗救助 covers and how much of a person's annual cap is spent (POLICY §4): 特困 persons, members of 低保
/// households, members of 低保边缘 households (near-dibao) and of monitored 支出型困难/返贫致贫 households (illness).
/// One place, so the hospital path, a case decision and the 资助参保 list never disagree.
/// </summary>
public sealed class MedicalAidFacts(MinzhengDbContext db)
{
    public const string Destitute = "destitute";
    public const string Dibao = "dibao";
    public const string NearDibao = "near-dibao";
    public const string Illness = "illness";

    internal static readonly string[] DestitutePrograms = ["destitute-concentrated", "destitute-dispersed"];

    public static string CategoryName(string category) => category switch
    {
        Destitute => "特困人员",
        Dibao => "低保对象",
        NearDibao => "低保边缘家庭成员",
        Illness => "因病致贫（支出型困难）",
        _ => "不属于救助对象",
    };

    /// <summary>The categories each person holds now (their current household's, and their own 特困 enrolment).</summary>
    public async Task<Dictionary<Guid, HashSet<string>>> CategoriesAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var result = personIds.Distinct().ToDictionary(p => p, _ => new HashSet<string>());
        foreach (var chunk in personIds.Distinct().Chunk(2000))
        {
            var households = await db.HouseholdMembers.AsNoTracking().Where(m => chunk.Contains(m.PersonId) && m.ValidTo == null)
                .Select(m => new { m.PersonId, m.HouseholdId }).ToListAsync(ct);
            var householdIds = households.Select(h => h.HouseholdId).Distinct().ToList();
            var destitute = await db.Enrollments.AsNoTracking()
                .Where(e => chunk.Contains(e.PersonId) && e.Status == EnrollmentStatus.Active && DestitutePrograms.Contains(e.Program))
                .Select(e => e.PersonId).ToListAsync(ct);
            var dibao = (await db.Enrollments.AsNoTracking()
                .Where(e => householdIds.Contains(e.HouseholdId) && e.Status == EnrollmentStatus.Active && Programs.AssistancePrograms.HouseholdBased.Contains(e.Program))
                .Select(e => e.HouseholdId).ToListAsync(ct)).ToHashSet();
            var monitored = (await db.MonitoredHouseholds.AsNoTracking().Where(m => householdIds.Contains(m.HouseholdId) && m.EndedOn == null)
                .Select(m => new { m.HouseholdId, m.Category }).ToListAsync(ct)).ToLookup(m => m.HouseholdId, m => m.Category);
            foreach (var person in destitute)
            {
                result[person].Add(Destitute);
            }

            foreach (var h in households)
            {
                if (dibao.Contains(h.HouseholdId))
                {
                    result[h.PersonId].Add(Dibao);
                }

                foreach (var category in monitored[h.HouseholdId])
                {
                    result[h.PersonId].Add(category == "marginal" ? NearDibao : Illness);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Medical aid already granted to each person in <paramref name="year"/>: approved cases and the settlements of every
    /// file not returned (a file awaiting approval counts, so two files cannot both spend the same cap), except <paramref name="exceptBatch"/>.
    /// </summary>
    public async Task<Dictionary<Guid, decimal>> UsedAsync(IReadOnlyCollection<Guid> personIds, int year, Guid? exceptBatch, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var used = new Dictionary<Guid, decimal>();
        foreach (var chunk in personIds.Distinct().Chunk(2000))
        {
            var cases = await db.Cases.AsNoTracking()
                .Where(c => chunk.Contains(c.ApplicantPersonId) && c.Program == "medical" && c.Status == CaseStatus.Approved && c.StartMonth >= from && c.StartMonth <= to)
                .GroupBy(c => c.ApplicantPersonId).Select(g => new { Person = g.Key, Amount = g.Sum(c => c.MonthlyAmount ?? 0) }).ToListAsync(ct);
            var settled = await db.MedicalSettlements.AsNoTracking()
                .Where(s => s.PersonId != null && chunk.Contains(s.PersonId.Value) && !s.Voided && s.BatchId != exceptBatch && s.SettledOn >= from && s.SettledOn <= to)
                .GroupBy(s => s.PersonId!.Value).Select(g => new { Person = g.Key, Amount = g.Sum(s => s.Amount) }).ToListAsync(ct);
            foreach (var x in cases.Concat(settled))
            {
                used[x.Person] = used.GetValueOrDefault(x.Person) + x.Amount;
            }
        }

        return used;
    }
}
