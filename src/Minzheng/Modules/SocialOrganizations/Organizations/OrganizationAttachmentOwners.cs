using Microsoft.AspNetCore.Authorization;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// 章程, 会员名册 and 理事会名单 filed with a registered organisation. Only the registration staff (the register's own
/// policy) see them; the region filter keeps a registrar to the organisations of the registrar's region.
/// </summary>
public sealed class OrganizationAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, SocialOrganizationsModule.Register)
{
    public const string Type = "social-organization";

    public override string OwnerType => Type;

    public override string Title => "社会组织章程及会员名册";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.SocialOrganizations.Where(o => o.Id == ownerId).Select(o => o.RegionCode);
}

/// <summary>The documents handed in with a 登记申请 (章程草案, 会员名册, 理事会名单…), under the same rule as the register's files.</summary>
public sealed class ApplicationAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, SocialOrganizationsModule.Register)
{
    public override string OwnerType => ApplicationProcedure.OwnerType;

    public override string Title => "社会组织登记申请材料";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.RegistrationApplications.Where(a => a.Id == ownerId).Select(a => a.RegionCode);
}

/// <summary>The evidence of a 撤销登记 case (调查笔录, 证据材料, 送达回证), under the same rule as the register's files.</summary>
public sealed class RevocationAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, SocialOrganizationsModule.Register)
{
    public override string OwnerType => RevocationProcedure.OwnerType;

    public override string Title => "社会组织撤销登记案件证据材料";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.RevocationCases.Where(c => c.Id == ownerId).Select(c => c.RegionCode);
}

/// <summary>The files of an annual report (财务报表, 审计报告, 活动材料) on the organisation's entry of the year's list, under the same rule.</summary>
public sealed class InspectionAttachmentOwner(MinzhengDbContext db, IHttpContextAccessor http, IAuthorizationService authorization)
    : PolicyGatedAttachmentOwner(http, authorization, SocialOrganizationsModule.Register)
{
    public const string Type = "social-organization-inspection";

    public override string OwnerType => Type;

    public override string Title => "社会组织年度报告材料";

    protected override IQueryable<string> RegionQuery(Guid ownerId) =>
        db.InspectionEntries.Where(e => e.Id == ownerId).Select(e => e.RegionCode);
}
