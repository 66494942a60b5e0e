using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Platform.Security;

/// <summary>
/// Cookie and token keys belong to one installation (security issue: a demo instance's token opened another
/// installation, because every instance of the OS user shared an unencrypted key ring in the home folder).
/// </summary>
public abstract class SessionKeyTests<TApp>(TApp app) where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Another installation: its own database.</summary>
    protected abstract Task<MinzhengApp> OtherInstallationAsync();

    /// <summary>A second instance of the same installation: the same database.</summary>
    protected abstract MinzhengApp SecondInstance();

    [Fact]
    public async Task TokenOfAnotherInstallation_IsRefused_AndItsProtectedDataCannotBeOpened()
    {
        await using var other = await OtherInstallationAsync();
        using var foreign = await other.ClientAsAsync("county");
        var token = foreign.DefaultRequestHeaders.Authorization!;
        using var here = app.CreateClient();
        here.DefaultRequestHeaders.Authorization = token;
        await (await here.GetAsync("/api/v1/audit", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await here.GetAsync("/api/v1/regions/360482000000/children", Ct)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var sealedThere = Protector(other).Protect("会话");
        Assert.ThrowsAny<CryptographicException>(() => Protector(app).Unprotect(sealedThere));
    }

    [Fact]
    public async Task SecondInstanceOfTheSameInstallation_AcceptsTheTokens()
    {
        using var client = await app.ClientAsAsync("county");
        await using var second = SecondInstance();
        using var there = second.CreateClient();
        there.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/api/v1/regions/360482000000/children", Ct)).StatusCode);
        Assert.Equal("会话", Protector(second).Unprotect(Protector(app).Protect("会话")));
    }

    [Fact]
    public async Task StoredKeys_AreSealed_NotPlainXml()
    {
        Protector(app).Protect("x"); // makes sure the key ring exists
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().DataProtectionKeys.AsNoTracking()
            .Select(k => k.Xml!).ToListAsync(Ct));
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<sealedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
    }

    private static IDataProtector Protector(MinzhengApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("session-key-test");
}

public sealed class SqliteSessionKeyTests(SqliteApp app) : SessionKeyTests<SqliteApp>(app), IClassFixture<SqliteApp>
{
    private readonly SqliteApp _app = app;

    protected override async Task<MinzhengApp> OtherInstallationAsync()
    {
        var other = new SqliteApp { WithCaseload = false };
        await other.InitializeAsync();
        return other;
    }

    protected override MinzhengApp SecondInstance() => new SameDatabaseApp(_app.SqliteConnectionString, Minzheng.Platform.Data.DatabaseProvider.Sqlite) { WithCaseload = false };
}

public sealed class PostgresSessionKeyTests(PostgresApp app) : SessionKeyTests<PostgresApp>(app), IClassFixture<PostgresApp>
{
    private readonly PostgresApp _app = app;

    protected override async Task<MinzhengApp> OtherInstallationAsync()
    {
        var other = new PostgresApp { WithCaseload = false };
        await other.InitializeAsync();
        return other;
    }

    protected override MinzhengApp SecondInstance() => new SameDatabaseApp(_app.DatabaseConnectionString, Minzheng.Platform.Data.DatabaseProvider.Postgres) { WithCaseload = false };
}

/// <summary>Another app instance on an existing database (as a second server of one installation would be).</summary>
internal sealed class SameDatabaseApp : MinzhengApp
{
    private readonly Minzheng.Platform.Data.DatabaseProvider _provider;

    public SameDatabaseApp(string connectionString, Minzheng.Platform.Data.DatabaseProvider provider)
    {
        ConnectionString = connectionString;
        _provider = provider;
    }

    protected override Minzheng.Platform.Data.DatabaseProvider Provider => _provider;

    public override ValueTask InitializeAsync() => ValueTask.CompletedTask;
}
