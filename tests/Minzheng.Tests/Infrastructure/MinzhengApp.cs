using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// The real application over HTTP (TestServer), migrated and seeded with the demo county on start — exactly as
/// `dotnet run` does. One per test class; tests create their own data with unique codes and names.
/// </summary>
public abstract class MinzhengApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, string> _tokens = [];

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>Whether the demo county gets its households and enrolments (off for an empty target database).</summary>
    public bool WithCaseload { get; init; } = true;

    /// <summary>Whether the demo payrolls are made (off by default: payment tests make their own payrolls for the same months).</summary>
    public bool WithPayrolls { get; init; }

    /// <summary>Whether the demo marriage register is seeded (off by default: it only slows the start of tests that do not read it).</summary>
    public bool WithMarriageRegister { get; init; }

    /// <summary>Whether the demo funeral records are seeded (off by default, like the marriage register).</summary>
    public bool WithFuneralRecords { get; init; }
    /// <summary>Whether the demo register of social organisations is seeded (off by default, like the marriage register).</summary>
    public bool WithSocialOrganizations { get; init; }

    /// <summary>Whether the demo 优抚 register is seeded (off by default, like the marriage register).</summary>
    public bool WithVeterans { get; init; }

    protected string ConnectionString { get; set; } = "";

    /// <summary>This application's own audit checkpoint file (the default place beside the data folder is shared by all tests).</summary>
    public string CheckpointFile { get; } = Path.Combine(Path.GetTempPath(), $"minzheng-checkpoints-{Guid.NewGuid():N}.jsonl");

    /// <summary>Configuration a fixture overrides (e.g. a small import chunk, to put chunk boundaries inside a short file).</summary>
    protected Dictionary<string, string> Settings { get; } = [];

    /// <summary>A controllable clock for deadline journeys; null = real time.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }

    /// <summary>Moves the fake clock on; cached tokens are dropped because they expire with the clock.</summary>
    public void AdvanceDays(int days)
    {
        Clock!.Advance(TimeSpan.FromDays(days));
        _tokens.Clear();
    }

    public abstract ValueTask InitializeAsync();

    /// <summary>This application seeds a template: its database is kept when it stops.</summary>
    protected bool IsTemplate { get; private set; }

    /// <summary>Where this application's database is (a file or a connection string): a template's is copied.</summary>
    protected virtual string DatabaseLocation => ConnectionString;

    /// <summary>What decides the seeded content: the engine, the demo switches, the settings and the clock (or the day).</summary>
    private string TemplateKey => string.Join('|', new[]
    {
        Provider.ToString(), $"{WithCaseload}{WithPayrolls}{WithMarriageRegister}{WithFuneralRecords}{WithSocialOrganizations}{WithVeterans}",
        Clock?.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) ?? DateTime.Now.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
    }.Concat(Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")));

    /// <summary>
    /// A database migrated and seeded once per test run for every fixture configured like this one (see
    /// <see cref="SeededTemplates"/>), or null for fixtures that configure the host in code of their own (add-ons,
    /// overridden host set-up), whose seeded content a key cannot tell.
    /// </summary>
    protected async Task<string?> SeededTemplateAsync()
    {
        if (IsTemplate || _addOns.Count > 0 || !ConfiguredByPropertiesOnly(GetType()))
        {
            return null;
        }

        var key = TemplateKey;
        return await SeededTemplates.GetAsync(key, async () =>
        {
            // A fresh instance has the constructor's configuration; one set at the call site (an object initialiser) differs.
            var template = (MinzhengApp)Activator.CreateInstance(GetType())!;
            if (template.TemplateKey != key)
            {
                await template.DisposeAsync();
                return null;
            }

            template.IsTemplate = true;
            await template.InitializeAsync();
            _ = template.Services; // starting the host migrates and seeds (Hosting:InitializeBeforeListening)
            await template.DisposeAsync();
            await template.SettleTemplateAsync();
            return template.DatabaseLocation;
        });
    }

    /// <summary>Readies a seeded template, its host stopped, for fixtures copying it at the same time.</summary>
    protected virtual Task SettleTemplateAsync() => Task.CompletedTask;

    private static bool ConfiguredByPropertiesOnly(Type type)
    {
        const BindingFlags instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        return type.GetConstructor(Type.EmptyTypes) is not null
            && type.GetMethod(nameof(ConfigureWebHost), instance)!.DeclaringType == typeof(MinzhengApp)
            && type.GetMethod(nameof(InitializeAsync), instance)!.DeclaringType is { } initialize
            && (initialize == typeof(SqliteApp) || initialize == typeof(PostgresApp))
            && type.GetMethod(nameof(CreateHost), instance, [typeof(Microsoft.Extensions.Hosting.IHostBuilder)])!.DeclaringType == typeof(WebApplicationFactory<Program>);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var addOn in _addOns)
        {
            await addOn.DisposeAsync();
        }

        File.Delete(CheckpointFile);
        GC.SuppressFinalize(this);
    }

    private readonly List<IAppAddOn> _addOns = [];

    /// <summary>Plugs a test's own part (a trace collector) into the app, whatever its database; disposed with the app.</summary>
    protected T Attach<T>(T addOn)
        where T : IAppAddOn
    {
        _addOns.Add(addOn);
        foreach (var (key, value) in addOn.Settings)
        {
            Settings[key] = value;
        }

        return addOn;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting(Provider == DatabaseProvider.Sqlite ? "ConnectionStrings:Sqlite" : "ConnectionStrings:Postgres", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Caseload", WithCaseload ? "true" : "false");
        builder.UseSetting("Demo:Payrolls", WithPayrolls ? "true" : "false");
        builder.UseSetting("Demo:Marriage", WithMarriageRegister ? "true" : "false");
        builder.UseSetting("Demo:Funeral", WithFuneralRecords ? "true" : "false");
        builder.UseSetting("Demo:SocialOrganizations", WithSocialOrganizations ? "true" : "false");
        builder.UseSetting("Demo:Veterans", WithVeterans ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests start on a ready database (a real start listens first: StartupTests).
        builder.UseSetting("Hosting:InitializeBeforeListening", "true");
        builder.UseSetting("Audit:CheckpointFile", CheckpointFile);
        // Every test signs in from the same address; the per-address failed-login limit has tests of its own.
        builder.UseSetting("Security:FailedLoginsPerMinutePerIp", "100000");
        // Likewise the anonymous booking submissions and the public look-ups (each limit has its own test).
        builder.UseSetting("Marriage:Appointments:PublicSubmissionsPerMinute", "100000");
        builder.UseSetting("SocialOrganizations:PublicLookupsPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is not null)
        {
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        }

        foreach (var addOn in _addOns)
        {
            addOn.AddTo(builder);
        }

        if (ServerErrorLog.FromEnvironment() is { } errors)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(errors));
        }
    }

    public T Service<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>A client carrying a bearer token of the given demo (or test) account.</summary>
    public async Task<HttpClient> ClientAsAsync(string userName, string password = DemoSeeder.Password)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = CreateClient();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            _tokens[userName] = token;
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>A part a test plugs into <see cref="MinzhengApp"/>: the settings it needs and its own host configuration.</summary>
public interface IAppAddOn : IAsyncDisposable
{
    IReadOnlyDictionary<string, string> Settings { get; }

    void AddTo(IWebHostBuilder builder);
}

public class SqliteApp : MinzhengApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"minzheng-test-{Guid.NewGuid():N}.db");

    public string SqliteFile => _file;

    public string SqliteConnectionString => ConnectionString;

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string DatabaseLocation => _file;

    public override async ValueTask InitializeAsync()
    {
        ConnectionString = $"Data Source={_file};Pooling=False";
        if (await SeededTemplateAsync() is { } template)
        {
            // SQLite's online backup copies a consistent snapshot. A plain file copy did not: work the template's host
            // left running past its stop (a late checkpoint) could tear the copied pages.
            await using var source = new SqliteConnection($"Data Source={template};Mode=ReadOnly;Pooling=False");
            await using var copy = new SqliteConnection(ConnectionString);
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }
    }

    /// <summary>
    /// Folds the write-ahead log into the file and leaves WAL mode (each copy's host turns it on again). Fixtures that
    /// opened a WAL template at the same moment raced to recover its log: all but one failed with "database is locked".
    /// </summary>
    protected override async Task SettleTemplateAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { "", "-wal", "-shm", ".scheduler.lock" }.Select(suffix => _file + suffix))
        {
            // A template's files are copied until the run ends: its log may still hold the last of the seed.
            if (IsTemplate)
            {
                SeededTemplates.DeleteAtExit(file);
            }
            else
            {
                File.Delete(file);
            }
        }

        GC.SuppressFinalize(this);
    }
}

public class PostgresApp : MinzhengApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string DatabaseConnectionString => ConnectionString;

    public override async ValueTask InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync(await SeededTemplateAsync());
}

/// <summary>
/// Databases migrated and seeded once per test run, one per configuration: migrating and seeding the demo county
/// took most of a test class's start, and most classes start an application configured like another's. The first
/// fixture of a configuration has its template seeded, which it and every later one copies; fixtures that start at the
/// same time wait for the one seeding. (The first fixture used to seed its own database and the second the template:
/// two full seeds, 15–20 seconds each on SQLite, for every configuration used twice.) Each fixture still has its own
/// copy: tests never see each other's writes.
/// </summary>
internal static class SeededTemplates
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string?>>> Templates = new();

    /// <summary>The template of this configuration (a SQLite file or a PostgreSQL connection string), seeded on first use.</summary>
    public static Task<string?> GetAsync(string key, Func<Task<string?>> seed) => Templates.GetOrAdd(key, _ => new Lazy<Task<string?>>(seed)).Value;

    /// <summary>A template file outlives every fixture; it goes when the test run ends (PostgreSQL's go with the test server).</summary>
    public static void DeleteAtExit(string file) => AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
}
