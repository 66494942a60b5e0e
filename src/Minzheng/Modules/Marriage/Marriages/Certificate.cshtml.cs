using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>The printable certificate data page (A4) of a registration: its number, the parties, the registry; every print is counted and audited.</summary>
[Authorize(Policy = MarriageModule.Register)]
public sealed class CertificateModel(MarriageQueries queries, RegionService regions, DocumentService documents) : PageModel
{
    public MarriageRecord? Record { get; private set; }
    public IssuedDocument? Document { get; private set; }
    public string County { get; private set; } = "";

    /// <summary>For a reissued certificate: the registration it reissues (its date is the certificate's registration date).</summary>
    public MarriageRecord? Original { get; private set; }

    /// <summary>For a divorce: the application it was registered from, whose page shows the 离婚协议.</summary>
    public Guid? ApplicationId { get; private set; }

    public bool IsDivorce => Record!.Kind is MarriageRecordKind.Divorce or MarriageRecordKind.ReissuedDivorceCertificate;
    public bool IsReissue => Record!.Kind is MarriageRecordKind.ReissuedMarriageCertificate or MarriageRecordKind.ReissuedDivorceCertificate;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Record = await queries.RecordAsync(id, ct);
        if (Record is null)
        {
            return NotFound();
        }

        if (Record.Kind == MarriageRecordKind.Revocation)
        {
            // A revocation issues no certificate: its page is the record's own.
            return RedirectToPage("/Modules/Marriage/Marriages/Detail", new { id });
        }

        Original = IsReissue && Record.MarriageId is { } originalId ? await queries.OriginalAsync(originalId, ct) : null;
        ApplicationId = Record.Kind == MarriageRecordKind.Divorce ? await queries.ApplicationOfDivorceAsync(Record.Id, ct) : null;

        County = await regions.NameOfAsync(Record.RegionCode[..6].PadRight(RegionCode.Length, '0'), ct) ?? "";
        Document = (await documents.OfAsync(MarriageDocuments.OwnerType, Record.Id, ct)).FirstOrDefault(d => !d.IsVoid);
        if (Document is not null)
        {
            await documents.RecordPrintAsync(Document, ct);
        }

        return Page();
    }
}
