using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Platform.Data;

/// <summary>An empty database of one provider, and contexts on it with a chosen region scope.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; protected set; } = "";

    public abstract DatabaseProvider Provider { get; }

    public abstract ValueTask InitializeAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public MinzhengDbContext CreateContext(IRegionScope? scope = null)
    {
        scope ??= SystemRegionScope.Instance;
        var interceptors = new Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[]
        {
            new AuditStampInterceptor(TimeProvider.System, new FixedActor("tester")), new RegionScopeWriteGuard(scope),
            new Minzheng.Platform.Auditing.AuditInterceptor(new FixedActor("tester"), TimeProvider.System, Protector),
        };
        return Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteMinzhengDbContext(
                (DbContextOptions<SqliteMinzhengDbContext>)DatabaseSetup.ConfigureSqlite(new DbContextOptionsBuilder<SqliteMinzhengDbContext>(), ConnectionString)
                    .AddInterceptors(interceptors).Options, scope, Modules),
            DatabaseProvider.Postgres => new PostgresMinzhengDbContext(
                (DbContextOptions<PostgresMinzhengDbContext>)DatabaseSetup.ConfigurePostgres(new DbContextOptionsBuilder<PostgresMinzhengDbContext>(), ConnectionString)
                    .AddInterceptors(interceptors).Options, scope, Modules),
        };
    }

    /// <summary>The modules of the application: the test contexts hold the same model as the app.</summary>
    public static readonly Minzheng.Platform.Modules.ModuleCatalog Modules = new(Minzheng.Modules.MinzhengModules.All);

    /// <summary>Keys of this test run, for the sealed values of audit entries.</summary>
    public static readonly Minzheng.Platform.Privacy.PersonalDataProtector Protector = new(new Minzheng.Platform.Privacy.PrivacyKeys(
        "k1", new Dictionary<string, string> { ["k1"] = Minzheng.Platform.Privacy.PrivacyKeys.NewKey() },
        Minzheng.Platform.Privacy.PrivacyKeys.NewKey()));

    public sealed record FixedActor(string UserName, string? Ip = "127.0.0.1") : Minzheng.Platform.Auditing.IAuditContext;
}

public sealed class SqliteDatabase : DatabaseFixture
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"minzheng-db-{Guid.NewGuid():N}.db");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override ValueTask InitializeAsync()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        File.Delete(_file);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresDatabase : DatabaseFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async ValueTask InitializeAsync() => ConnectionString = await Infrastructure.TestPostgres.CreateDatabaseAsync();
}
