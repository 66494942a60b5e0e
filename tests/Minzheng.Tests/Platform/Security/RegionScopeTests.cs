using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Platform.Security;

/// <summary>
/// The region-scope mechanism of <see cref="MinzhengDbContext"/> (query filter + write guard), exercised through a
/// context that adds one region-scoped entity to the real model. Business entities get exactly this behaviour.
/// </summary>
public abstract class RegionScopeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private const string Ganlu = "360482100";
    private const string Jiangyi = "360482101";

    private async Task<(Guid Own, Guid Other)> SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var system = Probe(SystemRegionScope.Instance);
        await system.Database.EnsureCreatedAsync(ct);
        var own = new ScopedRecord { RegionCode = Ganlu + "201", Note = "甘露镇红光村" };
        var other = new ScopedRecord { RegionCode = Jiangyi + "201", Note = "江益镇芦山村" };
        system.AddRange(own, other);
        await system.SaveChangesAsync(ct);
        return (own.Id, other.Id);
    }

    [Fact]
    public async Task Query_TownshipUser_SeesOnlyOwnSubtree()
    {
        var (own, other) = await SeedAsync();
        await using var township = Probe(new FixedRegionScope(Ganlu));
        var visible = await township.Set<ScopedRecord>().Where(r => r.Id == own || r.Id == other).Select(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([own], visible);
        Assert.Null(await township.Set<ScopedRecord>().FindAsync([other], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Query_CountyUser_SeesAllTownships()
    {
        var (own, other) = await SeedAsync();
        await using var county = Probe(new FixedRegionScope("360482"));
        var count = await county.Set<ScopedRecord>().CountAsync(r => r.Id == own || r.Id == other, TestContext.Current.CancellationToken);
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Query_AnonymousScope_SeesNothing()
    {
        await SeedAsync();
        await using var nobody = Probe(new FixedRegionScope(IRegionScope.Nothing));
        Assert.False(await nobody.Set<ScopedRecord>().AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Add_OutsideScope_IsRefusedAndNothingWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedAsync();
        await using var township = Probe(new FixedRegionScope(Ganlu));
        var intruder = new ScopedRecord { RegionCode = Jiangyi + "202", Note = "越权写入" };
        township.Add(intruder);
        await Assert.ThrowsAsync<RegionScopeViolationException>(() => township.SaveChangesAsync(ct));
        await using var system = Probe(SystemRegionScope.Instance);
        Assert.False(await system.Set<ScopedRecord>().AnyAsync(r => r.Id == intruder.Id, ct));
    }

    [Fact]
    public async Task Update_MovingRowOutOfScope_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var (own, _) = await SeedAsync();
        await using var township = Probe(new FixedRegionScope(Ganlu));
        var row = await township.Set<ScopedRecord>().SingleAsync(r => r.Id == own, ct);
        row.RegionCode = Jiangyi + "201";
        await Assert.ThrowsAsync<RegionScopeViolationException>(() => township.SaveChangesAsync(ct));
        await using var system = Probe(SystemRegionScope.Instance);
        Assert.Equal(Ganlu + "201", (await system.Set<ScopedRecord>().SingleAsync(r => r.Id == own, ct)).RegionCode);
    }

    [Fact]
    public async Task IgnoreNamedFilter_SystemReportsCanSeeEverything()
    {
        var (own, other) = await SeedAsync();
        await using var township = Probe(new FixedRegionScope(Ganlu));
        var all = await township.Set<ScopedRecord>().IgnoreQueryFilters([MinzhengDbContext.RegionFilter])
            .CountAsync(r => r.Id == own || r.Id == other, TestContext.Current.CancellationToken);
        Assert.Equal(2, all);
    }

    private ScopeProbeContext Probe(IRegionScope scope)
    {
        var options = new DbContextOptionsBuilder<ScopeProbeContext>();
        _ = database.Provider switch
        {
            DatabaseProvider.Sqlite => DatabaseSetup.ConfigureSqlite(options, database.ConnectionString),
            DatabaseProvider.Postgres => DatabaseSetup.ConfigurePostgres(options, database.ConnectionString),
        };
        options.AddInterceptors(new AuditStampInterceptor(TimeProvider.System, new DatabaseFixture.FixedActor("tester")), new RegionScopeWriteGuard(scope),
            new Minzheng.Platform.Auditing.AuditInterceptor(new DatabaseFixture.FixedActor("tester"), TimeProvider.System,
                DatabaseFixture.Protector));
        return new ScopeProbeContext(options.Options, scope);
    }
}

public sealed class ScopedRecord : IRegionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public string Note { get; set; } = "";
}

public sealed class ScopeProbeContext(DbContextOptions<ScopeProbeContext> options, IRegionScope scope)
    : MinzhengDbContext(options, scope, DatabaseFixture.Modules)
{
    protected override void OnModelCreating(Microsoft.EntityFrameworkCore.ModelBuilder builder)
    {
        builder.Entity<ScopedRecord>();
        base.OnModelCreating(builder);
    }
}

public sealed class SqliteRegionScopeTests(SqliteDatabase database) : RegionScopeTests<SqliteDatabase>(database);

public sealed class PostgresRegionScopeTests(PostgresDatabase database) : RegionScopeTests<PostgresDatabase>(database);
