using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Hosting;

/// <summary>Admin verbs of the executable: <c>migrate</c>, <c>seed-demo</c>, <c>import-regions &lt;file&gt;</c>.</summary>
public sealed record CommandLine(string? Verb, string[] VerbArgs, string[] HostArgs)
{
    public static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--data"] = "Data:Path",
        ["--to"] = "Backup:To",
        ["--keys"] = "Backup:KeysFile",
        ["--county"] = "Init:County",
        ["--name"] = "Init:Name",
        ["--prefecture-name"] = "Init:PrefectureName",
    };

    private static readonly string[] Verbs = ["migrate", "seed-demo", "import-regions", "audit", "privacy", "backup", "restore", "init", "demo", "help"];

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return new CommandLine(null, [], args);
        }

        // Positional arguments follow the verb until the first --option.
        var positional = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return new CommandLine(args[0], positional, args.Skip(1 + positional.Length).ToArray());
    }

    public static async Task<int> RunAsync(WebApplication app, CommandLine command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var ct = app.Lifetime.ApplicationStopping;
        switch (command.Verb)
        {
            case null:
                return await StartupRunner.RunAsync(app, () => PrintWelcome(app));
            case "migrate":
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
                Console.WriteLine("数据库已迁移到最新版本 (migrations applied).");
                return 0;
            case "seed-demo":
                if (await InstallationVerbs.RefuseDemoOnProductionAsync(services, ct))
                {
                    return 1;
                }

                await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct, seedDemo: true);
                Console.WriteLine("演示数据已就绪 (demo data seeded).");
                return 0;
            case "import-regions" when command.VerbArgs.Length == 1:
                return await ImportRegionsAsync(services, command.VerbArgs[0], ct);
            case "backup" or "restore":
                return await Operations.BackupVerbs.RunAsync(services, command, ct);
            case "init" when command.VerbArgs.Length == 0:
                return await InstallationVerbs.InitAsync(services, app.Configuration, ct);
            case "demo" when command.VerbArgs is ["remove"]:
                return await InstallationVerbs.RemoveDemoAsync(services, ct);
            case "audit" when command.VerbArgs is ["verify"]:
                return await AuditVerbs.VerifyAsync(services, ct);
            case "audit" when command.VerbArgs is ["checkpoint"]:
                return await AuditVerbs.CheckpointAsync(services, ct);
            case "privacy" when command.VerbArgs is ["rekey"]:
                await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
                var changed = await services.GetRequiredService<Privacy.Rekey>().RunAsync(ct);
                Console.WriteLine($"已用当前密钥重新加密 {changed} 个值 (re-encrypted {changed} values under the active key).");
                return 0;
            default:
                Console.WriteLine("""
                    用法 / usage: Minzheng [verb] [--data <folder>] [--urls <url>]
                      (无)                    启动网站 / run the web application
                      migrate                 迁移数据库 / apply database migrations
                      init --county <6位代码> --name <名称> [--prefecture-name <地级名称>]
                                              正式上线：创建本县区划和三员账户（只能运行一次）/ first administrators
                      demo remove             删除演示数据和演示账户 / remove the demo data and accounts
                      seed-demo               写入演示数据 / seed the demo county and accounts
                      import-regions <file>   导入区划代码 (CSV/XLSX: code,name) / import an official region code list
                      audit verify            校验审计日志哈希链与检查点 / verify the audit log's chain and checkpoints (exit 1 if broken)
                      audit checkpoint        立即记下审计日志检查点 / write a signed checkpoint of the audit log's head now
                      privacy rekey           密钥轮换后重新加密 / re-encrypt personal data under the active key
                      backup [--to <目录>]     备份数据库（不含密钥）/ back up the database, without its keys
                      backup keys --to <目录>  备份密钥（与数据备份分开保存）/ back up the keys, to keep apart from the data
                      restore <备份文件> --keys <密钥文件>  恢复到空的数据库 / restore into an empty database
                    """);
                return command.Verb == "help" ? 0 : 2;
        }
    }

    private static async Task<int> ImportRegionsAsync(IServiceProvider services, string path, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"文件不存在：{path}");
            return 1;
        }

        await using var stream = File.OpenRead(path);
        var result = await services.GetRequiredService<RegionService>().ImportAsync(stream, Path.GetFileName(path), ct);
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"第{error.Row}行 {error.Column}：{error.Message}");
        }

        foreach (var rename in result.Renamed)
        {
            Console.WriteLine($"更名 {rename.Code}：{rename.OldName} → {rename.NewName}");
        }

        if (result.Updated > result.Renamed.Count)
        {
            Console.WriteLine($"……另有{result.Updated - result.Renamed.Count}个更名未列出");
        }

        Console.WriteLine(result.Errors.Count == 0
            ? $"导入完成：新增{result.Added}个，更新{result.Updated}个{(result.Skipped > 0 ? $"，其他县的{result.Skipped}个代码未导入" : "")}"
            : $"导入失败：{result.Errors.Count}处错误，未写入任何数据");
        return result.Errors.Count == 0 ? 0 : 1;
    }

    private static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (Observability.LogFormat.IsJson(app.Configuration, outputIsTerminal: !Console.IsOutputRedirected))
        {
            // JSON logs must stay one object per line: the banner becomes a log entry.
            app.Logger.LogInformation("Minzheng started at {Urls} on {Provider}", string.Join(" ", addresses), settings.Provider);
            return;
        }

        Console.WriteLine();
        Console.WriteLine("民政综合业务平台 Minzheng 已启动");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  访问地址 / URL: {address}");
        }

        Console.WriteLine($"  数据库 / database: {settings.Provider}{(settings.Provider == DatabaseProvider.Sqlite ? $" ({settings.DataPath})" : "")}");
        if (DatabaseInitializer.IsDemoEnabled(app.Configuration, settings))
        {
            Console.WriteLine($"  演示账户 / demo accounts (密码 password: {DemoSeeder.Password}):");
            foreach (var account in DemoSeeder.Accounts)
            {
                Console.WriteLine($"    {account.UserName,-9} {Roles.DisplayName(account.Role)}  {account.DisplayName}  {account.RegionCode}");
            }
        }

        Console.WriteLine();
    }
}
