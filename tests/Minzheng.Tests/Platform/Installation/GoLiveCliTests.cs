using System.Diagnostics;
using System.Net;

namespace Minzheng.Tests.Platform.Installation;

/// <summary>
/// Demo and production never mix, as an operator meets it on the command line: production refuses a demo database,
/// <c>demo remove</c> clears it, <c>init</c> makes it a county's own, and demo mode is then refused in turn.
/// </summary>
public sealed class GoLiveCliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"minzheng-golive-{Guid.NewGuid():N}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoDatabase_ProductionRefused_DemoRemoved_ThenInitOnce_AndDemoRefused()
    {
        Assert.Equal(0, (await RunAsync("seed-demo")).Exit);

        var refused = await RunAsync(null, demo: false);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("demo remove", refused.Output);

        var removed = await RunAsync("demo remove");
        Assert.True(removed.Exit == 0, removed.Output);
        Assert.Contains("演示数据已删除", removed.Output);
        Assert.Equal(1, (await RunAsync("demo remove")).Exit); // nothing left to remove

        var wrongCounty = await RunAsync("init --county 36048 --name 共青城市");
        Assert.Equal(1, wrongCounty.Exit);
        Assert.Contains("应为6位数字", wrongCounty.Output);

        var init = await RunAsync("init --county 360482 --name 共青城市 --prefecture-name 九江市");
        Assert.True(init.Exit == 0, init.Output);
        Assert.Matches(@"sysadmin\s+系统管理员\s+\S{4}-\S{4}-\S{4}-\S{4}", init.Output);
        Assert.Contains("只能运行一次", (await RunAsync("init --county 360482 --name 共青城市")).Output);

        var demoOnProduction = await RunAsync(null, demo: true);
        Assert.Equal(1, demoOnProduction.Exit);
        Assert.Contains("Demo:Enabled=false", demoOnProduction.Output);
        Assert.Equal(1, (await RunAsync("seed-demo")).Exit);

        await AssertProductionStartsAsync();
    }

    private async Task AssertProductionStartsAsync()
    {
        var port = AppProcess.FreePort();
        using var process = Process.Start(AppProcess.StartInfo(Arguments(null, demo: false, port)))!;
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                Assert.False(process.HasExited, "production did not start on the initialised database");
                try
                {
                    if ((await http.GetAsync("/health/ready", Ct)).StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (attempt < 600)
                {
                    // not listening yet
                }

                await Task.Delay(200, Ct);
            }

            Assert.DoesNotContain("Demo@2026!", await http.GetStringAsync("/Account/Login", Ct));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }
    }

    private async Task<(int Exit, string Output)> RunAsync(string? verb, bool? demo = null)
    {
        using var process = Process.Start(AppProcess.StartInfo(Arguments(verb, demo, AppProcess.FreePort())))!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // Generous: the first run seeds the whole demo county in a child process, slow on a busy 2-core machine.
        timeout.CancelAfter(TimeSpan.FromMinutes(6));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private List<string> Arguments(string? verb, bool? demo, int port)
    {
        var args = verb?.Split(' ').ToList() ?? [];
        args.AddRange(["--data", _data, "--urls", $"http://127.0.0.1:{port}", "--Audit:CheckpointFile", Path.Combine(_data, "checkpoints.jsonl"),
            "--Hosting:InitializeBeforeListening", "true"]);
        if (demo is { } on)
        {
            args.AddRange(["--Demo:Enabled", on ? "true" : "false"]);
        }

        return args;
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
