using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// The application as a county deploys it — demo mode off, so first-login password change and 2FA for administrators
/// apply — on SQLite, with a <see cref="FakeTimeProvider"/> for lockout, expiry and session tests. The demo accounts
/// are seeded through the same seeder so the tests have users of every role.
/// </summary>
public class SecureApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"minzheng-secure-{Guid.NewGuid():N}.db");

    // Starts at real time: Identity 10 checks authenticator codes against the system clock.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual int FailedLoginsPerMinute => 100000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_file};Pooling=False");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Hosting:InitializeBeforeListening", "true");
        builder.UseSetting("Audit:CheckpointFile", _file + ".checkpoints.jsonl");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Security:FailedLoginsPerMinutePerIp", FailedLoginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async ValueTask InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".checkpoints.jsonl", ".scheduler.lock" })
        {
            File.Delete(_file + suffix);
        }

        GC.SuppressFinalize(this);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(string username, string password = DemoSeeder.Password, string? otp = null)
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password, otp }, TestContext.Current.CancellationToken);
    }

    public async Task<HttpClient> BearerClientAsync(string username, string password = DemoSeeder.Password, string? otp = null)
    {
        var response = await RequestTokenAsync(username, password, otp);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Turns on TOTP for a user (as the enrolment page would) and returns the shared key.</summary>
    public async Task<string> EnableTwoFactorAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async Task<T> WithUserAsync<T>(string userName, Func<AppUser, MinzhengUserManager, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<MinzhengUserManager>();
        return await use((await users.FindByNameAsync(userName))!, users);
    }
}

/// <summary>The same, with a login limit low enough to test it.</summary>
public sealed class RateLimitedApp : SecureApp
{
    protected override int FailedLoginsPerMinute => 3;
}
