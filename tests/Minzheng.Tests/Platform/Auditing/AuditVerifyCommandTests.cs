using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Minzheng.Tests.Platform.Auditing;

/// <summary>`Minzheng audit verify --data &lt;folder&gt;` as an operator runs it: exit 0 when intact, 1 naming the broken entry.</summary>
public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"minzheng-cli-{Guid.NewGuid():N}");

    private static readonly string[] DemoAccountsOnly =
    [
        "--Demo:Caseload", "false", "--Demo:Marriage", "false", "--Demo:Funeral", "false", "--Demo:SocialOrganizations", "false", "--Demo:Veterans", "false",
    ];

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var process = Process.Start(AppProcess.StartInfo(args.Concat(["--data", _data])))!;
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output + await error);
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "minzheng.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AuditVerify_IntactThenTampered_ExitCodesAndNamesEntry()
    {
        // The demo accounts and regions give entries enough; the modules' demo records would only slow the child process.
        Assert.Equal(0, (await RunAsync(["seed-demo", .. DemoAccountsOnly])).Exit);
        var intact = await RunAsync("audit", "verify");
        Assert.Equal(0, intact.Exit);
        Assert.Contains("intact", intact.Output);

        await ExecuteSqlAsync("DROP TRIGGER audit_entries_no_update; UPDATE \"AuditEntries\" SET \"Details\" = '{}' WHERE \"Sequence\" = 2;");

        var broken = await RunAsync("audit", "verify");
        Assert.Equal(1, broken.Exit);
        Assert.Contains("#2", broken.Output);
    }

    [Fact]
    public async Task AuditVerify_MalformedRow_NamesItWithoutAStackTrace()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit);
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit); // each run records itself: entries 1 and 2
        await ExecuteSqlAsync("DROP TRIGGER audit_entries_no_update; UPDATE \"AuditEntries\" SET \"Id\" = 'not-a-guid' WHERE \"Sequence\" = 2;");

        var broken = await RunAsync("audit", "verify");
        Assert.Equal(1, broken.Exit);
        Assert.Contains("#2", broken.Output);
        Assert.Contains("记录格式错误", broken.Output);
        Assert.Contains("not-a-guid", broken.Output);
        Assert.DoesNotContain("   at ", broken.Output);
        Assert.DoesNotContain("Unhandled exception", broken.Output);
    }

    [Fact]
    public async Task Start_RestoresDroppedTriggers_AndRecordsIt()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        await ExecuteSqlAsync("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");

        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteSqlAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'mallory';"));
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteSqlAsync("DELETE FROM \"AuditEntries\";"));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "minzheng.db")};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Details\" FROM \"AuditEntries\" WHERE \"Action\" = 'audit.protection-restored'";
        var details = (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        Assert.Contains("audit_entries_no_update", details);
        Assert.Contains("audit_entries_no_delete", details);
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit);
    }

    [Fact]
    public async Task AuditCheckpoint_ThenTailDeletedAndContinued_VerifyNamesTheCut()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit);
        Assert.Equal(0, (await RunAsync("audit", "verify")).Exit); // entries 1 and 2
        var checkpoint = await RunAsync("audit", "checkpoint");
        Assert.Equal(0, checkpoint.Exit);
        Assert.Contains("#2", checkpoint.Output);
        // The default place is beside the data folder, not in it.
        Assert.Single(File.ReadAllLines(Path.Combine(_data + "-audit", "checkpoints.jsonl")));

        await ExecuteSqlAsync("DROP TRIGGER audit_entries_no_delete; DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2;");
        var broken = await RunAsync("audit", "verify");
        Assert.Equal(1, broken.Exit);
        // The start put the trigger back and recorded that as a new entry #2: the cut was papered over, and the
        // checkpoint still names it.
        Assert.Contains("#2", broken.Output);
        Assert.Contains("截断", broken.Output);
        Assert.Contains("最近检查点", broken.Output);
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _data, _data + "-audit" }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
