using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Tests.Platform.Data;

namespace Minzheng.Tests.Architecture;

/// <summary>
/// Citus path (ADR 0006): business tables are to be distributed by county code, so every one must carry the region
/// code its county is derived from, not null — or be named here as a reference or platform table with the reason.
/// A new business table without a region code fails this test, before it makes the national path harder.
/// </summary>
public sealed class DistributionKeyTests
{
    /// <summary>Tables copied to every node (small, read everywhere) or kept on the coordinator, with why.</summary>
    private static readonly Dictionary<string, string> NotDistributed = new(StringComparer.Ordinal)
    {
        ["Regions"] = "reference: the region tree itself",
        ["Standards"] = "reference: assistance standards set by province, city or county and read by every county below",
        ["CalendarYears"] = "reference: national working-day calendar",
        ["CalendarDays"] = "reference: national working-day calendar",
        ["AuditEntries"] = "coordinator: one hash chain per installation",
        ["DataProtectionKeys"] = "coordinator: the installation's session keys",
        ["AspNetRoles"] = "reference: roles",
        ["AspNetRoleClaims"] = "reference: roles",
        ["AspNetUsers"] = "coordinator: accounts sign in before any county is known",
        ["AspNetUserClaims"] = "coordinator: accounts",
        ["AspNetUserLogins"] = "coordinator: accounts",
        ["AspNetUserRoles"] = "coordinator: accounts",
        ["AspNetUserTokens"] = "coordinator: accounts",
        ["PasswordHistory"] = "coordinator: accounts",
        ["__ef_migrations"] = "coordinator: schema history",
    };

    [Fact]
    public async Task EveryBusinessTable_CarriesANonNullRegionCode()
    {
        var fixture = new SqliteDatabase();
        await fixture.InitializeAsync(); // the model only: no database is opened
        await using var db = fixture.CreateContext();
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            if (NotDistributed.ContainsKey(table))
            {
                continue;
            }

            var region = entity.FindProperty("RegionCode");
            if (region is null || region.IsNullable)
            {
                missing.Add($"{table} ({entity.ClrType.Name})");
            }
        }

        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).ToHashSet(StringComparer.Ordinal);
        var stale = NotDistributed.Keys.Where(t => t != "__ef_migrations" && !tables.Contains(t)).ToList();
        Assert.True(stale.Count == 0, "Listed but not in the model: " + string.Join(", ", stale));
        Assert.True(missing.Count == 0, "Business tables without a non-null RegionCode (add one, or list the table as reference/coordinator with the reason): "
                                        + string.Join(", ", missing.Order(StringComparer.Ordinal)));
    }

    /// <summary>
    /// A table that skips its region index because it is read only through its parent must name a parent that exists,
    /// is region-scoped and keeps its own region index: otherwise the scope filter on it would scan the whole table.
    /// </summary>
    [Fact]
    public async Task EveryReadThroughParentTable_NamesARegionIndexedParent()
    {
        var fixture = new SqliteDatabase();
        await fixture.InitializeAsync(); // the model only: no database is opened
        await using var db = fixture.CreateContext();
        var children = db.Model.GetEntityTypes()
            .Select(e => (Entity: e, Mark: e.ClrType.GetCustomAttributes(typeof(ReadThroughParentAttribute), false).OfType<ReadThroughParentAttribute>().FirstOrDefault()))
            .Where(x => x.Mark is not null).ToList();
        Assert.NotEmpty(children);
        foreach (var (entity, mark) in children)
        {
            var parent = db.Model.GetEntityTypes().SingleOrDefault(e => e.ClrType.Name == mark!.Parent);
            Assert.True(parent is not null, $"{entity.ClrType.Name} names {mark!.Parent}, which is not in the model");
            Assert.True(typeof(IRegionScoped).IsAssignableFrom(parent.ClrType), $"{parent.ClrType.Name} is not region-scoped");
            Assert.Contains(parent.GetIndexes(), i => i.Properties[0].Name == nameof(IRegionScoped.RegionCode));
            Assert.DoesNotContain(entity.GetIndexes(), i => i.Properties.Count == 1 && i.Properties[0].Name == nameof(IRegionScoped.RegionCode));
        }
    }
}
