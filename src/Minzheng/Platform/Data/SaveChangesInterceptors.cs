using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Data;

/// <summary>Stamps created/updated by/at on <see cref="IAuditable"/> rows, with time from the injected clock.</summary>
public sealed class AuditStampInterceptor(TimeProvider clock, Auditing.IAuditContext actor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.CreatedBy = actor.UserName;
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.UpdatedBy = actor.UserName;
            }
        }
    }
}

/// <summary>Thrown when a write touches a row outside the caller's region scope. The API answers 404.</summary>
public sealed class RegionScopeViolationException(string regionCode)
    : Exception($"Write to region {regionCode} is outside the caller's scope.")
{
    public string RegionCode { get; } = regionCode;
}

/// <summary>
/// The write half of the region scope: the query filter hides other regions' rows, and this refuses to add, move,
/// change or delete a row whose region (before or after the change) lies outside the caller's subtree.
/// </summary>
public sealed class RegionScopeWriteGuard(IRegionScope scope) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Check(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var prefix = scope.Prefix;
        foreach (var entry in context.ChangeTracker.Entries<IRegionScoped>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            Require(entry.Entity.RegionCode, prefix);
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                Require(OriginalRegion(entry), prefix);
            }
        }
    }

    private static string OriginalRegion(EntityEntry<IRegionScoped> entry) =>
        entry.Property(e => e.RegionCode).OriginalValue ?? "";

    private static void Require(string regionCode, string prefix)
    {
        if (!regionCode.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new RegionScopeViolationException(regionCode);
        }
    }
}
