using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Data;
using Minzheng.Platform.People;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>A registered person named by an external list, with what they touch: their current household, the active enrolments of
/// either, and (for lists that screen applicants) the household's undecided applications.</summary>
public sealed record PersonMatch(Person Person, Guid? HouseholdId, List<Enrollment> Enrollments, List<AssistanceCase> Cases);

/// <summary>What a finding says: type, category, evidence, and the imported record and date behind it.</summary>
public sealed record FindingFacts(string Type, string Category, string Evidence, bool Blocking, Guid? RecordId = null, DateOnly? DeathDate = null);

/// <summary>
/// Matches blind indexes against the whole registry (a list from another county's authority still concerns people
/// registered here) and opens findings, one per affected enrolment or application and type and category, never a
/// second open one for the same.
/// </summary>
public sealed class PersonMatcher(MinzhengDbContext db)
{
    public const int Chunk = 2000;

    /// <summary>Read-only (nothing tracked): writers change what they must with set-based statements.</summary>
    public async Task<Dictionary<string, PersonMatch>> MatchAsync(IReadOnlyCollection<string> indexes, bool withCases, CancellationToken ct)
    {
        var persons = await db.Persons.AsNoTracking().AcrossRegions("check lists (deaths, records) match against the whole registry").Where(p => indexes.Contains(p.IdNumberIndex))
            .ToDictionaryAsync(p => p.IdNumberIndex, ct);
        var personIds = persons.Values.Select(p => p.Id).ToList();
        var households = await db.HouseholdMembers.AcrossRegions("check lists match households of every region")
            .Where(m => personIds.Contains(m.PersonId) && m.ValidTo == null).ToDictionaryAsync(m => m.PersonId, m => m.HouseholdId, ct);
        var householdIds = households.Values.Distinct().ToList();
        var active = await db.Enrollments.AsNoTracking().AcrossRegions("check lists match enrolments of every region")
            .Where(e => e.Status == EnrollmentStatus.Active && (personIds.Contains(e.PersonId) || householdIds.Contains(e.HouseholdId))).ToListAsync(ct);
        var cases = withCases
            ? await db.Cases.AsNoTracking().AcrossRegions("check lists match open applications of every region")
                .Where(c => householdIds.Contains(c.HouseholdId) && c.Status != CaseStatus.Approved && c.Status != CaseStatus.Refused && c.Status != CaseStatus.Withdrawn)
                .ToListAsync(ct)
            : [];
        return persons.ToDictionary(p => p.Key, p =>
        {
            var household = households.TryGetValue(p.Value.Id, out var h) ? h : (Guid?)null;
            return new PersonMatch(p.Value, household, active.Where(e => e.PersonId == p.Value.Id || e.HouseholdId == household).ToList(),
                cases.Where(c => c.HouseholdId == household).ToList());
        });
    }

    /// <summary>The new findings of a chunk of matches (the caller writes them), skipping targets that already have an open one.</summary>
    public async Task<List<Finding>> NewFindingsAsync(IReadOnlyList<(PersonMatch Match, FindingFacts Facts)> hits, CancellationToken ct)
    {
        var enrollmentIds = hits.SelectMany(h => h.Match.Enrollments).Select(e => (Guid?)e.Id).Distinct().ToList();
        var caseIds = hits.SelectMany(h => h.Match.Cases).Select(c => (Guid?)c.Id).Distinct().ToList();
        var types = hits.Select(h => h.Facts.Type).Distinct().ToList();
        var open = await db.Findings.AcrossRegions("one finding per record and enrolment, whoever raised it")
            .Where(f => types.Contains(f.Type) && f.Status == FindingStatus.Open && (enrollmentIds.Contains(f.EnrollmentId) || caseIds.Contains(f.CaseId)))
            .Select(f => new { f.EnrollmentId, f.CaseId, f.Type, f.Category }).ToListAsync(ct);
        // One open finding per target, type and category: a second list (or row) naming the same fact adds evidence, not work.
        var taken = open.Select(f => (f.EnrollmentId ?? f.CaseId, f.Type, f.Category)).ToHashSet();
        var found = new List<Finding>();
        foreach (var (match, facts) in hits)
        {
            found.AddRange(match.Enrollments.Where(e => taken.Add((e.Id, facts.Type, facts.Category)))
                .Select(e => New(match, facts, e.RegionCode, e.Program, e.Id, null, e.PersonId == match.Person.Id)));
            found.AddRange(match.Cases.Where(c => taken.Add((c.Id, facts.Type, facts.Category)))
                .Select(c => New(match, facts, c.RegionCode, c.Program, null, c.Id, c.ApplicantPersonId == match.Person.Id)));
        }

        return found;
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    private static Finding New(PersonMatch match, FindingFacts facts, string region, string program, Guid? enrollmentId, Guid? caseId, bool beneficiary) => new()
    {
        RegionCode = region,
        Type = facts.Type,
        Category = facts.Category,
        Program = program,
        EnrollmentId = enrollmentId,
        CaseId = caseId,
        HouseholdId = match.HouseholdId,
        PersonId = match.Person.Id,
        IsBeneficiary = beneficiary,
        Blocking = facts.Blocking,
        RecordId = facts.RecordId,
        DeathRecordId = facts.Type == "death" ? facts.RecordId : null,
        DeathDate = facts.DeathDate,
        Evidence = Truncate(facts.Evidence + (beneficiary ? "" : "，为该户家庭成员"), 300),
    };
}
