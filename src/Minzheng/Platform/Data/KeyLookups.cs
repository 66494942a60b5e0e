using Microsoft.EntityFrameworkCore;

namespace Minzheng.Platform.Data;

/// <summary>
/// For a bulk job that looks rows up by key in tables it grows inside its own transaction (marriage 补录 checks each
/// window against the windows written before it). PostgreSQL plans from statistics gathered before the job — a register
/// that starts empty looks empty, and a rolled-back staging run takes its statistics with it — so it would answer the
/// lookups with scans that grow with every window: quadratic in the file. While the job runs, sequential scans are
/// ruled out and the lookups use their indexes. SQLite plans from its indexes alone.
/// </summary>
public static class KeyLookups
{
    /// <summary>Until disposed, in the current transaction. Every lookup of the job must have an index to use.</summary>
    public static async Task<IAsyncDisposable> IndexedOnlyAsync(MinzhengDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return new Reset(null);
        }

        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        return new Reset(db);
    }

    private sealed class Reset(MinzhengDbContext? db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (db is null)
            {
                return;
            }

            try
            {
                await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan");
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InFailedSqlTransaction)
            {
                // The job failed and its transaction is being rolled back, which ends the SET LOCAL as well; the job's own
                // error is the one to report.
            }
        }
    }
}
