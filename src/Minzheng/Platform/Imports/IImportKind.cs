namespace Minzheng.Platform.Imports;

/// <summary>
/// A kind of spreadsheet a module imports through the platform's staged import (<see cref="StagedImports"/>), registered
/// as <c>services.AddScoped&lt;IImportKind, …&gt;()</c>. The platform keeps the uploaded file (encrypted), the errors, the
/// batch's state, the transaction and the audit entry; the kind reads and checks the rows and writes them.
/// </summary>
public interface IImportKind
{
    /// <summary>The <c>kind</c> of <c>POST /api/v1/imports?kind=…</c> (at most 32 characters).</summary>
    string Kind { get; }

    /// <summary>The authorization policy that may stage, read and commit batches of this kind.</summary>
    string Policy { get; }

    /// <summary>Reads the file and checks every row against the data as it is now; writes nothing.</summary>
    Task<ImportCheck> CheckAsync(string fileName, byte[] content, CancellationToken ct);

    /// <summary>
    /// Checks the file again against the data as it is at commit (someone may have written since staging) and writes
    /// its valid rows, inside the platform's transaction. When it reports errors and <paramref name="skipInvalid"/> is
    /// false, the platform rolls the transaction back, so whatever the kind wrote is undone.
    /// </summary>
    Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct);
}

public sealed record ImportCheck(int TotalRows, int ValidRows, ImportErrorList Errors);

/// <param name="Counts">What the rows created, by English key ("persons", "marriages"…), for the answer and the audit
/// entry; a list matched against the register says how many matched as "matched".</param>
public sealed record ImportWrite(int Imported, ImportErrorList Errors, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>Nothing written: the file has these errors and the caller did not ask to skip them.</summary>
    public static ImportWrite Refused(ImportErrorList errors) => new(0, errors, new Dictionary<string, int>());
}
