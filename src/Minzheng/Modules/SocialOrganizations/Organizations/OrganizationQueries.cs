using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>A row of the register; the legal representative's ID number masked.</summary>
public sealed record OrganizationRow(Guid Id, string Name, string Kind, string KindName, string CreditCode, string? SupervisingUnit, string Residence,
    decimal RegisteredCapital, string LegalRepresentativeName, string LegalRepresentativeIdMasked, DateOnly EstablishedOn, string Status, string StatusName,
    string CertificateNumber, string RegionCode);

public sealed record OrganizationHistoryRow(DateOnly Date, string Kind, string KindName, string? Field, string? OldValue, string? NewValue, string? Reason);

public sealed record OrganizationInspectionRow(int Year, string Status, string StatusName, DateOnly? SubmittedOn, DateOnly? ReviewedOn, string? Reason, DateOnly? RectifyBy);

public sealed record OrganizationDetail(OrganizationRow Organization, string? CreditCodeNote, DateOnly? EndedOn, string? EndReason, string? DecisionNumber,
    IReadOnlyList<OrganizationHistoryRow> History, IReadOnlyList<OrganizationInspectionRow> Inspections, string? Decoupling = null, string? DecouplingName = null,
    DateOnly? DecoupledOn = null, string? DecouplingReason = null, string? EvaluationGrade = null, DateOnly? EvaluationValidUntil = null,
    Supervision.OversightRecord? Oversight = null, IReadOnlyList<DecouplingTaskRow>? DecouplingTasks = null, int? IndividualMembers = null, int? UnitMembers = null,
    int? CouncilSize = null);

/// <summary>The filters of the register, as in the URL (<c>kind</c>, <c>status</c> are the API codes).</summary>
public sealed record OrganizationFilter(string? Name, string? Kind, string? Status);

/// <summary>Lists and records of the register, within the caller's region (the query filter applies).</summary>
public sealed class OrganizationQueries(MinzhengDbContext db, Supervision.OversightQueries oversight, DecouplingWork decoupling)
{
    private static readonly SortMap<SocialOrganization> Sorts = new SortMap<SocialOrganization>("established", q => q.ThenBy(o => o.Id))
        .Add("established", o => o.EstablishedOn).Add("name", o => o.Name).Add("kind", o => o.Kind).Add("status", o => o.Status)
        .Add("capital", o => o.RegisteredCapital).Add("code", o => o.CreditCode);

    /// <summary>One page of the filtered register; null with the errors when a filter is not a known code.</summary>
    public async Task<Paged<OrganizationRow>?> ListAsync(OrganizationFilter filter, PageRequest page, FieldErrors errors, CancellationToken ct)
    {
        var kind = InputValues.ParseOptional<SocialOrganizationKind>(filter.Kind, "kind", "kind 应为 association、private-non-enterprise 或 foundation", errors);
        var status = InputValues.ParseOptional<SocialOrganizationStatus>(filter.Status, "status", "status 应为 active（正常）、deregistered（已注销）或 revoked（已撤销）", errors);
        if (errors.Any)
        {
            return null;
        }

        var query = db.SocialOrganizations.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var n = filter.Name.Trim();
            var code = n.ToUpperInvariant();
            query = query.Where(o => o.Name.Contains(n) || o.CreditCode == code);
        }

        return (await query.PageAsync(page, Sorts, ct)).Map(Row);
    }

    public static OrganizationRow Row(SocialOrganization o) => new(o.Id, o.Name, InputValues.Code(o.Kind), SocialOrganization.KindName(o.Kind), o.CreditCode,
        o.SupervisingUnit, o.Residence, o.RegisteredCapital, o.LegalRepresentativeName, o.LegalRepresentativeIdMasked, o.EstablishedOn, InputValues.Code(o.Status),
        SocialOrganization.StatusName(o.Status), o.CertificateNumber, o.RegionCode);

    public Task<SocialOrganization?> FindAsync(Guid id, CancellationToken ct) => db.SocialOrganizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);

    public async Task<OrganizationDetail?> DetailAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } o)
        {
            return null;
        }

        var history = await db.SocialOrganizationEvents.AsNoTracking().Where(e => e.OrganizationId == id)
            .OrderBy(e => e.Date).ThenBy(e => e.CreatedAt).ThenBy(e => e.Position).ToListAsync(ct);
        var inspections = await db.InspectionEntries.AsNoTracking().Where(e => e.OrganizationId == id).OrderByDescending(e => e.Year).ToListAsync(ct);
        return new OrganizationDetail(Row(o), o.CreditCodeNote, o.EndedOn, o.EndReason, o.DecisionNumber,
            history.Select(e => new OrganizationHistoryRow(e.Date, InputValues.Code(e.Kind), OrganizationEvent.KindName(e.Kind), e.Field, e.OldValue, e.NewValue, e.Reason)).ToList(),
            inspections.Select(e => new OrganizationInspectionRow(e.Year, InputValues.Code(e.Status), InspectionEntry.StatusName(e.Status), e.SubmittedOn, e.ReviewedOn,
                e.Reason, e.RectifyBy)).ToList(),
            o.Decoupling is { } dc ? InputValues.Code(dc) : null, o.Decoupling is { } dn ? SocialOrganization.DecouplingName(dn) : null, o.DecoupledOn, o.DecouplingReason,
            o.EvaluationGrade is { } g ? $"{g}A" : null, o.EvaluationValidUntil, await oversight.RecordAsync(id, ct),
            await decoupling.TasksOfAsync(id, ct), o.IndividualMembers, o.UnitMembers, o.CouncilSize);
    }
}
