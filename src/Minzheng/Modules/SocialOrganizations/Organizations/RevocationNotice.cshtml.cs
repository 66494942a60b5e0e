using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// The printable 撤销登记事先告知书 (A4; 行政处罚法 art. 44 and 63): the facts, ground and intended decision, and the party's
/// right to state its case or ask for a hearing within the period. Numbered from the county's series; every print is audited.
/// </summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class RevocationNoticeModel(RevocationQueries queries, RegionService regions, DocumentService documents, IConfiguration configuration) : PageModel
{
    public RevocationCase? Case { get; private set; }
    public IssuedDocument? Document { get; private set; }
    public string County { get; private set; } = "";
    public int WorkingDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Case = await queries.FindAsync(id, ct);
        Document = Case is null ? null : await documents.CurrentAsync(RevocationProcedure.NoticeKind, RevocationProcedure.OwnerType, id, ct);
        if (Case is null || Document is null)
        {
            return NotFound();
        }

        County = await regions.NameOfAsync(Case.AuthorityCode.PadRight(RegionCode.Length, '0'), ct) ?? "";
        WorkingDays = RevocationProcedure.ResponseWorkingDays(configuration);
        await documents.RecordPrintAsync(Document, ct);
        return Page();
    }
}
