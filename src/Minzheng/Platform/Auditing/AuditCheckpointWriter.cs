using Minzheng.Platform.Hosting;

namespace Minzheng.Platform.Auditing;

/// <summary>
/// Writes a checkpoint of the audit log's head once the database is ready, every <c>Audit:CheckpointMinutes</c> (default
/// 5; 0 turns it off) while the head moves, and at shutdown. Each checkpoint also goes to the application log, a second
/// copy outside the database (journald keeps it even if the checkpoint file is lost). Only the instance that runs the
/// scheduled work writes them (<see cref="Operations.SchedulerLeadership"/>).
/// </summary>
public sealed class AuditCheckpointWriter(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    StartupProgress startup, Operations.SchedulerLeadership leadership, ILogger<AuditCheckpointWriter> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Audit:CheckpointMinutes", 5);
        if (minutes <= 0)
        {
            return;
        }

        try
        {
            await startup.DatabaseReady.WaitAsync(stoppingToken);
            await leadership.Elected.WaitAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return; // the start failed and says so itself
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // A failed write (the database busy or failing over, the file locked) is tried again within seconds, not
            // after the whole interval: the entries since the last checkpoint would otherwise stay unanchored for minutes.
            var written = !leadership.IsLeader || await WriteAsync(stoppingToken);
            await Task.Delay(written ? TimeSpan.FromMinutes(minutes) : RetryAfterFailure, clock, stoppingToken);
        }
    }

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    private readonly Lock _stopGate = new();
    private Task? _stopping;

    /// <summary>
    /// Stops once: a host can be asked to stop twice at the same time (a test host's factory and the program's own
    /// run loop both do), and the second caller must wait for the last checkpoint's write rather than let the host
    /// be disposed under it — the write would otherwise land in a database already being copied or backed up.
    /// </summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopGate)
        {
            return _stopping ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (startup.IsDatabaseReady && leadership.IsLeader && configuration.GetValue("Audit:CheckpointMinutes", 5) > 0)
        {
            // The entries of the last minutes before a planned stop are anchored too.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await WriteAsync(timeout.Token);
        }
    }

    /// <summary>Writes a checkpoint when the head moved; false when the write failed.</summary>
    private async Task<bool> WriteAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(ct) is { } checkpoint)
            {
                log.LogInformation("Audit checkpoint: sequence {Sequence} hash {Hash} at {At:O} key {Key} signature {Signature}",
                    checkpoint.Sequence, checkpoint.Hash, checkpoint.At, checkpoint.KeyId, checkpoint.Signature);
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unwritable checkpoint file must not stop the application; the log names it, and verification will
            // show how old the latest checkpoint is.
            log.LogError(e, "Audit checkpoint could not be written");
            return false;
        }
    }
}
