using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.OneOffs;

public sealed record OneOffBatchRequest(string? Name, string? Month, List<string>? Programs, string? RegionCode, string? Basis, decimal? UnitAmount,
    string? Citation);

/// <summary>A household a batch pays: its payee, village and the persons counted.</summary>
internal sealed record Recipient(Guid HouseholdId, Guid PersonId, string RegionCode, int Persons);

/// <summary>Batch subsidies: propose (the list counted, nothing owed yet), approve by a second person (one payment per household), or return.</summary>
public sealed class OneOffBatchService(MinzhengDbContext db, IRegionScope scope, AuditLog audit, TimeProvider clock)
{
    /// <summary>The largest amount per household or person a batch may grant (yuan): beyond it is a typing error, not a subsidy.</summary>
    public const decimal MaxUnitAmount = 10_000m;

    public async Task<(Outcome Outcome, OneOffBatch? Batch, FieldErrors Errors, string? Message)> ProposeAsync(OneOffBatchRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "请填写补贴名称，如“2027年春节一次性生活补贴”");
        }
        else if (TextRules.Check(name, "补贴名称", multiLine: false, OneOffBatch.NameMaxLength) is { } badName)
        {
            errors.Add("name", badName);
        }

        var today = Minzheng.Platform.Calendar.ChinaTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (!InputValues.TryParseMonth(request.Month, out var month) || month < thisMonth.AddMonths(-12) || month > thisMonth.AddMonths(1))
        {
            errors.Add("month", "发放月份应为 YYYY-MM，在过去12个月到下月之间");
        }

        var programs = (request.Programs ?? []).Distinct().ToList();
        if (programs.Count == 0 || programs.Any(p => AssistancePrograms.ByCode(p) is null || AssistancePrograms.IsOneOff(p)))
        {
            errors.Add("programs", $"请选择享受补贴的保障项目（按月保障的项目：{string.Join("、", AssistancePrograms.All.Where(p => !AssistancePrograms.IsOneOff(p.Code)).Select(p => p.Code))}）");
        }

        var prefix = RegionCode.ToScopePrefix(request.RegionCode?.Trim() ?? scope.Prefix);
        if (prefix is null || !prefix.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", "区划应为您管辖范围内的区划代码或其前缀");
        }

        var basis = InputValues.Parse<OneOffBasis>(request.Basis ?? "per-household", "basis", "basis 应为 per-household（按户）或 per-person（按人）", errors);
        if (request.UnitAmount is not { } unit || unit <= 0 || unit > MaxUnitAmount || decimal.Round(unit, 2) != unit)
        {
            errors.Add("unitAmount", $"补贴标准应为0.01到{MaxUnitAmount:0}元之间、最多两位小数的金额");
        }

        var citation = TextRules.Field(request.Citation, "citation", "政策依据", OneOffBatch.CitationMaxLength, errors);

        if (errors.Any)
        {
            return (Outcome.Invalid, null, errors, null);
        }

        if (await db.OneOffBatches.AnyAsync(b => b.Name == name && b.Month == month && b.RegionPrefix == prefix && b.Status != OneOffBatchStatus.Rejected, ct))
        {
            return (Outcome.Conflict, null, errors, $"{month:yyyy-MM} 已有同名的“{name}”，不能重复发放");
        }

        var batch = new OneOffBatch
        {
            RegionPrefix = prefix!,
            RegionCode = prefix!.PadRight(RegionCode.Length, '0'),
            Name = name!,
            Month = month,
            Basis = basis,
            UnitAmount = request.UnitAmount!.Value,
            Programs = string.Join(",", programs),
            Citation = citation,
        };
        Count(batch, await RecipientsAsync(batch, ct));
        db.OneOffBatches.Add(batch);
        audit.Add("one-off-batch.proposed", entityType: nameof(OneOffBatch), entityId: batch.Id.ToString(), regionCode: batch.RegionCode,
            details: new { batch.Name, batch.Month, batch.Programs, batch.Basis, batch.UnitAmount, batch.Households, batch.Persons, batch.Total });
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, batch, errors, null);
    }

    /// <summary>Maker-checker; the list is counted again as it stands now and each household gets one payment for the payroll.</summary>
    public async Task<(Outcome Outcome, string? Message)> ApproveAsync(Guid id, string user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.OneOffBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (Refusal(batch, user) is { } refused)
        {
            return refused;
        }

        var recipients = await RecipientsAsync(batch!, ct);
        Count(batch!, recipients);
        var now = clock.GetUtcNow();
        var payments = recipients.Select(r => new OneOffPayment
        {
            RegionCode = r.RegionCode,
            Program = AssistancePrograms.OneOffSubsidy.Code,
            HouseholdId = r.HouseholdId,
            PersonId = r.PersonId,
            CoveredPersons = r.Persons,
            Month = batch!.Month,
            Amount = AmountFor(batch, r.Persons),
            BatchId = batch.Id,
            Explanation = $"{batch.Name}：{(batch.Basis == OneOffBasis.PerPerson ? $"{batch.UnitAmount:0.00} 元 × {r.Persons} 人" : $"每户 {batch.UnitAmount:0.00} 元")}"
                + (batch.Citation is null ? "" : $"（{batch.Citation}）"),
            CreatedAt = now,
            CreatedBy = user,
            UpdatedAt = now,
            UpdatedBy = user,
        }).ToList();
        await BulkInsert.InsertAsync(db, payments, ct);
        (batch!.Status, batch.DecidedBy, batch.DecidedAt) = (OneOffBatchStatus.Approved, user, now);
        audit.Add("one-off-batch.approved", entityType: nameof(OneOffBatch), entityId: id.ToString(), regionCode: batch.RegionCode,
            details: new { batch.Name, batch.Households, batch.Persons, batch.Total });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null);
    }

    public async Task<(Outcome Outcome, string? Message)> RejectAsync(Guid id, string user, string? reason, CancellationToken ct)
    {
        var batch = await db.OneOffBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        var why = reason?.Trim();
        if (batch is { Status: OneOffBatchStatus.Proposed } && (string.IsNullOrEmpty(why) || why.Length > 200))
        {
            return (Outcome.Invalid, "退回须填写原因（1到200字）");
        }

        if (Refusal(batch, user: null) is { } refused)
        {
            return refused;
        }

        (batch!.Status, batch.DecidedBy, batch.DecidedAt, batch.RejectReason) = (OneOffBatchStatus.Rejected, user, clock.GetUtcNow(), why);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    /// <summary>
    /// Households with an enrolment of a chosen programme due in the month. Persons: the covered persons of a household
    /// programme (低保), or the number of members enrolled in person programmes (特困, 两项补贴 …), whichever is larger.
    /// </summary>
    internal async Task<List<Recipient>> RecipientsAsync(OneOffBatch batch, CancellationToken ct)
    {
        var programs = batch.ProgramList.ToList();
        var month = batch.Month;
        var rows = await db.Enrollments.AsNoTracking()
            .Where(e => programs.Contains(e.Program) && e.RegionCode.StartsWith(batch.RegionPrefix) && e.StartMonth <= month
                && (e.EndMonth == null || e.EndMonth >= month) && e.Status != EnrollmentStatus.Terminated
                && (e.Status != EnrollmentStatus.Suspended || e.SuspendedFrom > month))
            .Select(e => new { e.HouseholdId, e.PersonId, e.RegionCode, e.Program, e.CoveredPersons })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.HouseholdId).Select(g =>
        {
            var household = g.Where(r => AssistancePrograms.HouseholdBased.Contains(r.Program)).OrderByDescending(r => r.CoveredPersons).FirstOrDefault();
            var persons = Math.Max(household?.CoveredPersons ?? 0, g.Where(r => !AssistancePrograms.HouseholdBased.Contains(r.Program)).Select(r => r.PersonId).Distinct().Count());
            var payee = household ?? g.OrderBy(r => r.PersonId).First();
            return new Recipient(g.Key, payee.PersonId, payee.RegionCode, Math.Max(persons, 1));
        }).OrderBy(r => r.RegionCode).ToList();
    }

    private static decimal AmountFor(OneOffBatch batch, int persons) => batch.Basis == OneOffBasis.PerPerson ? batch.UnitAmount * persons : batch.UnitAmount;

    private static void Count(OneOffBatch batch, List<Recipient> recipients) =>
        (batch.Households, batch.Persons, batch.Total) = (recipients.Count, recipients.Sum(r => r.Persons), recipients.Sum(r => AmountFor(batch, r.Persons)));

    private static readonly ApprovalSubject Subject = new("补贴批次", "批次", "经办人");

    private static (Outcome, string?)? Refusal(OneOffBatch? batch, string? user) =>
        Subject.Refusal(batch is not null, DecidedAs(batch?.Status), batch?.CreatedBy, user);

    /// <summary>The status name of a batch (or list) already decided; null while it waits for approval.</summary>
    public static string? DecidedAs(OneOffBatchStatus? status) =>
        status is null or OneOffBatchStatus.Proposed ? null : StatusName(status.Value);

    public static string StatusName(OneOffBatchStatus s) => s switch
    {
        OneOffBatchStatus.Proposed => "待审批",
        OneOffBatchStatus.Approved => "已审批",
        _ => "已退回",
    };
}
