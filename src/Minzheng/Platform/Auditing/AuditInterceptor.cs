using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;

namespace Minzheng.Platform.Auditing;

/// <summary>
/// Audit by construction: every insert, update and delete of Minzheng's own entities becomes an audit entry written in
/// the same transaction as the change, and every new entry (recorded changes and explicit events alike) is linked into
/// the hash chain while writers are serialised — PostgreSQL by an advisory lock, SQLite by its write lock
/// (Microsoft.Data.Sqlite begins transactions IMMEDIATE). Existing entries can never be changed or deleted through EF.
/// </summary>
public sealed class AuditInterceptor(IAuditContext actor, TimeProvider clock, PersonalDataProtector protector) : SaveChangesInterceptor
{
    // Any constant shared by all Minzheng servers; serialises chain appends across processes on PostgreSQL.
    private const long ChainLockKey = 0x4D5A_4155_4449_54;

    private IDbContextTransaction? _ownTransaction;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Use SaveChangesAsync: audit chaining is asynchronous.");

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not MinzhengDbContext db)
        {
            return result;
        }

        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only.");
        }

        var fresh = entries.Where(e => e.Entity is AuditEntry && e.State == EntityState.Added).Select(e => (AuditEntry)e.Entity).ToList();
        foreach (var change in entries.Where(IsRecorded))
        {
            var entry = Describe(change);
            db.Add(entry);
            fresh.Add(entry);
        }

        if (fresh.Count == 0)
        {
            return result;
        }

        if (db.Database.CurrentTransaction is null)
        {
            _ownTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        }

        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var (sequence, hash) = last is null ? (0L, AuditChain.Genesis) : (last.Sequence, last.Hash);
        foreach (var entry in fresh)
        {
            AuditChain.Link(entry, sequence, hash);
            (sequence, hash) = (entry.Sequence, entry.Hash);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            await tx.CommitAsync(cancellationToken);
            await tx.DisposeAsync();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await RollbackAsync();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await RollbackAsync();

    private async Task RollbackAsync()
    {
        if (_ownTransaction is { } tx)
        {
            _ownTransaction = null;
            await tx.RollbackAsync(CancellationToken.None);
            await tx.DisposeAsync();
        }
    }

    private static bool IsRecorded(EntityEntry e) =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Metadata.ClrType);

    /// <summary>Whether every change of rows of this type is written to the audit log (the log itself and work tables are not).</summary>
    public static bool IsAudited(Type type) =>
        type != typeof(AuditEntry) && !typeof(INotAudited).IsAssignableFrom(type) && type.Namespace?.StartsWith("Minzheng", StringComparison.Ordinal) == true;

    private AuditEntry Describe(EntityEntry change)
    {
        var type = change.Metadata.ClrType;
        var details = new Dictionary<string, object?>();
        foreach (var property in change.Properties)
        {
            var name = property.Metadata.Name;
            var sensitive = property.Metadata.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null;
            object? Show(object? value) => sensitive && value is not null ? "***" : value;
            switch (change.State)
            {
                case EntityState.Added:
                    details[name] = Show(property.CurrentValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    details[name] = new { before = Show(property.OriginalValue), after = Show(property.CurrentValue) };
                    break;
                case EntityState.Deleted when property.Metadata.IsPrimaryKey():
                    details[name] = property.OriginalValue;
                    break;
            }
        }

        var key = string.Join(",", change.Metadata.FindPrimaryKey()!.Properties.Select(p => change.Property(p.Name).CurrentValue));
        return new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserName = Truncate(actor.UserName),
            Ip = actor.Ip,
            Action = change.State switch
            {
                EntityState.Added => "data.insert",
                EntityState.Modified => "data.update",
                _ => "data.delete",
            },
            EntityType = type.Name,
            EntityId = Truncate(key),
            RegionCode = (change.Entity as IRegionScoped)?.RegionCode ?? (change.Entity as Minzheng.Platform.Regions.Region)?.Code,
            // Business values are sealed: the audit administrator reads the field names, not the person's data.
            Details = AuditValues.IsReferenceData(type.Name)
                ? JsonSerializer.Serialize(details, AuditJson.Options)
                : AuditValues.Seal(protector, null, details),
        };
    }

    internal static string Truncate(string value) => value.Length <= AuditEntry.ShortText ? value : value[..AuditEntry.ShortText];
}
