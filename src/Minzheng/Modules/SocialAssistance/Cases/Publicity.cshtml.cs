using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The printable 公示 list of a village or township: only what may be published (POLICY §11) — name, masked ID number,
/// household size and the proposed monthly amount; never addresses, phones, incomes or diagnoses. Children's programmes
/// are never publicised.
/// </summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class PublicityModel(MinzhengDbContext db, BenefitService benefits, RegionService regions, TimeProvider clock) : PageModel
{
    public sealed record Line(string Name, string IdNumberMasked, string ProgramName, int HouseholdSize, decimal? ProposedAmount, DateOnly From, DateOnly Until);

    public List<Line> Lines { get; private set; } = [];
    public string Place { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? region, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(region);
        if (prefix is null)
        {
            return BadRequest();
        }

        Place = await regions.DisplayPathAsync(region!.PadRight(RegionCode.Length, '0'), ct);
        var month = clock.Today().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var open = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.InPublicity && c.RegionCode.StartsWith(prefix))
            .Join(db.Persons, c => c.ApplicantPersonId, p => p.Id, (c, p) => new { Case = c, p.Name, p.IdNumberMasked })
            .OrderBy(x => x.Case.RegionCode).ThenBy(x => x.Name).ToListAsync(ct);
        foreach (var x in open)
        {
            var size = await db.HouseholdMembers.CountAsync(m => m.HouseholdId == x.Case.HouseholdId && m.ValidTo == null, ct);
            var (_, preview, _, _) = await benefits.CalculateAsync(x.Case.HouseholdId, x.Case.Program, month, ct);
            Lines.Add(new Line(x.Name, x.IdNumberMasked, Programs.AssistancePrograms.ByCode(x.Case.Program)?.Name ?? x.Case.Program, size, preview?.Total,
                x.Case.PublicityFrom!.Value, x.Case.PublicityUntil!.Value));
        }

        return Page();
    }
}
