using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Security;

/// <summary>
/// The keys that sign cookies and bearer tokens (ASP.NET data protection) belong to the installation: they live in its
/// database (table <c>DataProtectionKeys</c>, shared by every instance of the installation and by nothing else) and each
/// is sealed there with the installation's key-encryption key. Left to the framework's default they sat unencrypted in
/// the OS user's home folder, so every installation run by that user accepted every other one's tokens.
/// </summary>
public static class SessionKeys
{
    /// <summary>Fixed, so instances started from different folders of one installation share their key ring.</summary>
    public const string ApplicationName = "Minzheng";

    public static IServiceCollection AddSessionKeys(this IServiceCollection services)
    {
        services.AddSingleton(sp => KeyEncryptionKey.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseSettings>().DataPath));
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>());
            o.XmlEncryptor = new KekXmlEncryptor(sp.GetRequiredService<KeyEncryptionKey>());
        });
        return services;
    }

    /// <summary>
    /// The framework warms the key ring when the host starts; the server now listens before migrations ran
    /// (StartupRunner), so that read found no table and logged errors. The ring loads on first use instead, once
    /// requests are let in. Called last: every AddDataProtection (authentication, antiforgery) registers the warm-up again.
    /// </summary>
    public static void LoadKeyRingOnFirstUse(IServiceCollection services)
    {
        foreach (var warmUp in services.Where(d => d.ServiceType == typeof(IHostedService)
                                                   && d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
        {
            services.Remove(warmUp);
        }
    }
}

/// <summary>
/// The key ring in the installation's database. Written with plain SQL: the framework writes synchronously, and the
/// audited SaveChanges path is asynchronous only (and a sealed session key is no business record to audit).
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).AsEnumerable()
            .Where(xml => !string.IsNullOrEmpty(xml)).Select(xml => XElement.Parse(xml!)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        var xml = element.ToString(SaveOptions.DisableFormatting);
        db.Database.ExecuteSql($"INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ({friendlyName}, {xml})");
    }
}

/// <summary>
/// 32 bytes from <c>DataProtection:KeyEncryptionKey</c> (base64; for several instances, give each the same value) or,
/// when not configured, from <c>keys/data-protection-kek</c> in the data folder, created on first start (owner-only).
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string FileName = "data-protection-kek";

    private KeyEncryptionKey(byte[] key) => Key = key;

    internal byte[] Key { get; }

    /// <summary>Short fingerprint stored beside each sealed key, so a wrong key-encryption key is named, not guessed.</summary>
    public string Id => Convert.ToHexStringLower(SHA256.HashData(Key))[..12];

    public static KeyEncryptionKey Load(IConfiguration configuration, string dataPath)
    {
        if (configuration["DataProtection:KeyEncryptionKey"] is { Length: > 0 } configured)
        {
            return FromBase64(configured, "DataProtection:KeyEncryptionKey");
        }

        var file = Path.Combine(dataPath, "keys", FileName);
        if (File.Exists(file))
        {
            return FromBase64(File.ReadAllText(file).Trim(), file);
        }

        var created = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return PrivateFiles.TryCreate(file, created) ? FromBase64(created, file) : FromBase64(File.ReadAllText(file).Trim(), file);
    }

    private static KeyEncryptionKey FromBase64(string value, string source)
    {
        // Exactly 32 bytes: a longer value overflows the buffer and fails to decode.
        var bytes = new byte[32];
        return Convert.TryFromBase64String(value, bytes, out var written) && written == 32
            ? new KeyEncryptionKey(bytes)
            : throw new InvalidOperationException($"{source} must be 32 bytes in base64.");
    }
}

/// <summary>Seals each data-protection key element with AES-256-GCM under the key-encryption key.</summary>
public sealed class KekXmlEncryptor(KeyEncryptionKey kek) : IXmlEncryptor
{
    internal const string ElementName = "sealedKey";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var output = new byte[NonceSize + plain.Length + TagSize];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using (var aes = new AesGcm(kek.Key, TagSize))
        {
            aes.Encrypt(output.AsSpan(0, NonceSize), plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Associated);
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(ElementName, new XAttribute("kek", kek.Id), Convert.ToBase64String(output));
        return new EncryptedXmlInfo(element, typeof(KekXmlDecryptor));
    }

    internal static byte[] Associated => "minzheng:data-protection-key"u8.ToArray();

    internal static XElement Open(XElement sealedElement, KeyEncryptionKey kek)
    {
        if ((string?)sealedElement.Attribute("kek") is { } id && id != kek.Id)
        {
            throw new CryptographicException($"Session key was sealed with key-encryption key {id}, not the configured {kek.Id}.");
        }

        var input = Convert.FromBase64String(sealedElement.Value);
        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using (var aes = new AesGcm(kek.Key, TagSize))
        {
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, Associated);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

/// <summary>Activated by the data-protection system by type name; takes the key-encryption key from the services.</summary>
public sealed class KekXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KekXmlEncryptor.Open(encryptedElement, services.GetRequiredService<KeyEncryptionKey>());
}
