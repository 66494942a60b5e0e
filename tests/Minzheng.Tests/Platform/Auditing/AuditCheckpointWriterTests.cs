using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minzheng.Platform.Auditing;

namespace Minzheng.Tests.Platform.Auditing;

/// <summary>The running application anchors its audit log by itself, and the auditor's verification reports the anchor.</summary>
public abstract class AuditCheckpointWriterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WritesACheckpoint_AndVerificationComparesWithIt()
    {
        // The writer starts once the database is ready and this instance runs the scheduled work; the demo seed left
        // hundreds of entries to anchor. The scheduler lock is tried again every 15 seconds when a first try misses (it
        // did in CI, under load): up to a minute, no longer than it takes.
        for (var i = 0; i < 600 && !File.Exists(app.CheckpointFile); i++)
        {
            await Task.Delay(100, Ct);
        }

        var first = app.Service(sp => sp.GetRequiredService<AuditCheckpoints>().Read());
        Assert.Null(first.Problem);
        Assert.NotNull(first.Latest);
        Assert.True(first.Latest.Sequence > 100, $"checkpoint at #{first.Latest.Sequence}");

        using var auditor = await app.ClientAsAsync("auditor");
        var verification = await auditor.GetFromJsonAsync<AuditVerificationResult>("/api/v1/audit/verify", MinzhengApp.Json, Ct);
        Assert.True(verification!.Intact, verification.Problem);
        Assert.True(verification.CheckpointSequence >= first.Latest.Sequence);
        Assert.True(verification.Entries > verification.CheckpointSequence);

        using var web = new WebSession(app);
        await web.LoginAsync("auditor", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.Contains("最近检查点：第", await (await web.GetAsync("/Audit")).Content.ReadAsStringAsync(Ct));
    }

    private sealed record AuditVerificationResult(bool Intact, long Entries, string? Problem, long? CheckpointSequence);
}

public sealed class SqliteAuditCheckpointWriterTests(SqliteApp app) : AuditCheckpointWriterTests<SqliteApp>(app);

public sealed class PostgresAuditCheckpointWriterTests(PostgresApp app) : AuditCheckpointWriterTests<PostgresApp>(app);

/// <summary>
/// A test host is asked to stop twice at once (the factory and the program's own run loop): the second stop used to
/// return while the first still wrote the last checkpoint, and the host was disposed under that write.
/// </summary>
public sealed class AuditCheckpointWriterStopTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoStopsAtOnce_BothEndAfterTheLastCheckpoint_WrittenOnce()
    {
        await using var app = new SqliteApp { WithCaseload = false };
        await app.InitializeAsync();
        var writer = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AuditCheckpointWriter>().Single();
        for (var i = 0; i < 600 && !File.Exists(app.CheckpointFile); i++)
        {
            await Task.Delay(100, Ct); // the writer anchors the seed once it runs the scheduled work
        }

        var before = File.ReadAllLines(app.CheckpointFile).Length;
        using (await app.ClientAsAsync("county"))
        {
            // signing in is audited: the log has a new head for the last checkpoint
        }

        var first = writer.StopAsync(Ct);
        await writer.StopAsync(Ct);
        Assert.True(first.IsCompleted, "the second stop ended before the first");
        Assert.Equal(before + 1, File.ReadAllLines(app.CheckpointFile).Length);
    }

    /// <summary>A first write that fails (here: the checkpoint path is a folder for a moment) is tried again within seconds.</summary>
    [Fact]
    public async Task AFailedWrite_IsTriedAgainWithinSeconds_NotAfterTheInterval()
    {
        await using var app = new FailureWatchingApp { WithCaseload = false };
        Directory.CreateDirectory(app.CheckpointFile);
        await app.InitializeAsync();
        _ = app.Services; // starts the host: its writer fails against the folder and logs it
        for (var i = 0; i < 600 && !app.WriteFailed; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(app.WriteFailed, "the write against a folder did not fail");
        Directory.Delete(app.CheckpointFile);
        for (var i = 0; i < 300 && !File.Exists(app.CheckpointFile); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(File.Exists(app.CheckpointFile), "no checkpoint within 30 s of the failed write (the interval is 5 minutes)");
    }

    /// <summary>An application whose log is kept, to see when the writer reports a failed checkpoint.</summary>
    private sealed class FailureWatchingApp : SqliteApp
    {
        private readonly Observability.CapturedLogs _logs = new();

        public bool WriteFailed => _logs.Entries.Any(e => e.Category == typeof(AuditCheckpointWriter).FullName && e.Level >= LogLevel.Error);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
    }
}
