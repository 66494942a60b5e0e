using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Hosting;
using Minzheng.Platform.Modules;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Platform.Modules;

/// <summary>
/// A line added to the module list — and nothing else edited — shows in the navigation, the API, the permission
/// matrix and the deadline board. The sample line has the shape of templates/minzheng-module without an entity,
/// so the installation's schema does not change.
/// </summary>
public sealed class ModuleListTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private string _data = "";

    public async ValueTask InitializeAsync()
    {
        _data = Directory.CreateTempSubdirectory("minzheng-modules-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Pages and views are compiled into the application's assembly, found by its name.
            ApplicationName = typeof(Minzheng.Modules.MinzhengModules).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_data, "modules.db")};Pooling=False",
            ["Data:Path"] = _data,
            ["Audit:CheckpointFile"] = Path.Combine(_data, "checkpoints.jsonl"),
            ["Demo:Enabled"] = "true",
            ["Demo:Caseload"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Security:FailedLoginsPerMinutePerIp"] = "100000",
        });
        builder.AddMinzheng([.. Minzheng.Modules.MinzhengModules.All, new SampleLineModule()]);
        _app = builder.Build();
        _app.UseMinzheng();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);
        }

        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AnAddedModule_HasItsApi_ItsPermission_ItsNavigation_AndItsDeadlines()
    {
        var ct = TestContext.Current.CancellationToken;
        using var county = await ClientAsAsync("county");
        var items = await county.GetAsync("/api/v1/sample-line/items", ct);
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        Assert.Contains("示例事项一", await items.Content.ReadAsStringAsync(ct));

        // The module's own permission guards its API: the village assistant does not hold it.
        using var village = await ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.Forbidden, (await village.GetAsync("/api/v1/sample-line/items", ct)).StatusCode);

        using var security = await ClientAsAsync("security");
        var permissions = await security.GetStringAsync("/api/v1/permissions", ct);
        Assert.Contains("\"module\":\"示例业务\"", permissions);
        Assert.Contains("SampleLineWork", permissions);

        var board = await county.GetStringAsync("/api/v1/deadlines/board", ct);
        Assert.Contains("示例事项", board);
        var work = await county.GetStringAsync("/api/v1/deadlines?due=overdue", ct);
        Assert.Contains("示例事项一", work);

        // Pages accept the bearer token as well as the cookie: the home page lists the line in the navigation.
        var home = await county.GetStringAsync("/", ct);
        Assert.Contains("示例业务", home);
        Assert.Contains("/SampleLine", home);
    }

    private async Task<HttpClient> ClientAsAsync(string user)
    {
        var client = _app.GetTestClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = DemoSeeder.Password }))
            .Content.ReadFromJsonAsync<TokenAnswer>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenAnswer(string AccessToken);

    /// <summary>A business line as small as a line can be: one permission, one page link, one endpoint, one deadline source.</summary>
    private sealed class SampleLineModule : IMinzhengModule
    {
        public string Name => "示例业务";

        public IReadOnlyList<Permission> Permissions { get; } = [new("SampleLineWork", "办理示例业务", [Roles.County])];

        public IReadOnlyList<NavigationSection> Navigation { get; } = [new("示例业务", [new("示例事项", "/SampleLine", [Roles.County])])];

        public void AddServices(IServiceCollection services, IConfiguration configuration) =>
            services.AddScoped<IDeadlineSource, SampleDeadlines>();

        public void MapApi(RouteGroupBuilder api) =>
            api.MapGet("/sample-line/items", () => new[] { "示例事项一" }).RequireAuthorization("SampleLineWork");
    }

    private sealed class SampleDeadlines(TimeProvider clock) : IDeadlineSource
    {
        public string Kind => "示例事项";

        public Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<OpenDeadline>>(
            [new OpenDeadline("360482100201", Minzheng.Platform.Calendar.ChinaTime.Today(clock).AddDays(-1), "示例事项一", "/SampleLine")]);
    }
}
