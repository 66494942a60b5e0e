using Minzheng.Platform.Calendar;

namespace Minzheng.Platform.Operations;

/// <summary>
/// The daily backup when <c>Backup:Folder</c> is set: at <c>Backup:Hour</c> (China time, default 2 点), keeping the newest
/// <c>Backup:Keep</c> backups (default 14), made by the one instance that runs the scheduled work. Keys are not part of
/// it: they are backed up once, by hand, and after each rotation.
/// </summary>
public sealed class ScheduledBackups(DatabaseBackup backups, IConfiguration configuration, TimeProvider clock,
    Hosting.StartupProgress startup, SchedulerLeadership leadership, ILogger<ScheduledBackups> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configuration["Backup:Folder"] is not { Length: > 0 })
        {
            return;
        }

        var folder = BackupVerbs.DefaultFolder(configuration);
        await startup.DatabaseReady.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(UntilNext(clock.GetUtcNow(), Math.Clamp(configuration.GetValue("Backup:Hour", 2), 0, 23)), clock, stoppingToken);
            if (!leadership.IsLeader)
            {
                continue; // another instance of the installation makes tonight's backup
            }

            try
            {
                var (file, _) = await backups.BackupAsync(folder, stoppingToken);
                var removed = Prune(folder, Math.Max(1, configuration.GetValue("Backup:Keep", 14)));
                log.LogInformation("Scheduled backup written to {File}; {Removed} old backups removed", file, removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed night must not stop the next one; the log says why.
                log.LogError(e, "Scheduled backup failed");
            }
        }
    }

    /// <summary>The time until the next <paramref name="hour"/> o'clock, China time.</summary>
    public static TimeSpan UntilNext(DateTimeOffset now, int hour)
    {
        var local = now.ToOffset(ChinaTime.Offset);
        var next = new DateTimeOffset(local.Year, local.Month, local.Day, hour, 0, 0, ChinaTime.Offset);
        return (next > local ? next : next.AddDays(1)) - local;
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> backups (with their manifests); returns how many went.</summary>
    public static int Prune(string folder, int keep)
    {
        var old = Directory.GetFiles(folder, DatabaseBackup.FilePrefix + "*")
            .Where(f => f.EndsWith(".db", StringComparison.Ordinal) || f.EndsWith(".pgdump", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).StartsWith("minzheng-keys-", StringComparison.Ordinal))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal).Skip(keep).ToList();
        foreach (var file in old)
        {
            File.Delete(file);
            File.Delete(file + BackupManifest.Suffix);
        }

        return old.Count;
    }
}
