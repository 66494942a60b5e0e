using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Imports;

/// <param name="Errors">The first errors (<c>Imports:ShownErrors</c>, 200); <paramref name="ErrorCount"/> counts them all and
/// <paramref name="ErrorReport"/> downloads them all.</param>
public sealed record StagedImport(Guid Id, string Kind, int TotalRows, int ValidRows, IReadOnlyList<ImportError> Errors, int ErrorCount,
    string? ErrorSummary, IReadOnlyDictionary<string, int> ErrorsByColumn, string? ErrorReport)
{
    public static StagedImport Of(Guid id, string kind, int totalRows, int validRows, ImportErrorList errors, int shown) => new(id, kind, totalRows,
        validRows, errors.Take(shown).ToList(), errors.Count, ImportErrorList.Summary(errors.Count, shown), errors.ByColumn(),
        errors.Count > 0 ? $"/api/v1/imports/{id}/errors.csv" : null);
}

public enum CommitOutcome
{
    Committed,
    NotFound,
    AlreadyCommitted,
    Invalid,
}

public sealed record CommitResult(CommitOutcome Outcome, int Imported, ImportErrorList Errors, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>A list matched against the register (deaths): how many of its persons matched.</summary>
    public int? Matched => Counts.TryGetValue("matched", out var matched) ? matched : null;
}

/// <summary>
/// Stage → check → commit of every module's spreadsheets (<see cref="IImportKind"/>). Staging keeps the encrypted file
/// and every problem by row and column and writes nothing else; committing checks the file again against the data as
/// it is then and writes all rows in one transaction — or nothing (with <c>skipInvalid</c>, the valid rows only).
/// A batch is seen only in the uploader's region subtree and only by users who hold its kind's policy.
/// </summary>
public sealed class StagedImports(MinzhengDbContext db, IEnumerable<IImportKind> kinds, PersonalDataProtector protector, IRegionScope scope,
    AuditLog audit, TimeProvider clock, IConfiguration configuration, RowStamper stamper, UploadReader uploads, IAuthorizationService authorization)
{
    private readonly Dictionary<string, IImportKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);
    private (ClaimsPrincipal User, IReadOnlySet<string> Kinds)? _allowed;

    public int ShownErrors => configuration.ShownImportErrors();

    public IImportKind? Find(string? kind) => kind is not null && _kinds.TryGetValue(kind, out var found) ? found : null;

    /// <summary>The kinds whose policy the user holds: the batches they may stage, read and commit.</summary>
    /// <remarks>Remembered for the request (this service is scoped): the group's policy and the handler both ask.</remarks>
    public async Task<IReadOnlySet<string>> KindsOfAsync(ClaimsPrincipal user)
    {
        if (_allowed is { } known && ReferenceEquals(known.User, user))
        {
            return known.Kinds;
        }

        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in _kinds.Values)
        {
            if ((await authorization.AuthorizeAsync(user, kind.Policy)).Succeeded)
            {
                allowed.Add(kind.Kind);
            }
        }

        _allowed = (user, allowed);
        return allowed;
    }

    /// <summary>Stages an uploaded file (API or page); an empty or over-size upload is refused like an unreadable file.</summary>
    public async Task<StagedImport> StageUploadAsync(IImportKind kind, IFormFile? file, CancellationToken ct) =>
        await StageAsync(kind, file?.FileName ?? "", await uploads.ReadAsync(file, ct), ct);

    /// <summary>Stages a file the server made (demo data, benches) of a registered kind.</summary>
    public Task<StagedImport> StageAsync(string kind, string fileName, byte[] content, CancellationToken ct) =>
        StageAsync(Find(kind) ?? throw new ArgumentException($"No import kind {kind}", nameof(kind)), fileName, content, ct);

    /// <exception cref="UnreadableFileException">The file cannot be read or lacks the headers (nothing is stored).</exception>
    public async Task<StagedImport> StageAsync(IImportKind kind, string fileName, byte[] content, CancellationToken ct)
    {
        var check = await kind.CheckAsync(fileName, content, ct);
        var name = Path.GetFileName(fileName);
        var batch = new ImportBatch
        {
            RegionCode = scope.RegionCode(),
            Kind = kind.Kind,
            FileName = name[..Math.Min(200, name.Length)],
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = protector.EncryptBytes(content, DataPurpose.ImportFile),
            TotalRows = check.TotalRows,
            ValidRows = check.ValidRows,
            // The whole list (at most Imports:MaxErrors): what the error report downloads.
            ErrorsJson = JsonSerializer.Serialize(check.Errors, AuditJson.Options),
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return StagedImport.Of(batch.Id, kind.Kind, check.TotalRows, check.ValidRows, check.Errors, ShownErrors);
    }

    /// <summary>A batch of the caller's region and of one of <paramref name="allowed"/> kinds (the first errors and the counts); null when none.</summary>
    public async Task<StagedImport?> GetAsync(Guid id, IReadOnlySet<string> allowed, CancellationToken ct) =>
        await GetErrorsAsync(id, allowed, ct) is { } found
            ? StagedImport.Of(id, found.Kind, found.TotalRows, found.ValidRows, found.Errors, ShownErrors)
            : null;

    /// <summary>All the errors staging found in a batch (the report); null when no such batch for the caller.</summary>
    public async Task<(string Kind, int TotalRows, int ValidRows, ImportErrorList Errors)?> GetErrorsAsync(Guid id, IReadOnlySet<string> allowed,
        CancellationToken ct)
    {
        // Not the file: only the counts and the stored errors.
        var b = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.Kind, b.TotalRows, b.ValidRows, b.ErrorsJson }).SingleOrDefaultAsync(ct);
        if (b is null || !allowed.Contains(b.Kind))
        {
            return null;
        }

        // Batches staged before the cap may hold more than the limit: the list takes them all.
        var errors = new ImportErrorList(int.MaxValue);
        foreach (var e in JsonSerializer.Deserialize<List<ImportError>>(b.ErrorsJson, AuditJson.Options) ?? [])
        {
            errors.Add(e);
        }

        return (b.Kind, b.TotalRows, b.ValidRows, errors);
    }

    /// <summary>Commits a batch the server staged itself (demo data, benches): all rows or none.</summary>
    public Task<CommitResult> CommitAsync(StagedImport staged, CancellationToken ct) =>
        CommitAsync(staged.Id, new HashSet<string>(StringComparer.Ordinal) { staged.Kind }, skipInvalid: false, ct);

    public async Task<CommitResult> CommitAsync(Guid id, IReadOnlySet<string> allowed, bool skipInvalid, CancellationToken ct)
    {
        try
        {
            return await TryCommitAsync(id, allowed, skipInvalid, ct);
        }
        catch (TooManyImportErrorsException ex)
        {
            // The data changed since staging (e.g. the same roster imported meanwhile): refused like any invalid file.
            return new CommitResult(CommitOutcome.Invalid, 0, ex.Errors, Empty);
        }
    }

    private static readonly IReadOnlyDictionary<string, int> Empty = new Dictionary<string, int>();

    private async Task<CommitResult> TryCommitAsync(Guid id, IReadOnlySet<string> allowed, bool skipInvalid, CancellationToken ct)
    {
        // Everything but the file (which is read on its own, see ImportBatchContent).
        var batch = await db.ImportBatches.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.RegionCode, b.Kind, b.FileName, b.FileSha256, b.Status, b.Imported }).SingleOrDefaultAsync(ct);
        if (batch is null || !allowed.Contains(batch.Kind) || Find(batch.Kind) is not { } kind)
        {
            return new CommitResult(CommitOutcome.NotFound, 0, new ImportErrorList(), Empty);
        }

        if (batch.Status == ImportStatus.Committed)
        {
            return new CommitResult(CommitOutcome.AlreadyCommitted, batch.Imported, new ImportErrorList(), Empty);
        }

        var content = protector.DecryptBytes(await ImportBatchContent.ReadAsync(db, id, ct), DataPurpose.ImportFile);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var written = await kind.WriteAsync(id, batch.FileName, content, skipInvalid, ct);
        if (written.Errors.Count > 0 && !skipInvalid)
        {
            // Disposing the transaction uncommitted undoes whatever the kind wrote before it found the errors.
            return new CommitResult(CommitOutcome.Invalid, 0, written.Errors, Empty);
        }

        await MarkCommittedAsync(id, written.Imported, ct);
        audit.Add(AuditActions.ImportCommitted, entityType: nameof(ImportBatch), entityId: id.ToString(), regionCode: batch.RegionCode, details: new
        {
            batch.FileName,
            batch.FileSha256,
            imported = written.Imported,
            skipped = written.Errors.Count,
            batch.Kind,
            counts = written.Counts,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CommitResult(CommitOutcome.Committed, written.Imported, written.Errors, written.Counts);
    }

    /// <summary>
    /// Marks the batch committed, in the caller's transaction. Only a batch still staged is marked: a second commit of
    /// the same batch running at the same time finds none and is refused, so it rolls back.
    /// </summary>
    private async Task MarkCommittedAsync(Guid id, int imported, CancellationToken ct)
    {
        var (now, actor) = (clock.GetUtcNow(), stamper.Actor);
        var marked = await db.ImportBatches.Where(b => b.Id == id && b.Status == ImportStatus.Staged).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.Status, ImportStatus.Committed).SetProperty(b => b.Imported, imported)
            .SetProperty(b => b.UpdatedAt, now).SetProperty(b => b.UpdatedBy, actor), ct);
        if (marked == 0)
        {
            throw new DbUpdateConcurrencyException("数据已被他人修改，请刷新后重试：该批次已被确认导入");
        }
    }
}
