using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Demo;

/// <summary>
/// Demo mode data (DESIGN §5): the demo county 共青城市 with its parents, townships and villages, and one account per
/// role, all with <see cref="Password"/>. Idempotent: a restart adds only what is missing and changes nothing else.
/// </summary>
public sealed class DemoSeeder(MinzhengDbContext db, UserManager<AppUser> users, Auditing.AuditLog audit, TimeProvider clock, ILogger<DemoSeeder> log)
{
    public const string Password = "Demo@2026!";
    public const string CountyCode = "360482000000";

    public static IReadOnlyList<(string Code, string Name)> Regions { get; } =
    [
        ("360000000000", "江西省"), ("360400000000", "九江市"), (CountyCode, "共青城市"),
        ("360482001000", "茶山街道"), ("360482001001", "青年社区"), ("360482001002", "富华社区"), ("360482001003", "南湖社区"),
        ("360482100000", "甘露镇"), ("360482100001", "甘露社区"), ("360482100201", "红光村"), ("360482100202", "东风村"), ("360482100203", "新华村"),
        ("360482101000", "江益镇"), ("360482101001", "江益社区"), ("360482101201", "芦山村"), ("360482101202", "桃园村"),
        ("360482200000", "金湖乡"), ("360482200201", "金湖村"), ("360482200202", "三角村"), ("360482200203", "金盆村"),
        ("360482201000", "苏家垱乡"), ("360482201201", "苏家垱村"), ("360482201202", "长岭村"), ("360482201203", "东湖村"),
        ("360482202000", "泽泉乡"), ("360482202201", "泽泉村"), ("360482202202", "桂花村"), ("360482202203", "高桥村"),
    ];

    public sealed record DemoAccount(string UserName, string Role, string DisplayName, string RegionCode);

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", Roles.Admin, "赵磊", CountyCode),
        new("security", Roles.Security, "孙敏", CountyCode),
        new("auditor", Roles.Auditor, "周静", CountyCode),
        new("county", Roles.County, "张丽华", CountyCode),
        new("approver", Roles.CountyApprover, "黄建军", CountyCode),
        new("finance", Roles.Finance, "陈志强", CountyCode),
        new("township", Roles.Township, "王晓梅", "360482100000"),
        new("reviewer", Roles.TownshipReviewer, "周志华", "360482100000"),
        new("village", Roles.Village, "李建国", "360482100201"),
        new("leader", Roles.Leader, "刘文明", CountyCode),
        new("marriage", Roles.MarriageRegistrar, "吴佳", CountyCode),
        new("marriagehead", Roles.MarriageHead, "钟丽萍", CountyCode),
        new("funeral", Roles.FuneralClerk, "郑国平", CountyCode),
        new("socialorg", Roles.SocialOrgRegistrar, "郑雅琴", CountyCode),
        new("veterans", Roles.VeteransOfficer, "何永军", CountyCode),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await db.Regions.Select(r => r.Code).ToHashSetAsync(ct);
        foreach (var (code, name) in Regions.Where(r => !existing.Contains(r.Code)))
        {
            RegionCode.TryGetLevel(code, out var level, out _);
            db.Regions.Add(new Region(code, name, level, RegionCode.ParentOf(code, level)));
        }

        await db.SaveChangesAsync(ct);

        var created = new List<string>();
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                RegionCode = account.RegionCode,
                CreatedAt = clock.GetUtcNow(),
                PasswordChangedAt = clock.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, Password), account.UserName);
            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
            log.LogInformation("Demo account {User} created", account.UserName);
            created.Add(account.UserName);
        }

        if (created.Count > 0)
        {
            // Production refuses to start on this database until `demo remove` (the accounts' password is public).
            Installation.InstallationState.Record(audit, Installation.InstallationState.DemoSeeded, CountyCode, new { accounts = created });
            await db.SaveChangesAsync(ct);
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
