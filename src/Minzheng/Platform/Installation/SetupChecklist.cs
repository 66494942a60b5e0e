using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Installation;

/// <summary>One step of going live: whether it is done, what was found, and how to do it (`…` marks commands and settings).</summary>
public sealed record SetupItem(string Title, bool Done, string Status, string HowTo, bool Optional = false);

/// <summary>
/// The system administrator's go-live checklist (上线检查), computed from the database and the configuration each time
/// it is opened, so it never says "done" about something that was undone since.
/// </summary>
public sealed class SetupChecklist(MinzhengDbContext db, IConfiguration configuration, DeploymentMode mode, TimeProvider clock)
{
    public async Task<IReadOnlyList<SetupItem>> EvaluateAsync(string countyCode, bool requestIsHttps, CancellationToken ct)
    {
        var countyFull = await InstallationState.CountyAsync(db, ct) ?? countyCode;
        var county = countyFull[..6];
        var countyName = await db.Regions.AsNoTracking().Where(r => r.Code == countyFull).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "本县";
        var year = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).Year;
        var years = await db.CalendarYears.AsNoTracking().Where(y => y.Year == year || y.Year == year + 1).Select(y => y.Year).ToListAsync(ct);
        var townships = await db.Regions.AsNoTracking().CountAsync(r => r.Code.StartsWith(county) && r.Level == RegionLevel.Township, ct);
        var villages = await db.Regions.AsNoTracking().CountAsync(r => r.Code.StartsWith(county) && r.Level == RegionLevel.Village, ct);
        var administratorAccounts = await UsersInRolesAsync(Roles.Administrators, ct);
        var (administrators, pending) = Administrators(administratorAccounts);
        var business = await BusinessAccountsAsync(administratorAccounts.Select(u => u.Id).ToHashSet(), ct);

        return
        [
            new("以正式模式运行", !mode.IsDemo, mode.IsDemo ? "当前为演示模式：登录页公开演示密码，首次登录不强制改密和双因素认证" : "演示模式已关闭",
                "设置 `Demo:Enabled=false`（环境变量 `Demo__Enabled=false`）后重启；有演示数据时先运行 `minzheng demo remove`"),
            new("三员账户启用", pending.Count == 0 && administrators > 0,
                pending.Count == 0 ? $"{administrators}个管理员账户均已修改初始密码并启用双因素认证" : $"尚未完成首次登录（改密并绑定动态验证码）：{string.Join("、", pending)}",
                "把 `init` 打印的一次性密码当面交给系统管理员、安全管理员和审计管理员本人，各自登录后按提示修改密码、绑定手机验证器"),
            new("导入官方区划代码", townships > 0 && villages > 0, $"{countyName}已有 {townships} 个乡镇（街道）、{villages} 个村（社区）",
                "从国家统计局统计用区划代码取得本县的 `code,name` 清单，在服务器上运行 `minzheng import-regions <文件>`，或在“区划管理”页面导入"),
            new("确认工作日历", years.Count == 2, years.Count == 2 ? $"{year}年和{year + 1}年的节假日安排已录入" : $"缺少：{string.Join("、", new[] { year, year + 1 }.Except(years).Select(y => $"{y}年"))}",
                "国务院办公厅公布节假日安排后，在“工作日历”页面录入放假日期和调休上班日；法定期限按工作日计算"),
            new("加密密钥来自配置", KeysFromConfiguration(), KeysFromConfiguration() ? "个人信息加密密钥和会话密钥均来自配置" : "密钥是首次启动时在数据目录 `keys/` 中生成的：数据目录丢失或被复制即同时丢失或泄露密钥",
                "把 `Privacy:ActiveKeyId`、`Privacy:Keys:<编号>`、`Privacy:IndexKey` 和 `DataProtection:KeyEncryptionKey` 放入只有服务账户可读的环境文件（见 `deploy/minzheng.env.example`），并用 `minzheng backup keys` 另行保管"),
            new("安全连接（HTTPS）和反向代理", requestIsHttps && configuration.GetValue<bool>("Security:RequireHttps"),
                requestIsHttps ? "本次访问使用 HTTPS" + (configuration.GetValue<bool>("Security:RequireHttps") ? "，并强制 HTTPS" : "，但未设置 `Security:RequireHttps`") : "本次访问未使用 HTTPS：密码和个人信息以明文传输",
                "在反向代理（`nginx`）上配置证书（见 `deploy/nginx-minzheng.conf`），设置 `Security:TrustedProxies` 为代理地址、`Security:RequireHttps=true`"),
            new("定时备份", configuration["Backup:Folder"] is { Length: > 0 },
                configuration["Backup:Folder"] is { Length: > 0 } folder ? $"每天{configuration.GetValue("Backup:Hour", 2)}点备份到 `{folder}`，保留{configuration.GetValue("Backup:Keep", 14)}份" : "未设置 `Backup:Folder`：没有自动备份",
                "设置 `Backup:Folder`（最好是另一块磁盘或网络存储）、`Backup:Hour` 和 `Backup:Keep`；密钥用 `minzheng backup keys` 单独备份，恢复演练见操作手册"),
            new("短信或邮件通知", true, "本版本不发送短信或邮件：通知在系统内的待办和期限提醒中显示", "无需配置", Optional: true),
            new("创建业务账户并授予角色", business.WithRole > 0 && business.WithoutRole == 0,
                $"业务账户 {business.WithRole} 个已授予角色" + (business.WithoutRole > 0 ? $"，{business.WithoutRole} 个尚未授予" : ""),
                "系统管理员在“用户管理”按乡镇、村创建账户（初始密码当面交付），安全管理员为每个账户授予角色和管辖范围"),
        ];
    }

    private bool KeysFromConfiguration() =>
        configuration["Privacy:ActiveKeyId"] is { Length: > 0 } && configuration["Privacy:IndexKey"] is { Length: > 0 }
        && configuration["DataProtection:KeyEncryptionKey"] is { Length: > 0 };

    private static (int Count, List<string> Pending) Administrators(List<AppUser> administrators) =>
        (administrators.Count, administrators.Where(u => u.MustChangePassword || !u.TwoFactorEnabled).Select(u => $"{u.DisplayName}（`{u.UserName}`）").ToList());

    private async Task<(int WithRole, int WithoutRole)> BusinessAccountsAsync(IReadOnlySet<Guid> administrators, CancellationToken ct)
    {
        var withAnyRole = await db.UserRoles.AsNoTracking().Select(r => r.UserId).Distinct().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => u.Id).ToListAsync(ct);
        var business = users.Where(id => !administrators.Contains(id)).ToList();
        return (business.Count(withAnyRole.Contains), business.Count(id => !withAnyRole.Contains(id)));
    }

    private async Task<List<AppUser>> UsersInRolesAsync(IReadOnlySet<string> roles, CancellationToken ct)
    {
        var names = roles.ToList();
        var roleIds = await db.Roles.AsNoTracking().Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var userIds = await db.UserRoles.AsNoTracking().Where(r => roleIds.Contains(r.RoleId)).Select(r => r.UserId).ToListAsync(ct);
        return await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.IsActive).ToListAsync(ct);
    }
}
