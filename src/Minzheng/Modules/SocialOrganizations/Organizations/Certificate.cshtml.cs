using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The printable 登记证书 (A4): its number from the county's series and the registered particulars; every print is counted and audited.</summary>
[Authorize(Policy = SocialOrganizationsModule.Register)]
public sealed class CertificateModel(OrganizationQueries queries, RegionService regions, DocumentService documents) : PageModel
{
    public SocialOrganization? Organization { get; private set; }
    public IssuedDocument? Document { get; private set; }
    public string County { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Organization = await queries.FindAsync(id, ct);
        if (Organization is null)
        {
            return NotFound();
        }

        County = await regions.NameOfAsync(Organization.AuthorityCode.PadRight(RegionCode.Length, '0'), ct) ?? "";
        Document = (await documents.OfAsync(OrganizationDocuments.OwnerType, Organization.Id, ct)).FirstOrDefault(d => !d.IsVoid);
        if (Document is not null)
        {
            await documents.RecordPrintAsync(Document, ct);
        }

        return Page();
    }
}
