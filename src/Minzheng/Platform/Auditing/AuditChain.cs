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

    public sealed record Verification(bool Intact, long Entries, long? BrokenSequence, Guid? BrokenId, string? Problem, string? HeadHash);

    /// <summary>
    /// Walks the chain in sequence order: each entry must follow its predecessor without a gap, name its hash, and hash
    /// to what it stores. The first entry that does not is reported.
    /// </summary>
    public static async Task<Verification> VerifyAsync(IAsyncEnumerable<AuditEntry> entriesBySequence, CancellationToken ct)
    {
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

            previous = e.Hash;
            expectedSequence++;
        }

        return new Verification(true, count, null, null, null, count == 0 ? null : previous);
    }

    private static Verification Broken(AuditEntry e, long count, string problem) => new(false, count, e.Sequence, e.Id, problem, null);
}
