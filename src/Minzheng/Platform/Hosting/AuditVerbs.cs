using System.Globalization;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Hosting;

/// <summary>The <c>audit verify</c> and <c>audit checkpoint</c> verbs.</summary>
public static class AuditVerbs
{
    public static async Task<int> VerifyAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var log = services.GetRequiredService<AuditLog>();
        var (result, notRecorded) = await log.VerifyAndRecordAsync("cli", ct);
        if (result.Intact)
        {
            Console.WriteLine($"审计日志完整 (audit log intact): {result.Entries} entries, head {result.HeadHash ?? "-"}");
        }
        else
        {
            Console.WriteLine($"审计日志已被篡改 (audit log broken) at entry #{result.BrokenSequence?.ToString(CultureInfo.InvariantCulture) ?? "?"}"
                              + $" (id {result.BrokenId?.ToString() ?? "?"}): {result.Problem}");
        }

        var file = services.GetRequiredService<AuditCheckpointFile>().Path;
        Console.WriteLine(result.Checkpoint is { } checkpoint
            ? string.Create(CultureInfo.InvariantCulture, $"最近检查点 (latest checkpoint): #{checkpoint.Sequence} at {checkpoint.At:yyyy-MM-dd HH:mm:ss}Z, {file}")
            : $"尚无检查点，末尾的删除无法发现 (no checkpoint yet: a deleted tail cannot be detected): {file}");

        if (notRecorded is not null)
        {
            Console.Error.WriteLine($"校验结果未能记入审计日志 (could not record the verification): {notRecorded}");
        }

        return result.Intact ? 0 : 1;
    }

    public static async Task<int> CheckpointAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
        var written = await services.GetRequiredService<AuditCheckpoints>().WriteAsync(ct);
        var file = services.GetRequiredService<AuditCheckpointFile>().Path;
        Console.WriteLine(written is null
            ? $"检查点已是最新，未重复记下 (the latest checkpoint already names the head): {file}"
            : string.Create(CultureInfo.InvariantCulture, $"已记下检查点 (checkpoint written): #{written.Sequence} {written.Hash}, {file}"));
        return 0;
    }
}
