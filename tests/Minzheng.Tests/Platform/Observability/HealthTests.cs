using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;
using Minzheng.Platform.Observability;

namespace Minzheng.Tests.Platform.Observability;

/// <summary>Liveness never asks the database; readiness names what keeps the installation from serving.</summary>
public abstract class HealthTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Check(JsonElement ready, string name) =>
        ready.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Health_KeepsItsPublicContract()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/health", Ct);
        Assert.Equal("{\"status\":\"Healthy\"}", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Live_Anonymous_IsHealthy()
    {
        using var client = app.CreateClient();
        var body = await (await client.GetAsync("/health/live", Ct)).JsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_MigratedDatabaseWithDisk_IsHealthyWithEachCheck()
    {
        using var client = app.CreateClient();
        var body = await (await client.GetAsync("/health/ready", Ct)).JsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("failed").EnumerateArray());
        foreach (var name in new[] { DatabaseCheck.Name, MigrationsCheck.Name, DiskSpaceCheck.Name })
        {
            Assert.Equal("Healthy", Check(body, name).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Ready_MigrationPending_Is503NamingIt_WhileLiveStaysUp()
    {
        // The history row of the (only) migration disappears, as if this build brought a migration not yet applied.
        List<string> history = [];
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            history = [.. await db.Database.GetAppliedMigrationsAsync(Ct)];
            return await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__ef_migrations\"", Ct);
        });
        try
        {
            using var client = app.CreateClient();
            var body = await (await client.GetAsync("/health/ready", Ct)).JsonAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            Assert.Equal([MigrationsCheck.Name], body.GetProperty("failed").EnumerateArray().Select(f => f.GetString()));
            var migrations = Check(body, MigrationsCheck.Name);
            Assert.Contains("迁移未执行", migrations.GetProperty("description").GetString());
            Assert.Contains(history[0], migrations.GetProperty("description").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        }
        finally
        {
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<MinzhengDbContext>();
                var version = typeof(DbContext).Assembly.GetName().Version!.ToString(3);
                foreach (var id in history)
                {
                    await db.Database.ExecuteSqlAsync($"INSERT INTO \"__ef_migrations\" (\"MigrationId\", \"ProductVersion\") VALUES ({id}, {version})", Ct);
                }

                return 0;
            });
        }
    }

    [Fact]
    public async Task Ready_DiskThresholdOutOfReach_Is503NamingIt()
    {
        await using var demanding = app.WithWebHostBuilder(b => b.UseSetting(DiskSpaceCheck.Setting, "999999999999"));
        using var client = demanding.CreateClient();
        var body = await (await client.GetAsync("/health/ready", Ct)).JsonAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal([DiskSpaceCheck.Name], body.GetProperty("failed").EnumerateArray().Select(f => f.GetString()));
        var disk = Check(body, DiskSpaceCheck.Name);
        Assert.Contains("磁盘空间不足", disk.GetProperty("description").GetString());
        Assert.Equal(999999999999, disk.GetProperty("data").GetProperty("minimumMegabytes").GetInt64());
        // Liveness and the public /health do not depend on the disk.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
    }
}

public sealed class SqliteHealthTests(SqliteHealthTests.App app) : HealthTests<SqliteHealthTests.App>(app)
{
    public sealed class App : SqliteApp
    {
        public App() => WithCaseload = false;
    }
}

public sealed class PostgresHealthTests(PostgresHealthTests.App app) : HealthTests<PostgresHealthTests.App>(app)
{
    public sealed class App : PostgresApp
    {
        public App() => WithCaseload = false;
    }
}
