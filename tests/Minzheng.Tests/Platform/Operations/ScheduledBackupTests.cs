using Minzheng.Platform.Operations;

namespace Minzheng.Tests.Platform.Operations;

/// <summary>The nightly backup's timing (China time) and retention (the newest N backups, with their manifests; key files untouched).</summary>
public sealed class ScheduledBackupTests
{
    [Theory]
    [InlineData("2026-12-05T17:30:00Z", 2, 30)] // 01:30 in Beijing: half an hour later
    [InlineData("2026-12-04T18:00:00Z", 2, 24 * 60)] // exactly 02:00 in Beijing: the next night
    [InlineData("2026-12-05T04:00:00Z", 2, 14 * 60)] // noon in Beijing: 02:00 tomorrow
    public void TheNextRun_IsAtTheConfiguredHourInChina(string now, int hour, int minutes)
    {
        var until = ScheduledBackups.UntilNext(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), hour);
        Assert.Equal(TimeSpan.FromMinutes(minutes), until);
    }

    [Fact]
    public void Pruning_KeepsTheNewestBackupsWithTheirManifests_AndNeverTheKeys()
    {
        var folder = Directory.CreateTempSubdirectory("minzheng-prune-").FullName;
        var days = new[] { "20261201", "20261202", "20261203", "20261204" };
        foreach (var day in days)
        {
            File.WriteAllText(Path.Combine(folder, $"minzheng-{day}-020000.db"), "x");
            File.WriteAllText(Path.Combine(folder, $"minzheng-{day}-020000.db{BackupManifest.Suffix}"), "{}");
        }

        File.WriteAllText(Path.Combine(folder, "minzheng-keys-20261101-090000.json"), "{}");
        Assert.Equal(2, ScheduledBackups.Prune(folder, 2));
        Assert.Equal(new[] { "minzheng-20261203-020000.db", "minzheng-20261203-020000.db.manifest.json", "minzheng-20261204-020000.db",
            "minzheng-20261204-020000.db.manifest.json", "minzheng-keys-20261101-090000.json" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
