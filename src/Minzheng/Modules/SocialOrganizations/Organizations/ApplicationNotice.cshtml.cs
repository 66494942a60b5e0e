using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// The printable notices of a 登记申请 (A4): 受理通知书 (with the decision's due day), 不予受理通知书 and 不予登记决定书 (with
/// the reason and the applicant's remedies, 行政许可法 art. 38), 补正告知书 (every item at once, art. 32) and 延长决定期限通知书
/// (the reason and the new due day, art. 42). Numbered from the county's series; every print is audited.
/// </summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class ApplicationNoticeModel(ApplicationQueries queries, RegionService regions, DocumentService documents,
    IConfiguration configuration, Platform.Calendar.CalendarService calendars) : PageModel
{
    public RegistrationApplication? Application { get; private set; }
    public IssuedDocument? Document { get; private set; }
    public string County { get; private set; } = "";
    public int WorkingDays { get; private set; }

    /// <summary>The due day as the 受理通知书 stated it: a reprint after a 补正 or 延期 still says what was notified then.</summary>
    public DateOnly? AcceptanceDueOn { get; private set; }

    /// <summary>The 补正 came after 受理 (the clock stopped and restarts), not before it (受理 comes with the corrections).</summary>
    public bool CorrectedAfterAcceptance { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? kind, CancellationToken ct)
    {
        Application = await queries.FindAsync(id, ct);
        if (Application is null || kind is null || ApplicationProcedure.Notices.All(n => n.Code != kind))
        {
            return NotFound();
        }

        Document = await documents.CurrentAsync(kind, ApplicationProcedure.OwnerType, id, ct);
        if (Document is null)
        {
            return NotFound();
        }

        County = await regions.NameOfAsync(Application.AuthorityCode.PadRight(RegionCode.Length, '0'), ct) ?? "";
        WorkingDays = ApplicationProcedure.DecisionWorkingDays(configuration, Application.Kind);
        AcceptanceDueOn = Application.AcceptedOn is { } accepted ? (await calendars.GetAsync(ct)).AddWorkingDays(accepted, WorkingDays) : null;
        CorrectedAfterAcceptance = Application.AcceptedOn is { } on && on <= Application.CorrectionRequestedOn && on != Application.CorrectionReceivedOn;
        await documents.RecordPrintAsync(Document, ct);
        return Page();
    }
}
