using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>
/// The write half of an assistance-roster commit, in the caller's transaction: new persons, households and members and
/// every row's enrolment with set-based inserts (COPY on PostgreSQL). Rows were validated against the caller's scope.
/// </summary>
public sealed class AssistanceRosterWriter(MinzhengDbContext db, PersonalDataProtector protector)
{
    /// <summary>
    /// Writes one validated chunk: its entities are built, copied in and dropped, so memory stays that of one chunk
    /// whatever the roster's length (the caller's transaction still makes the whole roster one unit).
    /// </summary>
    /// <returns>The numbers of persons and households created.</returns>
    public async Task<(int Persons, int Households)> WriteAsync(Guid batchId, RosterChunk chunk, Func<AuditableEntity, AuditableEntity> stamp,
        DateOnly today, CancellationToken ct)
    {
        var rows = chunk.Rows;
        var people = await ExistingHouseholdsAsync(chunk.Known, ct);
        var accounts = new Dictionary<Guid, (RosterRow Row, string Cipher)>();
        var persons = new List<Person>();
        var households = new List<Household>();
        var members = new List<HouseholdMember>();
        var enrollments = new List<Enrollment>(rows.Count);
        // Encryption (AES-GCM, thread-safe protector) in parallel before the sequential assembly of the rows.
        var ciphers = new (string Id, string? Phone, string? Bank)[rows.Count];
        Parallel.For(0, rows.Count, i => ciphers[i] = (protector.Encrypt(rows[i].HeadId.Value, DataPurpose.IdNumber),
            rows[i].Phone is { } phone ? protector.Encrypt(phone, DataPurpose.Phone) : null,
            rows[i].BankAccount is { } bank ? protector.Encrypt(bank, DataPurpose.BankAccount) : null));
        foreach (var (row, sealedValues) in rows.Zip(ciphers))
        {
            var index = row.Index;
            if (people.TryGetValue(index, out var existing) && sealedValues.Bank is { } bankCipher)
            {
                accounts.TryAdd(existing.HouseholdId, (row, bankCipher));
            }

            if (!people.TryGetValue(index, out var ids))
            {
                var (person, household) = NewHousehold(row, index, sealedValues, today);
                persons.Add(Stamped(person));
                households.Add(Stamped(household));
                members.AddRange(household.Members);
                ids = (person.Id, household.Id);
                people[index] = ids;
            }

            enrollments.Add(Stamped(new Enrollment
            {
                RegionCode = row.RegionCode,
                Program = row.Program.Code,
                HouseholdId = ids.HouseholdId,
                PersonId = ids.PersonId,
                HouseholdSize = row.HouseholdSize,
                CoveredPersons = row.CoveredPersons,
                MonthlyAmount = row.MonthlyAmount,
                StartMonth = row.StartMonth,
                // A roster is a migration: what the old system paid is never paid again — by default every month before this one.
                PaidThroughMonth = row.PaidThrough ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-1),
                ImportBatchId = batchId,
            }));
        }

        await BulkInsert.InsertAsync(db, persons, ct);
        await BulkInsert.InsertAsync(db, households, ct);
        await BulkInsert.InsertAsync(db, members, ct);
        await BulkInsert.InsertAsync(db, enrollments, ct);
        await FillMissingAccountsAsync(accounts, ct);

        return (persons.Count, households.Count);

        T Stamped<T>(T row)
            where T : AuditableEntity
        {
            stamp(row);
            return row;
        }
    }

    /// <summary>
    /// A registered household without a payment account takes the roster's (一折通 accounts usually arrive with the
    /// caseload); an account already on file is never overwritten by a spreadsheet. Saved through EF, so audited.
    /// </summary>
    private async Task FillMissingAccountsAsync(Dictionary<Guid, (RosterRow Row, string Cipher)> accounts, CancellationToken ct)
    {
        foreach (var chunk in accounts.Keys.Chunk(ImportLimits.LookupChunk))
        {
            foreach (var household in await db.Households.Where(h => chunk.Contains(h.Id) && h.BankAccountCipher == null).ToListAsync(ct))
            {
                var (row, cipher) = accounts[household.Id];
                (household.BankName, household.BankAccountCipher, household.BankAccountMasked) = (row.BankName, cipher, Mask.BankAccount(row.BankAccount!));
            }
        }

        await db.SaveChangesAsync(ct);
        // Saved and audited: let go of the households and their audit entries, so the change tracker does not grow
        // with the roster from chunk to chunk.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && e.Entity is Household or AuditEntry).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Persons of the roster who already have a household (they get enrolled there; nothing is duplicated).</summary>
    private async Task<Dictionary<string, (Guid PersonId, Guid HouseholdId)>> ExistingHouseholdsAsync(Dictionary<string, Guid> known, CancellationToken ct)
    {
        var result = new Dictionary<string, (Guid, Guid)>();
        var indexByPerson = known.ToDictionary(k => k.Value, k => k.Key);
        foreach (var chunk in known.Values.Chunk(ImportLimits.LookupChunk))
        {
            var memberships = await db.HouseholdMembers.AsNoTracking().Where(m => chunk.Contains(m.PersonId) && m.ValidTo == null)
                .Select(m => new { m.PersonId, m.HouseholdId }).ToListAsync(ct);
            memberships.ForEach(m => result[indexByPerson[m.PersonId]] = (m.PersonId, m.HouseholdId));
        }

        return result;
    }

    private static (Person Person, Household Household) NewHousehold(RosterRow row, string index, (string Id, string? Phone, string? Bank) sealedValues,
        DateOnly today)
    {
        var person = new Person
        {
            Name = row.HeadName,
            IdNumberCipher = sealedValues.Id,
            IdNumberIndex = index,
            IdNumberMasked = row.HeadId.Masked,
            Gender = row.HeadId.Gender,
            BirthDate = row.HeadId.BirthDate,
            RegionCode = row.RegionCode,
            PhoneCipher = sealedValues.Phone,
            PhoneMasked = row.Phone is null ? null : Mask.Phone(row.Phone),
        };
        var household = new Household
        {
            RegionCode = row.RegionCode,
            HukouType = row.Program.Code == "urban-dibao" ? HukouType.Urban : HukouType.Rural,
            Address = row.Address ?? "",
            HeadPersonId = person.Id,
            BankName = row.BankName,
            BankAccountCipher = sealedValues.Bank,
            BankAccountMasked = row.BankAccount is null ? null : Mask.BankAccount(row.BankAccount),
        };
        household.Members.Add(new HouseholdMember
        {
            HouseholdId = household.Id,
            PersonId = person.Id,
            Relationship = Relationship.Head,
            RegionCode = row.RegionCode,
            ValidFrom = today,
        });
        return (person, household);
    }
}
