using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Data;

/// <summary>
/// The database that aggregate reports read: a PostgreSQL standby when <c>ConnectionStrings:PostgresStandby</c> is set
/// (usually the same hosts with <c>Target Session Attributes=prefer-standby</c>), else the primary context of the
/// request. Only counts and sums go there — the assistance summary, the dashboard's trends and the statistics tables —
/// because a few seconds of replication lag cannot change a half-year figure in a way anyone acts on, and they are the
/// heaviest reads a province runs. Lists, records, exports (each writes its audit entry and must match what was just
/// saved) and every write stay on the primary. Inject it as <c>[FromKeyedServices(StandbyReads.Key)] MinzhengDbContext</c>.
/// </summary>
public static class StandbyReads
{
    public const string Key = "standby-reads";

    internal static IServiceCollection AddStandbyReads(this IServiceCollection services)
    {
        services.AddSingleton<StandbyOptions>();
        services.AddKeyedScoped<MinzhengDbContext>(Key, (sp, _) =>
            sp.GetRequiredService<StandbyOptions>().Options is { } options
                ? new PostgresMinzhengDbContext(options, sp.GetRequiredService<IRegionScope>(), sp.GetRequiredService<Modules.ModuleCatalog>())
                : sp.GetRequiredService<MinzhengDbContext>());
        return services;
    }

    /// <summary>Built once: the options of a read-only, untracked context on the standby connection, or null without one.</summary>
    private sealed class StandbyOptions(DatabaseSettings settings)
    {
        public DbContextOptions<PostgresMinzhengDbContext>? Options { get; } =
            settings is { Provider: DatabaseProvider.Postgres, StandbyConnectionString: { Length: > 0 } standby }
                ? (DbContextOptions<PostgresMinzhengDbContext>)DatabaseSetup.ConfigurePostgres(new DbContextOptionsBuilder<PostgresMinzhengDbContext>(), standby)
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options
                : null;
    }
}
