using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;
using static Minzheng.Modules.SocialAssistance.Benefits.Money;

namespace Minzheng.Modules.SocialAssistance.Recalculations;

public sealed record RecalculationRequest(Guid? StandardId);

/// <summary>
/// 提标重算: preview (lines computed and stored, nothing changed), approval by a second person that applies every line
/// in one transaction — one adjustment event per enrolment and the new amount, set-based — or return with a reason.
/// </summary>
public sealed class RecalculationService(MinzhengDbContext db, IRegionScope scope, AuditLog audit, TimeProvider clock, MoneyLimits money)
{
    /// <summary>Starts the note of every adjustment a recalculation makes; payroll back-pay lines quote it.</summary>
    public const string NotePrefix = "提标重算";

    public async Task<(Outcome Outcome, Recalculation? Recalculation, string? Message)> PreviewAsync(RecalculationRequest request, CancellationToken ct)
    {
        var standard = request.StandardId is { } id ? await db.Standards.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        if (standard is null)
        {
            return (Outcome.Invalid, null, "请选择要据以重算的保障标准（standardId）");
        }

        if (AssistancePrograms.IsOneOff(standard.Program))
        {
            return (Outcome.Rejected, null, "临时救助、医疗救助按次核定，没有需要重算的月保障金额");
        }

        // The standard's subtree, narrowed to the caller's: a county recalculates its own enrolments under a provincial standard.
        var prefix = scope.Prefix.StartsWith(standard.RegionPrefix, StringComparison.Ordinal) ? scope.Prefix
            : standard.RegionPrefix.StartsWith(scope.Prefix, StringComparison.Ordinal) ? standard.RegionPrefix : null;
        if (prefix is null)
        {
            return (Outcome.NotFound, null, "该标准不适用于您管辖的区划");
        }

        if (await db.Recalculations.AnyAsync(r => r.StandardId == standard.Id && r.Status == RecalculationStatus.Proposed && r.RegionPrefix == prefix, ct))
        {
            return (Outcome.Conflict, null, "该标准已有待审批的重算，请先审批或退回后再重新预览");
        }

        var month = standard.EffectiveFrom.Day == 1 ? standard.EffectiveFrom : new DateOnly(standard.EffectiveFrom.Year, standard.EffectiveFrom.Month, 1).AddMonths(1);
        var recalculation = new Recalculation
        {
            RegionPrefix = prefix,
            RegionCode = prefix.PadRight(Minzheng.Platform.Regions.RegionCode.Length, '0'),
            Program = standard.Program,
            StandardId = standard.Id,
            EffectiveMonth = month,
        };
        var lines = await LinesAsync(recalculation, standard, ct);
        var changed = lines.Where(l => !l.Skipped).ToList();
        (recalculation.Changed, recalculation.Skipped) = (changed.Count, lines.Count - changed.Count);
        (recalculation.OldMonthlyTotal, recalculation.NewMonthlyTotal) = (changed.Sum(l => l.OldAmount), changed.Sum(l => l.NewAmount));

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Recalculations.Add(recalculation);
        await db.SaveChangesAsync(ct);
        await BulkInsert.InsertAsync(db, lines, ct);
        audit.Add("recalculation.previewed", entityType: nameof(Recalculation), entityId: recalculation.Id.ToString(), regionCode: recalculation.RegionCode,
            details: new { recalculation.Program, StandardId = standard.Id, Month = month, recalculation.Considered, recalculation.Changed, recalculation.Skipped });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, recalculation, null);
    }

    /// <summary>
    /// Every active enrolment of the programme in the subtree that the standard governs from the month: its new amount,
    /// or why a person must decide it. Enrolments whose amount does not change get no line.
    /// </summary>
    private async Task<List<RecalculationLine>> LinesAsync(Recalculation r, Standard standard, CancellationToken ct)
    {
        var all = await db.Standards.AsNoTracking().Where(s => s.Program == r.Program).ToListAsync(ct);
        var others = all.Where(s => s.Id != standard.Id).ToList();
        var governs = new Dictionary<string, bool>();
        var before = new Dictionary<string, Standard?>();
        var adjustedLater = (await db.EnrollmentEvents.AsNoTracking()
                .Where(ev => ev.Kind == EnrollmentEventKind.Adjusted && ev.EffectiveMonth > r.EffectiveMonth && ev.RegionCode.StartsWith(r.RegionPrefix))
                .Select(ev => ev.EnrollmentId).Distinct().ToListAsync(ct)).ToHashSet();
        var enrollments = await db.Enrollments.AsNoTracking()
            .Where(e => e.Program == r.Program && e.RegionCode.StartsWith(r.RegionPrefix) && e.Status == EnrollmentStatus.Active
                && (e.EndMonth == null || e.EndMonth >= r.EffectiveMonth))
            .Select(e => new { e.Id, e.RegionCode, e.HouseholdId, e.PersonId, e.CoveredPersons, e.MonthlyAmount, e.StartMonth, e.UpdatedAt, e.CalculationJson })
            .ToListAsync(ct);
        var lines = new List<RecalculationLine>();
        foreach (var e in enrollments)
        {
            // A more specific or a later standard governs some villages: their enrolments are not this standard's to change.
            if (!governs.TryGetValue(e.RegionCode, out var governed))
            {
                governs[e.RegionCode] = governed = StandardService.InForce(all, e.RegionCode, r.EffectiveMonth)?.Id == standard.Id;
                before[e.RegionCode] = StandardService.InForce(others, e.RegionCode, r.EffectiveMonth.AddDays(-1));
            }

            if (!governed)
            {
                continue;
            }

            r.Considered++;
            var outcome = adjustedLater.Contains(e.Id)
                ? new RaiseOutcome(e.MonthlyAmount, true, $"{r.EffectiveMonth:yyyy-MM} 之后另有金额调整，请人工核定", null)
                : RaiseCalculator.Recalculate(new RaiseInput(r.Program, e.CoveredPersons, e.MonthlyAmount, e.CalculationJson), before[e.RegionCode], standard,
                    r.EffectiveMonth);
            if (!outcome.Skipped && money.CheckMonthly(outcome.NewAmount, r.Program, "重算后的月保障金额") is { } tooMuch)
            {
                outcome = new RaiseOutcome(e.MonthlyAmount, true, tooMuch, null);
            }

            if (outcome.Skipped || outcome.NewAmount != e.MonthlyAmount)
            {
                lines.Add(new RecalculationLine
                {
                    RecalculationId = r.Id,
                    EnrollmentId = e.Id,
                    EventId = Guid.CreateVersion7(),
                    RegionCode = e.RegionCode,
                    HouseholdId = e.HouseholdId,
                    PersonId = e.PersonId,
                    CoveredPersons = e.CoveredPersons,
                    EffectiveMonth = e.StartMonth > r.EffectiveMonth ? e.StartMonth : r.EffectiveMonth,
                    OldAmount = e.MonthlyAmount,
                    NewAmount = outcome.NewAmount,
                    Skipped = outcome.Skipped,
                    Explanation = outcome.Explanation,
                    CalculationJson = outcome.CalculationJson,
                    EnrollmentVersion = e.UpdatedAt,
                });
            }
        }

        return lines;
    }

    /// <summary>
    /// Maker-checker, then one transaction: every changed line becomes an adjustment event and the enrolment's new amount
    /// (two set-based statements). Refused when any enrolment changed since the preview: the preview would no longer be
    /// what was approved.
    /// </summary>
    public async Task<(Outcome Outcome, string? Message)> ApproveAsync(Guid id, string user, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var r = await db.Recalculations.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (Refusal(r, user) is { } refused)
        {
            return refused;
        }

        var lines = db.RecalculationLines.AcrossRegions("all lines of a recalculation the caller may decide").Where(l => l.RecalculationId == id && !l.Skipped);
        var stale = await lines.Join(db.Enrollments.AcrossRegions("the enrolments of the recalculation's own lines"), l => l.EnrollmentId, e => e.Id,
            (l, e) => new { l, e }).CountAsync(x => x.e.UpdatedAt != x.l.EnrollmentVersion || x.e.Status != EnrollmentStatus.Active, ct);
        if (stale > 0)
        {
            return (Outcome.Conflict, $"预览后有 {stale} 条在保记录发生了变动（调整、暂停或停保），请退回本次重算后重新预览");
        }

        var standard = await db.Standards.AsNoTracking().SingleAsync(s => s.Id == r!.StandardId, ct);
        var now = clock.GetUtcNow();
        var note = $"{NotePrefix}：{AssistancePrograms.ByCode(r!.Program)?.Name}保障标准调整为 {Text(standard.MonthlyAmount)} 元/月，自 {r.EffectiveMonth:yyyy-MM} 起"
            + (standard.Citation is { Length: > 0 } c ? $"（{c}）" : "") + "。";
        object[] values = [db.Database.Key(id), db.Database.Stamp(now), user, note];
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "EnrollmentEvents" ("Id", "EnrollmentId", "RegionCode", "Kind", "EffectiveMonth", "Reason", "OldAmount", "NewAmount",
                "CoveredPersons", "CampaignId", "At", "Actor", "Note")
            SELECT l."EventId", l."EnrollmentId", l."RegionCode", 'Adjusted', l."EffectiveMonth", NULL, l."OldAmount", l."NewAmount",
                l."CoveredPersons", NULL, {1}, {2}, {3} || l."Explanation"
            FROM "RecalculationLines" l WHERE l."RecalculationId" = {0} AND NOT l."Skipped"
            """, values, ct);
        var applied = await db.Database.ExecuteSqlRawAsync("""
            UPDATE "Enrollments" SET "MonthlyAmount" = l."NewAmount", "CalculationJson" = COALESCE(l."CalculationJson", "Enrollments"."CalculationJson"),
                "UpdatedAt" = {1}, "UpdatedBy" = {2}
            FROM "RecalculationLines" l WHERE l."RecalculationId" = {0} AND NOT l."Skipped" AND "Enrollments"."Id" = l."EnrollmentId"
            """, values, ct);
        (r.Status, r.DecidedBy, r.DecidedAt) = (RecalculationStatus.Applied, user, now);
        audit.Add("recalculation.applied", entityType: nameof(Recalculation), entityId: id.ToString(), regionCode: r.RegionCode,
            details: new { r.Program, r.StandardId, Month = r.EffectiveMonth, Applied = applied, r.OldMonthlyTotal, r.NewMonthlyTotal });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null);
    }

    public async Task<(Outcome Outcome, string? Message)> RejectAsync(Guid id, string user, string? reason, CancellationToken ct)
    {
        var r = await db.Recalculations.SingleOrDefaultAsync(x => x.Id == id, ct);
        var why = reason?.Trim();
        if (r is { Status: RecalculationStatus.Proposed } && (string.IsNullOrEmpty(why) || why.Length > Recalculation.ReasonMaxLength))
        {
            return (Outcome.Invalid, $"退回须填写原因（1到{Recalculation.ReasonMaxLength}字）");
        }

        if (Refusal(r, user: null) is { } refused)
        {
            return refused;
        }

        (r!.Status, r.DecidedBy, r.DecidedAt, r.RejectReason) = (RecalculationStatus.Rejected, user, clock.GetUtcNow(), why);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    /// <summary>Why the recalculation cannot be decided now; <paramref name="user"/> is the approver, who must not be its maker.</summary>
    private static readonly ApprovalSubject Subject = new("重算", "重算", "预览重算的经办人");

    private static (Outcome, string?)? Refusal(Recalculation? r, string? user) =>
        Subject.Refusal(r is not null, r is { Status: not RecalculationStatus.Proposed } ? StatusName(r.Status) : null, r?.CreatedBy, user);

    public static string StatusName(RecalculationStatus s) => s switch
    {
        RecalculationStatus.Proposed => "待审批",
        RecalculationStatus.Applied => "已应用",
        _ => "已退回",
    };
}
