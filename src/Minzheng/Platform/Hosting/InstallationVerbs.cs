using Minzheng.Platform.Data;
using Minzheng.Platform.Installation;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Hosting;

/// <summary>The go-live verbs: <c>init</c> (first administrators) and <c>demo remove</c>. Refusals exit 1 and change nothing.</summary>
public static class InstallationVerbs
{
    public static async Task<int> InitAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct, seedDemo: false);
        var result = await services.GetRequiredService<FirstAdministrators>().InitializeAsync(
            configuration["Init:County"], configuration["Init:Name"], configuration["Init:PrefectureName"], ct);
        if (result.Errors.Count > 0)
        {
            Console.Error.WriteLine("初始化未执行，没有写入任何数据：");
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"  - {error}");
            }

            return 1;
        }

        // Written to the console only, never to a log: the operator hands each one to its administrator in person.
        Console.WriteLine("初始化完成。三员账户及一次性密码（只显示这一次，请当面交给本人；首次登录须修改密码并绑定动态验证码）：");
        foreach (var account in result.Accounts)
        {
            Console.WriteLine($"  {account.UserName,-11} {Roles.DisplayName(account.Role),-8} {account.OneTimePassword}");
        }

        Console.WriteLine("下一步：以 sysadmin 登录，打开“上线检查”页面逐项完成（导入区划代码、确认工作日历、配置密钥与备份、创建业务账户）。");
        return 0;
    }

    public static async Task<int> RemoveDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var (errors, removed) = await services.GetRequiredService<DemoData>().RemoveAsync(ct);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine("未删除任何数据：");
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"  - {error}");
            }

            return 1;
        }

        Console.WriteLine($"演示数据已删除：{removed.Values.Sum()} 行（{string.Join("，", removed.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}"))}）。");
        Console.WriteLine("请以 Demo:Enabled=false 运行，并用 init 创建正式管理员。");
        return 0;
    }

    /// <summary>True (and says why) when <c>seed-demo</c> would put the demo into a production installation.</summary>
    public static async Task<bool> RefuseDemoOnProductionAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        if (await InstallationState.CountyAsync(services.GetRequiredService<MinzhengDbContext>(), ct) is null)
        {
            return false;
        }

        Console.Error.WriteLine("本系统已用 init 初始化为正式系统，不能写入演示数据。");
        return true;
    }
}
