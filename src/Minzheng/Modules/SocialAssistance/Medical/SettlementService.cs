using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Medical;

public sealed record SettlementImportResult(Outcome Outcome, string? Message, ImportErrorList? Errors, Guid? BatchId);

/// <summary>
/// The 一站式 path of 医疗救助: import a settlement file (every row's aid computed at once), approve it as a batch by a
/// second county officer, return it, and record the transfer to the hospitals.
/// </summary>
public sealed class SettlementService(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, StandardService standards,
    MedicalAidFacts facts, AuditLog audit, TimeProvider clock, IConfiguration configuration)
{
    public async Task<SettlementImportResult> ImportAsync(byte[] content, string fileName, string user, CancellationToken ct)
    {
        var today = Minzheng.Platform.Calendar.ChinaTime.Today(clock);
        var (rows, errors) = SettlementFile.Validate(content, fileName, configuration.MaxImportRows(), today);
        if (errors.Count == 0)
        {
            await RefuseKnownNumbersAsync(rows, errors, ct);
        }

        if (errors.Count > 0)
        {
            return new(Outcome.Rejected, $"结算文件有 {errors.Count} 处错误，未导入任何数据，请改正后重新上传", errors, null);
        }

        var batch = new MedicalSettlementBatch
        {
            RegionPrefix = scope.Prefix,
            RegionCode = scope.RegionCode(),
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= MedicalSettlementBatch.FileNameMaxLength } name ? name : "settlements",
            Status = OneOffBatchStatus.Proposed,
        };
        var settlements = await MatchAsync(batch, rows, ct);
        await ComputeAsync(batch, settlements, ct);
        db.MedicalSettlementBatches.Add(batch);
        audit.Add("medical-settlements.imported", entityType: nameof(MedicalSettlementBatch), entityId: batch.Id.ToString(), regionCode: batch.RegionCode,
            details: new { batch.FileName, batch.Rows, batch.Aided, batch.TotalCost, batch.Total });
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await BulkInsert.InsertAsync(db, settlements, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return new(Outcome.Conflict, "文件中的结算单已由另一次导入登记，请刷新后查看", null, null);
        }

        return new(Outcome.Done, null, null, batch.Id);
    }

    /// <summary>Maker-checker: the aid is computed again as the year stands now; if it changed, the new figures are kept and the approver must look again.</summary>
    public async Task<(Outcome Outcome, string? Message)> ApproveAsync(Guid id, string user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.MedicalSettlementBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (Refusal(batch, user) is { } refused)
        {
            return refused;
        }

        var settlements = await db.MedicalSettlements.Where(s => s.BatchId == id).OrderBy(s => s.Row).ToListAsync(ct);
        var shown = batch!.Total;
        await ComputeAsync(batch, settlements, ct);
        if (batch.Total != shown)
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (Outcome.Conflict, $"导入后本年度已有其他医疗救助，救助总额由 {shown:0.00} 元重算为 {batch.Total:0.00} 元，请核对后再审批");
        }

        (batch.Status, batch.DecidedBy, batch.DecidedAt) = (OneOffBatchStatus.Approved, user, clock.GetUtcNow());
        audit.Add("medical-settlements.approved", entityType: nameof(MedicalSettlementBatch), entityId: id.ToString(), regionCode: batch.RegionCode,
            details: new { batch.Rows, batch.Aided, batch.Total });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null);
    }

    /// <summary>Returned: the settlements are kept as evidence but void, so a corrected file can bring them again.</summary>
    public async Task<(Outcome Outcome, string? Message)> RejectAsync(Guid id, string user, string? reason, CancellationToken ct)
    {
        var batch = await db.MedicalSettlementBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        var why = reason?.Trim();
        if (batch is { Status: OneOffBatchStatus.Proposed } && (string.IsNullOrEmpty(why) || why.Length > 200))
        {
            return (Outcome.Invalid, "退回须填写原因（1到200字）");
        }

        if (Refusal(batch, user: null) is { } refused)
        {
            return refused;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        (batch!.Status, batch.DecidedBy, batch.DecidedAt, batch.RejectReason) = (OneOffBatchStatus.Rejected, user, clock.GetUtcNow(), why);
        audit.Add("medical-settlements.rejected", entityType: nameof(MedicalSettlementBatch), entityId: id.ToString(), regionCode: batch.RegionCode,
            details: new { reason = why });
        await db.SaveChangesAsync(ct);
        await db.MedicalSettlements.Where(s => s.BatchId == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Voided, true), ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null);
    }

    /// <summary>The county paid the hospitals what they advanced: once, after approval, with the voucher.</summary>
    public async Task<(Outcome Outcome, string? Message)> RecordReimbursementAsync(Guid id, DateOnly? on, string? voucher, CancellationToken ct)
    {
        var batch = await db.MedicalSettlementBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        var today = Minzheng.Platform.Calendar.ChinaTime.Today(clock);
        var text = voucher?.Trim();
        if (on is not { } day || day > today || string.IsNullOrEmpty(text) || text.Length > MedicalSettlementBatch.VoucherMaxLength
            || Minzheng.Platform.Web.TextRules.Check(text, "凭证号", multiLine: false, MedicalSettlementBatch.VoucherMaxLength) is not null)
        {
            return (Outcome.Invalid, $"请填写拨付日期（不晚于今天）和凭证号（1到{MedicalSettlementBatch.VoucherMaxLength}字）");
        }

        return batch switch
        {
            null => (Outcome.NotFound, "结算批次不存在或不在您的管辖范围内"),
            { Status: not OneOffBatchStatus.Approved } => (Outcome.Conflict, "只有已审批的结算批次可以登记拨付"),
            { ReimbursedOn: not null } => (Outcome.Conflict, $"该批次已于 {batch.ReimbursedOn:yyyy-MM-dd} 登记拨付"),
            _ => await ReimburseAsync(batch, day, text),
        };

        async Task<(Outcome, string?)> ReimburseAsync(MedicalSettlementBatch b, DateOnly d, string v)
        {
            (b.ReimbursedOn, b.ReimbursementVoucher) = (d, v);
            audit.Add("medical-settlements.reimbursed", entityType: nameof(MedicalSettlementBatch), entityId: b.Id.ToString(), regionCode: b.RegionCode,
                details: new { on = d, voucher = v, b.Total });
            await db.SaveChangesAsync(ct);
            return (Outcome.Done, null);
        }
    }

    private async Task RefuseKnownNumbersAsync(List<SettlementRow> rows, ImportErrorList errors, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(2000))
        {
            var numbers = chunk.Select(r => r.Number).ToList();
            var known = await db.MedicalSettlements.AcrossRegions("a settlement is aided once, whichever county imported it")
                .Where(s => numbers.Contains(s.SettlementNumber) && !s.Voided).Select(s => s.SettlementNumber).ToListAsync(ct);
            foreach (var r in chunk.Where(r => known.Contains(r.Number)))
            {
                errors.Add(new ImportError(r.Row, "结算单号", $"第{r.Row}行“结算单号”：{r.Number} 已导入过，不能重复救助"));
            }
        }
    }

    /// <summary>The settlements of the rows, each tied to the registered person (within the caller's region) it names.</summary>
    private async Task<List<MedicalSettlement>> MatchAsync(MedicalSettlementBatch batch, List<SettlementRow> rows, CancellationToken ct)
    {
        var indexes = new string[rows.Count];
        Parallel.For(0, rows.Count, i => indexes[i] = protector.BlindIndex(rows[i].Id.Value, DataPurpose.IdNumber));
        var persons = new Dictionary<string, (Guid Id, string Name, string RegionCode)>();
        foreach (var chunk in indexes.Distinct().Chunk(2000))
        {
            foreach (var p in await db.Persons.AsNoTracking().Where(p => chunk.Contains(p.IdNumberIndex)).Select(p => new { p.IdNumberIndex, p.Id, p.Name, p.RegionCode }).ToListAsync(ct))
            {
                persons[p.IdNumberIndex] = (p.Id, p.Name, p.RegionCode);
            }
        }

        var personIds = persons.Values.Select(p => p.Id).ToList();
        var households = (await db.HouseholdMembers.AsNoTracking().Where(m => personIds.Contains(m.PersonId) && m.ValidTo == null)
            .Select(m => new { m.PersonId, m.HouseholdId }).ToListAsync(ct)).ToDictionary(m => m.PersonId, m => m.HouseholdId);
        return rows.Select((r, i) =>
        {
            var found = persons.TryGetValue(indexes[i], out var p);
            return new MedicalSettlement
            {
                RegionCode = found ? p.RegionCode : batch.RegionCode,
                BatchId = batch.Id,
                Row = r.Row,
                SettlementNumber = r.Number,
                Hospital = r.Hospital,
                PatientName = r.Name,
                IdNumberIndex = indexes[i],
                IdNumberMasked = r.Id.Masked,
                PersonId = found && p.Name == r.Name ? p.Id : null,
                HouseholdId = found && households.TryGetValue(p.Id, out var h) ? h : null,
                Note = !found ? "未在本辖区登记，不予救助" : p.Name != r.Name ? "姓名与登记不一致，请核实后重新导入" : null,
                AdmittedOn = r.AdmittedOn,
                SettledOn = r.SettledOn,
                TotalCost = r.TotalCost,
                InsurancePaid = r.InsurancePaid,
                CriticalIllnessPaid = r.CriticalIllnessPaid,
                InPolicySelfPay = r.InPolicySelfPay,
            };
        }).ToList();
    }

    /// <summary>
    /// Each matched settlement's aid, in the order they were settled, each spending the person's cap of that year;
    /// the batch totals follow. Unmatched rows keep their note and get nothing.
    /// </summary>
    private async Task ComputeAsync(MedicalSettlementBatch batch, List<MedicalSettlement> settlements, CancellationToken ct)
    {
        var matched = settlements.Where(s => s.PersonId is not null).ToList();
        var personIds = matched.Select(s => s.PersonId!.Value).Distinct().ToList();
        var categories = await facts.CategoriesAsync(personIds, ct);
        var used = new Dictionary<(Guid, int), decimal>();
        foreach (var year in matched.Select(s => s.SettledOn.Year).Distinct())
        {
            foreach (var (person, amount) in await facts.UsedAsync(personIds, year, batch.Id, ct))
            {
                used[(person, year)] = amount;
            }
        }

        var standardsByRegion = new Dictionary<(string, int), Standard?>();
        foreach (var s in matched.OrderBy(s => s.SettledOn).ThenBy(s => s.Row))
        {
            var key = (s.RegionCode, s.SettledOn.Year);
            if (!standardsByRegion.TryGetValue(key, out var standard))
            {
                standardsByRegion[key] = standard = await standards.ResolveAsync("medical", s.RegionCode, s.SettledOn, ct);
            }

            var held = categories.GetValueOrDefault(s.PersonId!.Value) ?? [];
            var spent = used.GetValueOrDefault((s.PersonId.Value, s.SettledOn.Year));
            if (standard is null || held.Count == 0)
            {
                (s.Category, s.Rate, s.Amount, s.CalculationJson) = ("", 0, 0, "");
                s.Note = standard is null ? "本区划尚未设置医疗救助标准" : "不属于医疗救助对象（特困、低保、低保边缘或支出型困难家庭），因病致贫可个人申请";
                continue;
            }

            var result = OneOffCalculators.Medical(standard, held, s.InPolicySelfPay, spent);
            (s.Category, s.Rate, s.Amount) = (result.Category, result.Rate, result.Amount);
            s.CalculationJson = JsonSerializer.Serialize(result.Steps, Standard.Json);
            s.Note = result.Amount < result.Computed ? $"年度救助限额剩余 {result.Remaining:0.00} 元（本年已救助 {spent:0.00} 元）" : null;
            used[(s.PersonId.Value, s.SettledOn.Year)] = spent + result.Amount;
        }

        (batch.Rows, batch.Aided, batch.TotalCost, batch.Total) =
            (settlements.Count, settlements.Count(s => s.Amount > 0), settlements.Sum(s => s.TotalCost), settlements.Sum(s => s.Amount));
    }

    private static readonly ApprovalSubject Subject = new("结算批次", "批次", "导入结算文件的经办人");

    private static (Outcome, string?)? Refusal(MedicalSettlementBatch? batch, string? user) =>
        Subject.Refusal(batch is not null, OneOffBatchService.DecidedAs(batch?.Status), batch?.CreatedBy, user);
}
