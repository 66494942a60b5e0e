using Minzheng.Platform.Calendar;
using Minzheng.Platform.Hosting;
using Minzheng.Platform.Operations;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// The daily lapse (视为撤回, 民法典 art. 1077): shortly after midnight China time, and once when the installation starts
/// (to catch up after downtime), pending divorce applications whose period to collect the certificate has ended are
/// marked lapsed — by the one instance that runs the scheduled work.
/// </summary>
public sealed class DivorceLapseJob(IServiceScopeFactory scopes, TimeProvider clock, StartupProgress startup, SchedulerLeadership leadership,
    ILogger<DivorceLapseJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.DatabaseReady.WaitAsync(stoppingToken);
        // The first run waits briefly for this instance to be elected; if another instance holds the lock, that one runs it.
        await Task.WhenAny(leadership.Elected, Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken));
        while (!stoppingToken.IsCancellationRequested)
        {
            if (leadership.IsLeader)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var lapsed = await scope.ServiceProvider.GetRequiredService<DivorceService>().LapseOverdueAsync(clock.Today(), stoppingToken);
                    log.LogInformation("Divorce applications lapsed: {Count}", lapsed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A failed run must not stop tomorrow's; registration refuses dates past the period either way.
                    log.LogError(e, "Divorce lapse job failed");
                }
            }

            await Task.Delay(ScheduledBackups.UntilNext(clock.GetUtcNow(), 0) + TimeSpan.FromMinutes(5), clock, stoppingToken);
        }
    }
}
