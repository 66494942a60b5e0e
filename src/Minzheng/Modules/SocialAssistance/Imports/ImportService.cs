using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <param name="Errors">The first errors (<c>Imports:ShownErrors</c>, 200); <paramref name="ErrorCount"/> counts them all and
/// <paramref name="ErrorReport"/> downloads them all.</param>
public sealed record StagedImport(Guid Id, int TotalRows, int ValidRows, IReadOnlyList<ImportError> Errors, int ErrorCount, string? ErrorSummary,
    IReadOnlyDictionary<string, int> ErrorsByColumn, string? ErrorReport)
{
    public static StagedImport Of(Guid id, int totalRows, int validRows, ImportErrorList errors, int shown) => new(id, totalRows, validRows,
        errors.Take(shown).ToList(), errors.Count, ImportErrorList.Summary(errors.Count, shown), errors.ByColumn(),
        errors.Count > 0 ? $"/api/v1/imports/{id}/errors.csv" : null);
}

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
    IConfiguration configuration, MemberRosterImport memberRoster, RosterValidation rosterValidation, AssistanceRosterWriter rosterWriter,
    Verification.DeathRecordImport deathImport, Verification.CheckListImport checkLists, RowStamper stamper, UploadReader uploads)
{
    private int MaxRows => configuration.MaxImportRows();

    private int MaxErrors => configuration.MaxImportErrors();

    public int ShownErrors => configuration.ShownImportErrors();

    /// <summary>Stages an uploaded file (API or page); an empty or over-size upload is refused like an unreadable file.</summary>
    public static readonly string[] Kinds =
        [AssistanceRoster.Kind, MemberRoster.Kind, Verification.DeathRecordImport.Kind, Verification.CheckListImport.EconomicKind, Verification.CheckListImport.RelativesKind];

    public async Task<StagedImport> StageUploadAsync(string kind, IFormFile? file, CancellationToken ct) =>
        await StageAsync(kind, file?.FileName ?? "", await uploads.ReadAsync(file, ct), ct);

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
            // The whole list (at most Imports:MaxErrors): what the error report downloads.
            ErrorsJson = JsonSerializer.Serialize(errors, AuditJson.Options),
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return StagedImport.Of(batch.Id, total, validRows, errors, ShownErrors);
    }

    private async Task<(int ValidRows, ImportErrorList Errors, int Total)> ValidateRosterAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var errors = new ImportErrorList(MaxErrors);
        var (valid, total) = await rosterValidation.ValidateAsync(fileName, content, clock.Today(), errors, onChunk: null, ct);
        return (valid, errors, total);
    }

    /// <summary>Verification lists: each line kept as evidence and matched against the registry.</summary>
    private static readonly string[] CheckListKinds = [Verification.DeathRecordImport.Kind, Verification.CheckListImport.EconomicKind, Verification.CheckListImport.RelativesKind];

    private async Task<(int ValidRows, ImportErrorList Errors, int Total)> CountCheckListAsync(string kind, string fileName, byte[] content, CancellationToken ct)
    {
        var (rows, errors, total) = await ValidateCheckListAsync(kind, fileName, content, ct);
        return (rows.Count, errors, total);
    }

    /// <summary>Death, economic and relatives lists: the valid rows (a typed list per kind) with the errors.</summary>
    private async Task<(System.Collections.IList Rows, ImportErrorList Errors, int Total)> ValidateCheckListAsync(string kind, string fileName, byte[] content,
        CancellationToken ct)
    {
        var today = clock.Today();
        switch (kind)
        {
            case Verification.DeathRecordImport.Kind:
                var deaths = Verification.DeathRecordImport.Validate(content, fileName, MaxRows, MaxErrors, today);
                return (deaths.Rows, deaths.Errors, deaths.Total);
            case Verification.CheckListImport.EconomicKind:
                var economic = Verification.CheckListImport.ValidateEconomic(content, fileName, MaxRows, MaxErrors, today);
                return (economic.Rows, economic.Errors, economic.Total);
            default:
                var relatives = await checkLists.ValidateRelativesAsync(content, fileName, MaxRows, MaxErrors, today, ct);
                return (relatives.Rows, relatives.Errors, relatives.Total);
        }
    }

    private async Task<(int ValidRows, ImportErrorList Errors, int Total)> ValidateMembersAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var check = await memberRoster.ValidateAsync(content, fileName, clock.Today(), ct);
        return (check.ValidRows, check.Errors, check.Total);
    }

    /// <summary>A batch of the caller's region (the first errors and the counts); null when none.</summary>
    public async Task<StagedImport?> GetAsync(Guid id, CancellationToken ct) =>
        await GetErrorsAsync(id, ct) is { } found ? StagedImport.Of(id, found.TotalRows, found.ValidRows, found.Errors, ShownErrors) : null;

    /// <summary>All the errors staging found in a batch of the caller's region (the report); null when no such batch.</summary>
    public async Task<(int TotalRows, int ValidRows, ImportErrorList Errors)?> GetErrorsAsync(Guid id, CancellationToken ct)
    {
        // Not the file: only the counts and the stored errors.
        var b = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.TotalRows, b.ValidRows, b.ErrorsJson }).SingleOrDefaultAsync(ct);
        if (b is null)
        {
            return null;
        }

        // Batches staged before the cap may hold more than the limit: the list takes them all.
        var errors = new ImportErrorList(int.MaxValue);
        foreach (var e in JsonSerializer.Deserialize<List<ImportError>>(b.ErrorsJson, AuditJson.Options) ?? [])
        {
            errors.Add(e);
        }

        return (b.TotalRows, b.ValidRows, errors);
    }

    /// <returns>For a death list, <c>Matched</c> counts the records whose person is in an active enrolment (DESIGN §5).</returns>
    public async Task<(CommitOutcome Outcome, int Imported, ImportErrorList Errors, int? Matched)> CommitAsync(Guid id, bool skipInvalid, CancellationToken ct)
    {
        try
        {
            return await TryCommitAsync(id, skipInvalid, ct);
        }
        catch (TooManyImportErrorsException ex)
        {
            // The data changed since staging (e.g. the same roster imported meanwhile): refused like any invalid file.
            return (CommitOutcome.Invalid, 0, ex.Errors, null);
        }
    }

    private async Task<(CommitOutcome Outcome, int Imported, ImportErrorList Errors, int? Matched)> TryCommitAsync(Guid id, bool skipInvalid, CancellationToken ct)
    {
        // Everything but the file (which is read on its own, see ImportBatchContent); not tracked: completion is one
        // conditional update.
        var batch = await db.ImportBatches.Where(b => b.Id == id)
            .Select(b => new ImportBatch { Id = b.Id, RegionCode = b.RegionCode, Kind = b.Kind, FileName = b.FileName, FileSha256 = b.FileSha256, Status = b.Status, Imported = b.Imported })
            .SingleOrDefaultAsync(ct);
        if (batch is null)
        {
            return (CommitOutcome.NotFound, 0, new ImportErrorList(), null);
        }

        if (batch.Status == ImportStatus.Committed)
        {
            return (CommitOutcome.AlreadyCommitted, batch.Imported, new ImportErrorList(), null);
        }

        var content = protector.DecryptBytes(await ImportBatchContent.ReadAsync(db, id, ct), DataPurpose.ImportFile);
        if (batch.Kind == MemberRoster.Kind)
        {
            var check = await memberRoster.ValidateAsync(content, batch.FileName, clock.Today(), ct);
            if (check.Errors.Count > 0 && !skipInvalid)
            {
                return (CommitOutcome.Invalid, 0, check.Errors, null);
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (persons, households) = await memberRoster.WriteAsync(content, batch.FileName, check, stamper.Stamp, clock.Today(), ct);
            await CompleteAsync(batch, persons, check.Errors.Count, new { persons, households }, ct);
            await tx.CommitAsync(ct);
            return (CommitOutcome.Committed, persons, check.Errors, null);
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
                List<Verification.DeathRow> deaths => (await deathImport.WriteAsync(batch.Id, deaths, ct)).Matched,
                List<Verification.EconomicRow> economic => await checkLists.WriteEconomicAsync(batch.Id, economic, ct),
                _ => await checkLists.WriteRelativesAsync(batch.Id, (List<Verification.RelativeRow>)valid, ct),
            };
            await CompleteAsync(batch, valid.Count, listErrors.Count, new { matched }, ct);
            await tx.CommitAsync(ct);
            return (CommitOutcome.Committed, valid.Count, listErrors, matched);
        }

        return await CommitRosterAsync(batch, content, skipInvalid, ct);
    }

    /// <summary>
    /// Validates and writes chunk by chunk in one transaction, so memory is that of a chunk and later chunks are checked
    /// against the persons earlier ones created. Once a row fails (without skipInvalid) nothing more is written, the
    /// rest is still checked for the full error list, and the transaction is rolled back: nothing partial.
    /// </summary>
    private async Task<(CommitOutcome, int, ImportErrorList, int?)> CommitRosterAsync(ImportBatch batch, byte[] content, bool skipInvalid,
        CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new ImportErrorList(MaxErrors);
        var (persons, households) = (0, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (valid, _) = await rosterValidation.ValidateAsync(batch.FileName, content, today, errors, async chunk =>
        {
            if (errors.Count == 0 || skipInvalid)
            {
                var written = await rosterWriter.WriteAsync(batch.Id, chunk, stamper.Stamp, today, ct);
                (persons, households) = (persons + written.Persons, households + written.Households);
            }
        }, ct);
        if (errors.Count > 0 && !skipInvalid)
        {
            return (CommitOutcome.Invalid, 0, errors, null);
        }

        await CompleteAsync(batch, valid, errors.Count, new { persons, households }, ct);
        await tx.CommitAsync(ct);
        return (CommitOutcome.Committed, valid, errors, null);
    }

    /// <summary>
    /// Marks the batch committed and audits it as one entry, in the caller's transaction. Only a batch still staged is
    /// marked: a second commit of the same batch running at the same time finds none and is refused, so it rolls back.
    /// </summary>
    private async Task CompleteAsync(ImportBatch batch, int imported, int skipped, object counts, CancellationToken ct)
    {
        var (now, actor) = (clock.GetUtcNow(), stamper.Actor);
        var marked = await db.ImportBatches.Where(b => b.Id == batch.Id && b.Status == ImportStatus.Staged).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, ImportStatus.Committed).SetProperty(b => b.Imported, imported)
            .SetProperty(b => b.UpdatedAt, now).SetProperty(b => b.UpdatedBy, actor), ct);
        if (marked == 0)
        {
            throw new DbUpdateConcurrencyException("数据已被他人修改，请刷新后重试：该批次已被确认导入");
        }

        audit.Add(AuditActions.ImportCommitted, entityType: nameof(ImportBatch), entityId: batch.Id.ToString(), regionCode: batch.RegionCode,
            details: new { batch.FileName, batch.FileSha256, imported, skipped, batch.Kind, counts });
        await db.SaveChangesAsync(ct);
    }
}
