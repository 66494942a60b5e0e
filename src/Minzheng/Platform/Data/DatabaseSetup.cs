using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives, from configuration: <c>Database:Provider</c>, <c>Data:Path</c>, connection strings. On
/// PostgreSQL the main connection string may list several hosts (<c>Host=a,b;Target Session Attributes=primary</c>) so
/// that writes follow the primary after a failover; <c>ConnectionStrings:PostgresStandby</c> optionally names where
/// aggregate reports read (<see cref="StandbyReads"/>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataPath, string? StandbyConnectionString = null)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerName = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerName}'.");
        }

        var dataPath = Path.GetFullPath(configuration["Data:Path"] is { Length: > 0 } p ? p : "data");
        return provider switch
        {
            DatabaseProvider.Sqlite => new(provider, SqliteConnectionString(configuration, dataPath), dataPath),
            DatabaseProvider.Postgres => new(provider,
                FollowFailovers(configuration.GetConnectionString("Postgres")
                    ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Database:Provider is Postgres.")),
                dataPath, configuration.GetConnectionString("PostgresStandby") is { Length: > 0 } standby ? FollowFailovers(standby) : null),
        };
    }

    /// <summary>
    /// With several hosts, Npgsql remembers each one's role (primary, standby, down) for <c>Host Recheck Seconds</c>,
    /// 10 by default: after a failover the app would keep calling the promoted node a standby, or the surviving node
    /// down, for that long. Unless the operator chose a value, recheck after a second — the check is one query per
    /// new physical connection, which the pool makes rare.
    /// </summary>
    private static string FollowFailovers(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Host?.Contains(',', StringComparison.Ordinal) != true || given.ContainsKey("Host Recheck Seconds"))
        {
            return connectionString;
        }

        builder.HostRecheckSeconds = 1;
        return builder.ConnectionString;
    }

    private static string SqliteConnectionString(IConfiguration configuration, string dataPath)
    {
        if (configuration.GetConnectionString("Sqlite") is { Length: > 0 } explicitConnection)
        {
            return explicitConnection;
        }

        PrivateFiles.EnsureFolder(dataPath);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataPath, "minzheng.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}

public static class DatabaseSetup
{
    /// <summary>
    /// Registers both provider contexts and resolves <see cref="MinzhengDbContext"/> to the configured one. Settings
    /// are read when first needed, so hosts and test factories may change configuration until the app is built.
    /// </summary>
    public static IServiceCollection AddMinzhengDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<Operations.DatabaseBackup>();
        services.AddSingleton<Operations.SchedulerLeadership>();
        services.AddHostedService(sp => sp.GetRequiredService<Operations.SchedulerLeadership>());
        services.AddHostedService<Operations.ScheduledBackups>();
        services.AddScoped<AuditStampInterceptor>();
        services.AddScoped<RegionScopeWriteGuard>();
        services.AddScoped<Auditing.AuditInterceptor>();
        services.AddDbContext<SqliteMinzhengDbContext>((sp, o) =>
            ConfigureSqlite(o, sp.GetRequiredService<DatabaseSettings>().ConnectionString).AddInterceptors(Interceptors(sp)));
        services.AddDbContext<PostgresMinzhengDbContext>((sp, o) =>
            ConfigurePostgres(o, sp.GetRequiredService<DatabaseSettings>().ConnectionString).AddInterceptors(Interceptors(sp)));
        services.AddScoped<MinzhengDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteMinzhengDbContext>(),
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresMinzhengDbContext>(),
        });
        return services.AddStandbyReads();
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsHistoryTable("__ef_migrations"))
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ModuleModelCacheKeyFactory>();

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsHistoryTable("__ef_migrations"))
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ModuleModelCacheKeyFactory>();

    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Interceptors(IServiceProvider sp) =>
        // Order matters: stamp, then refuse out-of-scope writes, then record and chain the audit entries.
        [sp.GetRequiredService<AuditStampInterceptor>(), sp.GetRequiredService<RegionScopeWriteGuard>(), sp.GetRequiredService<Auditing.AuditInterceptor>()];
}
