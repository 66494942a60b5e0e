using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>
/// Screens a new application against the checking lists already held: a member in the 近亲属备案 register flags the
/// case for the separate review; a member named by a 家庭经济状况核对 list opens a finding, and a blocking one stops
/// the approval until a reviewer dismisses it. Lists imported later reach open applications through the import itself.
/// </summary>
public sealed class ApplicationScreening(MinzhengDbContext db, PersonMatcher matcher, IConfiguration configuration, Minzheng.Platform.Regions.RegionService regions)
{
    public async Task ScreenAsync(AssistanceCase application, CancellationToken ct)
    {
        var members = await db.HouseholdMembers.AcrossRegions("an applicant may be a member of a household in another region")
            .Where(m => m.HouseholdId == application.HouseholdId && m.ValidTo == null).Select(m => m.Person!).ToListAsync(ct);
        var indexes = members.Select(p => p.IdNumberIndex).ToList();
        // The register and the lists live in the cadre's or the matched person's region, not necessarily the applicant's.
        var relatives = await db.StaffRelatives.AcrossRegions("a cadre's relatives are registered by the cadre's region, not the applicant's")
            .Where(r => indexes.Contains(r.RelativeIdNumberIndex) && r.EndedOn == null).ToListAsync(ct);
        var records = await db.EconomicRecords.AcrossRegions("economic records come from county-wide lists").Where(r => indexes.Contains(r.IdNumberIndex)).ToListAsync(ct);
        if (relatives.Count == 0 && records.Count == 0)
        {
            return;
        }

        var blocking = EconomicCategories.Blocking(configuration);
        var regionNames = await regions.NamesOfAsync(relatives.Select(r => r.RegionCode), ct);
        var hits = new List<(PersonMatch, FindingFacts)>();
        foreach (var person in members)
        {
            var match = new PersonMatch(person, application.HouseholdId, [], [application]);
            hits.AddRange(relatives.Where(r => r.RelativeIdNumberIndex == person.IdNumberIndex)
                .Select(r => (match, r.Facts(regionNames.GetValueOrDefault(r.RegionCode, r.RegionCode)))));
            hits.AddRange(records.Where(r => r.IdNumberIndex == person.IdNumberIndex).Select(r => (match, r.Facts(blocking))));
        }

        application.RelativeOfStaff |= relatives.Count > 0;
        db.Findings.AddRange(await matcher.NewFindingsAsync(hits, ct));
    }

    /// <summary>The open or confirmed blocking findings on an application's household, named for the refusal message; empty when it may be approved.</summary>
    public async Task<List<string>> BlockingAsync(AssistanceCase application, CancellationToken ct) =>
        (await db.Findings.AcrossRegions("one finding per record and application, whoever raised it")
            .Where(f => f.Blocking && ((f.CaseId == application.Id && f.Status != FindingStatus.Dismissed)
                || (f.HouseholdId == application.HouseholdId && f.Status == FindingStatus.Open)))
            .Select(f => f.Category).Distinct().ToListAsync(ct)).Select(EconomicCategories.Name).ToList();
}
