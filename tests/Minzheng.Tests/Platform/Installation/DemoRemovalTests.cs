using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Installation;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Platform.Installation;

/// <summary><c>demo remove</c> on a full demo (caseload, payrolls, marriages): all of it or nothing, never someone's real rows.</summary>
public abstract class DemoRemovalTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemoveDemo_RefusesRealRows_ThenRemovesEveryBusinessRowAndDemoAccount_KeepingTheAuditChain()
    {
        Assert.NotNull(await WithAsync((demo, _) => demo.FindAsync(Ct)));

        // A row somebody real entered, or a real account, makes the database more than a demo: nothing is removed.
        var household = await WithAsync((_, db) => db.Households.OrderBy(h => h.Id).Select(h => h.Id).FirstAsync(Ct));
        await SetCreatorAsync(household, "zhangsan");
        var refused = await WithAsync((demo, _) => demo.RemoveAsync(Ct));
        Assert.Contains(refused.Errors, e => e.Contains("Households") && e.Contains("不是演示账户录入的"));
        await SetCreatorAsync(household, "county");

        await app.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<AppUser>>().CreateAsync(
            new AppUser { Id = Guid.CreateVersion7(), UserName = "realuser", DisplayName = "真实用户", RegionCode = "360482000000" }, "Real#Pass2026")).Succeeded);
        Assert.Contains("realuser", Assert.Single((await WithAsync((demo, _) => demo.RemoveAsync(Ct))).Errors));
        Assert.True(await WithAsync((_, db) => db.Households.AnyAsync(Ct)));
        await app.WithScopeAsync(async s => await s.GetRequiredService<MinzhengDbContext>().Users.Where(u => u.UserName == "realuser").ExecuteDeleteAsync(Ct));

        var (errors, removed) = await WithAsync((demo, _) => demo.RemoveAsync(Ct));
        Assert.Empty(errors);
        Assert.True(removed["Households"] > 0 && removed["Enrollments"] > 0 && removed["Payrolls"] > 0 && removed["MarriageRecords"] > 0,
            string.Join(", ", removed));

        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MinzhengDbContext>();
            foreach (var table in BusinessTables.InDeletionOrder(db.Model))
            {
                var count = "SELECT COUNT(*) AS \"Value\" FROM \"" + table.Name + "\""; // a name from the model
                var left = await db.Database.SqlQueryRaw<int>(count).SingleAsync(Ct);
                Assert.True(left == 0, $"{table.Name}: {left} rows left");
            }

            Assert.False(await db.Users.AnyAsync(Ct));
            Assert.False(await db.Regions.AnyAsync(r => r.Code.StartsWith("360482"), Ct));
            Assert.True(await db.Roles.AnyAsync(Ct) && await db.CalendarYears.AnyAsync(Ct)); // built-in reference data stays
            Assert.True((await s.GetRequiredService<AuditLog>().VerifyAsync(Ct)).Intact);
            return 0;
        });
        Assert.Null(await WithAsync((demo, _) => demo.FindAsync(Ct)));
    }

    private Task<T> WithAsync<T>(Func<DemoData, MinzhengDbContext, Task<T>> use) =>
        app.WithScopeAsync(s => use(s.GetRequiredService<DemoData>(), s.GetRequiredService<MinzhengDbContext>()));

    private Task SetCreatorAsync(Guid household, string creator) =>
        app.WithScopeAsync(s => s.GetRequiredService<MinzhengDbContext>().Households.IgnoreQueryFilters()
            .Where(h => h.Id == household).ExecuteUpdateAsync(u => u.SetProperty(h => h.CreatedBy, creator), Ct));
}

public sealed class FullDemoSqliteApp : SqliteApp
{
    public FullDemoSqliteApp()
    {
        WithPayrolls = true;
        WithMarriageRegister = true;
    }
}

public sealed class FullDemoPostgresApp : PostgresApp
{
    public FullDemoPostgresApp()
    {
        WithPayrolls = true;
        WithMarriageRegister = true;
    }
}

public sealed class SqliteDemoRemovalTests(FullDemoSqliteApp app) : DemoRemovalTests<FullDemoSqliteApp>(app);

public sealed class PostgresDemoRemovalTests(FullDemoPostgresApp app) : DemoRemovalTests<FullDemoPostgresApp>(app);
