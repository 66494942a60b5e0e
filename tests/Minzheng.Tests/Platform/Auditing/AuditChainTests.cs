using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Administration.Regions;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;

namespace Minzheng.Tests.Platform.Auditing;

/// <summary>
/// The hash-chained audit log on a real database of each provider: written by construction, verified, and tampered
/// with directly in SQL (as a database owner could) — verification must name the entry.
/// </summary>
public abstract class AuditChainTests
{
    protected abstract Task<DatabaseFixture> FreshDatabaseAsync();

    /// <summary>SQL that lets the table owner bypass the append-only triggers, as an attacker with DB access would.</summary>
    protected abstract string DisableTriggersSql { get; }

    /// <summary>SQL that removes the no-update trigger altogether.</summary>
    protected abstract string DropOneTriggerSql { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<MinzhengDbContext> MigratedAsync(DatabaseFixture database)
    {
        var db = database.CreateContext();
        await db.Database.MigrateAsync(Ct);
        return db;
    }

    private static AuditLog Log(MinzhengDbContext db) => new(db, new DatabaseFixture.FixedActor("tester"), TimeProvider.System, DatabaseFixture.Protector);

    private static async Task<MinzhengDbContext> WithEntriesAsync(DatabaseFixture database, int count)
    {
        var db = await MigratedAsync(database);
        for (var i = 1; i <= count; i++)
        {
            await Log(db).RecordAsync(AuditActions.LoginSuccess, details: new { i }, ct: Ct);
        }

        return db;
    }

    private async Task ExecuteAsync(MinzhengDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = DisableTriggersSql + sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task Verify_UntouchedChain_IsIntact()
    {
        await using var db = await WithEntriesAsync(await FreshDatabaseAsync(), 5);
        var result = await Log(db).VerifyAsync(Ct);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(5, result.Entries);
        Assert.Equal(await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Hash).LastAsync(Ct), result.HeadHash);
    }

    [Fact]
    public async Task DataChange_IsRecordedWithRegionAndFields()
    {
        await using var db = await MigratedAsync(await FreshDatabaseAsync());
        db.Regions.Add(new Region("440000000000", "广东省", RegionLevel.Province, null));
        await db.SaveChangesAsync(Ct);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "data.insert" && e.EntityId == "440000000000", Ct);
        Assert.Equal("Region", entry.EntityType);
        Assert.Equal("440000000000", entry.RegionCode);
        Assert.Contains("广东省", entry.Details);
        Assert.Equal("tester", entry.UserName);
        Assert.True((await Log(db).VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task Verify_RowChangedInSql_NamesThatEntry()
    {
        await using var db = await WithEntriesAsync(await FreshDatabaseAsync(), 5);
        await ExecuteAsync(db, "UPDATE \"AuditEntries\" SET \"UserName\" = 'mallory' WHERE \"Sequence\" = 3;");
        var result = await Log(db).VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenSequence);
        Assert.Contains("修改", result.Problem);
    }

    [Fact]
    public async Task Verify_RowDeletedInSql_NamesTheNextEntry()
    {
        await using var db = await WithEntriesAsync(await FreshDatabaseAsync(), 5);
        await ExecuteAsync(db, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2;");
        var result = await Log(db).VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenSequence);
        Assert.Contains("缺少第2条", result.Problem);
    }

    [Fact]
    public async Task Verify_RowInsertedInSql_NamesTheForgery()
    {
        await using var db = await WithEntriesAsync(await FreshDatabaseAsync(), 3);
        // A forged 4th entry that copies the 3rd one's time but cannot produce a hash that links.
        await ExecuteAsync(db,
            "INSERT INTO \"AuditEntries\" (\"Id\", \"Sequence\", \"OccurredAt\", \"UserName\", \"Action\", \"Outcome\", \"PreviousHash\", \"Hash\") " +
            $"SELECT '{Guid.NewGuid().ToString().ToUpperInvariant()}', 4, \"OccurredAt\", 'mallory', 'auth.login', 'success', '{new string('a', 64)}', '{new string('b', 64)}' " +
            "FROM \"AuditEntries\" WHERE \"Sequence\" = 3;");
        db.ChangeTracker.Clear();
        var result = await Log(db).VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenSequence);
    }

    [Fact]
    public async Task Database_RefusesUpdateAndDeleteOfAuditRows()
    {
        await using var db = await WithEntriesAsync(await FreshDatabaseAsync(), 2);
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'x'", Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task DisabledOrDroppedTriggers_AreRestored_AndTheDatabaseRefusesAgain()
    {
        await using var db = await WithEntriesAsync(await FreshDatabaseAsync(), 2);
        await ExecuteAsync(db, "UPDATE \"AuditEntries\" SET \"UserName\" = \"UserName\";"); // protection off: this goes through
        Assert.NotEmpty(await AuditProtection.EnsureAsync(db, Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'x'", Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Ct));

        await db.Database.ExecuteSqlRawAsync(DropOneTriggerSql, Ct);
        Assert.Equal(["audit_entries_no_update（已重建）"], await AuditProtection.EnsureAsync(db, Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'x'", Ct));
        Assert.Empty(await AuditProtection.EnsureAsync(db, Ct));
        Assert.Equal(2, await db.AuditEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task Ef_RefusesToModifyAnAuditEntry()
    {
        await using var db = await WithEntriesAsync(await FreshDatabaseAsync(), 1);
        var entry = await db.AuditEntries.SingleAsync(Ct);
        entry.UserName = "mallory";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task ConcurrentWriters_NeverForkTheChain()
    {
        var database = await FreshDatabaseAsync();
        await (await MigratedAsync(database)).DisposeAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async writer =>
        {
            await using var db = database.CreateContext();
            for (var i = 0; i < 10; i++)
            {
                await Log(db).RecordAsync(AuditActions.LoginSuccess, details: new { writer, i }, ct: Ct);
            }
        }));

        await using var check = database.CreateContext();
        var result = await Log(check).VerifyAsync(Ct);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(40, result.Entries);
    }
}

public sealed class SqliteAuditChainTests : AuditChainTests
{
    protected override string DisableTriggersSql => "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete;";

    protected override string DropOneTriggerSql => "DROP TRIGGER audit_entries_no_update;";

    protected override async Task<DatabaseFixture> FreshDatabaseAsync()
    {
        var db = new SqliteDatabase();
        await db.InitializeAsync();
        return db;
    }
}

public sealed class PostgresAuditChainTests : AuditChainTests
{
    protected override string DisableTriggersSql => "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER;";

    protected override string DropOneTriggerSql => "DROP TRIGGER audit_entries_no_update ON \"AuditEntries\";";

    protected override async Task<DatabaseFixture> FreshDatabaseAsync()
    {
        var db = new PostgresDatabase();
        await db.InitializeAsync();
        return db;
    }
}
