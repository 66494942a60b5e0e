using System.Security.Cryptography;
using System.Text;
using Minzheng.Platform.Security;

namespace Minzheng.Platform.Auditing;

/// <summary>
/// The key that signs audit checkpoints: an ECDSA P-256 key that is never in the database, so whoever can rewrite the
/// audit table cannot also forge the anchor that exposes it. Read from <c>Audit:CheckpointKeyFile</c> (PEM), else
/// <c>keys/audit-checkpoint.pem</c> in the data folder, created on first use. An asymmetric key lets an auditor check
/// a checkpoint file with the public key alone (shown on the audit page), e.g. on another machine with openssl.
/// </summary>
public sealed class CheckpointKey : IDisposable
{
    public const string FileName = "audit-checkpoint.pem";

    private readonly ECDsa _key;

    private CheckpointKey(ECDsa key)
    {
        _key = key;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
        Id = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    /// <summary>Fingerprint of the public key, written on every checkpoint so a line signed by another key is named.</summary>
    public string Id { get; }

    public string PublicKeyPem { get; }

    public static CheckpointKey Load(IConfiguration configuration, string dataPath)
    {
        var file = configuration["Audit:CheckpointKeyFile"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(dataPath, "keys", FileName);
        if (!File.Exists(file))
        {
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            // Another instance may create it at the same moment: then that one is read.
            PrivateFiles.TryCreate(file, created.ExportPkcs8PrivateKeyPem());
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(file));
            return new CheckpointKey(key);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"审计检查点签名密钥无法读取（{file}）：{e.Message}", e);
        }
    }

    public string Sign(string payload) => Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256));

    public bool Verifies(string payload, string signature)
    {
        var bytes = new byte[128];
        return Convert.TryFromBase64String(signature, bytes, out var length)
               && _key.VerifyData(Encoding.UTF8.GetBytes(payload), bytes.AsSpan(0, length), HashAlgorithmName.SHA256);
    }

    public void Dispose() => _key.Dispose();
}
