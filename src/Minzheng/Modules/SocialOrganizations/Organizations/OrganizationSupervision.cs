using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.Organizations;

/// <summary>脱钩: <c>status</c> decoupled (已脱钩, with <c>date</c>), planned (拟脱钩) or deferred (暂不脱钩, with <c>reason</c>).</summary>
public sealed record DecouplingRequest(string? Status, string? Date, string? Reason);

/// <summary>等级评估: <c>grade</c> 1A–5A, awarded on <c>awardedOn</c>, valid five years unless <c>validUntil</c> says otherwise.</summary>
public sealed record EvaluationRequest(string? Grade, string? AwardedOn, string? ValidUntil);

public sealed record DecouplingSummary(int Decoupled, int Planned, int Deferred);

/// <summary>
/// Supervision beyond registration: the decoupling of trade associations from administrative bodies and the evaluation
/// grade. Each change goes into the organisation's history like a 变更登记 field.
/// </summary>
public sealed class OrganizationSupervision(MinzhengDbContext db, TimeProvider clock)
{
    public async Task<OrgResult<int>> SetDecouplingAsync(Guid id, DecouplingRequest request, CancellationToken ct)
    {
        if (await ActiveAsync(id, ct) is not { } o)
        {
            return await RefusalAsync(id, ct);
        }

        if (o.Kind != SocialOrganizationKind.Association)
        {
            return OrgResult<int>.Refused(Outcome.Rejected, "脱钩只适用于行业协会商会（社会团体）");
        }

        var errors = new FieldErrors();
        var status = InputValues.ParseOptional<DecouplingStatus>(request.Status, "status", "脱钩状态（status）应为 decoupled（已脱钩）、planned（拟脱钩）或 deferred（暂不脱钩）", errors);
        if (status is null && !errors.Any)
        {
            errors.Add("status", "请填写脱钩状态（status）");
        }

        var date = OrganizationInput.Date(request.Date, "date", "日期", clock.Today(), errors);
        var reason = TextRules.Field(request.Reason, "reason", "暂不脱钩的原因", TextRules.MultiLineMax, errors, required: status == DecouplingStatus.Deferred, multiLine: true);
        if (errors.Any)
        {
            return OrgResult<int>.Invalid(errors);
        }

        History(o, date!.Value, "脱钩状态", o.Decoupling is { } old ? SocialOrganization.DecouplingName(old) : null, SocialOrganization.DecouplingName(status!.Value), reason);
        o.Decoupling = status;
        o.DecoupledOn = status == DecouplingStatus.Decoupled ? date : null;
        o.DecouplingReason = reason;
        return await SaveAsync(ct);
    }

    public async Task<OrgResult<int>> SetEvaluationAsync(Guid id, EvaluationRequest request, CancellationToken ct)
    {
        if (await ActiveAsync(id, ct) is not { } o)
        {
            return await RefusalAsync(id, ct);
        }

        var errors = new FieldErrors();
        var text = request.Grade?.Trim().ToUpperInvariant();
        int? grade = text is { Length: 2 } && text[1] == 'A' && text[0] is >= '1' and <= '5' ? text[0] - '0' : null;
        if (grade is null)
        {
            errors.Add("grade", "评估等级（grade）应为 1A、2A、3A、4A 或 5A");
        }

        var awarded = OrganizationInput.Date(request.AwardedOn, "awardedOn", "评估结论日期", clock.Today(), errors);
        var validUntil = string.IsNullOrWhiteSpace(request.ValidUntil) ? awarded?.AddYears(5) : InputValues.ParseDate(request.ValidUntil, "validUntil", true, errors);
        if (validUntil <= awarded)
        {
            errors.Add("validUntil", "有效期（validUntil）应晚于评估结论日期");
        }

        if (errors.Any)
        {
            return OrgResult<int>.Invalid(errors);
        }

        History(o, awarded!.Value, "评估等级", o.EvaluationGrade is { } old ? $"{old}A" : null, $"{grade}A（有效期至{validUntil:yyyy-MM-dd}）", null);
        o.EvaluationGrade = grade;
        o.EvaluationValidUntil = validUntil;
        return await SaveAsync(ct);
    }

    /// <summary>Trade associations by decoupling status within the caller's region.</summary>
    public async Task<DecouplingSummary> DecouplingSummaryAsync(CancellationToken ct)
    {
        var counts = await db.SocialOrganizations.AsNoTracking().Where(o => o.Decoupling != null && o.Status == SocialOrganizationStatus.Active)
            .GroupBy(o => o.Decoupling).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(DecouplingStatus s) => counts.Where(c => c.Key == s).Sum(c => c.Count);
        return new DecouplingSummary(Of(DecouplingStatus.Decoupled), Of(DecouplingStatus.Planned), Of(DecouplingStatus.Deferred));
    }

    private Task<SocialOrganization?> ActiveAsync(Guid id, CancellationToken ct) =>
        db.SocialOrganizations.SingleOrDefaultAsync(o => o.Id == id && o.Status == SocialOrganizationStatus.Active, ct);

    private async Task<OrgResult<int>> RefusalAsync(Guid id, CancellationToken ct) =>
        await db.SocialOrganizations.AnyAsync(o => o.Id == id, ct)
            ? OrgResult<int>.Refused(Outcome.Conflict, "该组织已注销或被撤销登记")
            : OrgResult<int>.Refused(Outcome.NotFound, "社会组织不存在或不在您的管辖范围内");

    private void History(SocialOrganization o, DateOnly date, string field, string? old, string @new, string? reason) =>
        db.SocialOrganizationEvents.Add(new OrganizationEvent
        {
            OrganizationId = o.Id,
            RegionCode = o.RegionCode,
            Kind = OrganizationEventKind.Changed,
            Date = date,
            Field = field,
            OldValue = old,
            NewValue = @new,
            Reason = reason,
        });

    private async Task<OrgResult<int>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OrgResult<int>.Done(1);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Refused(Outcome.Conflict, "该组织刚被他人修改，请刷新后重试");
        }
    }
}
