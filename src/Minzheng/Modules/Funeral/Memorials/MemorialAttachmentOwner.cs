using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>
/// 祭扫照片: the photos of a proxy sweep (the cleaned headstone, the flowers) or a screenshot of the memorial page, kept
/// with the booking as proof of the service the family asked for. Only the funeral staff who serve bookings see them; the
/// region filter keeps a township's staff to their own facilities' bookings.
/// </summary>
public sealed class MemorialAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization) : IAttachmentOwner
{
    public const string Type = "funeral-memorial";

    public string OwnerType => Type;

    public string Title => "祭扫服务照片";

    public async Task<string?> RegionOfAsync(Guid ownerId, CancellationToken ct) =>
        http.HttpContext?.User is { } user && (await authorization.AuthorizeAsync(user, FuneralModule.Record)).Succeeded
            ? await db.MemorialBookings.Where(b => b.Id == ownerId).Select(b => b.RegionCode).SingleOrDefaultAsync(ct)
            : null;
}
