using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Features.Enrollments;
using Minzheng.Features.Registry;
using Minzheng.Infrastructure.Auditing;
using Minzheng.Infrastructure.Calendar;
using Minzheng.Infrastructure.Database;
using Minzheng.Infrastructure.Privacy;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Features.Imports;

public sealed record StagedImport(Guid Id, int TotalRows, int ValidRows, IReadOnlyList<ImportError> Errors);

public enum CommitOutcome
{
    Committed,
    NotFound,
    AlreadyCommitted,
    Invalid,
}

/// <summary>
/// Stage → validate → commit of assistance rosters. Staging keeps the encrypted file and reports every problem by row and
/// column; committing validates again against the data as it is then and writes persons, households and enrolments for
/// all rows in one transaction — or nothing.
/// </summary>
public sealed class ImportService(MinzhengDbContext db, PersonalDataProtector protector, IRegionScope scope, AuditLog audit, TimeProvider clock,
    IConfiguration configuration, MemberRosterImport memberRoster, AssistanceRosterWriter rosterWriter,
    Verification.DeathRecordImport deathImport, Verification.CheckListImport checkLists, RowStamper stamper)
{
    private const int LookupChunk = 2000;

    private int MaxRows => configuration.GetValue("Imports:MaxRows", 1_000_000);

    /// <summary>Stages an uploaded file (API or page); an empty or over-size upload is refused like an unreadable file.</summary>
    public static readonly string[] Kinds =
        [AssistanceRoster.Kind, MemberRoster.Kind, Verification.DeathRecordImport.Kind, Verification.CheckListImport.EconomicKind, Verification.CheckListImport.RelativesKind];

    public async Task<StagedImport> StageUploadAsync(string kind, IFormFile? file, CancellationToken ct) =>
        await StageAsync(kind, file?.FileName ?? "", await ReadUploadAsync(file, ct), ct);

    /// <summary>An uploaded spreadsheet (roster, bank return file …), refused when missing, empty or over the size limit.</summary>
    public static async Task<byte[]> ReadUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw new UnreadableFileException("请上传 .xlsx 或 .csv 文件（表单字段 file）");
        }

        if (file.Length > Infrastructure.Hosting.MinzhengHost.MaxRequestBytes)
        {
            throw new UnreadableFileException("文件超过50MB，请分批导入");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public async Task<StagedImport> StageAsync(string kind, string fileName, byte[] content, CancellationToken ct)
    {
        var (validRows, errors, total) = kind switch
        {
            MemberRoster.Kind => await ValidateMembersAsync(fileName, content, ct),
            _ when CheckListKinds.Contains(kind) => await CountCheckListAsync(kind, fileName, content, ct),
            _ => await ValidateRosterAsync(fileName, content, ct),
        };
        var batch = new ImportBatch
        {
            RegionCode = scope.RegionCode(),
            Kind = kind,
            FileName = Path.GetFileName(fileName)[..Math.Min(200, Path.GetFileName(fileName).Length)],
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = protector.EncryptBytes(content, DataPurpose.ImportFile),
            TotalRows = total,
            ValidRows = validRows,
            ErrorsJson = JsonSerializer.Serialize(errors, AuditJson.Options),
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return new StagedImport(batch.Id, total, validRows, errors);
    }

    private async Task<(int ValidRows, List<ImportError> Errors, int Total)> ValidateRosterAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (rows, errors, total, _) = await ValidateAsync(fileName, content, ct);
        return (rows.Count, errors, total);
    }

    /// <summary>Verification lists: each line kept as evidence and matched against the registry.</summary>
    private static readonly string[] CheckListKinds = [Verification.DeathRecordImport.Kind, Verification.CheckListImport.EconomicKind, Verification.CheckListImport.RelativesKind];

    private async Task<(int ValidRows, List<ImportError> Errors, int Total)> CountCheckListAsync(string kind, string fileName, byte[] content, CancellationToken ct)
    {
        var (rows, errors, total) = await ValidateCheckListAsync(kind, fileName, content, ct);
        return (rows.Count, errors, total);
    }

    /// <summary>Death, economic and relatives lists: the valid rows (a typed list per kind) with the errors.</summary>
    private async Task<(System.Collections.IList Rows, List<ImportError> Errors, int Total)> ValidateCheckListAsync(string kind, string fileName, byte[] content,
        CancellationToken ct)
    {
        var today = clock.Today();
        switch (kind)
        {
            case Verification.DeathRecordImport.Kind:
                var deaths = Verification.DeathRecordImport.Validate(content, fileName, MaxRows, today);
                return (deaths.Rows, deaths.Errors, deaths.Total);
            case Verification.CheckListImport.EconomicKind:
                var economic = Verification.CheckListImport.ValidateEconomic(content, fileName, MaxRows, today);
                return (economic.Rows, economic.Errors, economic.Total);
            default:
                var relatives = await checkLists.ValidateRelativesAsync(content, fileName, MaxRows, today, ct);
                return (relatives.Rows, relatives.Errors, relatives.Total);
        }
    }

    private async Task<(int ValidRows, List<ImportError> Errors, int Total)> ValidateMembersAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (groups, errors, total) = await memberRoster.ValidateAsync(content, fileName, MaxRows, clock.Today(), ct);
        return (groups.Sum(g => g.Rows.Count), errors, total);
    }

    public async Task<StagedImport?> GetAsync(Guid id, CancellationToken ct) =>
        await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is { } b
            ? new StagedImport(b.Id, b.TotalRows, b.ValidRows, JsonSerializer.Deserialize<List<ImportError>>(b.ErrorsJson) ?? [])
            : null;

    /// <returns>For a death list, <c>Matched</c> counts the records whose person is in an active enrolment (DESIGN §5).</returns>
    public async Task<(CommitOutcome Outcome, int Imported, IReadOnlyList<ImportError> Errors, int? Matched)> CommitAsync(Guid id, bool skipInvalid, CancellationToken ct)
    {
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return (CommitOutcome.NotFound, 0, [], null);
        }

        if (batch.Status == ImportStatus.Committed)
        {
            return (CommitOutcome.AlreadyCommitted, batch.Imported, [], null);
        }

        var content = protector.DecryptBytes(batch.Content, DataPurpose.ImportFile);
        if (batch.Kind == MemberRoster.Kind)
        {
            var (groups, memberErrors, _) = await memberRoster.ValidateAsync(content, batch.FileName, MaxRows, clock.Today(), ct);
            if (memberErrors.Count > 0 && !skipInvalid)
            {
                return (CommitOutcome.Invalid, 0, memberErrors, null);
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (persons, households) = await memberRoster.WriteAsync(groups, stamper.Stamp, clock.Today(), ct);
            await CompleteAsync(batch, persons, memberErrors.Count, new { persons, households }, ct);
            await tx.CommitAsync(ct);
            return (CommitOutcome.Committed, persons, memberErrors, null);
        }

        if (CheckListKinds.Contains(batch.Kind))
        {
            var (valid, listErrors, _) = await ValidateCheckListAsync(batch.Kind, batch.FileName, content, ct);
            if (listErrors.Count > 0 && !skipInvalid)
            {
                return (CommitOutcome.Invalid, 0, listErrors, null);
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var matched = valid switch
            {
                List<Verification.DeathRow> deaths => await deathImport.WriteAsync(batch.Id, deaths, ct),
                List<Verification.EconomicRow> economic => await checkLists.WriteEconomicAsync(batch.Id, economic, ct),
                _ => await checkLists.WriteRelativesAsync(batch.Id, (List<Verification.RelativeRow>)valid, ct),
            };
            await CompleteAsync(batch, valid.Count, listErrors.Count, new { matched }, ct);
            await tx.CommitAsync(ct);
            return (CommitOutcome.Committed, valid.Count, listErrors, matched);
        }

        var (rows, errors, _, known) = await ValidateAsync(batch.FileName, content, ct);
        if (errors.Count > 0 && !skipInvalid)
        {
            return (CommitOutcome.Invalid, 0, errors, null);
        }

        await WriteAsync(batch, rows, errors.Count, known, ct);

        return (CommitOutcome.Committed, rows.Count, errors, null);
    }

    /// <summary>Marks the batch committed and audits it as one entry, in the caller's transaction.</summary>
    private async Task CompleteAsync(ImportBatch batch, int imported, int skipped, object counts, CancellationToken ct)
    {
        batch.Status = ImportStatus.Committed;
        batch.Imported = imported;
        audit.Add(AuditActions.ImportCommitted, entityType: nameof(ImportBatch), entityId: batch.Id.ToString(), regionCode: batch.RegionCode,
            details: new { batch.FileName, batch.FileSha256, imported, skipped, batch.Kind, counts });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Writes all rows in one transaction; a failure anywhere rolls everything back. The batch is audited as one entry.</summary>
    private async Task WriteAsync(ImportBatch batch, List<RosterRow> rows, int skipped, Dictionary<string, Guid> known, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (persons, households) = await rosterWriter.WriteAsync(batch.Id, rows, known, stamper.Stamp, clock.Today(), ct);
        await CompleteAsync(batch, rows.Count, skipped, new { persons, households }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Reads and checks every row: each on its own, then against the file and the database.</summary>
    private async Task<(List<RosterRow> Rows, List<ImportError> Errors, int Total, Dictionary<string, Guid> Known)> ValidateAsync(
        string fileName, byte[] content, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new List<ImportError>();
        var rows = new List<RosterRow>();
        var total = 0;
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, AssistanceRoster.Headers, MaxRows))
        {
            total++;
            if (AssistanceRoster.Validate(row, cells, today, errors) is { } valid)
            {
                rows.Add(valid);
            }
        }

        var known = new Dictionary<string, Guid>();
        return (await CheckAgainstDataAsync(rows, errors, known, ct), errors, total, known);
    }

    /// <param name="known">Filled with the persons of the roster already in the registry (blind index → person id).</param>
    private async Task<List<RosterRow>> CheckAgainstDataAsync(List<RosterRow> rows, List<ImportError> errors, Dictionary<string, Guid> known, CancellationToken ct)
    {
        var prefix = scope.Prefix;
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var regions = (await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        // HMAC per row is the bulk of the CPU work here: spread it over the cores.
        var indexes = new string[rows.Count];
        Parallel.For(0, rows.Count, i => indexes[i] = protector.BlindIndex(rows[i].HeadId.Value, DataPurpose.IdNumber));
        var byIndex = new Dictionary<string, (Guid Id, string RegionCode, DateOnly? DeathDate)>();
        var enrolled = new HashSet<(Guid, string)>();
        foreach (var chunk in indexes.Distinct().Chunk(LookupChunk))
        {
            var persons = await db.Persons.IgnoreQueryFilters([MinzhengDbContext.RegionFilter]).Where(p => chunk.Contains(p.IdNumberIndex))
                .Select(p => new { p.Id, p.IdNumberIndex, p.RegionCode, p.DeathDate }).ToListAsync(ct);
            persons.ForEach(p => (byIndex[p.IdNumberIndex], known[p.IdNumberIndex]) = ((p.Id, p.RegionCode, p.DeathDate), p.Id));
            var personIds = persons.Select(p => p.Id).ToList();
            var active = await db.Enrollments.IgnoreQueryFilters([MinzhengDbContext.RegionFilter])
                .Where(e => personIds.Contains(e.PersonId) && e.Status == EnrollmentStatus.Active)
                .Select(e => new { e.PersonId, e.Program }).ToListAsync(ct);
            active.ForEach(e => enrolled.Add((e.PersonId, e.Program)));
        }

        var seen = new Dictionary<(string, string), int>();
        var valid = new List<RosterRow>();
        foreach (var (r, index) in rows.Zip(indexes))
        {
            string? problem = null;
            var column = "户主身份证号";
            if (!r.RegionCode.StartsWith(prefix, StringComparison.Ordinal))
            {
                (problem, column) = ($"区划“{r.RegionCode}”不在您的管辖范围内", "区划代码");
            }
            else if (!regions.Contains(r.RegionCode))
            {
                (problem, column) = ($"区划“{r.RegionCode}”不存在", "区划代码");
            }
            else if (seen.TryGetValue((index, r.Program.Code), out var first))
            {
                problem = $"身份证号 {r.HeadId.Masked} 与第{first}行重复（同一保障类别）";
            }
            else if (byIndex.TryGetValue(index, out var person) && !person.RegionCode.StartsWith(prefix, StringComparison.Ordinal))
            {
                problem = $"身份证号 {r.HeadId.Masked} 已在其他区划登记，请由该区划办理";
            }
            else if (byIndex.TryGetValue(index, out person) && person.DeathDate is { } died)
            {
                problem = $"身份证号 {r.HeadId.Masked} 已于 {died:yyyy-MM-dd} 登记死亡，不能纳入保障";
            }
            else if (byIndex.TryGetValue(index, out person) && enrolled.Contains((person.Id, r.Program.Code)))
            {
                problem = $"身份证号 {r.HeadId.Masked} 已在“{r.Program.Name}”中保障，不能重复纳入";
            }

            seen.TryAdd((index, r.Program.Code), r.Row);
            if (problem is null)
            {
                valid.Add(r with { Index = index });
            }
            else
            {
                errors.Add(new ImportError(r.Row, column, $"第{r.Row}行“{column}”：{problem}"));
            }
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return valid;
    }

}
