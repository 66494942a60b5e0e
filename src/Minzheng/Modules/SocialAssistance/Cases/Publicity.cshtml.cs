using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// The printable 公示 list of a village or township: only what may be published (POLICY §11) — name, masked ID number,
/// household size and the proposed monthly amount; never addresses, phones, incomes or diagnoses. Children's programmes
/// are never publicised.
/// </summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class PublicityModel(MinzhengDbContext db, BenefitService benefits, RegionService regions, PostedListNumbers numbers,
    TimeProvider clock, IConfiguration configuration) : PageModel
{
    public sealed record Line(string Name, string IdNumberMasked, string ProgramName, int HouseholdSize, decimal? ProposedAmount, DateOnly From, DateOnly Until);

    public List<Line> Lines { get; private set; } = [];
    public string Place { get; private set; } = "";

    /// <summary>Who posts the list: the township government (街道办事处) for a township or village, else the county bureau.</summary>
    public string Office { get; private set; } = "";

    public DateOnly Date { get; private set; }

    /// <summary>The number citizens call with objections (<c>Documents:SupervisionPhone</c>); a blank line to fill in when unset.</summary>
    public string? SupervisionPhone => IssuingOffice.SupervisionPhone(configuration);

    /// <summary>Set when the list is one case's own posting, reprinted after the case left 公示 (for the file).</summary>
    public bool IsHistory { get; private set; }

    /// <summary>
    /// The list's number (文号) in the issuing office's series, like a decision's; null when the list is empty, or when the
    /// caller works below the office (a village) and the office has not printed this list yet.
    /// </summary>
    public IssuedDocument? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? region, Guid? caseId, CancellationToken ct)
    {
        // One case's posting (any status, once it has been publicised) or everything in 公示 now in a region.
        var one = caseId is { } id ? await db.Cases.AsNoTracking().Where(c => c.Id == id && c.PublicityFrom != null).Select(c => c.RegionCode).FirstOrDefaultAsync(ct) : null;
        if (caseId is not null && one is null)
        {
            return NotFound();
        }

        region = one ?? region;
        var prefix = RegionCode.ToScopePrefix(region);
        if (prefix is null)
        {
            return BadRequest();
        }

        IsHistory = caseId is not null;
        var code = region!.PadRight(RegionCode.Length, '0');
        Place = (await regions.DisplayPathAsync(code, ct)).Replace(" / ", "", StringComparison.Ordinal);
        var office = IssuingOffice.RegionOf(code);
        Office = IssuingOffice.Name(office, await regions.NamesOfAsync(IssuingOffice.CodesOf(office), ct));
        Date = clock.Today();
        var month = Date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var open = await db.Cases.AsNoTracking()
            .Where(c => caseId != null ? c.Id == caseId : c.Status == CaseStatus.InPublicity && c.RegionCode.StartsWith(prefix))
            .Join(db.Persons, c => c.ApplicantPersonId, p => p.Id, (c, p) => new { Case = c, p.Name, p.IdNumberMasked })
            .OrderBy(x => x.Case.RegionCode).ThenBy(x => x.Name).ToListAsync(ct);
        foreach (var x in open)
        {
            var size = await db.HouseholdMembers.CountAsync(m => m.HouseholdId == x.Case.HouseholdId && m.ValidTo == null, ct);
            var (_, preview, _, _) = await benefits.CalculateAsync(x.Case.HouseholdId, x.Case.Program, month, ct);
            Lines.Add(new Line(x.Name, x.IdNumberMasked, Programs.AssistancePrograms.NameOf(x.Case.Program), size, preview?.Total,
                x.Case.PublicityFrom!.Value, x.Case.PublicityUntil!.Value));
        }

        if (IsHistory && Lines.Count == 1)
        {
            Date = Lines[0].From;
        }

        if (Lines.Count > 0)
        {
            Document = await numbers.NumberAsync(CaseDocuments.PublicityKind, CaseDocuments.PublicityOwnerType,
                CaseDocuments.PublicityListId(code, open.Select(x => x.Case.Id)), code, Date, ct);
            Date = Document?.IssuedOn ?? Date;
        }

        return Page();
    }
}
