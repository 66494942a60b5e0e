using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;
using Minzheng.Platform.Hosting;
using Npgsql;

namespace Minzheng.Bench;

/// <summary>The real application's services over a fresh database (SQLite file or a new PostgreSQL database), migrated and seeded with the demo county.</summary>
public static class BenchHost
{
    public static async Task<(WebApplication App, string Connection)> StartAsync(string provider, string? postgres, bool caseload = true)
    {
        var data = Path.Combine(Path.GetTempPath(), $"minzheng-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        var connection = provider == "sqlite"
            ? $"Data Source={Path.Combine(data, "bench.db")};Pooling=True"
            : await CreatePostgresDatabaseAsync(postgres!);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == "sqlite" ? "Sqlite" : "Postgres",
            [provider == "sqlite" ? "ConnectionStrings:Sqlite" : "ConnectionStrings:Postgres"] = connection,
            ["Data:Path"] = data,
            ["Demo:Enabled"] = "true",
            ["Demo:Caseload"] = caseload ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddMinzheng(Minzheng.Modules.MinzhengModules.All);
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        return (app, connection);
    }

    private static async Task<string> CreatePostgresDatabaseAsync(string server)
    {
        var name = "mz_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Times one step in a fresh scope; the step gets the scope's DbContext and services.</summary>
    public static async Task<TimeSpan> TimeAsync(WebApplication app, Func<MinzhengDbContext, IServiceProvider, Task> step)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await step(db, scope.ServiceProvider);
        return watch.Elapsed;
    }

    /// <summary>The largest live managed heap (MB) until cancelled: a full collection every 0.5 s, so timings taken meanwhile are slower.</summary>
    public static async Task<long> SampleLiveHeapAsync(CancellationToken ct)
    {
        var peak = 0L;
        while (!ct.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024);
            await Task.Delay(500, CancellationToken.None);
        }

        return peak;
    }

    public static long WorkingSetMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64 / 1024 / 1024;
    }

    public static long PeakMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024 / 1024;
    }
}
