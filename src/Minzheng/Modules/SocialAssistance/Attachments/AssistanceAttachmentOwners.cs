using Microsoft.AspNetCore.Authorization;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Attachments;

/// <summary>救助申请: the application form, the signed authorisation to check finances, investigation photos.</summary>
public sealed class CaseAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, Policies.BusinessRead)
{
    public override string OwnerType => "case";

    public override string Title => "救助申请";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.Cases.Where(c => c.Id == ownerId).Select(c => c.RegionCode);
}

/// <summary>家庭: the household register page, disability certificates, income evidence.</summary>
public sealed class HouseholdAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, Policies.BusinessRead)
{
    public override string OwnerType => "household";

    public override string Title => "家庭";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.Households.Where(h => h.Id == ownerId).Select(h => h.RegionCode);
}

/// <summary>
/// 举报: the letter, photographs sent in. The region filter alone would show a village assistant the tip-offs of the
/// village (perhaps about a neighbour, naming the reporter): only the staff who handle tip-offs see their files.
/// </summary>
public sealed class TipOffAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, AssistancePolicies.HandleTipOffs)
{
    public override string OwnerType => "tip-off";

    public override string Title => "举报";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.TipOffs.Where(t => t.Id == ownerId).Select(t => t.RegionCode);
}
