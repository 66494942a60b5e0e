using System.Diagnostics;
using System.Net;

namespace Minzheng.Tests.Platform.Hosting;

/// <summary>
/// A first start on an empty data folder listens before the database is migrated and the demo county seeded: it
/// answers at once with what it is doing, then lets people sign in, then finishes the demo data in the background.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"minzheng-start-{Guid.NewGuid():N}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstStart_AnswersWhileSeeding_ThenBecomesReady()
    {
        var port = AppProcess.FreePort();
        using var process = Process.Start(AppProcess.StartInfo(["--data", _data, "--urls", $"http://127.0.0.1:{port}",
            "--Audit:CheckpointFile", Path.Combine(_data, "checkpoints.jsonl"),
            // The social-assistance caseload keeps the start busy long enough to be seen; the other lines' demo records
            // only lengthen the wait (the full demo is seeded by the FullDemo tests).
            "--Demo:Payrolls", "false", "--Demo:Marriage", "false", "--Demo:Funeral", "false", "--Demo:SocialOrganizations", "false", "--Demo:Veterans", "false"]))!;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var clock = Stopwatch.StartNew();
            var first = await FirstAnswerAsync(http, "/Account/Login");
            var firstAfter = clock.Elapsed;
            // Either the start page of the gate (503, database not ready) or the login page saying the demo data is
            // still being prepared: in both the server listened before the start-up work was done.
            Assert.Contains("data-startup-stage", first.Body);
            Assert.True(first.Status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.OK, first.Status.ToString());
            TestContext.Current.SendDiagnosticMessage($"first answer after {firstAfter.TotalSeconds:0.0} s: {(int)first.Status}");

            // The API says the same in its own terms until the database is ready.
            var health = await http.GetAsync("/health", Ct);
            Assert.True(health.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.OK);

            string login;
            do
            {
                await Task.Delay(500, Ct);
                Assert.False(process.HasExited, "the application stopped during its start");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), "the demo data was not ready within 4 minutes");
                login = await (await http.GetAsync("/Account/Login", Ct)).Content.ReadAsStringAsync(Ct);
            }
            while (login.Contains("data-startup-stage", StringComparison.Ordinal));

            Assert.Contains("演示模式", login);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health", Ct)).StatusCode);
            TestContext.Current.SendDiagnosticMessage($"ready after {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> FirstAnswerAsync(HttpClient http, string path)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                var response = await http.GetAsync(path, Ct);
                return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, Ct); // not listening yet
            }
        }

        throw new TimeoutException("the application did not answer within a minute");
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
