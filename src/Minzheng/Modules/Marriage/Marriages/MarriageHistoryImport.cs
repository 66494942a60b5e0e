using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
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
/// Memory stays flat however long the file: the rows are checked in date order (a person may marry, divorce and marry
/// again within one file) — the file's own order when it is by date, else an order made by the database
/// (<see cref="ImportRowSorter"/>), never in memory. Each window of rows is checked against the register as the
/// earlier windows left it — they are written as they pass — so staging runs the same checks and writes inside a
/// transaction it then rolls back.
/// </remarks>
public sealed class MarriageHistoryImport(MinzhengDbContext db, MarriageRegistry registry, IRegionScope scope,
    IConfiguration configuration, TimeProvider clock, RowStamper stamper, PersonalDataProtector protector) : IImportKind
{
    public const string KindName = "marriage-history";

    public static IReadOnlyList<string> Headers => HistoricalRows.Headers;

    public string Kind => KindName;

    public string Policy => MarriageModule.Register;

    /// <summary>A row with valid cells on its way through the register checks: its record's id and, for a divorce, the marriage it ends.</summary>
    private sealed record Planned(HistoricalRow Row, string IndexA, string IndexB)
    {
        public Guid Id { get; } = Guid.CreateVersion7();
        public Guid? MarriageId { get; set; }

        /// <summary>The divorce names the parties in the other order than their marriage: its record follows the marriage's.</summary>
        public bool Swapped { get; set; }

        public MarriageRecordKind Kind => Row.Kind;

        public DateOnly Date => Row.Date;

        public (string Low, string High) Couple => string.CompareOrdinal(IndexA, IndexB) <= 0 ? (IndexA, IndexB) : (IndexB, IndexA);
    }

    private sealed record Outcome(int Total, int Marriages, int Divorces, ImportErrorList Errors)
    {
        public int Entered => Marriages + Divorces;
    }

    public async Task<ImportCheck> CheckAsync(string fileName, byte[] content, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = await RunAsync(fileName, content, ct);
        await tx.RollbackAsync(ct);
        return new ImportCheck(outcome.Total, outcome.Entered, outcome.Errors);
    }

    public async Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct)
    {
        // In the platform's transaction: refused, it is rolled back with everything the run wrote.
        var outcome = await RunAsync(fileName, content, ct);
        return new ImportWrite(outcome.Entered, outcome.Errors, new Dictionary<string, int> { ["marriages"] = outcome.Marriages, ["divorces"] = outcome.Divorces });
    }

    /// <summary>
    /// Every row's cells, then the valid rows in date order, a window at a time, against the register and the rows before
    /// them; each window's rows without errors are written before the next is read. The platform audits the batch.
    /// </summary>
    private async Task<Outcome> RunAsync(string fileName, byte[] content, CancellationToken ct)
    {
        await using var indexed = await KeyLookups.IndexedOnlyAsync(db, ct);
        // Paper registers are kept by date, so their files mostly are too: such a file is checked and written as it is
        // read. The first row dated before the one above it undoes that (back to the savepoint) and the rows go through
        // the database sort instead.
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("补录 runs in a transaction");
        await transaction.CreateSavepointAsync(FileOrder, ct);
        if (await InFileOrderAsync(fileName, content, ct) is { } outcome)
        {
            await transaction.ReleaseSavepointAsync(FileOrder, ct);
            return outcome;
        }

        await transaction.RollbackToSavepointAsync(FileOrder, ct);
        return await SortedAsync(fileName, content, ct);
    }

    private const string FileOrder = "history_in_file_order";

    /// <summary>The file's valid rows as they come, a window at a time; null at the first row out of date order.</summary>
    private async Task<Outcome?> InFileOrderAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (errors, reader, tally) = (new ImportErrorList(configuration.MaxImportErrors()), Reader(), new Tally());
        var (window, chunkRows, last) = (new List<Planned>(), configuration.ImportChunkRows(), DateOnly.MinValue);
        foreach (var (row, _) in reader.Read(content, fileName, errors))
        {
            if (row.Date < last)
            {
                return null;
            }

            last = row.Date;
            window.Add(Plan(row));
            if (window.Count == chunkRows)
            {
                await EnterAsync(window, errors, tally, ct);
                window.Clear();
            }
        }

        await EnterAsync(window, errors, tally, ct);
        return tally.Outcome(reader.Total, errors);
    }

    /// <summary>The valid rows sorted by (date, row number) through the database (<see cref="ImportRowSorter"/>), a window at a time.</summary>
    private async Task<Outcome> SortedAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (errors, reader, tally) = (new ImportErrorList(configuration.MaxImportErrors()), Reader(), new Tally());
        var sorter = new ImportRowSorter(db, protector, scope.RegionCode(), configuration.ImportChunkRows());
        foreach (var (row, cells) in reader.Read(content, fileName, errors))
        {
            await sorter.AddAsync(row.Date.DayNumber, row.Number, cells, ct);
        }

        await foreach (var window in sorter.WindowsAsync(ct))
        {
            // The cells passed once: read again they give the same row.
            await EnterAsync(window.Select(w => Plan(reader.Parse(w.Number, w.Cells, errors) ?? throw new InvalidOperationException($"Row {w.Number} changed"))).ToList(),
                errors, tally, ct);
        }

        await sorter.ClearAsync(ct);
        return tally.Outcome(reader.Total, errors);
    }

    private Planned Plan(HistoricalRow row) => new(row, registry.Index(row.A.Id), registry.Index(row.B.Id));

    /// <summary>A window checked against the register and written; its entered rows counted.</summary>
    private async Task EnterAsync(List<Planned> window, ImportErrorList errors, Tally tally, CancellationToken ct)
    {
        var entered = await CheckAgainstRegisterAsync(window, errors, ct);
        await WriteAsync(entered, ct);
        tally.Divorces += entered.Count(p => p.Kind == MarriageRecordKind.Divorce);
        tally.Marriages += entered.Count(p => p.Kind == MarriageRecordKind.Marriage);
    }

    private sealed class Tally
    {
        public int Marriages { get; set; }

        public int Divorces { get; set; }

        public Outcome Outcome(int total, ImportErrorList errors)
        {
            // Register errors come window by window: the list reads in row order.
            errors.SortFrom(0);
            return new Outcome(total, Marriages, Divorces, errors);
        }
    }

    private HistoricalRows Reader() => new(clock.Today(), configuration.MaxImportRows(), scope.RegionCode(), scope.Prefix);

    /// <summary>A window of rows in date order against the register (with the earlier windows written) and the rows before them in the window.</summary>
    private async Task<List<Planned>> CheckAgainstRegisterAsync(List<Planned> rows, ImportErrorList errors, CancellationToken ct)
    {
        // Both lookups by index — the bonds' key (person), the records' (couple, kind, date) — and nothing else in the
        // condition, so no other index looks cheaper to a planner whose statistics predate this transaction's rows.
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
                         .Where(r => couples.Contains(r.CoupleKey))
                         .Select(r => new { r.Id, r.Kind, r.Date, r.PartyAIdIndex, r.PartyBIdIndex }).ToListAsync(ct))
            {
                var (low, high) = string.CompareOrdinal(e.PartyAIdIndex, e.PartyBIdIndex) <= 0 ? (e.PartyAIdIndex, e.PartyBIdIndex) : (e.PartyBIdIndex, e.PartyAIdIndex);
                registered.Add((e.Kind, low, high, e.Date));
                if (e.Kind == MarriageRecordKind.Marriage)
                {
                    marriages[e.Id] = (e.Date, e.PartyAIdIndex);
                }
            }
        }

        // Lookups by key, never scans.
        var entered = new List<Planned>();
        foreach (var r in rows)
        {
            var refusals = Refusals(r, bonded, marriages, registered);
            foreach (var (column, message) in refusals)
            {
                errors.Add(new ImportError(r.Row.Number, column, message));
            }

            if (refusals.Count == 0)
            {
                entered.Add(r);
                registered.Add((r.Kind, r.Couple.Low, r.Couple.High, r.Date));
            }
        }

        return entered;
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
    /// A window's records, with the bonds of the marriages it leaves in force, bulk-inserted; the bonds of earlier
    /// marriages its divorces end are deleted first (a person may divorce and marry again in the same window).
    /// </summary>
    private async Task WriteAsync(List<Planned> entered, CancellationToken ct)
    {
        var divorced = entered.Where(p => p.MarriageId is not null).Select(p => p.MarriageId!.Value).ToHashSet();
        var inWindow = entered.Where(p => p.Kind == MarriageRecordKind.Marriage).Select(p => p.Id).ToHashSet();
        foreach (var chunk in divorced.Where(id => !inWindow.Contains(id)).Chunk(ImportLimits.LookupChunk))
        {
            await db.MarriageBonds.Where(b => chunk.Contains(b.MarriageId)).ExecuteDeleteAsync(ct);
        }

        var (records, bonds) = (new List<MarriageRecord>(entered.Count), new List<MarriageBond>());
        foreach (var p in entered)
        {
            var row = p.Row;
            var (a, b, indexA, indexB) = p.Swapped ? (row.B, row.A, p.IndexB, p.IndexA) : (row.A, row.B, p.IndexA, p.IndexB);
            var record = registry.NewRecord(p.Kind, p.Date, a, b, indexA, indexB, MarriageRecord.CoupleKeyOf(indexA, indexB));
            (record.Id, record.RegionCode, record.MarriageId, record.CertificateNumber, record.Historical) = (p.Id, row.RegionCode, p.MarriageId, row.Certificate, true);
            records.Add(record);
            if (p.Kind == MarriageRecordKind.Marriage && !divorced.Contains(p.Id))
            {
                bonds.Add(new MarriageBond { PersonIndex = indexA, MarriageId = p.Id, RegionCode = row.RegionCode });
                bonds.Add(new MarriageBond { PersonIndex = indexB, MarriageId = p.Id, RegionCode = row.RegionCode });
            }
        }

        await BulkInsert.InsertAsync(db, stamper.Stamp(records), ct);
        await BulkInsert.InsertAsync(db, bonds, ct);
    }
}
