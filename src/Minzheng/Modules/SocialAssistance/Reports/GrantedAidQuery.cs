using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Reports;

/// <summary>
/// <see cref="IGrantedAid"/>: the same cases and settlements the 民政事业统计 tables count (<see cref="AssistanceSummaryService"/>),
/// narrowed to the caller's people. Three narrow queries, each with the caller's person query as an IN sub-select.
/// </summary>
public sealed class GrantedAidQuery(MinzhengDbContext db) : IGrantedAid
{
    public async Task<IReadOnlyList<GrantedAid>> ToPersonsAsync(IQueryable<Guid> personIds, string regionPrefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var decided = db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Approved && (c.Program == GrantedAidPrograms.Temporary || c.Program == GrantedAidPrograms.Medical)
                && c.RegionCode.StartsWith(regionPrefix) && c.DecidedOn >= from && c.DecidedOn <= to);
        var applicants = await decided.Where(c => personIds.Contains(c.ApplicantPersonId))
            .Select(c => new GrantedAid(c.ApplicantPersonId, c.Program, c.Id, c.DecidedOn!.Value, c.MonthlyAmount ?? 0m))
            .ToListAsync(ct);
        // 临时救助 to a household covers everyone in it on the day it was decided, not only the one who applied; 医疗救助
        // is the applicant's own illness, and 个人救助 the applicant's own need.
        var members = await decided.Where(c => c.Program == GrantedAidPrograms.Temporary && !c.IndividualAid)
            .Join(db.HouseholdMembers, c => c.HouseholdId, m => m.HouseholdId, (c, m) => new { Case = c, Member = m })
            .Where(x => x.Member.ValidFrom <= x.Case.DecidedOn && (x.Member.ValidTo == null || x.Member.ValidTo > x.Case.DecidedOn)
                && personIds.Contains(x.Member.PersonId))
            .Select(x => new GrantedAid(x.Member.PersonId, x.Case.Program, x.Case.Id, x.Case.DecidedOn!.Value, x.Case.MonthlyAmount ?? 0m))
            .ToListAsync(ct);
        var settled = await db.MedicalSettlements.AsNoTracking()
            .Where(s => s.Amount > 0 && !s.Voided && s.PersonId != null && s.RegionCode.StartsWith(regionPrefix) && s.SettledOn >= from && s.SettledOn <= to
                && personIds.Contains(s.PersonId.Value))
            .Join(db.MedicalSettlementBatches.Where(b => b.Status == OneOffBatchStatus.Approved), s => s.BatchId, b => b.Id,
                (s, b) => new GrantedAid(s.PersonId!.Value, GrantedAidPrograms.Medical, s.Id, s.SettledOn, s.Amount, true))
            .ToListAsync(ct);
        return [.. applicants.Concat(members).Concat(settled).DistinctBy(a => (a.PersonId, a.SourceId)).OrderBy(a => a.GrantedOn)];
    }
}
