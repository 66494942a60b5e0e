using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Platform.Security;

/// <summary>
/// Each event that changes what an account may do ends every token and cookie of that account at once (security
/// issue: a token issued before a lockout still revealed ID numbers; a cookie kept its old scope).
/// </summary>
public sealed class SessionRevocationTests(SecureApp app) : IClassFixture<SecureApp>
{
    private const string Password = "Strong#Pass9";
    private const string Probe = "/api/v1/regions/360482000000/children";

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewCountyUserAsync()
    {
        var name = $"r{Guid.NewGuid():N}"[..14];
        await app.WithUserAsync("county", async (_, users) =>
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = name,
                DisplayName = "测试",
                RegionCode = "360482000000",
                PasswordChangedAt = app.Clock.GetUtcNow(),
            };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "county")).Succeeded);
            return true;
        });
        return name;
    }

    private async Task<(HttpClient Token, WebSession Cookie)> SignedInTwiceAsync(string user)
    {
        var token = await app.BearerClientAsync(user, Password);
        var web = new WebSession(app);
        await web.LoginAsync(user, Password);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(Probe, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/")).StatusCode);
        return (token, web);
    }

    private async Task AssertBothEndedAsync(HttpClient token, WebSession web)
    {
        await (await token.GetAsync(Probe, Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var page = await web.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Lockout_EndsTokensAndCookiesIssuedBefore_AndTheyStayEndedAfterTheLockoutExpires()
    {
        var user = await NewCountyUserAsync();
        var (token, web) = await SignedInTwiceAsync(user);
        for (var i = 0; i < 5; i++)
        {
            await app.RequestTokenAsync(user, "Wrong#Pass9");
        }

        await AssertBothEndedAsync(token, web);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await AssertBothEndedAsync(token, web);
        token.Dispose();
        web.Dispose();
    }

    [Fact]
    public async Task PasswordReset_EndsSessions()
    {
        var user = await NewCountyUserAsync();
        var (token, web) = await SignedInTwiceAsync(user);
        var id = await app.WithUserAsync(user, (u, _) => Task.FromResult(u.Id));
        await app.WithScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<Minzheng.Modules.Administration.Users.UserAdminService>();
            Assert.Empty((await admin.ResetPasswordAsync(id, "Another#Pass8"))!);
            return true;
        });
        await AssertBothEndedAsync(token, web);
    }

    [Fact]
    public async Task RoleOrScopeChange_EndsSessions()
    {
        var user = await NewCountyUserAsync();
        var (token, web) = await SignedInTwiceAsync(user);
        var id = await app.WithUserAsync(user, (u, _) => Task.FromResult(u.Id));
        var securityId = await app.WithUserAsync("security", (u, _) => Task.FromResult(u.Id));
        await app.WithScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<Minzheng.Modules.Administration.Users.UserAdminService>();
            Assert.Empty((await admin.AssignRoleAsync(id, "township", "360482100000", securityId, Ct))!);
            return true;
        });
        await AssertBothEndedAsync(token, web);
    }

    [Fact]
    public async Task Disabling_EndsSessions_AndRefusesNewTokens()
    {
        var user = await NewCountyUserAsync();
        var (token, web) = await SignedInTwiceAsync(user);
        var id = await app.WithUserAsync(user, (u, _) => Task.FromResult(u.Id));
        var adminId = await app.WithUserAsync("admin", (u, _) => Task.FromResult(u.Id));
        await app.WithScopeAsync(async sp =>
        {
            var admin = sp.GetRequiredService<Minzheng.Modules.Administration.Users.UserAdminService>();
            Assert.Empty((await admin.SetActiveAsync(id, false, adminId))!);
            return true;
        });
        await AssertBothEndedAsync(token, web);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(user, Password)).StatusCode);
    }

    [Fact]
    public async Task Logout_RevokesTheCookieCopyAndTheTokens()
    {
        var user = await NewCountyUserAsync();
        var (token, web) = await SignedInTwiceAsync(user);
        using var copy = new WebSession(app);
        await copy.LoginAsync(user, Password);
        var logout = await copy.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        await AssertBothEndedAsync(token, web);
    }

    [Fact]
    public async Task ApiLogout_EndsTheToken()
    {
        var user = await NewCountyUserAsync();
        using var token = await app.BearerClientAsync(user, Password);
        Assert.Equal(HttpStatusCode.NoContent, (await token.PostAsync("/api/v1/auth/logout", null, Ct)).StatusCode);
        await (await token.GetAsync(Probe, Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeletedAccount_TokenIsRefused()
    {
        var user = await NewCountyUserAsync();
        using var token = await app.BearerClientAsync(user, Password);
        await app.WithUserAsync(user, async (u, users) => (await users.DeleteAsync(u)).Succeeded);
        await (await token.GetAsync(Probe, Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PasswordHistory_TheLastFivePasswordsCannotBeChosenAgain()
    {
        var user = await NewCountyUserAsync();
        string[] passwords = [Password, "Second#Pass2", "Third#Pass33", "Fourth#Pass4", "Fifth#Pass55"];
        for (var i = 1; i < passwords.Length; i++)
        {
            await ChangeAsync(user, passwords[i - 1], passwords[i], HttpStatusCode.NoContent);
        }

        // A → B → A is refused while A is among the last five …
        var refused = await ChangeAsync(user, passwords[^1], Password, HttpStatusCode.BadRequest);
        Assert.Contains("最近5次", refused);
        await ChangeAsync(user, passwords[^1], "Sixth#Pass66", HttpStatusCode.NoContent);
        // … and allowed again once five newer passwords followed it.
        await ChangeAsync(user, "Sixth#Pass66", Password, HttpStatusCode.NoContent);
        var kept = await app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            return db.Set<PasswordHistoryEntry>().CountAsync(h => db.Users.Any(u => u.Id == h.UserId && u.UserName == user), Ct);
        });
        Assert.Equal(PasswordHistoryEntry.Remembered, kept);
    }

    private async Task<string> ChangeAsync(string user, string current, string next, HttpStatusCode expected)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/change-password",
            new { username = user, password = current, newPassword = next }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, body);
        return body;
    }

    [Fact]
    public async Task UnknownAndExistingNames_AreAnsweredAlikeWhileLocked()
    {
        var user = await NewCountyUserAsync();
        var unknown = $"x{Guid.NewGuid():N}"[..14];
        HttpResponseMessage? lastKnown = null, lastUnknown = null;
        for (var i = 0; i < 6; i++)
        {
            lastKnown = await app.RequestTokenAsync(user, "Wrong#Pass9");
            lastUnknown = await app.RequestTokenAsync(unknown, "Wrong#Pass9");
        }

        Assert.Equal((HttpStatusCode)423, lastKnown!.StatusCode);
        Assert.Equal(lastKnown.StatusCode, lastUnknown!.StatusCode);
        Assert.Equal(Detail(await lastKnown.Content.ReadAsStringAsync(Ct)), Detail(await lastUnknown.Content.ReadAsStringAsync(Ct)));
    }

    private static string Detail(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("detail").GetString()!;
}
