using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Verification;

/// <summary>The public finding shape of DESIGN §5, with what a reviewer needs to decide: evidence and months already paid after the death.</summary>
public sealed record FindingDto(Guid Id, string Type, string Program, string ProgramName, Guid? EnrollmentId, string RegionCode, string PersonName,
    string IdNumberMasked, DateOnly? DeathDate, bool IsBeneficiary, string Evidence, string Status, decimal PaidAfterDeath, string? Note,
    Guid? CaseId, Guid? HouseholdId, string Category, string CategoryName, bool Blocking, DateTimeOffset CreatedAt);

/// <summary>What to list: type, region subtree, status, or everything about one household or application.</summary>
public sealed record FindingQuery(string? Type = null, string? Region = null, string? Status = null, Guid? HouseholdId = null, Guid? CaseId = null);

/// <param name="FromMonth">Exclusion findings: the first month no longer paid (death findings stop from the month after the death).</param>
public sealed record ResolveRequest(string? Decision, decimal? MonthlyAmount, string? Note, string? FromMonth = null);

/// <summary>
/// Findings: the list by type and region, and the reviewer's decision. Confirming a death stops payment from the month
/// after it (the beneficiary died: terminated with reason death; a member died: recalculated with one person fewer);
/// confirming an exclusion terminates the later enrolment from the month given. The next payroll recovers any month
/// already paid.
/// </summary>
public sealed class FindingService(Minzheng.Platform.Data.MinzhengDbContext db, EnrollmentService enrollments)
{
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["death"] = "死亡比对",
        [ExclusionScan.Type] = "重复享受与互斥",
        ["economic"] = "经济状况核对",
        ["relative"] = "近亲属备案",
    };

    public async Task<List<FindingDto>> ListAsync(string? type, string? region, string? status, CancellationToken ct) =>
        await ListAsync(new FindingQuery(type, region, status), ct);

    public async Task<List<FindingDto>> ListAsync(FindingQuery query, CancellationToken ct)
    {
        var prefix = RegionCode.ToScopePrefix(query.Region) ?? "";
        var q = db.Findings.AsNoTracking().Where(f => f.RegionCode.StartsWith(prefix));
        if (!string.IsNullOrWhiteSpace(query.Type))
        {
            q = q.Where(f => f.Type == query.Type);
        }

        if (Enum.TryParse<FindingStatus>(query.Status, true, out var s))
        {
            q = q.Where(f => f.Status == s);
        }

        if (query.HouseholdId is { } household)
        {
            q = q.Where(f => f.HouseholdId == household);
        }

        if (query.CaseId is { } caseId)
        {
            q = q.Where(f => f.CaseId == caseId);
        }

        var rows = await q.Join(db.Persons, f => f.PersonId, p => p.Id, (f, p) => new { f, p.Name, p.IdNumberMasked })
            .OrderBy(x => x.f.Status).ThenBy(x => x.f.RegionCode).ThenBy(x => x.Name).Take(1000).ToListAsync(ct);
        var ids = rows.Where(r => r.f.EnrollmentId != null).Select(r => r.f.EnrollmentId!.Value).ToList();
        var paid = await db.PayrollLines.AsNoTracking().Where(l => ids.Contains(l.EnrollmentId) && l.Status != PaymentStatus.Reissued)
            .Select(l => new { l.EnrollmentId, l.Month, l.Amount }).ToListAsync(ct);
        var paidBy = paid.ToLookup(l => l.EnrollmentId);
        return rows.Select(r => new FindingDto(r.f.Id, r.f.Type, r.f.Program, AssistancePrograms.ByCode(r.f.Program)?.Name ?? r.f.Program, r.f.EnrollmentId,
            r.f.RegionCode, r.Name, r.IdNumberMasked, r.f.DeathDate, r.f.IsBeneficiary, r.f.Evidence, InputValues.Code(r.f.Status),
            r.f.EnrollmentId is { } e ? paidBy[e].Where(l => r.f.DeathDate is { } d && l.Month > FirstOfMonth(d)).Sum(l => l.Amount) : 0, r.f.Note,
            r.f.CaseId, r.f.HouseholdId, r.f.Category, EconomicCategories.Name(r.f.Category), r.f.Blocking, r.f.CreatedAt)).ToList();
    }

    public async Task<(Outcome Outcome, string? Message)> ResolveAsync(Guid id, ResolveRequest request, string actor, TimeProvider clock, CancellationToken ct)
    {
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null)
        {
            return (Outcome.NotFound, "核查发现不存在或不在您的管辖范围内");
        }

        var note = request.Note?.Trim();
        // Confirming changes the enrolment only for what stops payment: a death, an exclusion, a hidden asset. A relative
        // hit confirmed is a recorded review; a confirmed finding on an application keeps blocking its approval.
        var stops = finding.EnrollmentId is not null && finding.Type != "relative";
        var noNote = string.IsNullOrEmpty(note) || note.Length > Finding.NoteMaxLength;
        var problem = (finding.Status, request.Decision) switch
        {
            (not FindingStatus.Open, _) => "该核查发现已处理",
            (_, not ("confirm" or "dismiss")) => "处理结论 decision 应为 confirm（确认属实）或 dismiss（排除）",
            (_, "dismiss") when noNote => $"排除须写明理由（{Finding.NoteMaxLength}字以内）",
            (_, "confirm") when !stops && noNote => $"确认须写明核实情况（{Finding.NoteMaxLength}字以内），如单独审核意见",
            (_, "confirm") when stops && finding.Type == "death" && !finding.IsBeneficiary && !InputValues.IsMoney(request.MonthlyAmount) =>
                "家庭成员死亡须填写重新核定的月保障金额 monthlyAmount",
            (_, "confirm") when stops && finding.DeathDate is null && !InputValues.TryParseMonth(request.FromMonth, out _) => "确认须填写停保起始月份 fromMonth（YYYY-MM）",
            _ => null,
        };
        if (problem is not null)
        {
            return (Outcome.Conflict, problem);
        }

        if (request.Decision == "confirm" && stops)
        {
            var enrollment = await db.Enrollments.SingleAsync(e => e.Id == finding.EnrollmentId, ct);
            var from = finding.DeathDate is { } died ? FirstOfMonth(died).AddMonths(1) : Month(request.FromMonth);
            var recalculate = finding.Type == "death" && !finding.IsBeneficiary;
            var reason = (finding.Type, finding.Category) switch
            {
                ("death", _) => "death",
                ("economic", _) => "concealed-assets",
                (_, ExclusionScan.MovedCategory) => "moved-away",
                _ => "duplicate",
            };
            try
            {
                enrollments.Apply(enrollment, recalculate ? "adjust" : "terminate", new EnrollmentActionRequest(from.ToString("yyyy-MM", null),
                    request.MonthlyAmount, recalculate ? Math.Max(1, enrollment.CoveredPersons - 1) : null, reason, null, $"核查确认：{finding.Evidence}"), actor);
            }
            catch (DomainRuleException ex)
            {
                return (ex.Outcome, $"不能执行：{ex.Message}");
            }
        }

        (finding.Status, finding.ResolvedBy, finding.ResolvedAt, finding.Note) =
            (request.Decision == "confirm" ? FindingStatus.Confirmed : FindingStatus.Dismissed, actor, clock.GetUtcNow(), note);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    private static DateOnly Month(string? text) => InputValues.TryParseMonth(text, out var m) ? m : throw new ArgumentException("validated above");
}
