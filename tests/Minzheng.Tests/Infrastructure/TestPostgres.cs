using Npgsql;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// The private PostgreSQL server started by scripts/test.sh (MINZHENG_TEST_POSTGRES holds its connection string).
/// Each test class gets a database of its own. Under CI a missing server is a failure, never a skip.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "MINZHENG_TEST_POSTGRES";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    /// <summary>Creates an empty database (or a copy of <paramref name="template"/>'s) and returns its connection string; fails without a server.</summary>
    public static async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var server = ServerConnectionString;
        if (server is null)
        {
            // Never a skip: PostgreSQL is the production database, its tests must run (scripts/test.sh starts one).
            throw new InvalidOperationException("PostgreSQL is not available: set " + Variable + " or run scripts/test.sh");
        }

        var name = "mz_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            if (template is null)
            {
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }
            else
            {
                await CopyAsync(connection, new NpgsqlConnectionStringBuilder(template).Database!, name);
            }
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// CREATE DATABASE … TEMPLATE needs the template without sessions: the stopped template application may leave idle
    /// pooled connections, which are closed first. Copies made at the same moment can still collide: tried again.
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection server, string template, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", server))
                {
                    terminate.Parameters.AddWithValue("db", template);
                    await terminate.ExecuteNonQueryAsync();
                }

                await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", server);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
