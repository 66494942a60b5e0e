using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Platform.Security;

/// <summary>等保三级 account controls with demo mode off and a fake clock.</summary>
public sealed class AccountControlTests(SecureApp app) : IClassFixture<SecureApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewCountyUserAsync(string password = "Strong#Pass9")
    {
        var name = $"u{Guid.NewGuid():N}"[..14];
        await app.WithUserAsync("county", async (_, users) =>
        {
            var user = new Minzheng.Platform.Security.AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = name,
                DisplayName = "测试",
                RegionCode = "360482000000",
                PasswordChangedAt = app.Clock.GetUtcNow(),
            };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "county")).Succeeded);
            return true;
        });
        return name;
    }

    [Fact]
    public async Task Lockout_FiveFailures_RefusesRightPasswordUntilFifteenMinutesPass()
    {
        var user = await NewCountyUserAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync(user, "Wrong#Pass9")).StatusCode);
        }

        // The fifth failure locks the account; from then on even the right password is refused.
        Assert.Equal((HttpStatusCode)423, (await app.RequestTokenAsync(user, "Wrong#Pass9")).StatusCode);
        var locked = await (await app.RequestTokenAsync(user, "Strong#Pass9")).AssertProblemAsync((HttpStatusCode)423);
        Assert.Contains("锁定", locked.GetProperty("detail").GetString());

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal((HttpStatusCode)423, (await app.RequestTokenAsync(user, "Strong#Pass9")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(user, "Strong#Pass9")).StatusCode);
    }

    [Fact]
    public async Task PasswordExpiry_After90Days_TokenRefusedUntilChanged()
    {
        var user = await NewCountyUserAsync();
        await app.WithUserAsync(user, async (u, users) =>
        {
            u.PasswordChangedAt = app.Clock.GetUtcNow().AddDays(-91);
            return await users.UpdateAsync(u);
        });

        var refused = await (await app.RequestTokenAsync(user, "Strong#Pass9")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("密码已过期", refused.GetProperty("detail").GetString());

        using var client = app.CreateClient();
        var same = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { username = user, password = "Strong#Pass9", newPassword = "Strong#Pass9" }, Ct);
        Assert.Contains("不能与原密码相同", await same.AssertFieldErrorAsync("newPassword"));
        var changed = await client.PostAsJsonAsync("/api/v1/auth/change-password", new { username = user, password = "Strong#Pass9", newPassword = "Fresh#Pass10" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(user, "Fresh#Pass10")).StatusCode);
    }

    [Fact]
    public async Task AdministratorSetPassword_MustBeChangedAtFirstLogin()
    {
        var key = await app.EnableTwoFactorAsync("admin");
        using var admin = await app.BearerClientAsync("admin", otp: Totp.Code(key, DateTimeOffset.UtcNow));
        var name = $"n{Guid.NewGuid():N}"[..14];
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "新人", regionCode = "360482100000", password = "Initial#Pass1" }, Ct))
            .EnsureSuccessStatusCode();

        var refused = await (await app.RequestTokenAsync(name, "Initial#Pass1")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("初始密码", refused.GetProperty("detail").GetString());

        // In the browser the same account is sent to the change-password page, whatever it opens.
        using var web = new WebSession(app);
        await web.LoginAsync(name, "Initial#Pass1");
        var home = await web.GetAsync("/");
        Assert.Equal("/Account/ChangePassword", home.Headers.Location?.OriginalString);
        var done = await web.PostFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Initial#Pass1",
            ["NewPassword"] = "Chosen#Pass22",
            ["ConfirmPassword"] = "Chosen#Pass22",
        });
        Assert.Contains("密码已修改", await done.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Administrators_WithoutTwoFactor_AreRefusedTokens()
    {
        var body = await (await app.RequestTokenAsync("auditor")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("双因素", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Administrators_WithoutTwoFactor_AreSentToEnrolmentInTheBrowser()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("security", Minzheng.Platform.Demo.DemoSeeder.Password);
        var users = await web.GetAsync("/Users");
        Assert.Equal("/Account/TwoFactor", users.Headers.Location?.OriginalString);
        var page = await (await web.GetAsync("/Account/TwoFactor")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("管理员账户必须启用双因素认证", page);
    }

    [Fact]
    public async Task TwoFactor_TokenNeedsTheCurrentCode()
    {
        var user = await NewCountyUserAsync();
        var key = await app.EnableTwoFactorAsync(user);
        var missing = await (await app.RequestTokenAsync(user, "Strong#Pass9")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("动态验证码", missing.GetProperty("detail").GetString());
        var wrong = await (await app.RequestTokenAsync(user, "Strong#Pass9", "000000")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("动态验证码错误", wrong.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync(user, "Strong#Pass9", Totp.Code(key, DateTimeOffset.UtcNow))).StatusCode);
    }

    [Fact]
    public async Task TwoFactor_EnrolmentPageAndLoginSecondStep()
    {
        var user = await NewCountyUserAsync();
        using var web = new WebSession(app);
        await web.LoginAsync(user, "Strong#Pass9");
        var page = await (await web.GetAsync("/Account/TwoFactor")).Content.ReadAsStringAsync(Ct);
        var key = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"2fa-key\"[^>]*>([a-z0-9 ]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.NotEmpty(key);
        var enabled = await web.PostFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) },
            "/Account/TwoFactor?handler=Enable");
        Assert.Contains("已启用双因素认证", await enabled.Content.ReadAsStringAsync(Ct));

        using var second = new WebSession(app);
        var afterPassword = await second.LoginAsync(user, "Strong#Pass9");
        Assert.Equal("/Account/LoginWith2fa", afterPassword.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode); // not signed in yet
        var wrong = await second.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = "123456" });
        Assert.Contains("动态验证码错误", await wrong.Content.ReadAsStringAsync(Ct));

        var ok = await second.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Session_IdleThirtyMinutes_EndsIt()
    {
        var user = await NewCountyUserAsync();
        using var web = new WebSession(app);
        await web.LoginAsync(user, "Strong#Pass9");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await web.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/Account/Login", expired.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Session_ActiveAllDay_EndsAfterAbsoluteLifetime()
    {
        var user = await NewCountyUserAsync();
        using var web = new WebSession(app);
        await web.LoginAsync(user, "Strong#Pass9");
        for (var i = 0; i < 23; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/")).StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(20)); // 8 hours since login
        Assert.Equal(HttpStatusCode.Redirect, (await web.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ApiToken_ExpiresWithinAnHour()
    {
        var user = await NewCountyUserAsync();
        using var client = await app.BearerClientAsync(user, "Strong#Pass9");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/regions/360482000000/children", Ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/regions/360482000000/children", Ct)).StatusCode);
    }
}

/// <summary>
/// The failed-login limit per address (3 a minute in this fixture). Every test starts a fresh minute on the fake clock,
/// because all requests of TestServer come from the same address.
/// </summary>
public sealed class LoginRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private void NewMinute() => app.Clock.Advance(TimeSpan.FromMinutes(2));

    [Fact]
    public async Task Token_TooManyFailuresFromOneAddress_Is429InChineseWithRetryAfter()
    {
        NewMinute();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("county", "Wrong#Pass9")).StatusCode);
        }

        var response = await app.RequestTokenAsync("finance");
        Assert.NotNull(response.Headers.RetryAfter);
        var body = await response.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("频繁", body.GetProperty("detail").GetString());
        Assert.Contains("秒后再试", body.GetProperty("detail").GetString());

        // The limit lasts for the minute only.
        NewMinute();
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("finance")).StatusCode);
    }

    [Fact]
    public async Task PageViewsAndSuccessfulLogins_NeverCount()
    {
        NewMinute();
        using var web = new WebSession(app);
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/Account/Login")).StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("township")).StatusCode);
        }

        // Two colleagues mistype (below the limit of 3); the next person still signs in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("village", "Wrong#Pass9")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.RequestTokenAsync("reviewer", "Wrong#Pass9")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestTokenAsync("approver")).StatusCode);
    }

    [Fact]
    public async Task LoginPage_WhenLimited_ChinesePageWithTheWait()
    {
        NewMinute();
        using var web = new WebSession(app);
        for (var i = 0; i < 3; i++)
        {
            var failed = await web.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "leader", ["Input.Password"] = "Wrong#Pass9" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var limited = await web.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "leader", ["Input.Password"] = "Demo@2026!" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.StartsWith("text/html", limited.Content.Headers.ContentType?.MediaType);
        var html = await limited.Content.ReadAsStringAsync(Ct);
        Assert.Matches("请\\d+秒后再试", html);
        Assert.Contains("name=\"Input.Password\"", html); // the form is still there to try again
        NewMinute();
    }
}
