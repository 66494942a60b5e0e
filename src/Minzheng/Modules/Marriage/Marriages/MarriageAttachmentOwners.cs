using Microsoft.AspNetCore.Authorization;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// 婚姻登记记录: the couple's photo (合影照片) and the scan of the signed pages (签名页扫描件). Only the registry's staff
/// open the register, so only they see its files: a township officer of the same county gets 404 like for any record out of reach.
/// </summary>
public sealed class MarriageRecordAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, MarriageModule.Register)
{
    public override string OwnerType => MarriageDocuments.OwnerType;

    public override string Title => "婚姻登记记录";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.MarriageRecords.Where(r => r.Id == ownerId).Select(r => r.RegionCode);
}

/// <summary>离婚登记申请: the signed divorce agreement (离婚协议) as scanned at 受理, under the same rule as the register's files.</summary>
public sealed class DivorceApplicationAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, MarriageModule.Register)
{
    public override string OwnerType => MarriageDocuments.ApplicationOwnerType;

    public override string Title => "离婚登记申请";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.DivorceApplications.Where(a => a.Id == ownerId).Select(a => a.RegionCode);
}
