using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Observability;

// Each check is resolved in a scope of its own by the health-check service, so the three may share no DbContext.
// Descriptions name the problem and the remedy in Chinese and English for the operator reading /health/ready or a
// monitoring alert; exception details go to the log, never into an anonymous answer.

/// <summary>The database answers a connection.</summary>
public sealed class DatabaseCheck(MinzhengDbContext db, ILogger<DatabaseCheck> log) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Healthy("数据库可以连接 (database reachable)");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Readiness: the database cannot be reached");
        }

        return HealthCheckResult.Unhealthy("无法连接数据库，请检查数据库服务和连接配置 (database unreachable: check the database server and ConnectionStrings)");
    }
}

/// <summary>Every migration this build knows is applied (history table <c>__ef_migrations</c>).</summary>
public sealed class MigrationsCheck(MinzhengDbContext db, ILogger<MigrationsCheck> log) : IHealthCheck
{
    public const string Name = "migrations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending;
        try
        {
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Readiness: the applied migrations cannot be read");
            return HealthCheckResult.Unhealthy("无法读取数据库迁移记录 (cannot read the migration history: is the database reachable?)");
        }

        return pending.Count == 0
            ? HealthCheckResult.Healthy("数据库结构为最新版本 (all migrations applied)")
            : HealthCheckResult.Unhealthy(
                string.Create(CultureInfo.InvariantCulture, $"有 {pending.Count} 个数据库迁移未执行，请运行 migrate 命令 ({pending.Count} pending migrations: {string.Join(", ", pending)}; run the migrate verb)"),
                data: new Dictionary<string, object> { ["pending"] = pending });
    }
}

/// <summary>
/// The data folder (SQLite database, keys, attachments' spool) has at least <c>Observability:Health:MinFreeDiskMegabytes</c>
/// (default 1024) free: a full disk stops SQLite writes and backups mid-way.
/// </summary>
public sealed class DiskSpaceCheck(DatabaseSettings settings, IConfiguration configuration) : IHealthCheck
{
    public const string Name = "disk";
    public const string Setting = "Observability:Health:MinFreeDiskMegabytes";
    public const long DefaultMinimumMegabytes = 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var minimum = configuration.GetValue<long?>(Setting) ?? DefaultMinimumMegabytes;
        long freeMegabytes;
        try
        {
            // statvfs of the folder itself, whatever the mount it is on.
            freeMegabytes = new DriveInfo(ExistingFolder(settings.DataPath)).AvailableFreeSpace / (1024 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"无法读取数据目录的磁盘空间 (cannot read the free space of the data folder {settings.DataPath}: {e.GetType().Name})"));
        }

        var data = new Dictionary<string, object> { ["path"] = settings.DataPath, ["freeMegabytes"] = freeMegabytes, ["minimumMegabytes"] = minimum };
        return Task.FromResult(freeMegabytes >= minimum
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"数据目录剩余 {freeMegabytes} MB (free space {freeMegabytes} MB)"), data)
            : HealthCheckResult.Unhealthy(
                string.Create(CultureInfo.InvariantCulture, $"数据目录磁盘空间不足：剩余 {freeMegabytes} MB，低于 {minimum} MB (low disk space in {settings.DataPath}: {freeMegabytes} MB free, {Setting} = {minimum})"),
                data: data));
    }

    // On PostgreSQL with keys from configuration the data folder may not exist yet: its disk is the nearest parent's.
    private static string ExistingFolder(string path)
    {
        var folder = Path.GetFullPath(path);
        while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent)
        {
            folder = parent;
        }

        return folder;
    }
}
