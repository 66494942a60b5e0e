using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Installation;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Tests.Modules.SocialAssistance.Registry;

namespace Minzheng.Tests.Platform.Installation;

/// <summary>
/// Issue 29: from an empty production installation (demo off) through <c>init</c>, the administrators' first login
/// (password change, then two-factor enrolment), the region import and the first roster import.
/// </summary>
public abstract class GoLiveTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string County = "360482";

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyInstallation_InitFirstLoginRegionsAndRoster_EndToEnd()
    {
        using (var anonymous = app.CreateClient())
        {
            Assert.Contains("minzheng init", await anonymous.GetStringAsync("/Account/Login", Ct));
        }

        // Bad input first: each refused with the reason, nothing written.
        foreach (var (county, name, prefecture, expected) in new[]
                 {
                     ("3604", "共青城市", "九江市", "应为6位数字"), ("990482", "共青城市", "九江市", "不是省级区划代码"),
                     ("360082", "九江市", "九江市", "不是县级区划代码"), (County, "共青\u0007城市", "九江市", "控制字符"),
                     (County, "共青城市", null, "--prefecture-name"),
                 })
        {
            var refused = await InitAsync(county, name, prefecture);
            Assert.Contains(refused.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        }

        Assert.Equal((0, 0), await CountAsync(db => (db.Users.Count(), db.Regions.Count())));

        var result = await InitAsync(County, "共青城市", "九江市");
        Assert.Empty(result.Errors);
        Assert.Equal(["sysadmin", "secadmin", "auditadmin"], result.Accounts.Select(a => a.UserName));
        Assert.Equal(3, result.Accounts.Select(a => a.OneTimePassword).Distinct().Count());
        Assert.Equal(["九江市", "共青城市", "江西省"], await CountAsync(db => db.Regions.OrderBy(r => r.Name).Select(r => r.Name).ToList()));
        Assert.Contains("只能运行一次", Assert.Single((await InitAsync(County, "共青城市", "九江市")).Errors));
        var actions = await CountAsync(db => db.AuditEntries.Select(e => e.Action).ToList());
        Assert.Equal(3, actions.Count(a => a == AuditActions.AccountCreated));
        Assert.Single(actions, InstallationState.Initialized);

        // First login: the one-time password works only to replace itself, then an administrator must enrol 2FA.
        var sysadmin = await FirstLoginAsync("sysadmin", result.Accounts[0].OneTimePassword);
        var secadmin = await FirstLoginAsync("secadmin", result.Accounts[1].OneTimePassword);

        var checklist = await (await sysadmin.GetAsync("/api/v1/setup/checklist", Ct)).JsonAsync();
        Assert.False(Item(checklist, "导入官方区划代码").GetProperty("done").GetBoolean());
        Assert.False(Item(checklist, "三员账户启用").GetProperty("done").GetBoolean()); // auditadmin has not logged in
        Assert.Equal(HttpStatusCode.Forbidden, (await secadmin.GetAsync("/api/v1/setup/checklist", Ct)).StatusCode);

        // Regions: another county's list is refused whole; a list with other counties keeps this county's tree only.
        var other = await ImportRegionsAsync("code,name\n360402000000,濂溪区\n360402001000,某街道\n");
        Assert.Contains("其他县的文件", Assert.Single(other.Errors).Message);
        var imported = await ImportRegionsAsync("code,name\n360000000000,江西省\n360400000000,九江市\n360482000000,共青城市\n"
            + "360482100000,甘露镇\n360482100201,红光村\n360402000000,濂溪区\n360402001000,某街道\n");
        Assert.Empty(imported.Errors);
        Assert.Equal((2, 2), (imported.Added, imported.Skipped));
        checklist = await (await sysadmin.GetAsync("/api/v1/setup/checklist", Ct)).JsonAsync();
        Assert.True(Item(checklist, "导入官方区划代码").GetProperty("done").GetBoolean());

        // The first business account: created by the system administrator, its role granted by the security administrator.
        var created = await sysadmin.PostAsJsonAsync("/api/v1/users",
            new { userName = "zhangsan", displayName = "张三", regionCode = County + "000000", password = "Initial#Pass8" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var userId = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var granted = await secadmin.PutAsJsonAsync($"/api/v1/users/{userId}/role", new { role = Roles.County, regionCode = County + "000000" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);
        var countyUser = await FirstLoginAsync("zhangsan", "Initial#Pass8", administrator: false);

        var id = SqliteRegistryApiTests.NewIdNumber();
        var csv = string.Join(",", AssistanceRoster.Headers) + "\n"
                  + $"360482100201,农村低保,王五,{id},3,2,520.00,2026-01,,,,红光村一组1号";
        var staged = await (await countyUser.UploadImportAsync(AssistanceRoster.Kind, Encoding.UTF8.GetBytes(csv), "roster.csv")).JsonAsync();
        Assert.Equal(1, staged.GetProperty("validRows").GetInt32());
        var commit = await countyUser.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct);
        Assert.Equal(1, (await commit.JsonAsync()).GetProperty("imported").GetInt32());

        checklist = await (await sysadmin.GetAsync("/api/v1/setup/checklist", Ct)).JsonAsync();
        Assert.True(Item(checklist, "创建业务账户并授予角色").GetProperty("done").GetBoolean());
        Assert.True(Item(checklist, "以正式模式运行").GetProperty("done").GetBoolean());
    }

    private Task<InitResult> InitAsync(string county, string name, string? prefecture) =>
        app.WithScopeAsync(s => s.GetRequiredService<FirstAdministrators>().InitializeAsync(county, name, prefecture, Ct));

    private Task<T> CountAsync<T>(Func<MinzhengDbContext, T> read) =>
        app.WithScopeAsync(s => Task.FromResult(read(s.GetRequiredService<MinzhengDbContext>())));

    private Task<RegionImportResult> ImportRegionsAsync(string csv) =>
        app.WithScopeAsync(s => s.GetRequiredService<RegionService>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "regions.csv", Ct));

    private static JsonElement Item(JsonElement checklist, string title) =>
        checklist.EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);

    /// <summary>As the user would at first login: the given password is refused for work until replaced; administrators then enrol 2FA.</summary>
    private async Task<HttpClient> FirstLoginAsync(string userName, string oneTimePassword, bool administrator = true)
    {
        using var anonymous = app.CreateClient();
        var first = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = oneTimePassword }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Contains("修改密码", await first.Content.ReadAsStringAsync(Ct));
        const string chosen = "Chosen#Pass2026";
        var changed = await anonymous.PostAsJsonAsync("/api/v1/auth/change-password", new { username = userName, password = oneTimePassword, newPassword = chosen }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        string? otp = null;
        if (administrator)
        {
            var beforeEnrolment = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = chosen }, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, beforeEnrolment.StatusCode);
            Assert.Contains("双因素认证", await beforeEnrolment.Content.ReadAsStringAsync(Ct));
            var key = await app.WithScopeAsync(async s =>
            {
                var users = s.GetRequiredService<UserManager<AppUser>>();
                var user = (await users.FindByNameAsync(userName))!;
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
                return (await users.GetAuthenticatorKeyAsync(user))!;
            });
            otp = Totp.Code(key, DateTimeOffset.UtcNow);
        }

        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = chosen, otp }, Ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }
}

public sealed class ProductionSqliteApp : SqliteApp
{
    public ProductionSqliteApp() => Settings["Demo:Enabled"] = "false";
}

public sealed class ProductionPostgresApp : PostgresApp
{
    public ProductionPostgresApp() => Settings["Demo:Enabled"] = "false";
}

public sealed class SqliteGoLiveTests(ProductionSqliteApp app) : GoLiveTests<ProductionSqliteApp>(app);

public sealed class PostgresGoLiveTests(ProductionPostgresApp app) : GoLiveTests<ProductionPostgresApp>(app);

/// <summary>A city without counties (东莞市 441900) goes live as its own county-level unit, its townships directly below it.</summary>
public sealed class CityWithoutCountiesInitTests(ProductionSqliteApp app) : IClassFixture<ProductionSqliteApp>
{
    [Fact]
    public async Task Init_Dongguan_CreatesProvinceAndCityOnly_ThenTakesItsTownships()
    {
        var ct = TestContext.Current.CancellationToken;
        var result = await app.WithScopeAsync(s => s.GetRequiredService<FirstAdministrators>().InitializeAsync("441900", "东莞市", null, ct));
        Assert.Empty(result.Errors);
        var regions = await app.WithScopeAsync(s => s.GetRequiredService<MinzhengDbContext>().Regions.OrderBy(r => r.Code)
            .Select(r => r.Code + " " + r.Name).ToListAsync(ct));
        Assert.Equal(["440000000000 广东省", "441900000000 东莞市"], regions);
        Assert.All(await app.WithScopeAsync(s => s.GetRequiredService<MinzhengDbContext>().Users.Select(u => u.RegionCode).ToListAsync(ct)),
            code => Assert.Equal("441900000000", code));

        var csv = "code,name\n441900003000,东城街道\n441900003001,东城社区\n442000001000,石岐街道\n";
        var imported = await app.WithScopeAsync(s => s.GetRequiredService<RegionService>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "regions.csv", ct));
        Assert.Empty(imported.Errors);
        Assert.Equal((2, 1), (imported.Added, imported.Skipped)); // 中山市's street is another city's
    }
}
