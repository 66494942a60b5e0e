using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Supervision;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>
/// 变更登记, 注销登记 and 撤销登记 of a registered organisation, each a step of <see cref="OrganizationProcedure"/>. A change
/// keeps one history row per field with the old and the new value; nothing is written when any part is refused.
/// </summary>
public sealed class OrganizationChanges(MinzhengDbContext db, OrganizationRegistry registry, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<OrgResult<int>> ChangeAsync(Guid id, ChangeOrganizationRequest request, IEnumerable<string> roles, CancellationToken ct)
    {
        var organization = await db.SocialOrganizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return OrgResult<int>.Refused(Outcome.NotFound, "社会组织不存在或不在您的管辖范围内");
        }

        try
        {
            OrganizationProcedure.Steps.Ensure(OrganizationProcedure.Change, organization.Status, roles);
        }
        catch (DomainRuleException e)
        {
            return OrgResult<int>.Refused(e.Outcome, e.Message);
        }

        var today = clock.Today();
        var errors = new FieldErrors();
        var date = OrganizationInput.Date(request.Date, "date", "变更登记日期", today, errors);
        var name = request.Name is null ? null : OrganizationInput.Name(request.Name, "name", errors);
        var unit = TextRules.Field(request.SupervisingUnit, "supervisingUnit", "业务主管单位", SocialOrganization.UnitMaxLength, errors);
        var residence = TextRules.Field(request.Residence, "residence", "住所", SocialOrganization.ResidenceMaxLength, errors);
        var capital = request.RegisteredCapital is null ? null : OrganizationInput.Capital(request.RegisteredCapital, errors);
        var representative = request.LegalRepresentative is null ? null : OrganizationInput.Representative(request.LegalRepresentative, today, errors);
        var reason = TextRules.Field(request.Reason, "reason", "变更原因", TextRules.MultiLineMax, errors, multiLine: true);
        if (date < organization.EstablishedOn)
        {
            errors.Add("date", $"变更登记日期不能早于成立登记日期 {organization.EstablishedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return OrgResult<int>.Invalid(errors);
        }

        var changes = new List<(string Field, string? Old, string? New)>();
        if (name is not null && name != organization.Name)
        {
            changes.Add(("名称", organization.Name, name));
        }

        if (unit is not null && unit != organization.SupervisingUnit)
        {
            changes.Add(("业务主管单位", organization.SupervisingUnit, unit));
        }

        if (residence is not null && residence != organization.Residence)
        {
            changes.Add(("住所", organization.Residence, residence));
        }

        if (capital is { } c && c != organization.RegisteredCapital)
        {
            if (OrganizationInput.BelowMinimum(organization.Kind, c) is { } below)
            {
                return OrgResult<int>.Refused(Outcome.Rejected, "不予变更：" + below);
            }

            changes.Add(("注册资金", OrganizationInput.Money(organization.RegisteredCapital), OrganizationInput.Money(c)));
        }

        var newIndex = representative is { } r ? protector.BlindIndex(r.Id.Value, DataPurpose.IdNumber) : null;
        if (representative is { } rep && (rep.Name != organization.LegalRepresentativeName || newIndex != organization.LegalRepresentativeIdIndex))
        {
            changes.Add(("法定代表人", $"{organization.LegalRepresentativeName}（{organization.LegalRepresentativeIdMasked}）", $"{rep.Name}（{rep.Id.Masked}）"));
        }

        if (changes.Count == 0)
        {
            errors.Add("changes", "没有需要变更的事项：请填写与现登记内容不同的名称、业务主管单位、住所、注册资金或法定代表人");
            return OrgResult<int>.Invalid(errors);
        }

        if (name is not null && name != organization.Name && await registry.DuplicateAsync(organization.AuthorityCode, name, null, organization.Id, ct) is { } duplicate)
        {
            return OrgResult<int>.Refused(Outcome.Conflict, duplicate);
        }

        organization.Name = name ?? organization.Name;
        organization.SupervisingUnit = unit ?? organization.SupervisingUnit;
        organization.Residence = residence ?? organization.Residence;
        organization.RegisteredCapital = capital ?? organization.RegisteredCapital;
        if (representative is { } newRep)
        {
            organization.LegalRepresentativeName = newRep.Name;
            organization.LegalRepresentativeIdCipher = protector.Encrypt(newRep.Id.Value, DataPurpose.IdNumber);
            organization.LegalRepresentativeIdIndex = newIndex!;
            organization.LegalRepresentativeIdMasked = newRep.Id.Masked;
        }

        foreach (var (position, (field, old, @new)) in changes.Index())
        {
            db.SocialOrganizationEvents.Add(new OrganizationEvent
            {
                OrganizationId = organization.Id,
                RegionCode = organization.RegionCode,
                Kind = OrganizationEventKind.Changed,
                Date = date!.Value,
                Field = field,
                Position = position,
                OldValue = old,
                NewValue = @new,
                Reason = reason,
            });
        }

        return await SaveAsync(changes.Count, ct);
    }

    /// <summary>注销登记 (<see cref="OrganizationProcedure.Deregister"/>) or 撤销登记 (<see cref="OrganizationProcedure.Revoke"/>, with the penalty decision's number).</summary>
    public async Task<OrgResult<int>> EndAsync(Guid id, string action, EndOrganizationRequest request, IEnumerable<string> roles, CancellationToken ct)
    {
        var organization = await db.SocialOrganizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return OrgResult<int>.Refused(Outcome.NotFound, "社会组织不存在或不在您的管辖范围内");
        }

        ProcedureStepResult step;
        try
        {
            step = new(OrganizationProcedure.Steps.Ensure(action, organization.Status, roles).To!.Value);
        }
        catch (DomainRuleException e)
        {
            return OrgResult<int>.Refused(e.Outcome, e.Message);
        }

        var revoke = action == OrganizationProcedure.Revoke;
        var errors = new FieldErrors();
        var date = OrganizationInput.Date(request.Date, "date", revoke ? "撤销登记日期" : "注销登记日期", clock.Today(), errors);
        var reason = TextRules.Field(request.Reason, "reason", revoke ? "撤销登记的事实和理由" : "注销原因", TextRules.MultiLineMax, errors, required: true, multiLine: true);
        var decision = TextRules.Field(request.DecisionNumber, "decisionNumber", "行政处罚决定书文号", 64, errors, required: revoke);
        if (date < organization.EstablishedOn)
        {
            errors.Add("date", $"日期不能早于成立登记日期 {organization.EstablishedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return OrgResult<int>.Invalid(errors);
        }

        if (revoke && await OrganizationPenalty.DecisionTakenAsync(db, organization.AuthorityCode, decision!, ct) is { } taken)
        {
            return OrgResult<int>.Refused(Outcome.Conflict, taken);
        }

        if (revoke)
        {
            // 撤销登记 is an administrative penalty: it stands in the penalty list with its decision, however it was entered.
            db.SocialOrganizationPenalties.Add(new OrganizationPenalty
            {
                OrganizationId = organization.Id,
                RegionCode = organization.RegionCode,
                AuthorityCode = organization.AuthorityCode,
                Kind = PenaltyKind.Revocation,
                DecisionNumber = decision!,
                DecidedOn = date!.Value,
                Reason = reason!,
            });
        }

        organization.Status = step.To;
        organization.EndedOn = date;
        organization.EndReason = reason;
        organization.DecisionNumber = revoke ? decision : null;
        db.SocialOrganizationEvents.Add(new OrganizationEvent
        {
            OrganizationId = organization.Id,
            RegionCode = organization.RegionCode,
            Kind = revoke ? OrganizationEventKind.Revoked : OrganizationEventKind.Deregistered,
            Date = date!.Value,
            Reason = revoke ? $"{reason}（{decision}）" : reason,
        });
        return await SaveAsync(1, ct, revoke ? $"该组织刚被他人办理，或行政处罚决定书文号“{decision}”刚被登记，本次未保存" : null);
    }

    private async Task<OrgResult<int>> SaveAsync(int count, CancellationToken ct, string? duplicate = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OrgResult<int>.Done(count);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Refused(Outcome.Conflict, duplicate ?? "同名组织已登记（可能是同时提交），本次变更未保存");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Refused(Outcome.Conflict, "该组织刚被他人修改，请刷新后重试");
        }
    }

    private readonly record struct ProcedureStepResult(SocialOrganizationStatus To);
}
