using Microsoft.EntityFrameworkCore;
using Minzheng.Features.Cases;
using Minzheng.Features.Enrollments;
using Minzheng.Features.Payments;
using Minzheng.Features.Programs;
using Minzheng.Features.Regions;
using Minzheng.Infrastructure.Web;

namespace Minzheng.Features.Verification;

/// <summary>The public finding shape of DESIGN §5, with what a reviewer needs to decide: evidence and months already paid after the death.</summary>
public sealed record FindingDto(Guid Id, string Type, string Program, string ProgramName, Guid EnrollmentId, string RegionCode, string PersonName,
    string IdNumberMasked, DateOnly? DeathDate, bool IsBeneficiary, string Evidence, string Status, decimal PaidAfterDeath, string? Note);

/// <param name="FromMonth">Exclusion findings: the first month no longer paid (death findings stop from the month after the death).</param>
public sealed record ResolveRequest(string? Decision, decimal? MonthlyAmount, string? Note, string? FromMonth = null);

/// <summary>
/// Findings: the list by type and region, and the reviewer's decision. Confirming a death stops payment from the month
/// after it (the beneficiary died: terminated with reason death; a member died: recalculated with one person fewer);
/// confirming an exclusion terminates the later enrolment from the month given. The next payroll recovers any month
/// already paid.
/// </summary>
public sealed class FindingService(Infrastructure.Database.MinzhengDbContext db, EnrollmentService enrollments)
{
    public async Task<List<FindingDto>> ListAsync(string? type, string? region, string? status, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(region) ?? "";
        var q = db.Findings.AsNoTracking().Where(f => f.RegionCode.StartsWith(prefix));
        if (!string.IsNullOrWhiteSpace(type))
        {
            q = q.Where(f => f.Type == type);
        }

        if (Enum.TryParse<FindingStatus>(status, true, out var s))
        {
            q = q.Where(f => f.Status == s);
        }

        var rows = await q.Join(db.Persons, f => f.PersonId, p => p.Id, (f, p) => new { f, p.Name, p.IdNumberMasked })
            .OrderBy(x => x.f.Status).ThenBy(x => x.f.RegionCode).ThenBy(x => x.Name).Take(1000).ToListAsync(ct);
        var ids = rows.Select(r => r.f.EnrollmentId).ToList();
        var paid = await db.PayrollLines.AsNoTracking().Where(l => ids.Contains(l.EnrollmentId) && l.Status != PaymentStatus.Reissued)
            .Select(l => new { l.EnrollmentId, l.Month, l.Amount }).ToListAsync(ct);
        var paidBy = paid.ToLookup(l => l.EnrollmentId);
        return rows.Select(r => new FindingDto(r.f.Id, r.f.Type, r.f.Program, AssistancePrograms.ByCode(r.f.Program)?.Name ?? r.f.Program, r.f.EnrollmentId,
            r.f.RegionCode, r.Name, r.IdNumberMasked, r.f.DeathDate, r.f.IsBeneficiary, r.f.Evidence, InputValues.Code(r.f.Status),
            paidBy[r.f.EnrollmentId].Where(l => r.f.DeathDate is { } d && l.Month > FirstOfMonth(d)).Sum(l => l.Amount), r.f.Note)).ToList();
    }

    public async Task<(CaseOutcome Outcome, string? Message)> ResolveAsync(Guid id, ResolveRequest request, string actor, TimeProvider clock, CancellationToken ct)
    {
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null)
        {
            return (CaseOutcome.NotFound, "核查发现不存在或不在您的管辖范围内");
        }

        var note = request.Note?.Trim();
        var problem = (finding.Status, request.Decision) switch
        {
            (not FindingStatus.Open, _) => "该核查发现已处理",
            (_, not ("confirm" or "dismiss")) => "处理结论 decision 应为 confirm（确认并停保/重新核定）或 dismiss（排除）",
            (_, "dismiss") when string.IsNullOrEmpty(note) || note.Length > Finding.NoteMaxLength => $"排除须写明理由（{Finding.NoteMaxLength}字以内）",
            (_, "confirm") when !finding.IsBeneficiary && !InputValues.IsMoney(request.MonthlyAmount) => "家庭成员死亡须填写重新核定的月保障金额 monthlyAmount",
            (_, "confirm") when finding.DeathDate is null && !InputValues.TryParseMonth(request.FromMonth, out _) => "确认须填写停保起始月份 fromMonth（YYYY-MM）",
            _ => null,
        };
        if (problem is not null)
        {
            return (CaseOutcome.Conflict, problem);
        }

        if (request.Decision == "confirm")
        {
            var enrollment = await db.Enrollments.SingleAsync(e => e.Id == finding.EnrollmentId, ct);
            var from = finding.DeathDate is { } died ? FirstOfMonth(died).AddMonths(1) : Month(request.FromMonth);
            try
            {
                enrollments.Apply(enrollment, finding.IsBeneficiary ? "terminate" : "adjust", new EnrollmentActionRequest(from.ToString("yyyy-MM", null),
                    request.MonthlyAmount, finding.IsBeneficiary ? null : Math.Max(1, enrollment.CoveredPersons - 1), finding.Type == "death" ? "death" : "duplicate",
                    null, $"核查确认：{finding.Evidence}"), actor);
            }
            catch (CaseRuleException ex)
            {
                return (CaseOutcome.Conflict, $"不能执行：{ex.Message}");
            }
        }

        (finding.Status, finding.ResolvedBy, finding.ResolvedAt, finding.Note) =
            (request.Decision == "confirm" ? FindingStatus.Confirmed : FindingStatus.Dismissed, actor, clock.GetUtcNow(), note);
        await db.SaveChangesAsync(ct);
        return (CaseOutcome.Done, null);
    }

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    private static DateOnly Month(string? text) => InputValues.TryParseMonth(text, out var m) ? m : throw new ArgumentException("validated above");
}
