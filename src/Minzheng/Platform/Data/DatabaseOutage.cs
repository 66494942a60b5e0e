using Npgsql;

namespace Minzheng.Platform.Data;

/// <summary>
/// Failures that say the database was unreachable or changed role under us (a failover), as opposed to a refusal of
/// what was asked: the same request may succeed a few seconds later, on the promoted standby.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>What an outage answer (API problem or page) tells the caller to wait before trying again.</summary>
    public const string RetryAfterSeconds = "5";

    /// <summary>
    /// SQLSTATEs a failover produces: the old primary shutting down (57P01/57P02), a server still starting or in
    /// recovery (57P03), a pooled connection that now reaches a standby and refuses writes (25006), and the
    /// connection-exception class (08…). A unique violation or a check refusal is never among them.
    /// </summary>
    private static readonly string[] FailoverStates =
    [
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.ReadOnlySqlTransaction,
    ];

    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when FailoverStates.Contains(pg.SqlState) || pg.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                // Everything else Npgsql raises is the network layer: a broken socket, a timeout, "no suitable host"
                // while no node is primary yet. (Programming errors surface as InvalidOperation or InvalidCast instead.)
                case NpgsqlException:
                    return true;
            }
        }

        return false;
    }
}
