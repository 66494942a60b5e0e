using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;
using Minzheng.Platform.Workflow;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>The registration procedures after 成立登记, declared once: the API, the pages and the tests read this table.</summary>
public static class OrganizationProcedure
{
    public const string Change = "change";
    public const string Deregister = "deregister";
    public const string Revoke = "revoke";

    public static Procedure<SocialOrganizationStatus> Steps { get; } = new Procedure<SocialOrganizationStatus>("社会组织登记", SocialOrganization.StatusName)
        .Step(Change, "变更登记", [SocialOrganizationStatus.Active], null, [Roles.SocialOrgRegistrar], "只有社会组织登记管理员可以办理变更登记",
            wrongState: "该组织已注销或被撤销登记，不能办理变更登记")
        .Step(Deregister, "注销登记", [SocialOrganizationStatus.Active], SocialOrganizationStatus.Deregistered, [Roles.SocialOrgRegistrar],
            "只有社会组织登记管理员可以办理注销登记", needsReason: true, wrongState: "该组织已注销或被撤销登记")
        .Step(Revoke, "撤销登记", [SocialOrganizationStatus.Active], SocialOrganizationStatus.Revoked, [Roles.SocialOrgRegistrar],
            "只有社会组织登记管理员可以撤销登记", needsReason: true, wrongState: "该组织已注销或被撤销登记");
}

/// <summary>
/// 成立登记 of social organisations (社会团体登记管理条例, 民办非企业单位登记管理暂行条例, 基金会管理条例): checks every field and
/// rule, refuses with the reason in Chinese and writes nothing, or registers the organisation and numbers its 登记证书.
/// </summary>
public sealed class OrganizationRegistry(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, DocumentService documents,
    TimeProvider clock)
{
    public async Task<OrgResult<RegisteredOrganization>> RegisterAsync(RegisterOrganizationRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var region = scope.RegionCode();
        var county = region[..6];
        var errors = new FieldErrors();
        var name = OrganizationInput.Name(request.Name, "name", errors);
        var kind = OrganizationInput.Kind(request.Kind, errors);
        var note = TextRules.Field(request.CreditCodeNote, "creditCodeNote", "统一社会信用代码说明", 500, errors);
        var code = OrganizationInput.Code(request.CreditCode, kind, note, county, errors);
        var unit = TextRules.Field(request.SupervisingUnit, "supervisingUnit", "业务主管单位", SocialOrganization.UnitMaxLength, errors);
        var residence = TextRules.Field(request.Residence, "residence", "住所", SocialOrganization.ResidenceMaxLength, errors, required: true);
        var capital = OrganizationInput.Capital(request.RegisteredCapital, errors);
        var representative = OrganizationInput.Representative(request.LegalRepresentative, today, errors);
        var established = OrganizationInput.Date(request.EstablishedOn, "establishedOn", "成立登记日期", today, errors);
        var individual = OrganizationInput.Count(request.IndividualMembers, "individualMembers", "个人会员数", errors);
        var unitMembers = OrganizationInput.Count(request.UnitMembers, "unitMembers", "单位会员数", errors);
        var council = OrganizationInput.Count(request.CouncilSize, "councilSize", "理事会人数", errors);
        if (errors.Any)
        {
            return OrgResult<RegisteredOrganization>.Invalid(errors);
        }

        if (scope.Prefix.Length > 6)
        {
            // The registering authority is a bureau at county level or above (条例 art. 6); its certificate series is the county's.
            return OrgResult<RegisteredOrganization>.Refused(Outcome.Rejected, "社会组织的登记管理机关是县级以上民政部门，乡镇（街道）账户不能办理成立登记");
        }

        if (OrganizationInput.BelowMinimum(kind!.Value, capital!.Value) is { } below)
        {
            return OrgResult<RegisteredOrganization>.Refused(Outcome.Rejected, "不予登记：" + below);
        }

        if ((individual is not null || unitMembers is not null)
            && OrganizationInput.BelowMemberMinimum(kind.Value, individual ?? 0, unitMembers ?? 0) is { } fewMembers)
        {
            return OrgResult<RegisteredOrganization>.Refused(Outcome.Rejected, "不予登记：" + fewMembers);
        }

        if (await DuplicateAsync(county, name!, code!.Value.Value, null, ct) is { } duplicate)
        {
            return OrgResult<RegisteredOrganization>.Refused(Outcome.Conflict, duplicate);
        }

        var (repName, repId) = representative!.Value;
        var organization = new SocialOrganization
        {
            RegionCode = region,
            AuthorityCode = county,
            Name = name!,
            Kind = kind.Value,
            CreditCode = code.Value.Value,
            CreditCodeNote = note,
            SupervisingUnit = unit,
            Residence = residence!,
            RegisteredCapital = capital.Value,
            LegalRepresentativeName = repName,
            LegalRepresentativeIdCipher = protector.Encrypt(repId.Value, DataPurpose.IdNumber),
            LegalRepresentativeIdIndex = protector.BlindIndex(repId.Value, DataPurpose.IdNumber),
            LegalRepresentativeIdMasked = repId.Masked,
            EstablishedOn = established!.Value,
            Status = SocialOrganizationStatus.Active,
            IndividualMembers = individual,
            UnitMembers = unitMembers,
            CouncilSize = council,
        };
        // An approved 成立 application registers inside its own transaction, so that the decision and the register stand or fall together.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.SocialOrganizations.Add(organization);
        db.SocialOrganizationEvents.Add(new OrganizationEvent
        {
            OrganizationId = organization.Id,
            RegionCode = region,
            Kind = OrganizationEventKind.Established,
            Date = organization.EstablishedOn,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return OrgResult<RegisteredOrganization>.Refused(Outcome.Conflict, "同名组织或同一统一社会信用代码已登记（可能是重复提交），请勿重复登记");
        }

        var document = await documents.IssueAsync(OrganizationDocuments.CertificateKind, region, OrganizationDocuments.OwnerType, organization.Id, ct,
            organization.EstablishedOn);
        organization.CertificateNumber = document.Number;
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return OrgResult<RegisteredOrganization>.Done(new RegisteredOrganization(organization.Id, organization.CertificateNumber));
    }

    /// <summary>
    /// Why the name or the code cannot be registered (null when both are free). Names are unique within the registering
    /// county, codes everywhere, whichever clerk's scope registered them.
    /// </summary>
    public async Task<string?> DuplicateAsync(string county, string? name, string? creditCode, Guid? except, CancellationToken ct)
    {
        var all = db.SocialOrganizations.AcrossRegions("names are unique within the registering county and USCCs nationwide, whoever registered them");
        if (name is not null && await all.Where(o => o.AuthorityCode == county && o.Name == name && o.Id != except)
                .Select(o => new { o.Name, o.CertificateNumber }).FirstOrDefaultAsync(ct) is { } sameName)
        {
            return $"本登记管理机关已登记名称为“{sameName.Name}”的社会组织（登记证号 {sameName.CertificateNumber}），名称不得重复";
        }

        if (creditCode is not null && await all.AnyAsync(o => o.CreditCode == creditCode && o.Id != except, ct))
        {
            return $"统一社会信用代码 {creditCode} 已被其他社会组织使用";
        }

        return null;
    }

    /// <summary>The names like this one already registered in the caller's county (a 名称核准 before the form is filled).</summary>
    public async Task<List<string>> SimilarNamesAsync(string name, CancellationToken ct)
    {
        var county = scope.RegionCode()[..6];
        var core = name.Trim();
        return await db.SocialOrganizations.AsNoTracking().Where(o => o.AuthorityCode == county && (o.Name == core || o.Name.Contains(core)))
            .OrderBy(o => o.Name).Select(o => o.Name).Take(20).ToListAsync(ct);
    }
}
