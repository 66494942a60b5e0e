using System.Security.Cryptography;
using System.Text;
using Minzheng.Platform.Data;
using Npgsql;

namespace Minzheng.Platform.Operations;

/// <summary>
/// Which instance of an installation runs the scheduled work (nightly backups, audit checkpoints): the one that holds
/// the scheduler lock — a PostgreSQL session advisory lock, or for SQLite an exclusive lock on a file beside the
/// database. Several instances never run a job twice; when the holder dies its session (or process) ends, the lock is
/// freed and another instance takes over at its next attempt, so the work never stops either.
/// </summary>
public sealed class SchedulerLeadership(DatabaseSettings settings, IConfiguration configuration, TimeProvider clock,
    ILogger<SchedulerLeadership> log) : BackgroundService
{
    private readonly TaskCompletionSource _firstTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _held;

    /// <summary>Whether this instance holds the lock now.</summary>
    public bool IsLeader => _held is not null;

    /// <summary>Completes when this instance first holds the lock.</summary>
    public Task Elected => _firstTerm.Task;

    private TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Scheduler:LeaseCheckSeconds", 15), 1, 600));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_held is PostgresLease lease && !await lease.IsAliveAsync(stoppingToken))
                {
                    // The connection that held the lock is gone (database restarted or failed over): so is the lock.
                    log.LogWarning("Scheduler lock lost with its database connection");
                    Release();
                }

                if (_held is null && await TryAcquireAsync(stoppingToken) is { } acquired)
                {
                    _held = acquired;
                    log.LogInformation("This instance now runs the scheduled work");
                    _firstTerm.TrySetResult();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Scheduler lock could not be checked");
                Release();
            }

            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Release();
    }

    private void Release()
    {
        _held?.Dispose();
        _held = null;
    }

    private async Task<IDisposable?> TryAcquireAsync(CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            return await PostgresLease.TryAcquireAsync(settings.ConnectionString, ct);
        }

        // Beside the database file: every instance of this installation opens that same file.
        var database = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        var file = database is { Length: > 0 } and not ":memory:" ? database + ".scheduler.lock" : Path.Combine(settings.DataPath, "scheduler.lock");
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix, released by the kernel when the process ends.
            return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A session advisory lock, held by keeping its connection open (outside the pool).</summary>
    private sealed class PostgresLease(NpgsqlConnection connection) : IDisposable
    {
        private static readonly long Key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("minzheng-scheduler")), 0);

        public static async Task<PostgresLease?> TryAcquireAsync(string connectionString, CancellationToken ct)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new PostgresLease(connection);
            }

            await connection.DisposeAsync();
            return null;
        }

        public async Task<bool> IsAliveAsync(CancellationToken ct)
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                return false;
            }
        }

        // Closing the session frees the lock; no unlock call is needed (and none is possible on a broken connection).
        public void Dispose() => connection.Dispose();
    }
}
