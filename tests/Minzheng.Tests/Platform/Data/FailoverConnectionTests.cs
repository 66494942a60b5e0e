using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Modules.SocialAssistance.Registry;
using Npgsql;

namespace Minzheng.Tests.Platform.Data;

/// <summary>
/// How the app meets a failover on PostgreSQL (issue 24): a multi-host connection string whose first host is dead, the
/// statistics read from the standby connection, and requests whose connections the server dropped under them (what a
/// primary that dies or is demoted does) — retried when they are safe to repeat, else a 503 that says so.
/// </summary>
public sealed class FailoverConnectionTests(FailoverConnectionTests.FailoverApp app) : IClassFixture<FailoverConnectionTests.FailoverApp>
{
    /// <summary>
    /// The main connection lists a closed port before the real server, as <c>Host=a,b;Target Session Attributes=primary</c>
    /// would after the first node died; the standby connection is the same database, read-only and named, so that a test
    /// can tell which one a request used and that nothing writes through it.
    /// </summary>
    public sealed class FailoverApp : PostgresApp
    {
        public string AppName { get; } = "mz-main-" + Guid.NewGuid().ToString("N")[..8];

        public string StandbyName { get; } = "mz-standby-" + Guid.NewGuid().ToString("N")[..8];

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            var real = new NpgsqlConnectionStringBuilder(ConnectionString);
            var main = new NpgsqlConnectionStringBuilder(ConnectionString)
            {
                Host = $"127.0.0.1:{ClosedPort()},{real.Host}:{real.Port}",
                TargetSessionAttributes = "primary",
                ApplicationName = AppName,
            };
            var standby = new NpgsqlConnectionStringBuilder(ConnectionString)
            {
                ApplicationName = StandbyName,
                Options = "-c default_transaction_read_only=on",
            };
            ConnectionString = main.ConnectionString;
            Settings["ConnectionStrings:PostgresStandby"] = standby.ConnectionString;
        }

        /// <summary>Drops every connection the app holds, as a primary that crashed or was demoted does.</summary>
        public async Task DropConnectionsAsync()
        {
            await using var admin = new NpgsqlConnection(TestPostgres.ServerConnectionString);
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name IN (@a, @b)", admin);
            kill.Parameters.AddWithValue("a", AppName);
            kill.Parameters.AddWithValue("b", StandbyName);
            await kill.ExecuteScalarAsync();
        }

        public async Task<long> ConnectionsNamedAsync(string name)
        {
            await using var admin = new NpgsqlConnection(TestPostgres.ServerConnectionString);
            await admin.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @n", admin);
            count.Parameters.AddWithValue("n", name);
            return (long)(await count.ExecuteScalarAsync())!;
        }

        private static int ClosedPort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Each test starts where an earlier one's dropped connections are forgotten: the app runs in this process, so its
    /// pools can be cleared from here, and Npgsql's memory of a host's state lasts <c>Host Recheck Seconds</c> (1).
    /// </summary>
    private static async Task SettleAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
    }

    private static object Household() => new
    {
        regionCode = "360482100201",
        hukouType = "rural",
        address = "故障切换测试1号",
        members = new[] { new { name = "切换", idNumber = RegistryApiTests<PostgresApp>.NewIdNumber(), relationship = "head", monthlyIncome = 100m, disabilityGrade = (int?)null, selfCare = "full" } },
    };

    [Fact]
    public async Task Writes_GoToTheLivePrimary_WhenTheFirstListedHostIsDown()
    {
        await SettleAsync();
        using var county = await app.ClientAsAsync("county");
        var created = await (await county.PostAsJsonAsync("/api/v1/households", Household(), Ct)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/households/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Dashboard_ReadsItsFiguresFromTheStandbyConnection_AndWritesNothingThere()
    {
        await SettleAsync();
        using var county = await app.ClientAsAsync("county");
        var dashboard = await (await county.GetAsync("/api/v1/reports/dashboard?region=360482", Ct)).JsonAsync();
        var table = await county.GetAsync("/api/v1/statistics/table?region=360482&period=2026-11", Ct);

        Assert.Equal(12, dashboard.GetProperty("months").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, table.StatusCode);
        // Pooled connections stay open after the request: the standby was used (and read-only, so any write there would have failed).
        Assert.True(await app.ConnectionsNamedAsync(app.StandbyName) > 0);
    }

    [Fact]
    public async Task Read_WhoseConnectionsWereDropped_IsAnsweredByRetrying()
    {
        await SettleAsync();
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/v1/households?region=360482&pageSize=5", Ct)).StatusCode);

        await app.DropConnectionsAsync();
        var again = await county.GetAsync("/api/v1/households?region=360482&pageSize=5", Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Write_WithoutIdempotencyKey_WhoseConnectionsWereDropped_IsNotRepeated_But503InChinese()
    {
        await SettleAsync();
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/v1/households?region=360482&pageSize=5", Ct)).StatusCode);

        await app.DropConnectionsAsync();
        var response = await county.PostAsJsonAsync("/api/v1/households", Household(), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("数据库暂时不可用", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task PageForm_WhoseConnectionsWereDropped_ShowsTheChineseOutagePage_Not_aBrokenResponse()
    {
        await SettleAsync();
        using var web = new WebSession(app);
        await web.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);

        var response = await web.PostFormAsync("/", new Dictionary<string, string>(), "/Account/Logout", app.DropConnectionsAsync);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("数据库暂时不可用", html);
        Assert.Contains("正在切换主备数据库", html);
    }

    [Fact]
    public async Task Write_WithAnIdempotencyKey_ToAnEndpointThatDoesNotHonourIt_IsNotRepeated()
    {
        await SettleAsync();
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/v1/households?region=360482&pageSize=5", Ct)).StatusCode);

        await app.DropConnectionsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/households") { Content = JsonContent.Create(Household()) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await county.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Payroll_WithItsIdempotencyKey_WhoseConnectionsWereDropped_IsAnsweredByRetrying()
    {
        await SettleAsync();
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/v1/households?region=360482&pageSize=5", Ct)).StatusCode);

        await app.DropConnectionsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payrolls")
        {
            Content = JsonContent.Create(new { program = "rural-dibao", regionCode = "360482100201", period = "2026-10" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await county.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
