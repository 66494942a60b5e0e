using Microsoft.AspNetCore.Authorization;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>
/// 祭扫照片: the photos of a proxy sweep (the cleaned headstone, the flowers) or a screenshot of the memorial page, kept
/// with the booking as proof of the service the family asked for. Only the funeral staff who serve bookings see them; the
/// region filter keeps a township's staff to their own facilities' bookings.
/// </summary>
public sealed class MemorialAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, FuneralModule.Record)
{
    public const string Type = "funeral-memorial";

    public override string OwnerType => Type;

    public override string Title => "祭扫服务照片";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.MemorialBookings.Where(b => b.Id == ownerId).Select(b => b.RegionCode);
}
