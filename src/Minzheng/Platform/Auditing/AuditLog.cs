using System.Text.Json;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Auditing;

/// <summary>Audit actions written explicitly (data changes are recorded by <see cref="AuditInterceptor"/>).</summary>
public static class AuditActions
{
    public const string LoginSuccess = "auth.login";
    public const string LoginFailure = "auth.login-failed";
    public const string LockedOut = "auth.locked-out";
    public const string Logout = "auth.logout";
    public const string TokenIssued = "auth.token";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordReset = "account.password-reset";
    public const string AccountCreated = "account.created";
    public const string RoleGranted = "account.role-granted";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string TwoFactorEnabled = "account.2fa-enabled";
    public const string TwoFactorDisabled = "account.2fa-disabled";
    public const string CalendarSet = "calendar.set";
    public const string AuditVerified = "audit.verified";
    public const string AuditExported = "audit.exported";
    public const string SensitiveRevealed = "privacy.revealed";
    public const string RecordViewed = "data.viewed";
    public const string Exported = "data.exported";
    public const string ImportCommitted = "import.committed";
    public const string RegionsImported = "region.imported";
    public const string RelativeRegistered = "verification.relative-registered";
    public const string ProtectionRestored = "audit.protection-restored";
    public const string MigrationRecovered = "database.migration-recovered";
}

/// <summary>Writes explicit audit entries (logins, permission changes, exports, reveals) and verifies the chain.</summary>
public sealed class AuditLog(MinzhengDbContext db, IAuditContext actor, TimeProvider clock, Privacy.PersonalDataProtector protector,
    AuditCheckpoints? checkpoints = null)
{
    /// <summary>Records an event now, in its own save (and so its own transaction).</summary>
    public async Task RecordAsync(string action, string outcome = AuditOutcome.Success, string? entityType = null, string? entityId = null,
        string? regionCode = null, object? details = null, string? userName = null, CancellationToken ct = default, object? sealedDetails = null)
    {
        Add(action, outcome, entityType, entityId, regionCode, details, userName, sealedDetails);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds an event to the pending changes, so it commits (or not) together with them.</summary>
    /// <param name="details">Particulars the audit administrator may read: counts, codes, account events.</param>
    /// <param name="sealedDetails">Business particulars (names, values of a person's data): sealed, see <see cref="AuditValues"/>.</param>
    public void Add(string action, string outcome = AuditOutcome.Success, string? entityType = null, string? entityId = null,
        string? regionCode = null, object? details = null, string? userName = null, object? sealedDetails = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserName = AuditInterceptor.Truncate(userName ?? actor.UserName),
            Ip = actor.Ip,
            Action = action,
            Outcome = outcome,
            EntityType = entityType,
            EntityId = entityId,
            RegionCode = regionCode,
            Details = sealedDetails is not null ? AuditValues.Seal(protector, details, sealedDetails)
                : details is null ? null : JsonSerializer.Serialize(details, AuditJson.Options),
        });

    /// <summary>
    /// Verifies the chain against the checkpoints outside the database; a row that is not even an entry is reported as
    /// the break, not thrown. The checkpoints are read first: every one of them then names entries the walk will see.
    /// </summary>
    public async Task<AuditChain.Verification> VerifyAsync(CancellationToken ct)
    {
        var report = checkpoints?.Read();
        AuditChain.Verification result;
        try
        {
            result = await AuditChain.VerifyAsync(AuditRows.ReadAsync(db, ct), ct, report?.Anchors);
        }
        catch (MalformedAuditRowException e)
        {
            result = new AuditChain.Verification(false, e.Position, e.Sequence, e.Id, e.Message, null);
        }

        // A chain that is whole but a checkpoint file that was tampered with is no proof either way: say so.
        return result.Intact && report?.Problem is { } problem
            ? result with { Intact = false, Problem = problem, Checkpoint = report.Latest }
            : result with { Checkpoint = report?.Latest };
    }

    /// <summary>
    /// Verifies the chain and records who verified it with what verdict — the same entry from the page, the API and the
    /// CLI (<paramref name="channel"/>). A damaged log may not take another entry (its last row unreadable): the verdict
    /// still stands, and why it could not be recorded is returned for the caller to show.
    /// </summary>
    public async Task<(AuditChain.Verification Result, string? NotRecorded)> VerifyAndRecordAsync(string channel, CancellationToken ct)
    {
        var result = await VerifyAsync(ct);
        try
        {
            await RecordAsync(AuditActions.AuditVerified, result.Intact ? AuditOutcome.Success : AuditOutcome.Failure,
                details: new { result.Entries, result.BrokenSequence, channel }, ct: ct);
            return (result, null);
        }
        catch (Exception e) when (!result.Intact && e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            return (result, e.Message);
        }
    }
}
