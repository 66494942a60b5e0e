using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Revocations;

/// <summary>A case in lists; <c>AwaitingResponse</c> while the party's period runs, <c>ResponseLapsed</c> once it ran out unanswered.</summary>
public sealed record RevocationRow(Guid Id, Guid OrganizationId, string OrganizationName, string Status, string StatusName, string Ground, string GroundName,
    DateOnly OpenedOn, DateOnly? NotifiedOn, DateOnly? ResponseDueOn, DateOnly? DecidedOn, string? DecisionNumber, bool ResponseLapsed);

/// <summary>One case with its facts, the party's response, the decision, the notice and the steps the caller may take now.</summary>
public sealed record RevocationDetail(RevocationRow Case, string Facts, string? Response, string? ResponseName, DateOnly? RespondedOn, string? ResponseText,
    string? DecisionReason, RevocationNotice? Notice, IReadOnlyList<string> AvailableActions, RevocationNotice? Decision = null);

public sealed record RevocationNotice(Guid Id, string Title, string Number, DateOnly IssuedOn);

/// <summary>Lists and records of the 撤销登记 cases, within the caller's region (the query filter applies).</summary>
public sealed class RevocationQueries(MinzhengDbContext db, DocumentService documents, TimeProvider clock)
{
    private static readonly SortMap<RevocationCase> Sorts = new SortMap<RevocationCase>("opened", q => q.ThenBy(c => c.Id))
        .Add("opened", c => c.OpenedOn).Add("due", c => c.ResponseDueOn).Add("name", c => c.OrganizationName).Add("status", c => c.Status);

    public async Task<Paged<RevocationRow>?> ListAsync(string? status, Guid? organizationId, PageRequest page, FieldErrors errors, CancellationToken ct)
    {
        var s = InputValues.ParseOptional<RevocationStatus>(status, "status",
            "status 应为 opened（已立案）、notified（已告知）、heard（已陈述申辩）、revoked（决定撤销）或 not-revoked（不予撤销）", errors);
        if (errors.Any)
        {
            return null;
        }

        var query = db.RevocationCases.AsNoTracking();
        if (s is { } st)
        {
            query = query.Where(c => c.Status == st);
        }

        if (organizationId is { } o)
        {
            query = query.Where(c => c.OrganizationId == o);
        }

        var today = clock.Today();
        return (await query.PageAsync(page, Sorts, ct)).Map(c => Row(c, today));
    }

    public static RevocationRow Row(RevocationCase c, DateOnly today) => new(c.Id, c.OrganizationId, c.OrganizationName, InputValues.Code(c.Status),
        RevocationCase.StatusName(c.Status), InputValues.Code(c.Ground), RevocationCase.GroundName(c.Ground), c.OpenedOn, c.NotifiedOn, c.ResponseDueOn, c.DecidedOn,
        c.DecisionNumber, c.Status == RevocationStatus.Notified && c.ResponseDueOn < today);

    public Task<RevocationCase?> FindAsync(Guid id, CancellationToken ct) => db.RevocationCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    public async Task<RevocationDetail?> DetailAsync(Guid id, IEnumerable<string> roles, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } c)
        {
            return null;
        }

        var notice = await documents.CurrentAsync(RevocationProcedure.NoticeKind, RevocationProcedure.OwnerType, c.Id, ct);
        return new RevocationDetail(Row(c, clock.Today()), c.Facts, c.Response is { } r ? InputValues.Code(r) : null,
            c.Response is { } rn ? RevocationCase.ResponseName(rn) : null, c.RespondedOn, c.ResponseText, c.DecisionReason,
            notice is null ? null : new RevocationNotice(notice.Id, notice.Title, notice.Number, notice.IssuedOn),
            RevocationProcedure.Steps.AvailableActions(c.Status, roles).Select(s => s.Action).ToList(),
            await documents.CurrentAsync(RevocationProcedure.DecisionKind, RevocationProcedure.OwnerType, c.Id, ct) is { } d
                ? new RevocationNotice(d.Id, d.Title, d.Number, d.IssuedOn)
                : null);
    }
}
