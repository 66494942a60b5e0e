using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Platform.Privacy;

public sealed class EncryptionAtRestTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task SqliteFile_NeverContainsThePlaintextIdNumber()
    {
        var ct = TestContext.Current.CancellationToken;
        var idNumber = SqliteRegistryApiTests.NewIdNumber();
        var name = "明文扫描" + Guid.NewGuid().ToString("N")[..4];
        using var client = await app.ClientAsAsync("county");
        (await client.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = "360482100201",
            hukouType = "rural",
            address = "扫描路1号",
            members = new[] { new { name, idNumber, relationship = "head", monthlyIncome = 0m } },
        }, ct)).EnsureSuccessStatusCode();

        // Fold the WAL into the main file, then read every byte the database keeps on disk.
        await using (var connection = new SqliteConnection(app.SqliteConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(ct);
        }

        var bytes = new List<byte>();
        foreach (var file in new[] { app.SqliteFile, app.SqliteFile + "-wal" }.Where(File.Exists))
        {
            bytes.AddRange(await File.ReadAllBytesAsync(file, ct));
        }

        var raw = bytes.ToArray();
        Assert.True(Contains(raw, Encoding.UTF8.GetBytes(name)), "the scan must see ordinary text (sanity check)");
        Assert.False(Contains(raw, Encoding.ASCII.GetBytes(idNumber)), "the plaintext ID number is in the database file");
        Assert.False(Contains(raw, Encoding.ASCII.GetBytes(idNumber[6..14] + idNumber[14..17])), "the birth-date part leaks in clear");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

public sealed class PersonalDataProtectorTests
{
    private static PersonalDataProtector Protector(string active, params (string Id, string Key)[] keys) =>
        new(new PrivacyKeys(active, keys.ToDictionary(k => k.Id, k => k.Key), Convert.ToBase64String(new byte[32])));

    [Fact]
    public void Encrypt_RoundTrips_AndIsRandomised()
    {
        var p = Protector("k1", ("k1", PrivacyKeys.NewKey()));
        var a = p.Encrypt("11010519491231002X", DataPurpose.IdNumber);
        var b = p.Encrypt("11010519491231002X", DataPurpose.IdNumber);
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("11010519491231002X", a);
        Assert.Equal("11010519491231002X", p.Decrypt(a, DataPurpose.IdNumber));
    }

    [Fact]
    public void Decrypt_WithAnotherPurpose_OrTamperedCiphertext_Fails()
    {
        var p = Protector("k1", ("k1", PrivacyKeys.NewKey()));
        var cipher = p.Encrypt("6222020200112233445", DataPurpose.BankAccount);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => p.Decrypt(cipher, DataPurpose.IdNumber));
        var bytes = Convert.FromBase64String(cipher.Split(':')[2]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => p.Decrypt("v1:k1:" + Convert.ToBase64String(bytes), DataPurpose.BankAccount));
    }

    [Fact]
    public void Rotation_NewKeyActive_OldCiphertextStillReadable()
    {
        var k1 = PrivacyKeys.NewKey();
        var old = Protector("k1", ("k1", k1)).Encrypt("13800138000", DataPurpose.Phone);
        var rotated = Protector("k2", ("k1", k1), ("k2", PrivacyKeys.NewKey()));
        Assert.Equal("13800138000", rotated.Decrypt(old, DataPurpose.Phone));
        Assert.False(rotated.IsUnderActiveKey(old));
        Assert.True(rotated.IsUnderActiveKey(rotated.Encrypt("13800138000", DataPurpose.Phone)));
    }

    [Fact]
    public void BlindIndex_IsDeterministicPerKeyAndPurpose()
    {
        var p = Protector("k1", ("k1", PrivacyKeys.NewKey()));
        Assert.Equal(p.BlindIndex("11010519491231002X", DataPurpose.IdNumber), p.BlindIndex("11010519491231002X", DataPurpose.IdNumber));
        Assert.NotEqual(p.BlindIndex("11010519491231002X", DataPurpose.IdNumber), p.BlindIndex("11010519491231002X", DataPurpose.Phone));
        var otherIndexKey = new PersonalDataProtector(new PrivacyKeys("k1", new Dictionary<string, string> { ["k1"] = PrivacyKeys.NewKey() }, PrivacyKeys.NewKey()));
        Assert.NotEqual(p.BlindIndex("11010519491231002X", DataPurpose.IdNumber), otherIndexKey.BlindIndex("11010519491231002X", DataPurpose.IdNumber));
    }

    [Fact]
    public void Keys_NotConfigured_AreCreatedOnceInTheDataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"minzheng-keys-{Guid.NewGuid():N}");
        try
        {
            var empty = new ConfigurationBuilder().Build();
            var first = PrivacyKeys.Load(empty, folder);
            var second = PrivacyKeys.Load(empty, folder);
            Assert.Equal(first.IndexKey, second.IndexKey);
            Assert.Equal(first.EncryptionKeys[first.ActiveKeyId], second.EncryptionKeys[second.ActiveKeyId]);
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(Path.Combine(folder, "keys", PrivacyKeys.FileName));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("6222020200112233445", "**** 3445")]
    [InlineData("123", "****")]
    public void Mask_BankAccount_ShowsLastFour(string value, string expected) => Assert.Equal(expected, Mask.BankAccount(value));

    [Fact]
    public void Mask_Phone_ShowsFirstThreeLastFour() => Assert.Equal("138****8000", Mask.Phone("13800138000"));
}
