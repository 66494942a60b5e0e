using Minzheng.Platform.Data;
using Minzheng.Platform.Hosting;

namespace Minzheng.Platform.Operations;

/// <summary>The <c>backup</c>, <c>backup keys</c> and <c>restore</c> verbs of the executable; refusals print their reason and exit 1.</summary>
public static class BackupVerbs
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandLine command, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var settings = services.GetRequiredService<DatabaseSettings>();
        var backups = services.GetRequiredService<DatabaseBackup>();
        var folder = configuration["Backup:To"] is { Length: > 0 } to ? Path.GetFullPath(to) : DefaultFolder(configuration);
        try
        {
            switch (command.Verb, command.VerbArgs)
            {
                case ("backup", []):
                    await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
                    var (file, manifest) = await backups.BackupAsync(folder, ct);
                    Console.WriteLine($"已备份数据库 (backup written): {file}（{manifest.Tables.Count} 张表，{manifest.Tables.Values.Sum()} 行；不含密钥）");
                    return 0;
                case ("backup", ["keys"]):
                    var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                    var keyFile = Path.Combine(folder, $"minzheng-keys-{now:yyyyMMdd-HHmmss}.json");
                    Security.PrivateFiles.EnsureFolder(folder);
                    KeyBundle.Capture(configuration, settings.DataPath, now).Write(keyFile);
                    Console.WriteLine($"已备份密钥 (keys written): {keyFile}\n请与数据备份分开保存（如离线介质、保险柜）；任何人同时拿到两者即可解密个人信息。");
                    return 0;
                case ("restore", [var backup]):
                    var restored = await backups.RestoreAsync(Path.GetFullPath(backup), configuration["Backup:KeysFile"], ct);
                    Console.WriteLine($"已恢复 (restored) {restored.CreatedAt:yyyy-MM-dd HH:mm} 的备份：{restored.Tables.Count} 张表，行数与清单一致；请执行 audit verify 后启动。");
                    return 0;
                default:
                    Console.Error.WriteLine("用法：backup [--to <目录>] | backup keys --to <目录> | restore <备份文件> --keys <密钥文件>");
                    return 2;
            }
        }
        catch (OperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>Backups beside the data folder, never inside it: the data folder holds the keys.</summary>
    public static string DefaultFolder(IConfiguration configuration) => configuration["Backup:Folder"] is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.GetFullPath("backups");
}
