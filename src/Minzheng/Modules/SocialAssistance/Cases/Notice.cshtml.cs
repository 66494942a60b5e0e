using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>The printable decision (A4): approval with the amount and its basis, or refusal with reasons and how to appeal.</summary>
[Authorize(Policy = Policies.BusinessRead)]
public sealed class NoticeModel(CaseQueries queries, RegionService regions, CalendarService calendars, DocumentService documents) : PageModel
{
    public CaseDto? Case { get; private set; }
    public string County { get; private set; } = "";
    public DateOnly? NoticeDue { get; private set; }
    public IssuedDocument? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Case = await queries.GetAsync(id, ct);
        if (Case is not { DecidedOn: { } decided } || Case.Status is not ("approved" or "refused"))
        {
            return NotFound();
        }

        County = await regions.NameOfAsync(Case.RegionCode[..6].PadRight(RegionCode.Length, '0'), ct) ?? "县级";
        NoticeDue = (await calendars.GetAsync(ct)).AddWorkingDays(decided, CaseRules.RefusalNoticeDays);
        // Decisions carry their number from the moment they are made; one decided before numbering existed gets it now.
        Document = await documents.IssueAsync(CaseDocuments.DecisionKind, Case.RegionCode, CaseDocuments.OwnerType, Case.Id, ct, decided);
        await documents.RecordPrintAsync(Document, ct);
        return Page();
    }
}
