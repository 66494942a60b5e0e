using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Installation;

/// <summary>
/// Keeps demo and production apart: finds demo data where production is about to start, and removes exactly the demo
/// (its accounts, its made-up regions and every business row) from an installation that was only ever a demo.
/// </summary>
public sealed class DemoData(MinzhengDbContext db, UserManager<AppUser> users, AuditLog audit)
{
    /// <summary>Why this database must not run in production, or null when it holds no demo.</summary>
    public async Task<string?> FindAsync(CancellationToken ct)
    {
        if (await InstallationState.HasDemoDataAsync(db, ct))
        {
            return "数据库中有演示数据和演示账户（演示密码公开）";
        }

        // Databases seeded before the demo was recorded in the audit log: a demo account with the public password.
        var demoNames = DemoSeeder.Accounts.Select(a => a.UserName.ToUpperInvariant()).ToList();
        foreach (var user in await db.Users.AsNoTracking().Where(u => demoNames.Contains(u.NormalizedUserName!)).ToListAsync(ct))
        {
            if (user.PasswordHash is not null
                && users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, DemoSeeder.Password) != PasswordVerificationResult.Failed)
            {
                return $"演示账户“{user.UserName}”仍使用公开的演示密码";
            }
        }

        return null;
    }

    /// <summary>Removes the demo; the errors say why not (nothing is changed then).</summary>
    public async Task<(IReadOnlyList<string> Errors, IReadOnlyDictionary<string, int> Removed)> RemoveAsync(CancellationToken ct)
    {
        var errors = new List<string>();
        if (await FindAsync(ct) is null)
        {
            errors.Add("数据库中没有演示数据");
        }
        else if (await InstallationState.CountyAsync(db, ct) is not null)
        {
            errors.Add("本系统已用 init 初始化为正式系统，demo remove 不能在正式系统上运行");
        }

        var demoNames = DemoSeeder.Accounts.Select(a => a.UserName).ToHashSet(StringComparer.Ordinal);
        var others = await db.Users.AsNoTracking().Where(u => !demoNames.Contains(u.UserName!)).Select(u => u.UserName).ToListAsync(ct);
        if (others.Count > 0)
        {
            errors.Add($"数据库中有非演示账户（{string.Join("、", others.Take(10))}），其数据不能当作演示数据删除；请使用新的空数据库");
        }

        var tables = BusinessTables.InDeletionOrder(db.Model);
        var creators = demoNames.Append(UserDirectory.SystemUser).Append("").ToArray();
        foreach (var table in tables.Where(t => t.CreatedByColumn is not null))
        {
            var foreign = await CountForeignRowsAsync(table, creators, ct);
            if (foreign > 0)
            {
                errors.Add($"表 {table.Name} 中有 {foreign} 行不是演示账户录入的，不能当作演示数据删除");
            }
        }

        if (errors.Count > 0)
        {
            return (errors, new Dictionary<string, int>());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        // Statistics triggers write summary rows when the rows they count are deleted: pass again until nothing is left.
        for (var pass = 0; pass < 5; pass++)
        {
            var deleted = 0;
            foreach (var table in tables)
            {
                // Table names come from the EF model, never from input.
#pragma warning disable EF1002
                var count = await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table.Name}\"", ct);
#pragma warning restore EF1002
                removed[table.Name] = removed.GetValueOrDefault(table.Name) + (pass == 0 ? count : 0);
                deleted += count;
            }

            if (deleted == 0)
            {
                break;
            }
        }

        removed["AspNetUsers"] = await RemoveAccountsAsync(demoNames, ct);
        removed["Regions"] = await RemoveDemoRegionsAsync(ct);
        InstallationState.Record(audit, InstallationState.DemoRemoved, DemoSeeder.CountyCode,
            new { removed = removed.Where(r => r.Value > 0).ToDictionary() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ([], removed);
    }

    private async Task<int> RemoveAccountsAsync(HashSet<string> demoNames, CancellationToken ct)
    {
        var accounts = await db.Users.Where(u => demoNames.Contains(u.UserName!)).ToListAsync(ct);
        foreach (var account in accounts)
        {
            var result = await users.DeleteAsync(account);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }

        return accounts.Count;
    }

    /// <summary>The demo's regions that nothing else uses any more, villages first (a parent goes after its children).</summary>
    private async Task<int> RemoveDemoRegionsAsync(CancellationToken ct)
    {
        var codes = DemoSeeder.Regions.Select(r => r.Code).ToList();
        var count = 0;
        foreach (var region in (await db.Regions.Where(r => codes.Contains(r.Code)).ToListAsync(ct)).OrderByDescending(r => r.Level))
        {
            if (!await db.Regions.AnyAsync(r => r.ParentCode == region.Code && !codes.Contains(r.Code), ct))
            {
                count += await db.Regions.Where(r => r.Code == region.Code).ExecuteDeleteAsync(ct);
            }
        }

        return count;
    }

    /// <summary>Rows of a business table recorded by someone other than the demo accounts or the system.</summary>
    private Task<int> CountForeignRowsAsync(BusinessTable table, string[] creators, CancellationToken ct)
    {
        // Table and column names come from the EF model, never from input; the creators are bound as parameters.
        var placeholders = string.Join(", ", creators.Select((_, i) => "{" + i + "}"));
        var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table.Name + "\" WHERE \"" + table.CreatedByColumn + "\" NOT IN (" + placeholders + ")";
        return db.Database.SqlQueryRaw<int>(sql, [.. creators]).SingleAsync(ct);
    }
}

/// <summary>Demo and production never mix: the start is refused, with what to do, and nothing is changed.</summary>
public sealed class InstallationModeException(string message) : Exception(message)
{
    public static InstallationModeException DemoInProduction(string found) => new(
        $"{found}，正式模式（Demo:Enabled=false）拒绝启动。请先运行 `minzheng demo remove` 删除演示数据和演示账户，"
        + "然后运行 `minzheng init --county <县级代码> --name <名称>` 创建正式管理员；或以演示模式运行。"
        + " Demo data found; production refuses to start until `demo remove` is run.");

    public static InstallationModeException ProductionInDemo(string county) => new(
        $"本系统已用 init 初始化为正式系统（{county[..6]}），不能以演示模式运行：请设置 Demo:Enabled=false（环境变量 Demo__Enabled=false）。"
        + " This installation was initialised for production; set Demo:Enabled=false.");
}
