using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Installation;

public sealed record InitialAccount(string UserName, string Role, string DisplayName, string OneTimePassword);

/// <summary>Either the errors (nothing was written) or the three accounts with their one-time passwords.</summary>
public sealed record InitResult(IReadOnlyList<string> Errors, IReadOnlyList<InitialAccount> Accounts);

/// <summary>
/// <c>init</c>: turns an empty installation into a county's own. Creates the county with its province and prefecture
/// and the three 三员 accounts (system, security and audit administrators, 等保 separation of duties). Their passwords
/// are random, shown once to the operator, and must be replaced at first login, where two-factor enrolment follows
/// (<see cref="MinzhengClaimsFactory.GateAsync"/>). Runs once: all of it in one transaction, audited.
/// </summary>
public sealed class FirstAdministrators(MinzhengDbContext db, MinzhengUserManager users, AuditLog audit, TimeProvider clock)
{
    public static IReadOnlyList<(string UserName, string Role, string DisplayName)> Accounts { get; } =
    [
        ("sysadmin", Roles.Admin, "系统管理员"),
        ("secadmin", Roles.Security, "安全管理员"),
        ("auditadmin", Roles.Auditor, "审计管理员"),
    ];

    public async Task<InitResult> InitializeAsync(string? county, string? name, string? prefectureName, CancellationToken ct)
    {
        var errors = new List<string>();
        var names = ValidateArguments(county, name, prefectureName, errors);
        if (errors.Count == 0)
        {
            await CheckEmptyAsync(errors, ct);
        }

        var regions = errors.Count == 0 ? await PlanRegionsAsync(county!, names!.Value, errors, ct) : [];
        if (errors.Count > 0)
        {
            return new InitResult(errors, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var countyCode = county + "000000";
        foreach (var (code, regionName) in regions)
        {
            RegionCode.TryGetLevel(code, out var level, out _);
            db.Regions.Add(new Region(code, regionName, level, RegionCode.ParentOf(code, level)));
        }

        await db.SaveChangesAsync(ct);
        var accounts = new List<InitialAccount>();
        foreach (var (userName, role, displayName) in Accounts)
        {
            var password = OneTimePassword();
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                DisplayName = displayName,
                RegionCode = countyCode,
                CreatedAt = clock.GetUtcNow(),
                PasswordChangedAt = clock.GetUtcNow(),
                MustChangePassword = true,
            };
            Check(await users.CreateAsync(user, password), userName);
            Check(await users.AddToRoleAsync(user, role), userName);
            audit.Add(AuditActions.AccountCreated, entityType: "AppUser", entityId: user.Id.ToString(), regionCode: countyCode,
                details: new { user.UserName, user.DisplayName, role }, userName: UserDirectory.SystemUser);
            accounts.Add(new InitialAccount(userName, role, displayName, password));
        }

        InstallationState.Record(audit, InstallationState.Initialized, countyCode,
            new { county = countyCode, regions = regions.Select(r => r.Code), accounts = accounts.Select(a => a.UserName) });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new InitResult([], accounts);
    }

    private static (string County, string? Prefecture)? ValidateArguments(string? county, string? name, string? prefectureName, List<string> errors)
    {
        if (county is not { Length: 6 } || !county.All(char.IsAsciiDigit))
        {
            errors.Add($"县级区划代码应为6位数字（如 360482），收到“{county}”");
        }
        else if (Provinces.NameOf(county[..2]) is null)
        {
            errors.Add($"县级区划代码“{county}”的前两位“{county[..2]}”不是省级区划代码");
        }
        else if (county[2..4] == "00")
        {
            errors.Add($"“{county}”不是县级区划代码：第3–4位（地级）不能是00");
        }

        var countyName = CheckName(name, "--name（县级区划名称）", errors);
        var prefecture = prefectureName is null ? null : CheckName(prefectureName, "--prefecture-name（地级区划名称）", errors);
        return errors.Count == 0 ? (countyName!, prefecture) : null;
    }

    private static string? CheckName(string? value, string field, List<string> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add($"缺少 {field}");
        }
        else if (trimmed.Length > Region.NameMaxLength || trimmed.Any(char.IsControl))
        {
            errors.Add($"{field}应为不超过{Region.NameMaxLength}个字且不含控制字符的名称");
        }

        return trimmed;
    }

    private async Task CheckEmptyAsync(List<string> errors, CancellationToken ct)
    {
        if (await InstallationState.CountyAsync(db, ct) is { } initialized)
        {
            errors.Add($"本系统已于此前为区划 {initialized[..6]} 初始化，init 只能运行一次；忘记管理员密码请由安全管理员重置");
        }
        else if (await InstallationState.HasDemoDataAsync(db, ct))
        {
            errors.Add("数据库中有演示数据和演示账户：请先运行 demo remove 删除，或使用新的空数据库");
        }
        else if (await db.Users.CountAsync(ct) is > 0 and var accounts)
        {
            errors.Add($"数据库中已有 {accounts} 个账户，init 只用于空的新系统");
        }
    }

    /// <summary>The province, prefecture and county rows still missing (official codes imported earlier are kept).</summary>
    private async Task<List<(string Code, string Name)>> PlanRegionsAsync(
        string county, (string County, string? Prefecture) names, List<string> errors, CancellationToken ct)
    {
        // A city without counties (东莞市 441900) is its own county-level unit: no separate prefecture row.
        var cityIsCounty = county[4..] == "00";
        var codes = new[] { county[..2] + "0000000000", county[..4] + "00000000", county + "000000" };
        var existing = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        if (existing.TryGetValue(codes[2], out var current) && current != names.County)
        {
            errors.Add($"区划 {county} 已存在，名称为“{current}”，与 --name “{names.County}”不符");
        }

        var prefecture = cityIsCounty ? names.County : names.Prefecture ?? Provinces.KnownPrefectureName(county[..4]);
        if (!existing.ContainsKey(codes[1]) && prefecture is null)
        {
            errors.Add($"请用 --prefecture-name 给出地级区划 {county[..4]}00 的名称（如 --prefecture-name 九江市），或先用 import-regions 导入官方区划代码");
        }

        var wanted = new[] { Provinces.NameOf(county[..2])!, prefecture ?? "", names.County };
        return codes.Select((code, i) => (code, wanted[i])).Distinct().Where(r => !existing.ContainsKey(r.code)).ToList();
    }

    /// <summary>Four groups of four from letters and digits that cannot be misread (no 0/O, 1/l/I), joined by '-'.</summary>
    private static string OneTimePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 4));
            var password = string.Join('-', groups);
            if (password.Any(char.IsAsciiLetterUpper) && password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiDigit))
            {
                return password;
            }
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
