using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Platform.Privacy;

/// <summary>Key rotation on a real database: values written under k1 are readable and searchable after rotating to k2.</summary>
public sealed class RekeyTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
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
            Assert.Equal(0, await new Rekey(db, after, NullLogger<Rekey>.Instance).RunAsync(ct)); // nothing left to do
        }
    }
}
