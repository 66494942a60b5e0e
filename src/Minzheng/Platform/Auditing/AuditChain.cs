using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Minzheng.Platform.Auditing;

/// <summary>The hash chain: SHA-256 over the previous hash and a canonical serialisation of the entry.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', AuditEntry.HashLength);

    public static DateTimeOffset Normalize(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    // A JSON array has one unambiguous encoding for any field contents (no delimiter can be smuggled in).
    public static string Canonical(AuditEntry e) => JsonSerializer.Serialize(new object?[]
    {
        e.Id.ToString("D"), e.Sequence, e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        e.UserName, e.Ip, e.Action, e.Outcome, e.EntityType, e.EntityId, e.RegionCode, e.Details,
    });

    public static string ComputeHash(string previousHash, AuditEntry entry)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry)));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Links <paramref name="entry"/> after the entry with <paramref name="lastSequence"/> and <paramref name="lastHash"/>.</summary>
    public static void Link(AuditEntry entry, long lastSequence, string lastHash)
    {
        entry.Sequence = lastSequence + 1;
        entry.OccurredAt = Normalize(entry.OccurredAt);
        entry.PreviousHash = lastHash;
        entry.Hash = ComputeHash(lastHash, entry);
    }

    /// <param name="Checkpoint">The latest valid checkpoint the log was compared with (none when the file holds none).</param>
    public sealed record Verification(bool Intact, long Entries, long? BrokenSequence, Guid? BrokenId, string? Problem, string? HeadHash,
        AuditCheckpoint? Checkpoint = null);

    /// <summary>
    /// Walks the chain in sequence order: each entry must follow its predecessor without a gap, name its hash, hash to
    /// what it stores and agree with any checkpoint taken at its sequence; the log must reach the latest checkpoint. The
    /// first entry that does not is reported.
    /// </summary>
    public static async Task<Verification> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesBySequence, CancellationToken ct,
        IReadOnlyDictionary<long, AuditCheckpoint>? checkpoints = null)
    {
        checkpoints ??= new Dictionary<long, AuditCheckpoint>();
        long count = 0, expectedSequence = 1;
        var previous = Genesis;
        await foreach (var e in entriesBySequence.WithCancellation(ct))
        {
            count++;
            if (e.Sequence != expectedSequence)
            {
                return Broken(e, count, e.Sequence > expectedSequence
                    ? $"序号不连续：缺少第{expectedSequence}条（记录被删除）"
                    : $"序号重复或倒退：第{e.Sequence}条出现在第{expectedSequence}条的位置（记录被插入）");
            }

            if (e.PreviousHash != previous)
            {
                return Broken(e, count, "前一条的哈希不符（前面的记录被删除、插入或替换）");
            }

            if (ComputeHash(previous, e) != e.Hash)
            {
                return Broken(e, count, "内容与哈希不符（记录被修改）");
            }

            if (checkpoints.TryGetValue(e.Sequence, out var checkpoint) && checkpoint.Hash != e.Hash)
            {
                return Broken(e, count, $"与{Shown(checkpoint.At)}的检查点不符：检查点记下第{e.Sequence}条的哈希为{checkpoint.Hash[..12]}…，"
                                        + $"现为{e.Hash[..12]}…（记录被截断后又续写，或被整体替换）");
            }

            previous = e.Hash;
            expectedSequence++;
        }

        if (checkpoints.Count > 0 && checkpoints.Keys.Max() is var anchored && anchored > count)
        {
            return new Verification(false, count, count + 1, null,
                $"末尾缺少第{count + 1}至{anchored}条：{Shown(checkpoints[anchored].At)}的检查点记下日志已有{anchored}条（记录被截断）", null);
        }

        return new Verification(true, count, null, null, null, count == 0 ? null : previous);
    }

    private static string Shown(DateTimeOffset at) => at.ToOffset(Calendar.ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static Verification Broken(AuditEntry e, long count, string problem) => new(false, count, e.Sequence, e.Id, problem, null);
}
