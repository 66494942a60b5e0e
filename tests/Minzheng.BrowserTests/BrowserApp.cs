using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Minzheng.BrowserTests.BrowserApp))]

// The journeys share one application over one SQLite file: run side by side, a payroll's write transaction held a
// sign-in past its 60-second wait, and one journey's import changed the figures another compared. One at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Minzheng.BrowserTests;

/// <summary>
/// The real application on Kestrel (a real port, embedded SQLite in a temporary data folder, demo mode) and a headless
/// Debian Chromium driven by Playwright. No browser download: the executable is /usr/bin/chromium.
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"minzheng-browser-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("MINZHENG_CHROMIUM") ?? "/usr/bin/chromium";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Data:Path", _data);
        builder.UseSetting("Hosting:InitializeBeforeListening", "true");
        builder.UseSetting("Audit:CheckpointFile", Path.Combine(_data, "audit", "checkpoints.jsonl"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Security:FailedLoginsPerMinutePerIp", "1000");
        if (Clock is not null)
        {
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        }
    }

    /// <summary>A controllable server clock (sessions are browser-session cookies, so the browser never sees its dates); null = real time.</summary>
    public FakeTimeProvider? Clock { get; init; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Never a skip: the browser journeys must run (scripts/test.sh installs Debian's chromium).
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install the Debian package chromium");
        }

        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>The browser contexts open, by the test that opened them.</summary>
    private readonly List<(string? Test, IBrowserContext Context)> _contexts = [];

    public async Task<IPage> NewPageAsync()
    {
        // Tests run one at a time: the pages earlier tests left open are closed here. Kept open, a hundred idle pages
        // (dashboards with their charts, lists) went on using the two cores and their connections to the one server.
        var test = TestContext.Current.Test?.UniqueID;
        foreach (var (_, earlier) in _contexts.Where(c => c.Test != test).ToList())
        {
            await earlier.CloseAsync();
        }

        _contexts.RemoveAll(c => c.Test != test);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = BaseUrl });
        _contexts.Add((test, context));
        // Two cores shared by the app, the browser and the test runner: be patient rather than flaky.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as a demo account, showing the home page.</summary>
    public async Task<IPage> SignedInPageAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Minzheng.Platform.Demo.DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Wait for what the user sees (the signed-in header), not for navigation events, which race with the redirect.
        await page.GetByTestId("user-name").WaitForAsync();
        return page;
    }

    /// <summary>A valid ID number (test-only address code 110105) that no other test uses.</summary>
    public static string NewIdNumber()
    {
        var n = Interlocked.Increment(ref _idSequence);
        var first17 = "110105" + new DateOnly(1950, 1, 1).AddDays(n * 7).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                      + (500 + n % 400).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return first17 + Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(first17);
    }

    private static int _idSequence;

    public override async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await base.DisposeAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
