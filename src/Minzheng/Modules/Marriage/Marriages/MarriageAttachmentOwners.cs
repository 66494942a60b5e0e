using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// 婚姻登记记录: the couple's photo (合影照片) and the scan of the signed pages (签名页扫描件). Only the registry's staff
/// open the register, so only they see its files: a township officer of the same county gets 404 like for any record out of reach.
/// </summary>
public sealed class MarriageRecordAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization) : IAttachmentOwner
{
    public string OwnerType => MarriageDocuments.OwnerType;

    public string Title => "婚姻登记记录";

    public async Task<string?> RegionOfAsync(Guid ownerId, CancellationToken ct) =>
        await MarriageAttachments.MayOpenAsync(http, authorization)
            ? await db.MarriageRecords.Where(r => r.Id == ownerId).Select(r => r.RegionCode).SingleOrDefaultAsync(ct)
            : null;
}

/// <summary>离婚登记申请: the signed divorce agreement (离婚协议) as scanned at 受理.</summary>
public sealed class DivorceApplicationAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization) : IAttachmentOwner
{
    public string OwnerType => MarriageDocuments.ApplicationOwnerType;

    public string Title => "离婚登记申请";

    public async Task<string?> RegionOfAsync(Guid ownerId, CancellationToken ct) =>
        await MarriageAttachments.MayOpenAsync(http, authorization)
            ? await db.DivorceApplications.Where(a => a.Id == ownerId).Select(a => a.RegionCode).SingleOrDefaultAsync(ct)
            : null;
}

internal static class MarriageAttachments
{
    /// <summary>The permission the register's pages require; without a signed-in user (no request) nothing is visible.</summary>
    public static async Task<bool> MayOpenAsync(IHttpContextAccessor http, IAuthorizationService authorization) =>
        http.HttpContext?.User is { } user && (await authorization.AuthorizeAsync(user, MarriageModule.Register)).Succeeded;
}
