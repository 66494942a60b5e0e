using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Privacy;

/// <summary>
/// Key rotation, the <c>privacy rekey</c> verb: every protected value not yet under the active key is decrypted (with
/// whichever configured key wrote it) and encrypted again under the active key, and every blind index is recomputed
/// with the current index key. Runs in batches, each in its own transaction, and can be re-run after an interruption.
/// </summary>
public sealed class Rekey(MinzhengDbContext db, PersonalDataProtector protector, ILogger<Rekey> log)
{
    public const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var changed = 0;
        // Rows are only rewritten, never added or removed here, so stable key order with an offset visits each once.
        for (var offset = 0; ; offset += BatchSize)
        {
            var batch = await db.Persons.AcrossRegions("re-encrypting every row of the installation")
                .OrderBy(p => p.Id).Skip(offset).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var person in batch)
            {
                var plain = protector.Decrypt(person.IdNumberCipher, DataPurpose.IdNumber);
                var index = protector.BlindIndex(plain, DataPurpose.IdNumber);
                if (!protector.IsUnderActiveKey(person.IdNumberCipher) || person.IdNumberIndex != index)
                {
                    person.IdNumberCipher = protector.Encrypt(plain, DataPurpose.IdNumber);
                    person.IdNumberIndex = index;
                    changed++;
                }

                person.PhoneCipher = Reencrypt(person.PhoneCipher, DataPurpose.Phone, ref changed);
                person.DisabilityCertificateCipher = Reencrypt(person.DisabilityCertificateCipher, DataPurpose.DisabilityCertificate, ref changed);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            log.LogInformation("Rekey: {Changed} values re-encrypted so far", changed);
        }

        for (var offset = 0; ; offset += BatchSize)
        {
            var batch = await db.Households.AcrossRegions("re-encrypting every row of the installation")
                .OrderBy(h => h.Id).Skip(offset).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var household in batch)
            {
                household.BankAccountCipher = Reencrypt(household.BankAccountCipher, DataPurpose.BankAccount, ref changed);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return changed + await ResealAttachmentsAsync(ct);
    }

    /// <summary>
    /// Attached files are kept for years as evidence, removed ones included, so they move to the new key like every
    /// other value. A file may be megabytes: ids are read in batches, files one at a time.
    /// </summary>
    private async Task<int> ResealAttachmentsAsync(CancellationToken ct)
    {
        var changed = 0;
        for (var offset = 0; ; offset += BatchSize)
        {
            var ids = await db.Attachments.AcrossRegions("re-encrypting every row of the installation")
                .OrderBy(a => a.Id).Skip(offset).Take(BatchSize).Select(a => a.Id).ToListAsync(ct);
            if (ids.Count == 0)
            {
                return changed;
            }

            foreach (var id in ids)
            {
                var attachment = await db.Attachments.AcrossRegions("re-encrypting every row of the installation").SingleAsync(a => a.Id == id, ct);
                if (!protector.IsUnderActiveKey(attachment.Content))
                {
                    attachment.Content = protector.EncryptBytes(protector.DecryptBytes(attachment.Content, DataPurpose.Attachment), DataPurpose.Attachment);
                    await db.SaveChangesAsync(ct);
                    changed++;
                }

                db.ChangeTracker.Clear();
            }

            log.LogInformation("Rekey: {Changed} attachments re-sealed so far", changed);
        }
    }

    private string? Reencrypt(string? cipher, string purpose, ref int changed)
    {
        if (cipher is null || protector.IsUnderActiveKey(cipher))
        {
            return cipher;
        }

        changed++;
        return protector.Encrypt(protector.Decrypt(cipher, purpose), purpose);
    }
}
