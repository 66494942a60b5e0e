using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>
/// Validation and writing of the member roster, streamed in two passes over the file. Members of a household may be
/// anywhere in the file, so the first pass checks rows chunk by chunk and keeps only a few fields per row per household
/// (<see cref="MemberRosterCheck"/>); the second reads the file again and writes the households that passed, chunk by
/// chunk. A household is imported whole or not at all: one bad member row makes it invalid (with skipInvalid it is
/// skipped), so no household is ever half-registered.
/// </summary>
public sealed class MemberRosterImport(MinzhengDbContext db, PersonalDataProtector protector, IRegionScope scope, IConfiguration configuration)
{
    private int ChunkRows => configuration.ImportChunkRows();

    public async Task<MemberRosterCheck> ValidateAsync(byte[] content, string fileName, DateOnly today, CancellationToken ct)
    {
        var (check, state) = (new MemberRosterCheck(configuration.MaxImportErrors()), new FileState());
        var rows = new List<MemberRow>(ChunkRows);
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, MemberRoster.Headers, configuration.MaxImportRows()))
        {
            check.Total++;
            if (MemberRoster.Validate(row, cells, today, check.Errors) is { } valid)
            {
                rows.Add(valid);
            }
            else if (IdNumber.TryParse(cells.FirstOrDefault(), today, out var head, out _))
            {
                check.HouseholdOf(head.Value).HasBadRow = true;
            }

            if (rows.Count == ChunkRows)
            {
                await CheckChunkAsync(rows, check, state, ct);
                rows.Clear();
            }
        }

        await CheckChunkAsync(rows, check, state, ct);
        foreach (var household in check.Households.Values)
        {
            CheckHousehold(household, check.Errors);
        }

        check.SortErrors();
        return check;
    }

    /// <summary>Each row against the data (region, duplicates in the file, persons already registered), noted in its household.</summary>
    private async Task CheckChunkAsync(List<MemberRow> rows, MemberRosterCheck check, FileState state, CancellationToken ct)
    {
        await state.Regions.AddAsync(db, rows.Select(r => r.RegionCode), ct);
        var indexes = new string[rows.Count];
        Parallel.For(0, rows.Count, i => indexes[i] = protector.BlindIndex(rows[i].Id.Value, DataPurpose.IdNumber));
        var registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lookup in indexes.Distinct().Chunk(ImportLimits.LookupChunk))
        {
            registered.UnionWith(await db.Persons.AcrossRegions("an ID number belongs to one person nationwide, whichever region registered it").Where(p => lookup.Contains(p.IdNumberIndex))
                .Select(p => p.IdNumberIndex).ToListAsync(ct));
        }

        foreach (var (r, index) in rows.Zip(indexes))
        {
            var before = check.Errors.Count;
            void Fail(string column, string message) => check.Errors.Add(new ImportError(r.Row, column, $"第{r.Row}行“{column}”：{message}"));
            if (!r.RegionCode.StartsWith(scope.Prefix, StringComparison.Ordinal))
            {
                Fail("区划代码", $"区划“{r.RegionCode}”不在您的管辖范围内");
            }
            else if (!state.Regions.Exists(r.RegionCode))
            {
                Fail("区划代码", $"区划“{r.RegionCode}”不存在");
            }

            var (regionOk, key) = (check.Errors.Count == before, DuplicateKeys.Of(index));
            if (!state.Seen.TryAdd(key, r.Row))
            {
                Fail("身份证号", $"身份证号 {r.Id.Masked} 与第{state.Seen[key]}行重复");
            }
            else if (registered.Contains(index))
            {
                Fail("身份证号", $"身份证号 {r.Id.Masked} 已在系统中登记（请在家庭档案中办理迁入）");
            }

            var household = check.HouseholdOf(r.HeadId.Value);
            household.Invalid |= check.Errors.Count > before;
            household.Rows.Add(new MemberEntry(r.Row, state.Regions.Shared(r.RegionCode), r.HukouType, r.Relationship, r.Id.Value == r.HeadId.Value, regionOk));
        }
    }

    /// <summary>Once the whole file is read: one head who is the household's own 户主, one region and 户籍 type, the size limit.</summary>
    private static void CheckHousehold(MemberHousehold household, ImportErrorList errors)
    {
        if (household.Rows.Count == 0)
        {
            // Only rows that failed on their own, and they say so.
            household.Invalid = true;
            return;
        }

        var before = errors.Count;
        void Fail(MemberEntry r, string column, string message) => errors.Add(new ImportError(r.Row, column, $"第{r.Row}行“{column}”：{message}"));
        var heads = household.Rows.Where(r => r.Relationship == Relationship.Head).ToList();
        if (heads.Count != 1 || !heads[0].IsOwnHead)
        {
            Fail(household.Rows[0], "与户主关系", $"户主身份证号 {household.HeadId[..6]}…的家庭应有且只有一行“户主”，且其身份证号与户主身份证号相同");
        }

        var head = heads.Count > 0 ? heads[0] : household.Rows[0];
        foreach (var r in household.Rows.Where(r => r.RegionOk && (r.RegionCode != head.RegionCode || r.HukouType != head.HukouType)))
        {
            Fail(r, "区划代码", "同一家庭的成员区划代码和户籍类型应与户主行一致");
        }

        if (household.Rows.Count > RegistryService.MaxMembers)
        {
            Fail(head, "户主身份证号", $"一户最多{RegistryService.MaxMembers}人");
        }

        if (household.HasBadRow && !household.Invalid && errors.Count == before)
        {
            Fail(head, "户主身份证号", "本户有成员行存在错误，整户暂不导入");
        }

        household.Invalid |= errors.Count > before;
    }

    /// <summary>
    /// Reads the file again and creates the persons, households and memberships of the households that passed, a chunk
    /// at a time with bulk inserts (caller owns the transaction). A member read before its head waits for the household.
    /// </summary>
    public async Task<(int Persons, int Households)> WriteAsync(byte[] content, string fileName, MemberRosterCheck check,
        Func<AuditableEntity, AuditableEntity> stamp, DateOnly today, CancellationToken ct)
    {
        var chunk = new WriteChunk();
        var ignored = new ImportErrorList(int.MaxValue);
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, MemberRoster.Headers, configuration.MaxImportRows()))
        {
            ignored.Clear();
            if (MemberRoster.Validate(row, cells, today, ignored) is not { } r || !check.Households.TryGetValue(r.HeadId.Value, out var household) || household.Invalid)
            {
                continue;
            }

            chunk.Add(r, household, Build(r, stamp), stamp, today);
            if (chunk.Persons.Count == ChunkRows)
            {
                await chunk.FlushAsync(db, ct);
            }
        }

        await chunk.FlushAsync(db, ct);
        return chunk.Waiting.Count == 0 ? (chunk.PersonsWritten, chunk.HouseholdsWritten) : throw new InvalidOperationException("A checked household was written without its head.");
    }

    private Person Build(MemberRow r, Func<AuditableEntity, AuditableEntity> stamp) => (Person)stamp(new Person
    {
        Name = r.Name,
        IdNumberCipher = protector.Encrypt(r.Id.Value, DataPurpose.IdNumber),
        IdNumberIndex = protector.BlindIndex(r.Id.Value, DataPurpose.IdNumber),
        IdNumberMasked = r.Id.Masked,
        Gender = r.Id.Gender,
        BirthDate = r.Id.BirthDate,
        RegionCode = r.RegionCode,
        DisabilityGrade = r.DisabilityGrade,
        SelfCare = r.SelfCare,
        PhoneCipher = r.Phone is null ? null : protector.Encrypt(r.Phone, DataPurpose.Phone),
        PhoneMasked = r.Phone is null ? null : Mask.Phone(r.Phone),
    });

    private sealed class FileState
    {
        public ImportRegions Regions { get; } = new();

        /// <summary>Person's blind index → the first row that lists them.</summary>
        public Dictionary<UInt128, int> Seen { get; } = [];
    }

    /// <summary>The rows of one chunk being written, and the memberships still waiting for their household's head.</summary>
    private sealed class WriteChunk
    {
        public List<Person> Persons { get; } = [];

        public List<Household> Households { get; } = [];

        public List<(MemberHousehold Household, HouseholdMember Member)> Waiting { get; } = [];

        public int PersonsWritten { get; private set; }

        public int HouseholdsWritten { get; private set; }

        public void Add(MemberRow r, MemberHousehold household, Person person, Func<AuditableEntity, AuditableEntity> stamp, DateOnly today)
        {
            Persons.Add(person);
            if (r.Relationship == Relationship.Head)
            {
                Households.Add((Household)stamp(new Household
                {
                    Id = household.Id,
                    RegionCode = r.RegionCode,
                    HukouType = r.HukouType,
                    Address = r.Address ?? "",
                    HeadPersonId = person.Id,
                }));
                // Inserted in this chunk's flush, before its memberships.
                household.Written = true;
            }

            Waiting.Add((household, new HouseholdMember
            {
                HouseholdId = household.Id,
                PersonId = person.Id,
                Relationship = r.Relationship,
                RegionCode = r.RegionCode,
                ValidFrom = today,
                MonthlyIncome = r.MonthlyIncome,
            }));
        }

        public async Task FlushAsync(MinzhengDbContext db, CancellationToken ct)
        {
            await BulkInsert.InsertAsync(db, Persons, ct);
            await BulkInsert.InsertAsync(db, Households, ct);
            var ready = Waiting.Where(w => w.Household.Written).Select(w => w.Member).ToList();
            Waiting.RemoveAll(w => w.Household.Written);
            await BulkInsert.InsertAsync(db, ready, ct);
            (PersonsWritten, HouseholdsWritten) = (PersonsWritten + Persons.Count, HouseholdsWritten + Households.Count);
            Persons.Clear();
            Households.Clear();
        }
    }
}
