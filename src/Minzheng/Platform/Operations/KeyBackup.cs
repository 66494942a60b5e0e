using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Operations;

/// <summary>
/// The keys of an installation — the personal-data keys and the key that seals the session keys — as one file, kept
/// apart from the data backups: a data backup alone never decrypts anyone's ID number, and a restore needs both.
/// </summary>
public sealed record KeyBundle(string Format, DateTimeOffset CreatedAt, PrivacyKeys Privacy, string KeyEncryptionKey)
{
    public const string CurrentFormat = "minzheng-keys/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The keys in use for this data folder (configured ones first, as the application reads them).</summary>
    public static KeyBundle Capture(IConfiguration configuration, string dataPath, DateTimeOffset now)
    {
        var privacy = PrivacyKeys.Load(configuration, dataPath);
        _ = Security.KeyEncryptionKey.Load(configuration, dataPath); // creates the file on a folder that never started
        var kek = configuration["DataProtection:KeyEncryptionKey"] is { Length: > 0 } configured
            ? configured
            : File.ReadAllText(Path.Combine(dataPath, "keys", Security.KeyEncryptionKey.FileName)).Trim();
        return new KeyBundle(CurrentFormat, now, privacy, kek);
    }

    /// <summary>
    /// What a backup records to recognise its keys: a hash of every key, from which no key can be learned. A restore
    /// compares it, so a wrong or older key file is named before any data is touched.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var parts = Privacy.EncryptionKeys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}")
                .Append($"index={Privacy.IndexKey}").Append($"kek={KeyEncryptionKey}");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", parts))))[..24];
        }
    }

    public void Write(string file)
    {
        if (!PrivateFiles.TryCreate(file, JsonSerializer.Serialize(this, Json)))
        {
            throw new OperationException($"密钥备份文件已存在，不会覆盖：{file}");
        }
    }

    public static KeyBundle Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new OperationException($"密钥备份文件不存在：{file}");
        }

        try
        {
            return JsonSerializer.Deserialize<KeyBundle>(File.ReadAllText(file), Json) is { Format: CurrentFormat } bundle
                ? bundle
                : throw new OperationException($"不是 Minzheng 密钥备份文件：{file}");
        }
        catch (JsonException)
        {
            throw new OperationException($"密钥备份文件已损坏或格式不对：{file}");
        }
    }

    /// <summary>Writes the keys where the application reads them, replacing any created by a start on the empty folder.</summary>
    public void Install(string dataPath)
    {
        var folder = Path.Combine(dataPath, "keys");
        PrivateFiles.EnsureFolder(dataPath);
        PrivateFiles.EnsureFolder(folder);
        foreach (var (name, contents) in new[] { (PrivacyKeys.FileName, JsonSerializer.Serialize(Privacy)), (Security.KeyEncryptionKey.FileName, KeyEncryptionKey) })
        {
            var file = Path.Combine(folder, name);
            File.Delete(file);
            PrivateFiles.TryCreate(file, contents);
        }
    }
}

/// <summary>An operation refused with a message for the operator (Chinese, naming the file or the remedy).</summary>
public sealed class OperationException(string message) : Exception(message);
