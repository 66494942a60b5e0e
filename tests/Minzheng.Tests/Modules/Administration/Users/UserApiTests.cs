using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.Administration.Users;

/// <summary>Account administration and the 三员分立 split between system and security administrators.</summary>
public sealed class UserApiTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatedUser_GrantedRole_CanSignInWithThatScope()
    {
        var (userName, password) = await TestUsers.CreateAsync(app, "township", "360482101000");
        using var client = await app.ClientAsAsync(userName, password);
        var response = await client.GetAsync("/api/v1/regions/360482101000/children", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("short1A", "password")]
    [InlineData("alllowercaseletters", "password")]
    public async Task Create_WeakPassword_Is400NamingPassword(string password, string field)
    {
        using var admin = await app.ClientAsAsync("admin");
        var message = await (await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = $"w{Guid.NewGuid():N}"[..12], displayName = "弱密码", regionCode = "360482000000", password }, Ct)).AssertFieldErrorAsync(field);
        Assert.Contains("密码", message);
    }

    [Fact]
    public async Task Create_UnknownRegion_Is400NamingRegion()
    {
        using var admin = await app.ClientAsAsync("admin");
        await (await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = $"r{Guid.NewGuid():N}"[..12], displayName = "无区划", regionCode = "360482555000", password = TestUsers.Password }, Ct))
            .AssertFieldErrorAsync("regionCode");
    }

    [Fact]
    public async Task Create_DuplicateUserName_Is400()
    {
        using var admin = await app.ClientAsAsync("admin");
        var message = await (await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = "county", displayName = "重名", regionCode = "360482000000", password = TestUsers.Password }, Ct)).AssertFieldErrorAsync("userName");
        Assert.Contains("已被使用", message);
    }

    [Fact]
    public async Task AssignRole_ToSelf_IsRefused()
    {
        using var security = await app.ClientAsAsync("security");
        var users = await (await security.GetAsync("/api/v1/users", Ct)).JsonAsync();
        var self = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "security").GetProperty("id").GetString();
        var message = await (await security.PutAsJsonAsync($"/api/v1/users/{self}/role", new { role = "admin", regionCode = "360482000000" }, Ct))
            .AssertFieldErrorAsync("userId");
        Assert.Contains("自己", message);
    }

    [Fact]
    public async Task AssignRole_BySystemAdministrator_Is403()
    {
        using var admin = await app.ClientAsAsync("admin");
        var users = await (await admin.GetAsync("/api/v1/users", Ct)).JsonAsync();
        var village = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "village").GetProperty("id").GetString();
        await (await admin.PutAsJsonAsync($"/api/v1/users/{village}/role", new { role = "county", regionCode = "360482000000" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateUser_BySecurityAdministrator_Is403()
    {
        using var security = await app.ClientAsAsync("security");
        await (await security.PostAsJsonAsync("/api/v1/users",
            new { userName = "sneaky", displayName = "越权", regionCode = "360482000000", password = TestUsers.Password }, Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AssignRole_ReplacesTheOnlyRole()
    {
        var (userName, password) = await TestUsers.CreateAsync(app, "village", "360482100201");
        using var security = await app.ClientAsAsync("security");
        var users = await (await security.GetAsync("/api/v1/users", Ct)).JsonAsync();
        var id = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString();
        (await security.PutAsJsonAsync($"/api/v1/users/{id}/role", new { role = "auditor", regionCode = "360482000000" }, Ct)).EnsureSuccessStatusCode();
        var after = (await (await security.GetAsync("/api/v1/users", Ct)).JsonAsync()).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName);
        Assert.Equal("auditor", after.GetProperty("role").GetString());
        Assert.Equal("360482000000", after.GetProperty("regionCode").GetString());
        using var client = await app.ClientAsAsync(userName, password);
        await (await client.GetAsync("/api/v1/users", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ResetPassword_ByAdmin_UnlocksAndAllowsNewPassword()
    {
        var (userName, _) = await TestUsers.CreateAsync(app, "county", "360482000000");
        using var admin = await app.ClientAsAsync("admin");
        var users = await (await admin.GetAsync("/api/v1/users", Ct)).JsonAsync();
        var id = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString();
        var reset = await admin.PostAsJsonAsync($"/api/v1/users/{id}/reset-password", new { newPassword = "New#Pass2026" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        using var client = app.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = "New#Pass2026" }, Ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }
}
