using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>One of the five separations done: <c>completedOn</c>, with an optional <c>note</c>.</summary>
public sealed record DecouplingTaskRequest(string? CompletedOn, string? Note);

public sealed record DecouplingTaskRow(string Task, string Name, DateOnly CompletedOn, string? Note);

public sealed record DecouplingTaskCount(string Task, string Name, int Completed);

/// <summary>A trade association on the list with the separations it had completed by the day asked.</summary>
public sealed record DecouplingProgressRow(Guid Id, string Name, string Status, string StatusName, IReadOnlyList<DecouplingTaskRow> Completed);

/// <summary>
/// Progress by date: of the associations on the decoupling list, how many had completed each separation and how many all
/// five by <c>asOf</c>; the rows name each association's completed separations.
/// </summary>
public sealed record DecouplingProgress(DateOnly AsOf, int Organizations, IReadOnlyList<DecouplingTaskCount> Tasks, int AllFive, IReadOnlyList<DecouplingProgressRow> Rows);

/// <summary>The five separations of each trade association on the decoupling list (脱钩的分项任务) and their progress by date.</summary>
public sealed class DecouplingWork(MinzhengDbContext db, TimeProvider clock)
{
    public async Task<OrgResult<int>> CompleteAsync(Guid id, string? task, DecouplingTaskRequest request, CancellationToken ct)
    {
        if (await db.SocialOrganizations.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } o)
        {
            return OrgResult<int>.Refused(Outcome.NotFound, "社会组织不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        var kind = InputValues.ParseOptional<DecouplingTaskKind>(task, "task",
            "分项任务（task）应为 institution（机构分离）、functions（职能分离）、assets-finance（资产财务分离）、personnel（人员管理分离）或 party-building（党建、外事等事项分离）", errors);
        var completed = OrganizationInput.Date(request.CompletedOn, "completedOn", "完成日期", clock.Today(), errors);
        var note = TextRules.Field(request.Note, "note", "说明", 500, errors, multiLine: true);
        if (completed < o.EstablishedOn)
        {
            errors.Add("completedOn", $"完成日期不能早于成立登记日期 {o.EstablishedOn:yyyy-MM-dd}");
        }

        if (errors.Any || kind is null)
        {
            return OrgResult<int>.Invalid(errors);
        }

        if (o.Status != SocialOrganizationStatus.Active)
        {
            return OrgResult<int>.Refused(Outcome.Conflict, "该组织已注销或被撤销登记");
        }

        if (o.Kind != SocialOrganizationKind.Association || o.Decoupling is null)
        {
            return OrgResult<int>.Refused(Outcome.Rejected, "分项任务只适用于列入脱钩名单的行业协会商会：请先登记脱钩状态");
        }

        if (await db.Set<DecouplingTask>().AsNoTracking().SingleOrDefaultAsync(t => t.OrganizationId == id && t.Task == kind, ct) is { } done)
        {
            return OrgResult<int>.Refused(Outcome.Conflict, $"{DecouplingTask.TaskName(done.Task)}已于{done.CompletedOn:yyyy-MM-dd}登记完成");
        }

        db.Add(new DecouplingTask { OrganizationId = o.Id, RegionCode = o.RegionCode, Task = kind.Value, CompletedOn = completed!.Value, Note = note });
        try
        {
            await db.SaveChangesAsync(ct);
            return OrgResult<int>.Done(1);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Refused(Outcome.Conflict, $"{DecouplingTask.TaskName(kind.Value)}刚被他人登记完成");
        }
    }

    public async Task<IReadOnlyList<DecouplingTaskRow>> TasksOfAsync(Guid id, CancellationToken ct) =>
        (await db.Set<DecouplingTask>().AsNoTracking().Where(t => t.OrganizationId == id).ToListAsync(ct))
        .OrderBy(t => t.Task).Select(Row).ToList();

    /// <summary>Associations now on the decoupling list (in good standing), and what they had completed by <paramref name="asOf"/>.</summary>
    public async Task<DecouplingProgress> ProgressAsync(DateOnly asOf, CancellationToken ct)
    {
        var organizations = await db.SocialOrganizations.AsNoTracking()
            .Where(o => o.Decoupling != null && o.Status == SocialOrganizationStatus.Active && o.EstablishedOn <= asOf)
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Decoupling }).ToListAsync(ct);
        var ids = organizations.Select(o => o.Id).ToList();
        var tasks = await db.Set<DecouplingTask>().AsNoTracking().Where(t => ids.Contains(t.OrganizationId) && t.CompletedOn <= asOf).ToListAsync(ct);
        var byOrganization = tasks.ToLookup(t => t.OrganizationId);
        var kinds = Enum.GetValues<DecouplingTaskKind>();
        return new DecouplingProgress(asOf, organizations.Count,
            kinds.Select(k => new DecouplingTaskCount(InputValues.Code(k), DecouplingTask.TaskName(k), tasks.Count(t => t.Task == k))).ToList(),
            organizations.Count(o => byOrganization[o.Id].Select(t => t.Task).Distinct().Count() == kinds.Length),
            organizations.Select(o => new DecouplingProgressRow(o.Id, o.Name, InputValues.Code(o.Decoupling!.Value), SocialOrganization.DecouplingName(o.Decoupling.Value),
                byOrganization[o.Id].OrderBy(t => t.Task).Select(Row).ToList())).ToList());
    }

    private static DecouplingTaskRow Row(DecouplingTask t) => new(InputValues.Code(t.Task), DecouplingTask.TaskName(t.Task), t.CompletedOn, t.Note);
}
