using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Minzheng.Platform.Data;
using Minzheng.Platform.Operations;
using Npgsql;

namespace Minzheng.Tests.Platform.Operations;

/// <summary>
/// Of several instances of one installation exactly one runs the scheduled work; when it stops or its database session
/// dies, another takes over — never two at once, never none for longer than a lease check.
/// </summary>
public sealed class SchedulerLeadershipTests : IAsyncDisposable
{
    private readonly List<SchedulerLeadership> _instances = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("minzheng-leader-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<SchedulerLeadership> StartInstanceAsync(DatabaseSettings settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:LeaseCheckSeconds"] = "1" }).Build();
        var instance = new SchedulerLeadership(settings, configuration, TimeProvider.System, NullLogger<SchedulerLeadership>.Instance);
        _instances.Add(instance);
        await instance.StartAsync(Ct);
        return instance;
    }

    private static async Task<SchedulerLeadership> SingleLeaderAsync(params SchedulerLeadership[] instances)
    {
        for (var i = 0; i < 50 && !instances.Any(x => x.IsLeader); i++)
        {
            await Task.Delay(100, Ct);
        }

        await Task.Delay(1500, Ct); // a full lease check later, still only one
        return Assert.Single(instances, x => x.IsLeader);
    }

    private async Task TwoInstances_OneLeads_TheOtherTakesOverWhenItStopsAsync(DatabaseSettings settings)
    {
        var first = await StartInstanceAsync(settings);
        var second = await StartInstanceAsync(settings);
        var leader = await SingleLeaderAsync(first, second);
        var follower = leader == first ? second : first;

        await leader.StopAsync(Ct);
        Assert.False(leader.IsLeader);
        Assert.Same(follower, await SingleLeaderAsync(follower));
    }

    [Fact]
    public async Task Sqlite_TwoInstances_OneLeads_TheOtherTakesOver() =>
        await TwoInstances_OneLeads_TheOtherTakesOverWhenItStopsAsync(
            new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "minzheng.db")}", _folder));

    [Fact]
    public async Task Postgres_TwoInstances_OneLeads_TheOtherTakesOver() =>
        await TwoInstances_OneLeads_TheOtherTakesOverWhenItStopsAsync(
            new DatabaseSettings(DatabaseProvider.Postgres, await TestPostgres.CreateDatabaseAsync(), _folder));

    [Fact]
    public async Task Postgres_LeaderWhoseSessionDies_IsReplaced()
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, connection, _folder);
        var first = await StartInstanceAsync(settings);
        var second = await StartInstanceAsync(settings);
        await SingleLeaderAsync(first, second);

        // As when the leader's machine dies or the database fails over: its session and so its lock end.
        await using (var admin = new NpgsqlConnection(connection))
        {
            await admin.OpenAsync(Ct);
            // Only this test's database: other tests on the same server hold advisory locks of their own.
            await using var kill = new NpgsqlCommand(
                """
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, admin);
            Assert.Equal(true, await kill.ExecuteScalarAsync(Ct));
        }

        // The old leader notices at its next lease check and steps down; whichever wins next is the only one.
        await Task.Delay(1500, Ct);
        await SingleLeaderAsync(first, second);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.StopAsync(CancellationToken.None);
            instance.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
