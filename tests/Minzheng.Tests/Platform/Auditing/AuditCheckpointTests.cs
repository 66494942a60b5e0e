using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Platform.Auditing;

/// <summary>
/// Checkpoints outside the database anchor the hash chain: every kind of tampering a database owner can do — change,
/// delete or insert a row, cut off the tail, replace the whole table with a consistent forgery — is named, on each
/// provider, and so is a checkpoint file that was itself tampered with.
/// </summary>
public abstract class AuditCheckpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("minzheng-checkpoints-").FullName;
    private readonly CheckpointKey _key;
    private readonly AuditCheckpointFile _file;

    protected AuditCheckpointTests()
    {
        _key = CheckpointKey.Load(new ConfigurationBuilder().Build(), _folder);
        _file = new AuditCheckpointFile(Path.Combine(_folder, "anchors", "checkpoints.jsonl"));
    }

    protected abstract Task<DatabaseFixture> FreshDatabaseAsync();

    /// <summary>SQL that lets the table owner bypass the append-only triggers, as an attacker with DB access would.</summary>
    protected abstract string DisableTriggersSql { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AuditCheckpoints Checkpoints(MinzhengDbContext db) => new(db, _key, _file, TimeProvider.System);

    private AuditLog Log(MinzhengDbContext db) =>
        new(db, new DatabaseFixture.FixedActor("tester"), TimeProvider.System, DatabaseFixture.Protector, Checkpoints(db));

    private async Task<MinzhengDbContext> WithEntriesAsync(int count)
    {
        var db = (await FreshDatabaseAsync()).CreateContext();
        await db.Database.MigrateAsync(Ct);
        await AddEntriesAsync(db, count);
        return db;
    }

    private async Task AddEntriesAsync(MinzhengDbContext db, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await Log(db).RecordAsync(AuditActions.LoginSuccess, details: new { i }, ct: Ct);
        }
    }

    private async Task TamperAsync(MinzhengDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = DisableTriggersSql + sql;
        await command.ExecuteNonQueryAsync(Ct);
        await connection.CloseAsync();
        db.ChangeTracker.Clear();
    }

    [Fact]
    public async Task Checkpoint_IsWrittenOncePerHead_AndAnIntactLogAgreesWithIt()
    {
        await using var db = await WithEntriesAsync(0);
        Assert.Null(await Checkpoints(db).WriteAsync(Ct)); // nothing to anchor in an empty log
        await AddEntriesAsync(db, 5);
        var written = await Checkpoints(db).WriteAsync(Ct);
        Assert.Equal(5, written!.Sequence);
        Assert.Null(await Checkpoints(db).WriteAsync(Ct)); // the head has not moved
        await AddEntriesAsync(db, 2);

        var result = await Log(db).VerifyAsync(Ct);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(7, result.Entries);
        Assert.Equal(5, result.Checkpoint!.Sequence);
        Assert.Single(File.ReadAllLines(_file.Path));
    }

    [Fact]
    public async Task DeletedTail_IsNamedWithTheMissingRange()
    {
        await using var db = await WithEntriesAsync(6);
        await Checkpoints(db).WriteAsync(Ct);
        await TamperAsync(db, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" >= 5;");

        var result = await Log(db).VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(5, result.BrokenSequence);
        Assert.Contains("末尾缺少第5至6条", result.Problem);
    }

    [Fact]
    public async Task ReplacedTable_ThatChainsPerfectly_IsNamedAtTheCheckpoint()
    {
        await using var db = await WithEntriesAsync(4);
        await Checkpoints(db).WriteAsync(Ct);
        // The whole table rewritten: a new chain from the start, internally consistent, and longer than before.
        await TamperAsync(db, "DELETE FROM \"AuditEntries\";");
        await AddEntriesAsync(db, 6);

        var result = await Log(db).VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenSequence);
        Assert.Contains("整体替换", result.Problem);
    }

    [Theory]
    [InlineData("UPDATE \"AuditEntries\" SET \"UserName\" = 'mallory' WHERE \"Sequence\" = 3;", 3, "修改")]
    [InlineData("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3;", 4, "缺少第3条")]
    public async Task ChangedOrDeletedRow_BeforeTheCheckpoint_IsNamed(string sql, long brokenAt, string problem)
    {
        await using var db = await WithEntriesAsync(5);
        await Checkpoints(db).WriteAsync(Ct);
        await TamperAsync(db, sql);

        var result = await Log(db).VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(brokenAt, result.BrokenSequence);
        Assert.Contains(problem, result.Problem);
    }

    [Fact]
    public async Task InsertedRow_IsNamed()
    {
        await using var db = await WithEntriesAsync(3);
        await Checkpoints(db).WriteAsync(Ct);
        await TamperAsync(db,
            "INSERT INTO \"AuditEntries\" (\"Id\", \"Sequence\", \"OccurredAt\", \"UserName\", \"Action\", \"Outcome\", \"PreviousHash\", \"Hash\") " +
            $"SELECT '{Guid.NewGuid().ToString().ToUpperInvariant()}', 4, \"OccurredAt\", 'mallory', 'auth.login', 'success', \"Hash\", '{new string('b', 64)}' " +
            "FROM \"AuditEntries\" WHERE \"Sequence\" = 3;");

        var result = await Log(db).VerifyAsync(Ct);
        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenSequence);
    }

    [Fact]
    public async Task CheckpointFile_EditedOrFromAnotherKey_IsNamed_EvenWhenTheChainIsWhole()
    {
        await using var db = await WithEntriesAsync(3);
        await Checkpoints(db).WriteAsync(Ct);
        await AddEntriesAsync(db, 1);
        await Checkpoints(db).WriteAsync(Ct);

        // Moving the anchor back (to hide a later cut) breaks its signature.
        var lines = File.ReadAllLines(_file.Path);
        File.WriteAllLines(_file.Path, [lines[0], lines[1].Replace("\"sequence\":4", "\"sequence\":3", StringComparison.Ordinal)]);
        var edited = await Log(db).VerifyAsync(Ct);
        Assert.False(edited.Intact);
        Assert.Contains("第2行签名不符", edited.Problem);

        // A checkpoint signed by a key of the attacker's own is not one of ours.
        using var otherKey = CheckpointKey.Load(new ConfigurationBuilder().Build(), Directory.CreateTempSubdirectory("minzheng-otherkey-").FullName);
        File.WriteAllLines(_file.Path, [lines[0]]);
        new AuditCheckpointFile(_file.Path).Append(AuditCheckpoint.Sign(otherKey, 2, new string('c', 64), DateTimeOffset.UtcNow));
        var foreign = await Log(db).VerifyAsync(Ct);
        Assert.False(foreign.Intact);
        Assert.Contains("另一把密钥", foreign.Problem);
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteAuditCheckpointTests : AuditCheckpointTests
{
    protected override string DisableTriggersSql => "DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete;";

    protected override async Task<DatabaseFixture> FreshDatabaseAsync()
    {
        var db = new SqliteDatabase();
        await db.InitializeAsync();
        return db;
    }
}

public sealed class PostgresAuditCheckpointTests : AuditCheckpointTests
{
    protected override string DisableTriggersSql => "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER;";

    protected override async Task<DatabaseFixture> FreshDatabaseAsync()
    {
        var db = new PostgresDatabase();
        await db.InitializeAsync();
        return db;
    }
}
