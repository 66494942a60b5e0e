using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Attachments;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Platform.Privacy;

/// <summary>Key rotation on a real database: values and attached files written under k1 are readable (and values searchable) after rotating to k2.</summary>
public sealed class RekeyTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly byte[] File = "%PDF-1.4 attached evidence"u8.ToArray();

    [Fact]
    public async Task Rekey_AfterRotation_ReEncryptsEverythingAndKeepsLookups()
    {
        var ct = TestContext.Current.CancellationToken;
        var k1 = PrivacyKeys.NewKey();
        var index1 = PrivacyKeys.NewKey();
        var before = new PersonalDataProtector(new PrivacyKeys("k1", new Dictionary<string, string> { ["k1"] = k1 }, index1));
        var idNumber = SqliteRegistryApiTests.NewIdNumber();
        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync(ct);
            db.Persons.Add(new Person
            {
                Name = "轮换",
                RegionCode = "360482100201",
                IdNumberCipher = before.Encrypt(idNumber, DataPurpose.IdNumber),
                IdNumberIndex = before.BlindIndex(idNumber, DataPurpose.IdNumber),
                IdNumberMasked = Mask.IdNumber(idNumber),
            });
            db.Attachments.Add(new Attachment
            {
                RegionCode = "360482100201",
                OwnerType = "household",
                OwnerId = Guid.NewGuid(),
                FileName = "户口簿.pdf",
                ContentType = "application/pdf",
                Content = before.EncryptBytes(File, DataPurpose.Attachment),
            });
            await db.SaveChangesAsync(ct);
        }

        var after = new PersonalDataProtector(new PrivacyKeys("k2", new Dictionary<string, string> { ["k1"] = k1, ["k2"] = PrivacyKeys.NewKey() }, PrivacyKeys.NewKey()));
        await using (var db = database.CreateContext())
        {
            Assert.True(await new Rekey(db, after, NullLogger<Rekey>.Instance).RunAsync(ct) >= 1);
        }

        await using (var db = database.CreateContext())
        {
            var person = await db.Persons.SingleAsync(p => p.IdNumberIndex == after.BlindIndex(idNumber, DataPurpose.IdNumber), ct);
            Assert.True(after.IsUnderActiveKey(person.IdNumberCipher));
            Assert.Equal(idNumber, after.Decrypt(person.IdNumberCipher, DataPurpose.IdNumber));
            var attachment = await db.Attachments.SingleAsync(ct);
            Assert.True(after.IsUnderActiveKey(attachment.Content));
            Assert.Equal(File, after.DecryptBytes(attachment.Content, DataPurpose.Attachment));
            Assert.Equal(0, await new Rekey(db, after, NullLogger<Rekey>.Instance).RunAsync(ct)); // nothing left to do
        }
    }
}
