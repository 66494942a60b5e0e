using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// The printable 撤销登记决定书 (A4; 行政处罚法 art. 59): the party, the facts and evidence, how it was heard, the ground and
/// legal basis, the decision and how to comply, and the remedies (行政复议 within 60 days, 行政诉讼 within 6 months). It bears
/// the 行政处罚决定书 number entered at 决定撤销 and a QR verification link; every view is a counted, audited print.
/// </summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class RevocationDecisionModel(RevocationQueries queries, OrganizationQueries organizations, RegionService regions, DocumentService documents)
    : PageModel
{
    public RevocationCase? Case { get; private set; }
    public SocialOrganization? Organization { get; private set; }
    public IssuedDocument? Document { get; private set; }
    public IssuedDocument? Notice { get; private set; }
    public string County { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Case = await queries.FindAsync(id, ct);
        if (Case is not { Status: RevocationStatus.Revoked })
        {
            return NotFound();
        }

        Document = await documents.CurrentAsync(RevocationProcedure.DecisionKind, RevocationProcedure.OwnerType, id, ct);
        Organization = await organizations.FindAsync(Case.OrganizationId, ct);
        if (Document is null || Organization is null)
        {
            return NotFound();
        }

        Notice = await documents.CurrentAsync(RevocationProcedure.NoticeKind, RevocationProcedure.OwnerType, id, ct);
        County = await regions.NameOfAsync(Case.AuthorityCode.PadRight(RegionCode.Length, '0'), ct) ?? "";
        await documents.RecordPrintAsync(Document, ct);
        return Page();
    }
}
