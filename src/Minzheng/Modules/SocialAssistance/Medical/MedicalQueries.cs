using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.OneOffs;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Medical;

/// <summary>What a batch owes each hospital that advanced the aid at discharge.</summary>
public sealed record HospitalTotal(string Hospital, int Settlements, int Aided, decimal Amount);

public sealed record SettlementBatchDto(Guid Id, string FileName, string RegionCode, string RegionName, int Rows, int Aided, decimal TotalCost, decimal Total,
    string Status, string StatusName, string CreatedBy, DateTimeOffset CreatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason,
    DateOnly? ReimbursedOn, string? ReimbursementVoucher, List<HospitalTotal> Hospitals);

public sealed record SettlementDto(Guid Id, int Row, string SettlementNumber, string Hospital, string PatientName, string IdNumberMasked, string RegionCode,
    string RegionName, DateOnly AdmittedOn, DateOnly SettledOn, decimal TotalCost, decimal InsurancePaid, decimal CriticalIllnessPaid, decimal InPolicySelfPay,
    string Category, string CategoryName, decimal Rate, decimal Amount, string? Note, List<CalculationStep> Steps);

public sealed record SubsidyListDto(Guid Id, int Year, string RegionCode, string RegionName, decimal Premium, decimal DibaoSubsidy, decimal NearDibaoSubsidy,
    string? Citation, int Destitute, int Dibao, int NearDibao, int Persons, decimal Total, string Status, string StatusName, string CreatedBy,
    DateTimeOffset CreatedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectReason);

public sealed record SubsidyAreaTotal(string RegionCode, string RegionName, int Persons, decimal Total);

public sealed record SubsidyEntryDto(string RegionCode, string RegionName, string Name, string IdNumberMasked, string Category, string CategoryName, decimal Subsidy);

/// <summary>Reading settlements and 资助参保 lists within the caller's region: townships see the rows of their people, read-only.</summary>
public sealed class MedicalQueries(MinzhengDbContext db, RegionService regions)
{
    public const int PageSize = 100;

    /// <summary>The latest import first (see <see cref="PageRequest.NewestFirst"/>).</summary>
    private static readonly SortMap<MedicalSettlementBatch> BatchSort = new SortMap<MedicalSettlementBatch>("imported", q => q.ThenBy(b => b.Id))
        .Add("imported", b => b.CreatedAt).Add("rows", b => b.Rows).Add("aided", b => b.Aided).Add("cost", b => b.TotalCost).Add("total", b => b.Total)
        .Add("status", b => b.Status == OneOffBatchStatus.Proposed ? 0 : b.Status == OneOffBatchStatus.Approved ? 1 : 2).Add("reimbursed", b => b.ReimbursedOn);

    /// <param name="status">proposed, approved or rejected; anything else lists every batch.</param>
    public async Task<Paged<SettlementBatchDto>> BatchesAsync(string? status, PageRequest page, CancellationToken ct)
    {
        var q = db.MedicalSettlementBatches.AsNoTracking();
        if (Enum.TryParse<OneOffBatchStatus>(status, true, out var s))
        {
            q = q.Where(b => b.Status == s);
        }

        var rows = await q.PageAsync(page, BatchSort, ct);
        var names = await regions.NamesOfAsync(rows.Items.Select(b => b.RegionCode), ct);
        return rows.Map(b => Batch(b, names, []));
    }

    public async Task<SettlementBatchDto?> BatchAsync(Guid id, CancellationToken ct)
    {
        if (await db.MedicalSettlementBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is not { } b)
        {
            return null;
        }

        var hospitals = (await db.MedicalSettlements.AsNoTracking().Where(s => s.BatchId == id)
                .GroupBy(s => s.Hospital).Select(g => new { g.Key, Count = g.Count(), Aided = g.Count(s => s.Amount > 0), Amount = g.Sum(s => s.Amount) }).ToListAsync(ct))
            .Select(h => new HospitalTotal(h.Key, h.Count, h.Aided, h.Amount)).OrderByDescending(h => h.Amount).ToList();
        return Batch(b, await regions.NamesOfAsync([b.RegionCode], ct), hospitals);
    }

    /// <summary>One page of a batch's settlements in file order; <paramref name="notAided"/> keeps only those that got nothing.</summary>
    public async Task<Paged<SettlementDto>> SettlementsAsync(Guid batchId, int? page, bool notAided, CancellationToken ct)
    {
        var query = db.MedicalSettlements.AsNoTracking().Where(s => s.BatchId == batchId && (!notAided || s.Amount == 0));
        var count = await query.CountAsync(ct);
        var request = PageRequest.From(page, null, null, null, PageSize);
        var rows = await query.OrderBy(s => s.Row).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var names = await regions.NamesOfAsync(rows.Select(s => s.RegionCode), ct);
        return new(rows.Select(s => new SettlementDto(s.Id, s.Row, s.SettlementNumber, s.Hospital, s.PatientName, s.IdNumberMasked, s.RegionCode,
            names.GetValueOrDefault(s.RegionCode, s.RegionCode), s.AdmittedOn, s.SettledOn, s.TotalCost, s.InsurancePaid, s.CriticalIllnessPaid, s.InPolicySelfPay,
            s.Category, s.Category.Length == 0 ? "—" : MedicalAidFacts.CategoryName(s.Category), s.Rate, s.Amount, s.Note,
            s.CalculationJson.Length == 0 ? [] : JsonSerializer.Deserialize<List<CalculationStep>>(s.CalculationJson, Standard.Json) ?? [])).ToList(),
            count, request.Page, request.Size);
    }

    public async Task<List<SubsidyListDto>> SubsidyListsAsync(CancellationToken ct)
    {
        var rows = await db.InsuranceSubsidyLists.AsNoTracking().OrderByDescending(l => l.Year).ThenByDescending(l => l.CreatedAt).Take(100).ToListAsync(ct);
        var names = await regions.NamesOfAsync(rows.Select(l => l.RegionCode), ct);
        return rows.Select(l => List(l, names)).ToList();
    }

    public async Task<SubsidyListDto?> SubsidyListAsync(Guid id, CancellationToken ct) =>
        await db.InsuranceSubsidyLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) is { } l ? List(l, await regions.NamesOfAsync([l.RegionCode], ct)) : null;

    /// <summary>The list's persons and amounts per township (the first 9 digits of the region code).</summary>
    public async Task<List<SubsidyAreaTotal>> SubsidyAreasAsync(Guid id, CancellationToken ct)
    {
        var rows = await db.InsuranceSubsidyEntries.AsNoTracking().Where(e => e.ListId == id)
            .GroupBy(e => e.RegionCode.Substring(0, 9)).Select(g => new { g.Key, Persons = g.Count(), Total = g.Sum(e => e.Subsidy) }).ToListAsync(ct);
        var names = await regions.NamesOfAsync(rows.Select(r => r.Key.PadRight(RegionCode.Length, '0')), ct);
        return rows.OrderBy(r => r.Key).Select(r =>
        {
            var code = r.Key.PadRight(RegionCode.Length, '0');
            return new SubsidyAreaTotal(code, names.GetValueOrDefault(code, code), r.Persons, r.Total);
        }).ToList();
    }

    public async Task<Paged<SubsidyEntryDto>> SubsidyEntriesAsync(Guid id, int? page, CancellationToken ct)
    {
        var query = from e in db.InsuranceSubsidyEntries.AsNoTracking()
                    where e.ListId == id
                    join p in db.Persons on e.PersonId equals p.Id
                    orderby e.RegionCode, p.Name
                    select new { e.RegionCode, p.Name, p.IdNumberMasked, e.Category, e.Subsidy };
        var count = await query.CountAsync(ct);
        var request = PageRequest.From(page, null, null, null, PageSize);
        var rows = await query.Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        var names = await regions.NamesOfAsync(rows.Select(r => r.RegionCode), ct);
        return new(rows.Select(r => new SubsidyEntryDto(r.RegionCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.Name, r.IdNumberMasked, r.Category,
            MedicalAidFacts.CategoryName(r.Category), r.Subsidy)).ToList(), count, request.Page, request.Size);
    }

    private static SettlementBatchDto Batch(MedicalSettlementBatch b, IReadOnlyDictionary<string, string> names, List<HospitalTotal> hospitals) => new(b.Id,
        b.FileName, b.RegionPrefix, names.GetValueOrDefault(b.RegionCode, b.RegionCode), b.Rows, b.Aided, b.TotalCost, b.Total, InputValues.Code(b.Status),
        OneOffBatchService.StatusName(b.Status), b.CreatedBy, b.CreatedAt, b.DecidedBy, b.DecidedAt, b.RejectReason, b.ReimbursedOn, b.ReimbursementVoucher, hospitals);

    private static SubsidyListDto List(InsuranceSubsidyList l, IReadOnlyDictionary<string, string> names) => new(l.Id, l.Year, l.RegionPrefix,
        names.GetValueOrDefault(l.RegionCode, l.RegionCode), l.Premium, l.DibaoSubsidy, l.NearDibaoSubsidy, l.Citation, l.Destitute, l.Dibao, l.NearDibao,
        l.Persons, l.Total, InputValues.Code(l.Status), OneOffBatchService.StatusName(l.Status), l.CreatedBy, l.CreatedAt, l.DecidedBy, l.DecidedAt, l.RejectReason);
}
