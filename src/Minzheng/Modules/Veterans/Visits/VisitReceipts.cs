using Microsoft.AspNetCore.Authorization;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Veterans.Visits;

/// <summary>
/// 走访慰问签收单: the receipt the visited person (or family) signed for the money or gift, scanned or photographed and
/// kept with the visit row as evidence for the audit of the 慰问金. Only those who see the campaign lists (the 优抚 officer,
/// the township of the person) see the receipts; the region filter keeps a township to its own persons.
/// </summary>
public sealed class CareVisitAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, VeteransModule.Visit)
{
    public const string Type = "veteran-visit";

    public override string OwnerType => Type;

    public override string Title => "走访慰问签收单";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.VeteranVisits.Where(v => v.Id == ownerId).Select(v => v.RegionCode);
}
