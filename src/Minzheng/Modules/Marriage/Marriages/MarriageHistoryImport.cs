using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// 补录 of old paper registers through the platform's staged import: one row per registration, read by the platform's
/// spreadsheet reader. Every row is checked (fields, then the register: a person married twice, a divorce without its
/// marriage, a row already entered) and every error is listed by row and column; the commit checks again and writes
/// all rows or none (or, when the registrar chooses, only the rows without errors). Married couples get their bonds,
/// so the one-spouse check and reissue work for them. Legal ages are not checked: they were different before 1981.
/// </summary>
public sealed class MarriageHistoryImport(MinzhengDbContext db, MarriageRegistry registry, IRegionScope scope,
    IConfiguration configuration, TimeProvider clock, RowStamper stamper) : IImportKind
{
    public const string KindName = "marriage-history";

    public static readonly string[] Headers = ["登记种类", "登记日期", "证件字号", "一方姓名", "一方身份证号", "另一方姓名", "另一方身份证号", "登记机关区划代码"];

    public string Kind => KindName;

    public string Policy => MarriageModule.Register;

    private sealed record Row(int Number, MarriageRecordKind Kind, DateOnly Date, string Certificate, ValidParty A, ValidParty B, string RegionCode)
    {
        public string IndexA { get; set; } = "";
        public string IndexB { get; set; } = "";
        public string Couple => MarriageRecord.CoupleKeyOf(IndexA, IndexB);
    }

    public async Task<ImportCheck> CheckAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (total, records, errors) = await CheckRowsAsync(fileName, content, ct);
        return new ImportCheck(total, records.Count, errors);
    }

    public async Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct)
    {
        var (_, records, errors) = await CheckRowsAsync(fileName, content, ct);
        if (errors.Count > 0 && !skipInvalid)
        {
            return new ImportWrite(0, errors, new Dictionary<string, int>());
        }

        await WriteAsync(records, ct);
        var divorces = records.Count(r => r.Kind == MarriageRecordKind.Divorce);
        return new ImportWrite(records.Count, errors, new Dictionary<string, int> { ["marriages"] = records.Count - divorces, ["divorces"] = divorces });
    }

    /// <summary>The fields of every row, then the rows with valid fields against the register; the records of the rows without errors.</summary>
    private async Task<(int Total, List<MarriageRecord> Records, ImportErrorList Errors)> CheckRowsAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var errors = new ImportErrorList(configuration.MaxImportErrors());
        var (rows, total) = Read(content, fileName, errors);
        foreach (var r in rows)
        {
            (r.IndexA, r.IndexB) = (registry.Index(r.A.Id), registry.Index(r.B.Id));
        }

        var records = await CheckAgainstRegisterAsync(rows, errors, ct);
        // The register checks run in date order: the list reads in row order.
        errors.SortFrom(0);
        return (total, records, errors);
    }

    /// <summary>
    /// In the platform's transaction: the records and the bonds of the marriages still in force are bulk-inserted (a
    /// county's archive is hundreds of thousands of rows), and the bonds of earlier marriages the file's divorces end are
    /// deleted. The platform audits the batch as one entry naming its size.
    /// </summary>
    private async Task WriteAsync(List<MarriageRecord> records, CancellationToken ct)
    {
        var divorced = records.Where(d => d.Kind == MarriageRecordKind.Divorce).Select(d => d.MarriageId!.Value).ToHashSet();
        var bonds = records.Where(m => m.Kind == MarriageRecordKind.Marriage && !divorced.Contains(m.Id))
            .SelectMany(m => new[]
            {
                new MarriageBond { PersonIndex = m.PartyAIdIndex, MarriageId = m.Id, RegionCode = m.RegionCode },
                new MarriageBond { PersonIndex = m.PartyBIdIndex, MarriageId = m.Id, RegionCode = m.RegionCode },
            }).ToList();
        var inFile = records.Select(r => r.Id).ToHashSet();
        foreach (var chunk in divorced.Where(id => !inFile.Contains(id)).Chunk(ImportLimits.LookupChunk))
        {
            await db.MarriageBonds.Where(b => chunk.Contains(b.MarriageId)).ExecuteDeleteAsync(ct);
        }

        await BulkInsert.InsertAsync(db, stamper.Stamp(records), ct);
        await BulkInsert.InsertAsync(db, bonds, ct);
    }

    /// <summary>The rows in date order against the register and the rows before them; the records to write when nothing fails.</summary>
    private async Task<List<MarriageRecord>> CheckAgainstRegisterAsync(List<Row> rows, ImportErrorList errors, CancellationToken ct)
    {
        const string Reason = "补录 checks the whole register: a person may have married at any registry (全国通办)";
        var (bonded, existing) = (new Dictionary<string, Guid>(StringComparer.Ordinal), new List<MarriageRecord>());
        foreach (var chunk in rows.SelectMany(r => new[] { r.IndexA, r.IndexB }).Distinct().Chunk(ImportLimits.LookupChunk))
        {
            foreach (var b in await db.MarriageBonds.AsNoTracking().Where(b => chunk.Contains(b.PersonIndex)).ToListAsync(ct))
            {
                bonded[b.PersonIndex] = b.MarriageId;
            }
        }

        foreach (var chunk in rows.Select(r => r.Couple).Distinct().Chunk(ImportLimits.LookupChunk))
        {
            existing.AddRange(await db.MarriageRecords.AcrossRegions(Reason).AsNoTracking()
                .Where(r => chunk.Contains(r.CoupleKey) && (r.Kind == MarriageRecordKind.Marriage || r.Kind == MarriageRecordKind.Divorce)).ToListAsync(ct));
        }

        // Lookups by key, never scans: the file may hold hundreds of thousands of rows.
        var registered = existing.Select(e => (e.Kind, e.CoupleKey, e.Date)).ToHashSet();
        var marriages = existing.Where(e => e.Kind == MarriageRecordKind.Marriage).ToDictionary(e => e.Id);
        var records = new List<MarriageRecord>();
        foreach (var r in rows.OrderBy(r => r.Date).ThenBy(r => r.Number))
        {
            if (registered.Contains((r.Kind, r.Couple, r.Date)))
            {
                errors.Add(new ImportError(r.Number, "登记日期", $"双方同一日期的{(r.Kind == MarriageRecordKind.Marriage ? "结婚" : "离婚")}登记已在登记簿中或在本文件中重复"));
                continue;
            }

            MarriageRecord record;
            if (r.Kind == MarriageRecordKind.Marriage)
            {
                var married = new[] { (r.A, r.IndexA, "一方身份证号"), (r.B, r.IndexB, "另一方身份证号") }.Where(p => bonded.ContainsKey(p.Item2)).ToList();
                foreach (var (party, _, column) in married)
                {
                    errors.Add(new ImportError(r.Number, column, $"{party.Name}在婚姻登记中（含本文件此前各行）已有配偶，未登记离婚，不能再登记结婚"));
                }

                if (married.Count > 0)
                {
                    continue;
                }

                record = registry.NewRecord(MarriageRecordKind.Marriage, r.Date, r.A, r.B, r.IndexA, r.IndexB, r.Couple);
                record.RegionCode = r.RegionCode;
                (bonded[r.IndexA], bonded[r.IndexB]) = (record.Id, record.Id);
                marriages[record.Id] = record;
            }
            else
            {
                var marriage = bonded.TryGetValue(r.IndexA, out var ofA) && bonded.TryGetValue(r.IndexB, out var ofB) && ofA == ofB
                    && marriages.TryGetValue(ofA, out var bond) && bond.Date <= r.Date
                    ? bond
                    : null;
                if (marriage is null)
                {
                    errors.Add(new ImportError(r.Number, "登记种类", "婚姻登记中（含本文件此前各行）没有双方在该日期仍然有效的结婚登记，不能补录离婚"));
                    continue;
                }

                record = MarriageRecord.About(marriage, MarriageRecordKind.Divorce, r.Date, r.RegionCode);
                (record.PartyAName, record.PartyBName) = marriage.PartyAIdIndex == r.IndexA ? (r.A.Name, r.B.Name) : (r.B.Name, r.A.Name);
                bonded.Remove(r.IndexA);
                bonded.Remove(r.IndexB);
            }

            (record.CertificateNumber, record.Historical) = (r.Certificate, true);
            records.Add(record);
            registered.Add((r.Kind, r.Couple, r.Date));
        }

        return records;
    }

    private (List<Row> Rows, int Total) Read(byte[] content, string fileName, ImportErrorList errors)
    {
        var (today, rows, total) = (clock.Today(), new List<Row>(), 0);
        foreach (var (number, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, configuration.MaxImportRows(), HistoricalPartyCells.OptionalHeaders))
        {
            total++;
            string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
            var before = errors.Count;
            void Fail(string column, string message) => errors.Add(new ImportError(number, column, message));
            if (TextRules.FirstForbiddenCell(cells) is { } bad)
            {
                Fail(bad.Column < Headers.Length ? Headers[bad.Column] : HistoricalPartyCells.OptionalHeaders[Math.Min(bad.Column - Headers.Length, HistoricalPartyCells.OptionalHeaders.Length - 1)],
                    bad.Message);
                continue;
            }

            MarriageRecordKind? kind = Cell(0) switch { "结婚" => MarriageRecordKind.Marriage, "离婚" => MarriageRecordKind.Divorce, _ => null };
            if (kind is null)
            {
                Fail("登记种类", "应为“结婚”或“离婚”");
            }

            if (!InputValues.TryParseDate(Cell(1), out var date) || !InputValues.IsSaneDate(date))
            {
                Fail("登记日期", "应为日期，如 1998-10-01、1998/10/01 或 1998年10月1日");
            }
            else if (date > today)
            {
                Fail("登记日期", "不能晚于今天");
            }

            var certificate = Cell(2);
            if (certificate.Length is 0 or > 64)
            {
                Fail("证件字号", certificate.Length == 0 ? "请填写原证件字号" : "不能超过64个字");
            }

            var parties = new[] { 0, 1 }.Select(i => HistoricalPartyCells.Read(Cell, i, Headers, today, Fail)).OfType<ValidParty>().ToList();
            if (parties.Count == 2 && parties[0].Id.IndexInput == parties[1].Id.IndexInput)
            {
                Fail("另一方身份证号", "与一方的证件号码相同");
            }
            else if (parties.Count == 2 && kind == MarriageRecordKind.Marriage && parties[0].Id.Gender == parties[1].Id.Gender)
            {
                Fail("另一方身份证号", "双方性别相同");
            }

            var region = Cell(7).Length == 0 ? scope.RegionCode() : Cell(7);
            if (!RegionCode.IsValid(region) || !region.StartsWith(scope.Prefix, StringComparison.Ordinal))
            {
                Fail("登记机关区划代码", "应为本人管辖范围内的12位区划代码（留空为本人所在区划）");
            }

            if (errors.Count == before)
            {
                rows.Add(new Row(number, kind!.Value, date, certificate, parties[0], parties[1], region));
            }
        }

        return (rows, total);
    }
}
