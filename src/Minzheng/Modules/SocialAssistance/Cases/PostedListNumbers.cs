using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Cases;

/// <summary>
/// Numbers the lists an office posts on the notice board (公示名单, 长期公示). The office numbers a list the first time it
/// prints it, and every reprint of the same list shows that number and date. A village assistant prints the township's
/// list: they see its number once the township has printed it, and never start the township's series themselves.
/// </summary>
public sealed class PostedListNumbers(MinzhengDbContext db, DocumentService documents, IRegionScope scope)
{
    /// <param name="kind">the document kind (<see cref="CaseDocuments.PublicityKind"/> or the standing one)</param>
    /// <param name="ownerType">the list's owner type; <paramref name="owner"/> is the list's identity from its content</param>
    /// <param name="code">the 12-digit region the list is about</param>
    /// <param name="date">the date a newly numbered list bears</param>
    public async Task<IssuedDocument?> NumberAsync(string kind, string ownerType, Guid owner, string code, DateOnly date, CancellationToken ct)
    {
        var office = IssuingOffice.RegionOf(code);
        if (!office.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            return await db.IssuedDocuments.AsNoTracking().AcrossRegions("the number the township gave a list, shown to the village the list is about")
                .Where(d => d.Kind == kind && d.OwnerType == ownerType && d.OwnerId == owner && d.VoidedAt == null)
                .OrderByDescending(d => d.Sequence).FirstOrDefaultAsync(ct);
        }

        var document = await documents.IssueAsync(kind, code, ownerType, owner, ct, date, office);
        await documents.RecordPrintAsync(document, ct);
        return document;
    }
}
