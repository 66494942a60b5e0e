using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Administration.Regions;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;

namespace Minzheng.Tests.Platform.Data;

/// <summary>Migrations from empty, drift detection and region-tree queries, on both providers.</summary>
public abstract class MigrationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private async Task<MinzhengDbContext> MigratedAsync()
    {
        var db = database.CreateContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    [Fact]
    public async Task Migrate_FromEmpty_LeavesNothingPending()
    {
        await using var db = await MigratedAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Model_HasNoChangesMissingFromMigrations()
    {
        // Fails when an entity changed without `dotnet ef migrations add` for this provider.
        await using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), $"{database.Provider}: the model has changes that no migration captures");
    }

    [Fact]
    public async Task Regions_SubtreeQueryByPrefix_ReturnsOnlyDescendants()
    {
        await using var db = await MigratedAsync();
        // Non-zero city and county segments, so the county code never equals its own province or city code.
        var county = UniqueCodes.County();
        var province = county[..2] + "0000000000";
        var city = county[..4] + "00000000";
        var ct = TestContext.Current.CancellationToken;
        foreach (var (code, name) in new[]
                 {
                     (province, "省"), (city, "市"), (county + "000000", "县"), (county + "100000", "镇甲"),
                     (county + "100201", "村一"), (county + "101000", "镇乙"), (county + "101201", "村二"),
                 })
        {
            if (!await db.Regions.AnyAsync(r => r.Code == code, ct))
            {
                RegionCode.TryGetLevel(code, out var level, out _);
                db.Regions.Add(new Region(code, name, level, RegionCode.ParentOf(code, level)));
            }
        }

        await db.SaveChangesAsync(ct);
        var township = county + "100";
        var subtree = await db.Regions.Where(r => r.Code.StartsWith(township)).Select(r => r.Code).OrderBy(c => c).ToListAsync(ct);
        Assert.Equal([county + "100000", county + "100201"], subtree);
        var stamped = await db.Regions.SingleAsync(r => r.Code == county + "100201", ct);
        Assert.Equal("tester", stamped.CreatedBy);
        Assert.NotEqual(default, stamped.CreatedAt);
    }
}

public sealed class SqliteMigrationTests(SqliteDatabase database) : MigrationTests<SqliteDatabase>(database);

public sealed class PostgresMigrationTests(PostgresDatabase database) : MigrationTests<PostgresDatabase>(database);
