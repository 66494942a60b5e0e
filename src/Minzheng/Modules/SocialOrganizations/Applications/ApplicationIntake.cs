using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Applications;

/// <summary>
/// Receives a 登记申请 at the window: checks the applicant's contents with the same rules the registration will apply, so
/// that what cannot be registered is refused now (400/409/422, nothing written) rather than after 受理.
/// </summary>
public sealed class ApplicationIntake(MinzhengDbContext db, IRegionScope scope, OrganizationRegistry registry, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<OrgResult<ReceivedApplication>> ReceiveAsync(ReceiveApplicationRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var kind = InputValues.ParseOptional<ApplicationKind>(request.Procedure, "procedure",
            "申请事项（procedure）应为 establish（成立登记）、change（变更登记）或 deregister（注销登记）", errors);
        if (kind is null && string.IsNullOrWhiteSpace(request.Procedure))
        {
            errors.Add("procedure", "请选择申请事项（procedure）");
        }

        var received = OrganizationInput.Date(request.ReceivedOn, "receivedOn", "收件日期", today, errors);
        if (errors.Any)
        {
            return OrgResult<ReceivedApplication>.Invalid(errors);
        }

        if (scope.Prefix.Length > 6)
        {
            return OrgResult<ReceivedApplication>.Refused(Outcome.Rejected, "社会组织的登记管理机关是县级以上民政部门，乡镇（街道）账户不能接收登记申请");
        }

        var application = new RegistrationApplication
        {
            RegionCode = scope.RegionCode(),
            AuthorityCode = scope.RegionCode()[..6],
            Kind = kind!.Value,
            Status = ApplicationStatus.Received,
            ReceivedOn = received!.Value,
        };
        var refusal = kind == ApplicationKind.Establish
            ? await EstablishAsync(application, request, today, errors, ct)
            : await ForOrganizationAsync(application, request, today, errors, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        db.RegistrationApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return OrgResult<ReceivedApplication>.Done(new ReceivedApplication(application.Id));
    }

    private async Task<OrgResult<ReceivedApplication>?> EstablishAsync(RegistrationApplication application, ReceiveApplicationRequest request, DateOnly today,
        FieldErrors errors, CancellationToken ct)
    {
        var county = application.AuthorityCode;
        var name = OrganizationInput.Name(request.Name, "name", errors);
        var kind = OrganizationInput.Kind(request.Kind, errors);
        var note = TextRules.Field(request.CreditCodeNote, "creditCodeNote", "统一社会信用代码说明", 500, errors);
        var code = OrganizationInput.Code(request.CreditCode, kind, note, county, errors);
        var unit = TextRules.Field(request.SupervisingUnit, "supervisingUnit", "业务主管单位", SocialOrganization.UnitMaxLength, errors);
        var residence = TextRules.Field(request.Residence, "residence", "住所", SocialOrganization.ResidenceMaxLength, errors, required: true);
        var capital = OrganizationInput.Capital(request.RegisteredCapital, errors);
        var representative = OrganizationInput.Representative(request.LegalRepresentative, today, errors);
        var individual = OrganizationInput.Count(request.IndividualMembers, "individualMembers", "个人会员数", errors);
        var unitMembers = OrganizationInput.Count(request.UnitMembers, "unitMembers", "单位会员数", errors);
        var council = OrganizationInput.Count(request.CouncilSize, "councilSize", "理事会人数", errors);
        if (kind == SocialOrganizationKind.Association && request.IndividualMembers is null && request.UnitMembers is null)
        {
            errors.Add("individualMembers", "社会团体的成立申请须填写个人会员数或单位会员数");
        }

        if (errors.Any)
        {
            return OrgResult<ReceivedApplication>.Invalid(errors);
        }

        if (OrganizationInput.BelowMinimum(kind!.Value, capital!.Value) is { } below)
        {
            return OrgResult<ReceivedApplication>.Refused(Outcome.Rejected, below);
        }

        if (OrganizationInput.BelowMemberMinimum(kind.Value, individual ?? 0, unitMembers ?? 0) is { } few)
        {
            return OrgResult<ReceivedApplication>.Refused(Outcome.Rejected, few);
        }

        if (await registry.DuplicateAsync(county, name, code!.Value.Value, null, ct) is { } duplicate)
        {
            return OrgResult<ReceivedApplication>.Refused(Outcome.Conflict, duplicate);
        }

        if (await db.RegistrationApplications.AnyAsync(a => a.Kind == ApplicationKind.Establish && a.OrganizationName == name
                && (a.Status == ApplicationStatus.Received || a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Correcting), ct))
        {
            return OrgResult<ReceivedApplication>.Refused(Outcome.Conflict, $"名称为“{name}”的成立登记申请正在办理中，请勿重复接收");
        }

        var (repName, repId) = representative!.Value;
        application.OrganizationName = name!;
        application.OrganizationKind = kind;
        application.CreditCode = code.Value.Value;
        application.CreditCodeNote = note;
        application.SupervisingUnit = unit;
        application.Residence = residence;
        application.RegisteredCapital = capital;
        SetRepresentative(application, repName, repId);
        application.IndividualMembers = individual;
        application.UnitMembers = unitMembers;
        application.CouncilSize = council;
        return null;
    }

    private async Task<OrgResult<ReceivedApplication>?> ForOrganizationAsync(RegistrationApplication application, ReceiveApplicationRequest request, DateOnly today,
        FieldErrors errors, CancellationToken ct)
    {
        var change = application.Kind == ApplicationKind.Change;
        var name = request.Name is null ? null : OrganizationInput.Name(request.Name, "name", errors);
        var unit = TextRules.Field(request.SupervisingUnit, "supervisingUnit", "业务主管单位", SocialOrganization.UnitMaxLength, errors);
        var residence = TextRules.Field(request.Residence, "residence", "住所", SocialOrganization.ResidenceMaxLength, errors);
        var capital = request.RegisteredCapital is null ? null : OrganizationInput.Capital(request.RegisteredCapital, errors);
        var representative = request.LegalRepresentative is null ? null : OrganizationInput.Representative(request.LegalRepresentative, today, errors);
        var reason = TextRules.Field(request.Reason, "reason", change ? "变更原因" : "注销原因", TextRules.MultiLineMax, errors, required: !change, multiLine: true);
        if (request.OrganizationId is null)
        {
            errors.Add("organizationId", "请选择申请变更或注销登记的社会组织");
        }

        if (change && !errors.Any && name is null && unit is null && residence is null && capital is null && representative is null)
        {
            errors.Add("changes", "请填写申请变更的事项：名称、业务主管单位、住所、注册资金或法定代表人");
        }

        if (errors.Any)
        {
            return OrgResult<ReceivedApplication>.Invalid(errors);
        }

        var organization = await db.SocialOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganizationId, ct);
        if (organization is null)
        {
            return OrgResult<ReceivedApplication>.Refused(Outcome.NotFound, "社会组织不存在或不在您的管辖范围内");
        }

        if (organization.Status != SocialOrganizationStatus.Active)
        {
            return OrgResult<ReceivedApplication>.Refused(Outcome.Conflict,
                $"该组织已{SocialOrganization.StatusName(organization.Status)[1..]}，不能申请{RegistrationApplication.KindName(application.Kind)}");
        }

        if (await db.RegistrationApplications.AnyAsync(a => a.OrganizationId == organization.Id
                && (a.Status == ApplicationStatus.Received || a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Correcting), ct))
        {
            return OrgResult<ReceivedApplication>.Refused(Outcome.Conflict, "该组织已有正在办理的登记申请，办结或撤回后才能再接收");
        }

        application.OrganizationId = organization.Id;
        application.OrganizationName = organization.Name;
        application.OrganizationKind = organization.Kind;
        application.NewName = name;
        application.SupervisingUnit = unit;
        application.Residence = residence;
        application.RegisteredCapital = capital;
        if (representative is { } rep)
        {
            SetRepresentative(application, rep.Name, rep.Id);
        }

        application.Matter = reason;
        return null;
    }

    private void SetRepresentative(RegistrationApplication application, string name, IdNumber id)
    {
        application.RepresentativeName = name;
        application.RepresentativeIdCipher = protector.Encrypt(id.Value, DataPurpose.IdNumber);
        application.RepresentativeIdIndex = protector.BlindIndex(id.Value, DataPurpose.IdNumber);
        application.RepresentativeIdMasked = id.Masked;
    }
}
