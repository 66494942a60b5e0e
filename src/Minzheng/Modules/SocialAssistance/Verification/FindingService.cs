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

/// <summary>What to list: type, region subtree, status, a person's name, a programme, or everything about one household or application.</summary>
public sealed record FindingQuery(string? Type = null, string? Region = null, string? Status = null, Guid? HouseholdId = null, Guid? CaseId = null,
    string? Name = null, string? Program = null, Guid? Id = null);

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

    /// <summary>Open first (then confirmed, dismissed), by region and name unless sorted otherwise.</summary>
    private static readonly SortMap<FindingRow> Sort = new SortMap<FindingRow>("status", q => q.ThenBy(r => r.F.RegionCode).ThenBy(r => r.Name).ThenBy(r => r.F.Id))
        .Add("status", r => r.F.Status == FindingStatus.Open ? 0 : r.F.Status == FindingStatus.Confirmed ? 1 : 2).Add("name", r => r.Name)
        .Add("region", r => r.F.RegionCode).Add("program", r => r.F.Program).Add("death", r => r.F.DeathDate).Add("created", r => r.F.CreatedAt);

    /// <summary>Every finding of one household or application (a handful): for the household and case pages.</summary>
    public async Task<List<FindingDto>> ListAsync(FindingQuery query, CancellationToken ct) =>
        (await PageAsync(query, new PageRequest(1, int.MaxValue, null, false), ct)).Items;

    /// <summary>The finding if the caller may see it.</summary>
    public async Task<FindingDto?> GetAsync(Guid id, CancellationToken ct) => (await ListAsync(new FindingQuery(Id: id), ct)).SingleOrDefault();

    /// <summary>One page of the findings the query keeps, with the total; a region that is not a code or prefix lists everything in scope.</summary>
    public async Task<Paged<FindingDto>> PageAsync(FindingQuery query, PageRequest page, CancellationToken ct)
    {
        var rows = await Filtered(query).PageAsync(page, Sort, ct);
        // Months paid after a death, for the death findings of this page only: what confirming would recover.
        var deaths = rows.Items.Where(r => r.F.EnrollmentId != null && r.F.DeathDate != null).ToList();
        var ids = deaths.Select(r => r.F.EnrollmentId!.Value).Distinct().ToList();
        var since = deaths.Count == 0 ? DateOnly.MaxValue : FirstOfMonth(deaths.Min(r => r.F.DeathDate!.Value));
        var paid = await db.PayrollLines.AsNoTracking()
            .Where(l => ids.Contains(l.EnrollmentId) && l.Status != PaymentStatus.Reissued && l.Month > since)
            .Select(l => new { l.EnrollmentId, l.Month, l.Amount }).ToListAsync(ct);
        var paidBy = paid.ToLookup(l => l.EnrollmentId);
        return rows.Map(r => new FindingDto(r.F.Id, r.F.Type, r.F.Program, AssistancePrograms.NameOf(r.F.Program), r.F.EnrollmentId,
            r.F.RegionCode, r.Name, r.IdNumberMasked, r.F.DeathDate, r.F.IsBeneficiary, r.F.Evidence, InputValues.Code(r.F.Status),
            r.F.EnrollmentId is { } e ? paidBy[e].Where(l => r.F.DeathDate is { } d && l.Month > FirstOfMonth(d)).Sum(l => l.Amount) : 0, r.F.Note,
            r.F.CaseId, r.F.HouseholdId, r.F.Category, EconomicCategories.Name(r.F.Category), r.F.Blocking, r.F.CreatedAt));
    }

    private IQueryable<FindingRow> Filtered(FindingQuery query)
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

        if (!string.IsNullOrWhiteSpace(query.Program))
        {
            q = q.Where(f => f.Program == query.Program);
        }

        if (query.HouseholdId is { } household)
        {
            q = q.Where(f => f.HouseholdId == household);
        }

        if (query.CaseId is { } caseId)
        {
            q = q.Where(f => f.CaseId == caseId);
        }

        if (query.Id is { } id)
        {
            q = q.Where(f => f.Id == id);
        }

        var rows = q.Join(db.Persons, f => f.PersonId, p => p.Id, (f, p) => new FindingRow { F = f, Name = p.Name, IdNumberMasked = p.IdNumberMasked });
        var name = query.Name?.Trim();
        return string.IsNullOrEmpty(name) ? rows : rows.Where(r => r.Name.Contains(name));
    }

    /// <summary>A class, not a record, so EF can sort and page on the projection's members.</summary>
    private sealed class FindingRow
    {
        public Finding F { get; init; } = null!;
        public string Name { get; init; } = "";
        public string IdNumberMasked { get; init; } = "";
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
