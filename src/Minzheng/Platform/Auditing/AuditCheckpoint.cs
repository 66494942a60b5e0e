using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Auditing;

/// <summary>
/// A signed statement "the audit log had <see cref="Sequence"/> entries and its head hash was <see cref="Hash"/> at
/// <see cref="At"/>". Kept outside the database, it exposes what the hash chain alone cannot: a deleted tail, or a
/// whole table replaced by a consistent forgery.
/// </summary>
public sealed record AuditCheckpoint(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("key")] string KeyId,
    [property: JsonPropertyName("signature")] string Signature)
{
    /// <summary>What is signed: a fixed prefix (a signature over anything else is worthless here) and the three facts.</summary>
    public static string Payload(long sequence, string hash, DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture,
        $"minzheng-audit-checkpoint/1\n{sequence}\n{hash}\n{at.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}");

    public static AuditCheckpoint Sign(CheckpointKey key, long sequence, string hash, DateTimeOffset at)
    {
        var seconds = DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
        return new AuditCheckpoint(sequence, hash, seconds, key.Id, key.Sign(Payload(sequence, hash, seconds)));
    }

    public bool VerifiesWith(CheckpointKey key) => KeyId == key.Id && key.Verifies(Payload(Sequence, Hash, At), Signature);
}

/// <summary>One line of the checkpoint file: the checkpoint, or why the line is not one.</summary>
public sealed record CheckpointLine(int LineNumber, AuditCheckpoint? Checkpoint, string? Problem);

/// <summary>
/// The append-only file of checkpoints, one JSON object per line. Its default place is beside the data folder, not in
/// it (<c>&lt;data&gt;-audit/checkpoints.jsonl</c>); production points <c>Audit:CheckpointFile</c> at storage the database
/// owner cannot rewrite (another disk, a file with <c>chattr +a</c>, a mounted log server).
/// </summary>
public sealed class AuditCheckpointFile(string path)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Path { get; } = path;

    public static AuditCheckpointFile From(IConfiguration configuration, string dataPath) => new(
        configuration["Audit:CheckpointFile"] is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured)
            : System.IO.Path.Combine(dataPath.TrimEnd('/', '\\') + "-audit", "checkpoints.jsonl"));

    public void Append(AuditCheckpoint checkpoint)
    {
        PrivateFiles.EnsureFolder(System.IO.Path.GetDirectoryName(Path)!);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        // One write per line: appends from two instances never interleave inside a line.
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(checkpoint, Json) + "\n");
        using var stream = new FileStream(Path, options);
        stream.Write(line);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every line in file order; a missing file has none.</summary>
    public List<CheckpointLine> ReadAll()
    {
        var lines = new List<CheckpointLine>();
        if (!File.Exists(Path))
        {
            return lines;
        }

        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Encoding.UTF8);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length == 0)
            {
                continue;
            }

            lines.Add(Parse(number, text));
        }

        return lines;
    }

    private static CheckpointLine Parse(int number, string text)
    {
        try
        {
            var checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(text, Json);
            return checkpoint is { Hash.Length: AuditEntry.HashLength, Sequence: > 0, KeyId: not null, Signature: not null }
                ? new CheckpointLine(number, checkpoint, null)
                : new CheckpointLine(number, null, $"检查点文件第{number}行不是完整的检查点");
        }
        catch (JsonException)
        {
            return new CheckpointLine(number, null, $"检查点文件第{number}行无法读取");
        }
    }
}
