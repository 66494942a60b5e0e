using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Platform.Security;

/// <summary>IDOR sweep of the account endpoints: an administrator of one township cannot reach another township's accounts.</summary>
public sealed class UserScopeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Admin, HttpClient Security)> TownshipAdministratorsAsync()
    {
        var (admin, adminPassword) = await TestUsers.CreateAsync(app, "admin", "360482101000");
        var (security, securityPassword) = await TestUsers.CreateAsync(app, "security", "360482101000");
        return (await app.ClientAsAsync(admin, adminPassword), await app.ClientAsAsync(security, securityPassword));
    }

    private async Task<string> IdOfAsync(string userName)
    {
        using var countyAdmin = await app.ClientAsAsync("admin");
        var users = await (await countyAdmin.GetAsync("/api/v1/users", Ct)).JsonAsync();
        return users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task OtherTownshipsAccount_IsNotFoundForEveryIdEndpoint()
    {
        var (admin, security) = await TownshipAdministratorsAsync();
        using (admin)
        using (security)
        {
            var other = await IdOfAsync("township"); // 甘露镇, outside 江益镇
            await (await admin.PostAsJsonAsync($"/api/v1/users/{other}/reset-password", new { newPassword = "Reset#Pass2026" }, Ct))
                .AssertProblemAsync(HttpStatusCode.NotFound);
            await (await security.PutAsJsonAsync($"/api/v1/users/{other}/role", new { role = "village", regionCode = "360482101201" }, Ct))
                .AssertProblemAsync(HttpStatusCode.NotFound);
            var listed = await (await admin.GetAsync("/api/v1/users", Ct)).JsonAsync();
            Assert.All(listed.EnumerateArray(), u => Assert.StartsWith("360482101", u.GetProperty("regionCode").GetString()));
        }

        // Nothing changed: the township worker still signs in with the demo password.
        using var client = app.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "township", password = "Demo@2026!" }, Ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task TownshipAdministrator_CannotCreateAccountsOutsideTheTownship()
    {
        var (admin, security) = await TownshipAdministratorsAsync();
        using (admin)
        using (security)
        {
            var message = await (await admin.PostAsJsonAsync("/api/v1/users",
                new { userName = $"x{Guid.NewGuid():N}"[..12], displayName = "越权", regionCode = "360482100000", password = TestUsers.Password }, Ct))
                .AssertFieldErrorAsync("regionCode");
            Assert.Contains("管辖范围", message);
        }
    }
}
