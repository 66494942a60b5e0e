using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Medical;

public sealed record InsuranceSubsidyRequest(int? Year, string? RegionCode, decimal? Premium, decimal? DibaoSubsidy, decimal? NearDibaoSubsidy, string? Citation);

/// <summary>资助参保 lists: counted from who is 特困, 低保 and 低保边缘 now, approved by a second person.</summary>
public sealed class InsuranceSubsidyService(MinzhengDbContext db, IRegionScope scope, AuditLog audit, TimeProvider clock)
{
    /// <summary>Far above any 城乡居民医保 individual contribution (about 400 元 in 2026): a larger figure is a typing error.</summary>
    public const decimal MaxPremium = 5_000m;


    public async Task<(Outcome Outcome, InsuranceSubsidyList? List, FieldErrors Errors, string? Message)> ProposeAsync(InsuranceSubsidyRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var thisYear = Minzheng.Platform.Calendar.ChinaTime.Today(clock).Year;
        if (r.Year is not { } year || year < thisYear - 1 || year > thisYear + 1)
        {
            errors.Add("year", $"参保年度应为 {thisYear - 1} 到 {thisYear + 1} 之间");
        }

        var prefix = RegionCode.ToScopePrefix(r.RegionCode?.Trim() ?? scope.Prefix);
        if (prefix is null || !prefix.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", "区划应为您管辖范围内的区划代码或其前缀");
        }

        if (!IsAmount(r.Premium, 0.01m, MaxPremium))
        {
            errors.Add("premium", $"个人缴费标准应为0.01到{MaxPremium:0}元之间、最多两位小数的金额");
        }

        foreach (var (field, label, value) in new[] { ("dibaoSubsidy", "低保对象资助标准", r.DibaoSubsidy), ("nearDibaoSubsidy", "低保边缘家庭成员资助标准", r.NearDibaoSubsidy) })
        {
            if (!IsAmount(value, 0, r.Premium ?? MaxPremium))
            {
                errors.Add(field, $"{label}应为0到个人缴费标准之间、最多两位小数的金额");
            }
        }

        var citation = TextRules.Field(r.Citation, "citation", "政策依据", InsuranceSubsidyList.CitationMaxLength, errors);
        if (errors.Any)
        {
            return (Outcome.Invalid, null, errors, null);
        }

        if (await db.InsuranceSubsidyLists.AnyAsync(l => l.Year == r.Year && l.RegionPrefix == prefix && l.Status != OneOffBatchStatus.Rejected, ct))
        {
            return (Outcome.Conflict, null, errors, $"{r.Year} 年度本区划已有资助参保名单，不能重复生成");
        }

        var list = new InsuranceSubsidyList
        {
            RegionPrefix = prefix!,
            RegionCode = prefix!.PadRight(RegionCode.Length, '0'),
            Year = r.Year!.Value,
            Premium = r.Premium!.Value,
            DibaoSubsidy = r.DibaoSubsidy!.Value,
            NearDibaoSubsidy = r.NearDibaoSubsidy!.Value,
            Citation = citation,
            Status = OneOffBatchStatus.Proposed,
        };
        var entries = await EntriesAsync(list, ct);
        db.InsuranceSubsidyLists.Add(list);
        audit.Add("insurance-subsidy.proposed", entityType: nameof(InsuranceSubsidyList), entityId: list.Id.ToString(), regionCode: list.RegionCode,
            details: new { list.Year, list.Premium, list.DibaoSubsidy, list.NearDibaoSubsidy, list.Destitute, list.Dibao, list.NearDibao, list.Total });
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await BulkInsert.InsertAsync(db, entries, ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return (Outcome.Conflict, null, errors, $"{r.Year} 年度本区划已有资助参保名单，不能重复生成");
        }

        return (Outcome.Done, list, errors, null);
    }

    /// <summary>Maker-checker. The list is counted again; if anyone joined or left since, the new list replaces it and the approver must look again.</summary>
    public async Task<(Outcome Outcome, string? Message)> ApproveAsync(Guid id, string user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var list = await db.InsuranceSubsidyLists.SingleOrDefaultAsync(l => l.Id == id, ct);
        if (Refusal(list, user) is { } refused)
        {
            return refused;
        }

        var (persons, total) = (list!.Persons, list.Total);
        var entries = await EntriesAsync(list, ct);
        if (list.Persons != persons || list.Total != total)
        {
            await db.InsuranceSubsidyEntries.Where(e => e.ListId == id).ExecuteDeleteAsync(ct);
            await BulkInsert.InsertAsync(db, entries, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (Outcome.Conflict, $"生成名单后人员有变化（{persons} 人 → {list.Persons} 人，{total:0.00} 元 → {list.Total:0.00} 元），名单已更新，请核对后再审批");
        }

        (list.Status, list.DecidedBy, list.DecidedAt) = (OneOffBatchStatus.Approved, user, clock.GetUtcNow());
        audit.Add("insurance-subsidy.approved", entityType: nameof(InsuranceSubsidyList), entityId: id.ToString(), regionCode: list.RegionCode,
            details: new { list.Year, list.Persons, list.Total });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null);
    }

    public async Task<(Outcome Outcome, string? Message)> RejectAsync(Guid id, string user, string? reason, CancellationToken ct)
    {
        var list = await db.InsuranceSubsidyLists.SingleOrDefaultAsync(l => l.Id == id, ct);
        var why = reason?.Trim();
        if (list is { Status: OneOffBatchStatus.Proposed } && (string.IsNullOrEmpty(why) || why.Length > 200))
        {
            return (Outcome.Invalid, "退回须填写原因（1到200字）");
        }

        if (Refusal(list, user: null) is { } refused)
        {
            return refused;
        }

        (list!.Status, list.DecidedBy, list.DecidedAt, list.RejectReason) = (OneOffBatchStatus.Rejected, user, clock.GetUtcNow(), why);
        audit.Add("insurance-subsidy.rejected", entityType: nameof(InsuranceSubsidyList), entityId: id.ToString(), regionCode: list.RegionCode, details: new { reason = why });
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    /// <summary>
    /// Every living person of the region who is 特困, a member of a 低保 household or of a 低保边缘 household now, once,
    /// in the best of these categories; the list's counts and total follow.
    /// </summary>
    private async Task<List<InsuranceSubsidyEntry>> EntriesAsync(InsuranceSubsidyList list, CancellationToken ct)
    {
        var prefix = list.RegionPrefix;
        var dibaoPrograms = Programs.AssistancePrograms.HouseholdBased;
        var destitute = await (from e in db.Enrollments.AsNoTracking()
                               where e.Status == EnrollmentStatus.Active && MedicalAidFacts.DestitutePrograms.Contains(e.Program) && e.RegionCode.StartsWith(prefix)
                               join p in db.Persons on e.PersonId equals p.Id
                               where p.DeathDate == null
                               select new { p.Id, e.HouseholdId, e.RegionCode }).ToListAsync(ct);
        var dibao = await (from e in db.Enrollments.AsNoTracking()
                           where e.Status == EnrollmentStatus.Active && dibaoPrograms.Contains(e.Program) && e.RegionCode.StartsWith(prefix)
                           join m in db.HouseholdMembers on e.HouseholdId equals m.HouseholdId
                           where m.ValidTo == null
                           join p in db.Persons on m.PersonId equals p.Id
                           where p.DeathDate == null
                           select new { p.Id, e.HouseholdId, e.RegionCode }).ToListAsync(ct);
        var nearDibao = await (from h in db.MonitoredHouseholds.AsNoTracking()
                               where h.EndedOn == null && h.Category == "marginal" && h.RegionCode.StartsWith(prefix)
                               join m in db.HouseholdMembers on h.HouseholdId equals m.HouseholdId
                               where m.ValidTo == null
                               join p in db.Persons on m.PersonId equals p.Id
                               where p.DeathDate == null
                               select new { p.Id, h.HouseholdId, h.RegionCode }).ToListAsync(ct);
        var best = new Dictionary<Guid, InsuranceSubsidyEntry>();
        foreach (var (category, rows) in new[] { (MedicalAidFacts.Destitute, destitute), (MedicalAidFacts.Dibao, dibao), (MedicalAidFacts.NearDibao, nearDibao) })
        {
            foreach (var x in rows.Where(x => !best.ContainsKey(x.Id)))
            {
                best[x.Id] = new InsuranceSubsidyEntry
                {
                    ListId = list.Id,
                    PersonId = x.Id,
                    HouseholdId = x.HouseholdId,
                    RegionCode = x.RegionCode,
                    Category = category,
                    Subsidy = list.SubsidyFor(category),
                };
            }
        }

        var entries = best.Values.OrderBy(e => e.RegionCode).ToList();
        (list.Destitute, list.Dibao, list.NearDibao, list.Total) = (entries.Count(e => e.Category == MedicalAidFacts.Destitute),
            entries.Count(e => e.Category == MedicalAidFacts.Dibao), entries.Count(e => e.Category == MedicalAidFacts.NearDibao), entries.Sum(e => e.Subsidy));
        return entries;
    }

    private static bool IsAmount(decimal? value, decimal min, decimal max) => value is { } v && v >= min && v <= max && decimal.Round(v, 2) == v;

    private static readonly ApprovalSubject Subject = new("资助参保名单", "名单", "生成名单的经办人");

    private static (Outcome, string?)? Refusal(InsuranceSubsidyList? list, string? user) =>
        Subject.Refusal(list is not null, OneOffBatchService.DecidedAs(list?.Status), list?.CreatedBy, user);
}
