using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Auditing;

/// <summary>What the checkpoint file says: the valid checkpoints by sequence, the latest, and the first line that is not valid.</summary>
public sealed record CheckpointReport(string File, string KeyId, IReadOnlyDictionary<long, AuditCheckpoint> Anchors, AuditCheckpoint? Latest, string? Problem);

/// <summary>Writes checkpoints of the audit log's head and reads them back for verification.</summary>
public sealed class AuditCheckpoints(MinzhengDbContext db, CheckpointKey key, AuditCheckpointFile file, TimeProvider clock)
{
    /// <summary>Appends a checkpoint of the current head unless the latest one already names it; returns what was written.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken ct)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        // Only the last line matters here, and its signature is not re-checked: verification checks every line.
        var latest = file.ReadAll().LastOrDefault(l => l.Checkpoint is not null)?.Checkpoint;
        if (head is null || latest is not null && latest.Sequence == head.Sequence && latest.Hash == head.Hash)
        {
            return null;
        }

        var checkpoint = AuditCheckpoint.Sign(key, head.Sequence, head.Hash, clock.GetUtcNow());
        file.Append(checkpoint);
        return checkpoint;
    }

    public CheckpointReport Read()
    {
        var anchors = new Dictionary<long, AuditCheckpoint>();
        string? problem = null;
        foreach (var line in file.ReadAll())
        {
            if (line.Checkpoint is not { } checkpoint)
            {
                problem ??= line.Problem;
            }
            else if (checkpoint.KeyId != key.Id)
            {
                problem ??= $"检查点文件第{line.LineNumber}行由另一把密钥（{checkpoint.KeyId}）签名，不是本系统的检查点";
            }
            else if (!checkpoint.VerifiesWith(key))
            {
                problem ??= $"检查点文件第{line.LineNumber}行签名不符（检查点被改动）";
            }
            else if (anchors.TryGetValue(checkpoint.Sequence, out var earlier) && earlier.Hash != checkpoint.Hash)
            {
                problem ??= $"检查点文件第{line.LineNumber}行与前面的检查点矛盾：第{checkpoint.Sequence}条的哈希不同（审计日志曾被替换）";
            }
            else
            {
                anchors[checkpoint.Sequence] = checkpoint;
            }
        }

        var latest = anchors.Count == 0 ? null : anchors[anchors.Keys.Max()];
        return new CheckpointReport(file.Path, key.Id, anchors, latest, problem);
    }
}

public static class AuditCheckpointSetup
{
    public static IServiceCollection AddAuditCheckpoints(this IServiceCollection services)
    {
        services.AddSingleton(sp => CheckpointKey.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>().DataPath));
        services.AddSingleton(sp => AuditCheckpointFile.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>().DataPath));
        services.AddScoped<AuditCheckpoints>();
        services.AddHostedService<AuditCheckpointWriter>();
        return services;
    }
}
