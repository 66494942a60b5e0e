using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Data;

/// <summary>
/// Brings a database up to date on start and for the <c>migrate</c> verb: migrations, the built-in reference data
/// every installation needs (roles, holiday calendars) and, in demo mode, the demo county. Every path also puts back
/// the audit table's protection triggers when they are missing.
/// </summary>
public sealed class DatabaseInitializer(
    MinzhengDbContext db,
    DatabaseSettings settings,
    RoleManager<IdentityRole<Guid>> roles,
    DemoSeeder demo,
    ModuleCatalog modules,
    IServiceProvider services,
    AuditLog audit,
    IConfiguration configuration,
    Hosting.StartupProgress progress,
    ILogger<DatabaseInitializer> log)
{
    public static bool IsDemoEnabled(IConfiguration configuration, DatabaseSettings settings) =>
        configuration.GetValue<bool?>("Demo:Enabled") ?? settings.Provider == DatabaseProvider.Sqlite;

    /// <param name="seedDemo">Seed the demo county: by default when demo mode is on (the <c>seed-demo</c> verb forces it).</param>
    public async Task InitializeAsync(CancellationToken ct, bool? seedDemo = null)
    {
        progress.Report("正在更新数据库结构");
        await MigrateAsync(ct);
        await EnsureRolesAsync();
        await EnsureBuiltInCalendarsAsync(ct);
        var demoMode = seedDemo ?? IsDemoEnabled(configuration, settings);
        if (seedDemo is null)
        {
            await RefuseMixedModesAsync(demoMode, ct);
        }

        if (demoMode)
        {
            // The demo county and one account per role first (sign-in works from then on); then each module's demo
            // data, in the module list's order.
            progress.Report("正在创建演示账户");
            await demo.SeedAsync(ct);
            progress.MarkDatabaseReady();
            foreach (var module in modules.Modules)
            {
                progress.Report($"正在生成演示数据：{module.Name}");
                await module.SeedDemoAsync(services, ct);
            }
        }

        progress.MarkDatabaseReady();
    }

    private async Task RefuseMixedModesAsync(bool demoMode, CancellationToken ct)
    {
        if (demoMode && await Installation.InstallationState.CountyAsync(db, ct) is { } county)
        {
            throw Installation.InstallationModeException.ProductionInDemo(county);
        }

        if (!demoMode && await services.GetRequiredService<Installation.DemoData>().FindAsync(ct) is { } found)
        {
            throw Installation.InstallationModeException.DemoInProduction(found);
        }
    }

    public async Task MigrateAsync(CancellationToken ct)
    {
        var guard = SqliteMigrationGuard.For(settings);
        var recovered = guard is { WasInterrupted: true };
        if (recovered)
        {
            // The last run was killed while migrating: back to the database as it was before that run, then again.
            log.LogWarning("An interrupted migration was found; the database is put back as it was before it and migrated again");
            await guard!.RollBackAsync(ct);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers and one writer work at the same time; the setting persists in the file.
            await db.Database.OpenConnectionAsync(ct);
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteNonQueryAsync(ct);
            }

            await db.Database.CloseConnectionAsync();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} migrations on {Provider}", pending.Count, settings.Provider);
        }

        // The history was squashed into one initial migration before any county went live (ADR 0005): a database
        // made by a pre-release build cannot be upgraded in place, and must not be half-migrated.
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (applied.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
        {
            throw new InvalidOperationException(
                $"数据库由预发布版本创建（迁移 {unknown}），无法原地升级：请备份后使用新的数据目录或空数据库重新初始化。"
                + $" The database was created by a pre-release build (migration {unknown}); start from an empty database.");
        }

        await ApplyAsync(guard, pending.Count > 0, applied.Count > 0, ct);

        if (guard is not null)
        {
            // SQLite creates its files with the process umask (often world-readable): the records are personal data.
            PrivateFiles.Restrict(guard.Database, guard.Database + "-wal", guard.Database + "-shm");
        }

        await EnsureAuditProtectionAsync(ct);
        if (recovered)
        {
            await audit.RecordAsync(AuditActions.MigrationRecovered, details: new { pending }, userName: "system", ct: ct);
        }
    }

    /// <summary>
    /// Each PostgreSQL migration runs in its own transaction (its DDL is transactional): a crash stops at a migration
    /// boundary and the next start goes on from there. SQLite runs are guarded whole by <see cref="SqliteMigrationGuard"/>.
    /// </summary>
    private async Task ApplyAsync(SqliteMigrationGuard? guard, bool hasPending, bool hasData, CancellationToken ct)
    {
        if (guard is null || !hasPending)
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        await guard.BeginAsync(hasData, ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await db.Database.CloseConnectionAsync();
            await guard.RollBackAsync(CancellationToken.None);
            throw new InvalidOperationException($"数据库迁移失败，已恢复到迁移前的状态（database migration failed and was rolled back）：{e.Message}", e);
        }

        guard.Complete();
    }

    /// <summary>
    /// The audit table's append-only triggers come with the first migration; whoever dropped or disabled one since
    /// (a database owner can) finds it back at the next start, and the log says so.
    /// </summary>
    private async Task EnsureAuditProtectionAsync(CancellationToken ct)
    {
        var restored = await AuditProtection.EnsureAsync(db, ct);
        if (restored.Count == 0)
        {
            return;
        }

        log.LogWarning("Audit log protection triggers were missing or disabled and have been restored: {Triggers}", string.Join(", ", restored));
        await audit.RecordAsync(AuditActions.ProtectionRestored, details: new { triggers = restored }, userName: "system", ct: ct);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }
    }

    private async Task EnsureBuiltInCalendarsAsync(CancellationToken ct)
    {
        var existing = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        foreach (var notice in BuiltInHolidays.All.Where(n => !existing.Contains(n.Year)))
        {
            db.CalendarYears.Add(new CalendarYear { Year = notice.Year, Source = notice.Source });
            db.CalendarDays.AddRange(CalendarService.ToDays(notice.Year, notice.Holidays, notice.Workdays));
        }

        await db.SaveChangesAsync(ct);
    }
}
