using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Platform.Data;

/// <summary>A bulk job's key lookups: sequential scans are ruled out while it runs, in its transaction only, and restored after.</summary>
public sealed class KeyLookupsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> SeqScanAsync(MinzhengDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT current_setting('enable_seqscan') AS \"Value\"").SingleAsync(Ct);

    [Fact]
    public async Task SequentialScans_AreOffWhileTheJobRuns_AndOnAgainAfterIt()
    {
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        await using (await KeyLookups.IndexedOnlyAsync(db, Ct))
        {
            Assert.Equal("off", await SeqScanAsync(db));
        }

        Assert.Equal("on", await SeqScanAsync(db));
    }

    [Fact]
    public async Task AFailedJob_ReportsItsOwnError_NotTheReset()
    {
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        var failure = await Assert.ThrowsAsync<Npgsql.PostgresException>(async () =>
        {
            await using (await KeyLookups.IndexedOnlyAsync(db, Ct))
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1/0", Ct);
            }
        });
        Assert.Equal(Npgsql.PostgresErrorCodes.DivisionByZero, failure.SqlState);
    }
}
