using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Minzheng.Platform.Auditing;

namespace Minzheng.Platform.Installation;

/// <summary>A table of business rows, with the column holding who created each row when the table has one.</summary>
public sealed record BusinessTable(string Name, string? CreatedByColumn);

/// <summary>
/// The business tables of the model: every table with a region code (ADR 0006 makes that the definition) or prefix (standards set for a subtree) except the
/// audit log and the accounts (whose region code is their scope), plus whatever hangs off them — in an order in which deleting them all breaks no foreign key.
/// </summary>
public static class BusinessTables
{
    public static IReadOnlyList<BusinessTable> InDeletionOrder(IModel model)
    {
        var entities = model.GetEntityTypes().Where(e => e.GetTableName() is not null).ToList();
        var business = entities.Where(e => (e.FindProperty("RegionCode") ?? e.FindProperty("RegionPrefix")) is not null && !e.IsOwned()
                                           && e.ClrType != typeof(AuditEntry) && e.ClrType != typeof(Security.AppUser))
            .Select(e => e.GetTableName()!).ToHashSet(StringComparer.Ordinal);

        // Tables referring to business rows are business rows too (owned collections, link tables).
        var references = entities.SelectMany(e => e.GetForeignKeys()
                .Where(fk => fk.PrincipalEntityType.GetTableName() is { } principal && principal != e.GetTableName())
                .Select(fk => (Dependent: e.GetTableName()!, Principal: fk.PrincipalEntityType.GetTableName()!)))
            .Distinct().ToList();
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var (dependent, principal) in references.Where(r => business.Contains(r.Principal) && !business.Contains(r.Dependent)))
            {
                grown |= business.Add(dependent);
            }
        }

        var ordered = new List<string>();
        var remaining = business.Order(StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            // Next: a table no remaining table refers to.
            var next = remaining.FirstOrDefault(t => !references.Any(r => r.Principal == t && remaining.Contains(r.Dependent)))
                       ?? throw new InvalidOperationException("Business tables refer to each other in a cycle: " + string.Join(", ", remaining));
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered.Select(table => new BusinessTable(table, CreatedByColumn(entities, table))).ToList();
    }

    private static string? CreatedByColumn(List<IEntityType> entities, string table)
    {
        var entity = entities.Where(e => e.GetTableName() == table).OrderBy(e => e.IsOwned()).First();
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        return entity.FindProperty("CreatedBy")?.GetColumnName(store);
    }
}
