using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Operations;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Platform.Operations;

/// <summary>
/// A backup of the demo county restored into an empty target (issue 23): the same rows in every table, an intact audit
/// chain, the same full ID number behind a masked one, and an application that starts on it — only with the right keys.
/// </summary>
public abstract class BackupRestoreTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<DatabaseSettings> EmptyTargetAsync(string dataPath);

    private async Task<(Guid Person, string IdNumber)> RevealFirstAsync(MinzhengApp on)
    {
        using var county = await on.ClientAsAsync("county");
        var household = (await (await county.GetAsync("/api/v1/households?sort=head&pageSize=1", Ct)).JsonAsync())[0].GetProperty("id").GetString();
        var person = (await (await county.GetAsync($"/api/v1/households/{household}", Ct)).JsonAsync()).GetProperty("members")[0].GetProperty("personId").GetGuid();
        var revealed = await (await county.PostAsJsonAsync($"/api/v1/persons/{person}/reveal", new { reason = "备份恢复核对" }, Ct)).JsonAsync();
        return (person, revealed.GetProperty("idNumber").GetString()!);
    }

    [Fact]
    public async Task ABackup_RestoresIntoAnEmptyTarget_WithItsKeysOnly_AndTheApplicationRunsOnIt()
    {
        var (person, idNumber) = await RevealFirstAsync(app);
        var folder = Directory.CreateTempSubdirectory("minzheng-backup-").FullName;
        var (file, manifest) = await app.Service(sp => sp.GetRequiredService<DatabaseBackup>()).BackupAsync(folder, Ct);
        var configuration = app.Service(sp => sp.GetRequiredService<IConfiguration>());
        var source = app.Service(sp => sp.GetRequiredService<DatabaseSettings>());
        var keys = Path.Combine(folder, "keys.json");
        KeyBundle.Capture(configuration, source.DataPath, DateTimeOffset.UtcNow).Write(keys);
        Assert.Contains("Persons", manifest.Tables.Keys);
        Assert.True(manifest.Tables["Persons"] > 100);
        Assert.DoesNotContain(File.ReadAllText(keys), File.ReadAllText(file + BackupManifest.Suffix)); // the manifest names its keys, never holds them

        var target = await EmptyTargetAsync(Directory.CreateTempSubdirectory("minzheng-restore-").FullName);
        var restore = new DatabaseBackup(target, configuration, TimeProvider.System);
        Assert.Contains("密钥备份文件", (await Assert.ThrowsAsync<OperationException>(() => restore.RestoreAsync(file, null, Ct))).Message);
        var wrong = Path.Combine(folder, "other-keys.json");
        (JsonKeys() with { Privacy = new PrivacyKeys("k1", new Dictionary<string, string> { ["k1"] = PrivacyKeys.NewKey() }, PrivacyKeys.NewKey()) }).Write(wrong);
        Assert.Contains("不匹配", (await Assert.ThrowsAsync<OperationException>(() => restore.RestoreAsync(file, wrong, Ct))).Message);
        Assert.Empty(await DatabaseBackup.RowCountsAsync(target, Ct)); // refused before anything was written

        await restore.RestoreAsync(file, keys, Ct);
        Assert.Equal(manifest.Tables, await DatabaseBackup.RowCountsAsync(target, Ct));
        Assert.Contains("不是空的", (await Assert.ThrowsAsync<OperationException>(() => restore.RestoreAsync(file, keys, Ct))).Message);

        await using var restored = new RestoredApp(target);
        await restored.InitializeAsync();
        Assert.True((await restored.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().VerifyAsync(Ct))).Intact);
        var (samePerson, sameId) = await RevealFirstAsync(restored);
        Assert.Equal((person, idNumber), (samePerson, sameId));

        KeyBundle JsonKeys() => KeyBundle.Read(keys);
    }

    private sealed class RestoredApp(DatabaseSettings target) : MinzhengApp
    {
        protected override DatabaseProvider Provider => target.Provider;

        public override ValueTask InitializeAsync()
        {
            ConnectionString = target.ConnectionString;
            Settings["Data:Path"] = target.DataPath;
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class SqliteBackupRestoreTests(SqliteApp app) : BackupRestoreTests<SqliteApp>(app)
{
    protected override Task<DatabaseSettings> EmptyTargetAsync(string dataPath) =>
        Task.FromResult(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataPath, "minzheng.db")};Pooling=False", dataPath));
}

public sealed class PostgresBackupRestoreTests(PostgresApp app) : BackupRestoreTests<PostgresApp>(app)
{
    protected override async Task<DatabaseSettings> EmptyTargetAsync(string dataPath) =>
        new(DatabaseProvider.Postgres, await TestPostgres.CreateDatabaseAsync(), dataPath);
}
