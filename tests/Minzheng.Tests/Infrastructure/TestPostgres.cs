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

    /// <summary>Creates an empty database and returns its connection string; fails without a server.</summary>
    public static async Task<string> CreateDatabaseAsync()
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
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
