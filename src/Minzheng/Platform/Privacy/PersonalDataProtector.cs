using System.Security.Cryptography;
using System.Text;

namespace Minzheng.Platform.Privacy;

/// <summary>What a protected value is; bound into the ciphertext so a value cannot be moved to another column.</summary>
public static class DataPurpose
{
    public const string IdNumber = "id-number";
    public const string BankAccount = "bank-account";
    public const string Phone = "phone";
    public const string DisabilityCertificate = "disability-certificate";
    public const string ImportFile = "import-file";

    /// <summary>Files attached to business records (scans, photos, signed forms).</summary>
    public const string Attachment = "attachment";

    /// <summary>Business values inside audit entries (AuditValues), readable only through an audited reveal.</summary>
    public const string AuditValues = "audit-values";
}

/// <summary>
/// Encryption at rest of personal data (POLICY §11, §13): AES-256-GCM with a key id in every ciphertext, so keys can be
/// rotated without losing data (new writes use the active key, old values stay readable until re-encrypted); and an
/// HMAC-SHA256 blind index for exact look-up and uniqueness without storing the value.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(PrivacyKeys keys)
    {
        _keys = keys.EncryptionKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        _activeKeyId = keys.ActiveKeyId;
        _indexKey = Convert.FromBase64String(keys.IndexKey);
        if (!_keys.TryGetValue(_activeKeyId, out var active) || active.Length != 32 || _indexKey.Length < 32)
        {
            throw new InvalidOperationException("Privacy keys are invalid: the active key must be 32 bytes and the index key at least 32 bytes.");
        }
    }

    public string Encrypt(string plaintext, string purpose) =>
        $"{Version}:{_activeKeyId}:{Convert.ToBase64String(Seal(Encoding.UTF8.GetBytes(plaintext), _keys[_activeKeyId], purpose))}";

    public string Decrypt(string ciphertext, string purpose)
    {
        var parts = ciphertext.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version || !_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException("Unknown ciphertext format or key id.");
        }

        return Encoding.UTF8.GetString(Open(Convert.FromBase64String(parts[2]), key, purpose));
    }

    /// <summary>Binary form for files (uploaded rosters): key id length, key id, then nonce, ciphertext and tag.</summary>
    /// <remarks>Sealed straight into the one output array: a file is never held as an extra intermediate copy.</remarks>
    public byte[] EncryptBytes(byte[] plain, string purpose)
    {
        var id = Encoding.ASCII.GetBytes(_activeKeyId);
        var output = new byte[1 + id.Length + NonceSize + plain.Length + TagSize];
        output[0] = (byte)id.Length;
        id.CopyTo(output, 1);
        Seal(plain, _keys[_activeKeyId], purpose, output.AsSpan(1 + id.Length));
        return output;
    }

    public byte[] DecryptBytes(byte[] sealedBytes, string purpose)
    {
        var id = Encoding.ASCII.GetString(sealedBytes, 1, sealedBytes[0]);
        return _keys.TryGetValue(id, out var key)
            ? Open(sealedBytes.AsSpan(1 + sealedBytes[0]), key, purpose)
            : throw new CryptographicException("Unknown key id.");
    }

    // Creating an AesGcm sets up a cipher context (tens of microseconds); bulk paths encrypt hundreds of thousands of
    // values, so each thread keeps one per key. AesGcm instances are not thread-safe, hence per thread.
    [ThreadStatic]
    private static Dictionary<byte[], AesGcm>? _ciphers;

    private static AesGcm Cipher(byte[] key)
    {
        _ciphers ??= new Dictionary<byte[], AesGcm>(ReferenceEqualityComparer.Instance);
        if (!_ciphers.TryGetValue(key, out var aes))
        {
            _ciphers[key] = aes = new AesGcm(key, TagSize);
        }

        return aes;
    }

    private static byte[] Seal(byte[] data, byte[] key, string purpose)
    {
        var output = new byte[NonceSize + data.Length + TagSize];
        Seal(data, key, purpose, output);
        return output;
    }

    /// <summary>Nonce, ciphertext and tag into <paramref name="output"/> (exactly nonce + data + tag long).</summary>
    private static void Seal(ReadOnlySpan<byte> data, byte[] key, string purpose, Span<byte> output)
    {
        var nonce = output[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        Cipher(key).Encrypt(nonce, data, output.Slice(NonceSize, data.Length), output[(NonceSize + data.Length)..], Associated(purpose));
    }

    private static byte[] Open(ReadOnlySpan<byte> input, byte[] key, string purpose)
    {
        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        var aes = Cipher(key);
        aes.Decrypt(input[..NonceSize], input.Slice(NonceSize, length), input[(NonceSize + length)..], plain, Associated(purpose));
        return plain;
    }

    /// <summary>The key id a ciphertext was written with (to find values still under a retired key).</summary>
    public static string KeyIdOf(string ciphertext) => ciphertext.Split(':', 3) is [_, var id, _] ? id : "";

    public bool IsUnderActiveKey(string ciphertext) => KeyIdOf(ciphertext) == _activeKeyId;

    /// <summary>Whether a file sealed by <see cref="EncryptBytes"/> was sealed with the active key.</summary>
    public bool IsUnderActiveKey(byte[] sealedBytes) =>
        sealedBytes.Length > 0 && sealedBytes.Length > sealedBytes[0]
        && System.Text.Encoding.ASCII.GetString(sealedBytes, 1, sealedBytes[0]) == _activeKeyId;

    /// <summary>Deterministic keyed hash of the normalised value: equal values, equal index; no way back without the key.</summary>
    public string BlindIndex(string normalizedValue, string purpose) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes(purpose + "\n" + normalizedValue)));

    private static byte[] Associated(string purpose) => Encoding.UTF8.GetBytes("minzheng:" + purpose);
}

/// <summary>
/// Key material, from configuration (<c>Privacy:ActiveKeyId</c>, <c>Privacy:Keys:{id}</c>, <c>Privacy:IndexKey</c>,
/// base64) or, when none is configured, from <c>keys/privacy-keys.json</c> in the data folder, created on first start.
/// </summary>
public sealed record PrivacyKeys(string ActiveKeyId, IReadOnlyDictionary<string, string> EncryptionKeys, string IndexKey)
{
    public const string FileName = "privacy-keys.json";

    public static PrivacyKeys Load(IConfiguration configuration, string dataPath)
    {
        var section = configuration.GetSection("Privacy");
        var keys = section.GetSection("Keys").GetChildren().ToDictionary(k => k.Key, k => k.Value ?? "");
        if (section["ActiveKeyId"] is { Length: > 0 } active && section["IndexKey"] is { Length: > 0 } index && keys.Count > 0)
        {
            return new PrivacyKeys(active, keys, index);
        }

        var file = Path.Combine(dataPath, "keys", FileName);
        if (File.Exists(file))
        {
            return System.Text.Json.JsonSerializer.Deserialize<PrivacyKeys>(File.ReadAllText(file))
                   ?? throw new InvalidOperationException($"{file} is empty.");
        }

        var created = new PrivacyKeys("k1", new Dictionary<string, string> { ["k1"] = NewKey() }, NewKey());
        return Security.PrivateFiles.TryCreate(file, System.Text.Json.JsonSerializer.Serialize(created))
            ? created
            : System.Text.Json.JsonSerializer.Deserialize<PrivacyKeys>(File.ReadAllText(file))!;
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

/// <summary>Masks for lists, notices and exports (POLICY §11).</summary>
public static class Mask
{
    /// <summary>First 6 and last 4 characters: <c>360482********1234</c>.</summary>
    public static string IdNumber(string value) => value.Length == 18 ? string.Concat(value.AsSpan(0, 6), "********", value.AsSpan(14, 4)) : "******";

    /// <summary>Only the last 4 digits: <c>**** 1234</c>.</summary>
    public static string BankAccount(string value) => value.Length <= 4 ? "****" : "**** " + value[^4..];

    /// <summary>First 3 and last 4 digits of a mobile number: <c>138****5678</c>.</summary>
    public static string Phone(string value) => value.Length >= 7 ? string.Concat(value.AsSpan(0, 3), "****", value.AsSpan(value.Length - 4)) : "****";
}

/// <summary>The reason a user must give to see or export unmasked personal data (PIPL art. 51); it goes into the audit log.</summary>
public static class DisclosureReason
{
    public const int MinLength = 2;
    public const int MaxLength = 200;

    /// <summary>The trimmed reason, or null when it is missing, too short or too long.</summary>
    public static string? Normalize(string? reason) =>
        reason?.Trim() is { Length: >= MinLength and <= MaxLength } trimmed ? trimmed : null;

    public static string Required(string what) => $"{what}须填写事由（{MinLength}到{MaxLength}字）";
}
