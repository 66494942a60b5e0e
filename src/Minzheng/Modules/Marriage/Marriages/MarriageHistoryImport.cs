using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// 补录 of old paper registers through the platform's staged import: one row per registration. Every row is checked
/// (fields, then the register: a person married twice, a divorce without its marriage, a row already entered) and every
/// error is listed by row and column; the commit checks again and writes all rows or none (or, when the registrar
/// chooses, only the rows without errors). Married couples get their bonds, so the one-spouse check and reissue work
/// for them. Legal ages are not checked: they were different before 1981.
/// </summary>
/// <remarks>
/// Memory: the check keeps a small plan per row (its two blind indexes, date and the record ids it will get), not the
/// rows; the commit then reads the file a second time and builds, encrypts and writes the records chunk by chunk.
/// </remarks>
public sealed class MarriageHistoryImport(MinzhengDbContext db, MarriageRegistry registry, IRegionScope scope,
    IConfiguration configuration, TimeProvider clock, RowStamper stamper) : IImportKind
{
    public const string KindName = "marriage-history";

    private const int WriteChunk = 5_000;

    public static IReadOnlyList<string> Headers => HistoricalRows.Headers;

    public string Kind => KindName;

    public string Policy => MarriageModule.Register;

    /// <summary>What the check decided for a row: its record's id and, for a divorce, the marriage it ends.</summary>
    private sealed record Planned(int Number, MarriageRecordKind Kind, DateOnly Date, string IndexA, string IndexB)
    {
        public Guid Id { get; } = Guid.CreateVersion7();
        public Guid? MarriageId { get; set; }

        /// <summary>The divorce names the parties in the other order than their marriage: its record follows the marriage's.</summary>
        public bool Swapped { get; set; }

        public (string Low, string High) Couple => string.CompareOrdinal(IndexA, IndexB) <= 0 ? (IndexA, IndexB) : (IndexB, IndexA);
    }

    private HistoricalRows Reader() => new(clock.Today(), configuration.MaxImportRows(), scope.RegionCode(), scope.Prefix);

    public async Task<ImportCheck> CheckAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (total, plan, errors) = await PlanAsync(fileName, content, ct);
        return new ImportCheck(total, plan.Count, errors);
    }

    public async Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct)
    {
        var (_, plan, errors) = await PlanAsync(fileName, content, ct);
        if (errors.Count > 0 && !skipInvalid)
        {
            return ImportWrite.Refused(errors);
        }

        await WriteAsync(plan, fileName, content, ct);
        var divorces = plan.Values.Count(p => p.Kind == MarriageRecordKind.Divorce);
        return new ImportWrite(plan.Count, errors, new Dictionary<string, int> { ["marriages"] = plan.Count - divorces, ["divorces"] = divorces });
    }

    /// <summary>The fields of every row, then the rows with valid fields against the register: the plan of the rows without errors, by row number.</summary>
    private async Task<(int Total, Dictionary<int, Planned> Plan, ImportErrorList Errors)> PlanAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (errors, reader, rows) = (new ImportErrorList(configuration.MaxImportErrors()), Reader(), new List<Planned>());
        foreach (var r in reader.Read(content, fileName, errors))
        {
            rows.Add(new Planned(r.Number, r.Kind, r.Date, registry.Index(r.A.Id), registry.Index(r.B.Id)));
        }

        var plan = await CheckAgainstRegisterAsync(rows, errors, ct);
        // The register checks run in date order: the list reads in row order.
        errors.SortFrom(0);
        return (reader.Total, plan, errors);
    }

    /// <summary>The rows in date order against the register and the rows before them.</summary>
    private async Task<Dictionary<int, Planned>> CheckAgainstRegisterAsync(List<Planned> rows, ImportErrorList errors, CancellationToken ct)
    {
        const string Reason = "补录 checks the whole register: a person may have married at any registry (全国通办)";
        var (bonded, marriages) = (new Dictionary<string, Guid>(StringComparer.Ordinal), new Dictionary<Guid, (DateOnly Date, string IndexA)>());
        var registered = new HashSet<(MarriageRecordKind, string, string, DateOnly)>();
        foreach (var chunk in rows.Chunk(ImportLimits.LookupChunk))
        {
            var indexes = chunk.SelectMany(r => new[] { r.IndexA, r.IndexB }).Distinct().ToList();
            foreach (var b in await db.MarriageBonds.AsNoTracking().Where(b => indexes.Contains(b.PersonIndex)).ToListAsync(ct))
            {
                bonded[b.PersonIndex] = b.MarriageId;
            }

            var couples = chunk.Select(r => MarriageRecord.CoupleKeyOf(r.IndexA, r.IndexB)).Distinct().ToList();
            foreach (var e in await db.MarriageRecords.AcrossRegions(Reason).AsNoTracking()
                         .Where(r => couples.Contains(r.CoupleKey) && (r.Kind == MarriageRecordKind.Marriage || r.Kind == MarriageRecordKind.Divorce))
                         .Select(r => new { r.Id, r.Kind, r.Date, r.PartyAIdIndex, r.PartyBIdIndex }).ToListAsync(ct))
            {
                var known = new Planned(0, e.Kind, e.Date, e.PartyAIdIndex, e.PartyBIdIndex);
                registered.Add((e.Kind, known.Couple.Low, known.Couple.High, e.Date));
                if (e.Kind == MarriageRecordKind.Marriage)
                {
                    marriages[e.Id] = (e.Date, e.PartyAIdIndex);
                }
            }
        }

        // Lookups by key, never scans: the file may hold hundreds of thousands of rows.
        var plan = new Dictionary<int, Planned>();
        foreach (var r in rows.OrderBy(r => r.Date).ThenBy(r => r.Number))
        {
            var refusals = Refusals(r, bonded, marriages, registered);
            foreach (var (column, message) in refusals)
            {
                errors.Add(new ImportError(r.Number, column, message));
            }

            if (refusals.Count > 0)
            {
                continue;
            }

            plan[r.Number] = r;
            registered.Add((r.Kind, r.Couple.Low, r.Couple.High, r.Date));
        }

        return plan;
    }

    /// <summary>Why the row cannot be entered given the register and the rows before it; none when it can (then it is entered into the maps).</summary>
    private static List<(string Column, string Message)> Refusals(Planned r, Dictionary<string, Guid> bonded, Dictionary<Guid, (DateOnly Date, string IndexA)> marriages,
        HashSet<(MarriageRecordKind, string, string, DateOnly)> registered)
    {
        if (registered.Contains((r.Kind, r.Couple.Low, r.Couple.High, r.Date)))
        {
            return [("登记日期", $"双方同一日期的{(r.Kind == MarriageRecordKind.Marriage ? "结婚" : "离婚")}登记已在登记簿中或在本文件中重复")];
        }

        if (r.Kind == MarriageRecordKind.Marriage)
        {
            var married = new[] { (r.IndexA, "一方"), (r.IndexB, "另一方") }.Where(p => bonded.ContainsKey(p.Item1))
                .Select(p => ($"{p.Item2}身份证号", $"{p.Item2}在婚姻登记中（含本文件此前各行）已有配偶，未登记离婚，不能再登记结婚")).ToList();
            if (married.Count == 0)
            {
                (bonded[r.IndexA], bonded[r.IndexB]) = (r.Id, r.Id);
                marriages[r.Id] = (r.Date, r.IndexA);
            }

            return married;
        }

        if (!(bonded.TryGetValue(r.IndexA, out var ofA) && bonded.TryGetValue(r.IndexB, out var ofB) && ofA == ofB
              && marriages.TryGetValue(ofA, out var marriage) && marriage.Date <= r.Date))
        {
            return [("登记种类", "婚姻登记中（含本文件此前各行）没有双方在该日期仍然有效的结婚登记，不能补录离婚")];
        }

        (r.MarriageId, r.Swapped) = (ofA, marriage.IndexA != r.IndexA);
        bonded.Remove(r.IndexA);
        bonded.Remove(r.IndexB);
        return [];
    }

    /// <summary>
    /// In the platform's transaction: the file is read again and the planned rows' records, with the bonds of the
    /// marriages still in force, are built and bulk-inserted chunk by chunk (a county's archive is hundreds of thousands
    /// of rows); the bonds of earlier marriages the file's divorces end are deleted. The platform audits the batch.
    /// </summary>
    private async Task WriteAsync(Dictionary<int, Planned> plan, string fileName, byte[] content, CancellationToken ct)
    {
        var divorced = plan.Values.Where(p => p.MarriageId is not null).Select(p => p.MarriageId!.Value).ToHashSet();
        var inFile = plan.Values.Where(p => p.Kind == MarriageRecordKind.Marriage).Select(p => p.Id).ToHashSet();
        foreach (var chunk in divorced.Where(id => !inFile.Contains(id)).Chunk(ImportLimits.LookupChunk))
        {
            await db.MarriageBonds.Where(b => chunk.Contains(b.MarriageId)).ExecuteDeleteAsync(ct);
        }

        var (records, bonds) = (new List<MarriageRecord>(WriteChunk), new List<MarriageBond>(2 * WriteChunk));
        foreach (var row in Reader().Read(content, fileName, new ImportErrorList(configuration.MaxImportErrors())))
        {
            if (!plan.TryGetValue(row.Number, out var p))
            {
                continue;
            }

            var (a, b, indexA, indexB) = p.Swapped ? (row.B, row.A, p.IndexB, p.IndexA) : (row.A, row.B, p.IndexA, p.IndexB);
            var record = registry.NewRecord(p.Kind, p.Date, a, b, indexA, indexB, MarriageRecord.CoupleKeyOf(indexA, indexB));
            (record.Id, record.RegionCode, record.MarriageId, record.CertificateNumber, record.Historical) = (p.Id, row.RegionCode, p.MarriageId, row.Certificate, true);
            records.Add(record);
            if (p.Kind == MarriageRecordKind.Marriage && !divorced.Contains(p.Id))
            {
                bonds.Add(new MarriageBond { PersonIndex = indexA, MarriageId = p.Id, RegionCode = row.RegionCode });
                bonds.Add(new MarriageBond { PersonIndex = indexB, MarriageId = p.Id, RegionCode = row.RegionCode });
            }

            if (records.Count >= WriteChunk)
            {
                await FlushAsync(records, bonds, ct);
            }
        }

        await FlushAsync(records, bonds, ct);
    }

    private async Task FlushAsync(List<MarriageRecord> records, List<MarriageBond> bonds, CancellationToken ct)
    {
        await BulkInsert.InsertAsync(db, stamper.Stamp(records), ct);
        await BulkInsert.InsertAsync(db, bonds, ct);
        records.Clear();
        bonds.Clear();
    }
}
