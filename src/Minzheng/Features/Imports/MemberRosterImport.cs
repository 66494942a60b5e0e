using Microsoft.EntityFrameworkCore;
using Minzheng.Features.Registry;
using Minzheng.Infrastructure.Database;
using Minzheng.Infrastructure.Privacy;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Features.Imports;

/// <summary>A household of the member roster: its rows, the head's row first.</summary>
public sealed record MemberGroup(IReadOnlyList<MemberRow> Rows);

/// <summary>
/// Validation and writing of the member roster. A household is imported whole or not at all: one bad member row makes
/// the whole group invalid (with skipInvalid the group is skipped), so no household is ever half-registered.
/// </summary>
public sealed class MemberRosterImport(MinzhengDbContext db, PersonalDataProtector protector, IRegionScope scope)
{
    private const int LookupChunk = 2000;

    public async Task<(List<MemberGroup> Groups, List<ImportError> Errors, int Total)> ValidateAsync(
        byte[] content, string fileName, int maxRows, DateOnly today, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var rows = new List<MemberRow>();
        var badHeads = new HashSet<string>();
        var total = 0;
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, MemberRoster.Headers, maxRows))
        {
            total++;
            if (MemberRoster.Validate(row, cells, today, errors) is { } valid)
            {
                rows.Add(valid);
            }
            else if (IdNumber.TryParse(cells.FirstOrDefault(), today, out var head, out _))
            {
                badHeads.Add(head.Value);
            }
        }

        var registered = await RegisteredAsync(rows, ct);
        var regions = await ExistingRegionsAsync(rows, ct);
        var firstRowById = new Dictionary<string, int>();
        var groups = new List<MemberGroup>();
        foreach (var group in rows.GroupBy(r => r.HeadId.Value))
        {
            var groupErrors = new List<ImportError>();
            void Fail(MemberRow r, string column, string message) => groupErrors.Add(new ImportError(r.Row, column, $"第{r.Row}行“{column}”：{message}"));
            var heads = group.Where(r => r.Relationship == Relationship.Head).ToList();
            if (heads.Count != 1 || heads[0].Id != heads[0].HeadId)
            {
                Fail(group.First(), "与户主关系", $"户主身份证号 {group.Key[..6]}…的家庭应有且只有一行“户主”，且其身份证号与户主身份证号相同");
            }

            var head = heads.FirstOrDefault() ?? group.First();
            foreach (var r in group)
            {
                if (!r.RegionCode.StartsWith(scope.Prefix, StringComparison.Ordinal))
                {
                    Fail(r, "区划代码", $"区划“{r.RegionCode}”不在您的管辖范围内");
                }
                else if (!regions.Contains(r.RegionCode))
                {
                    Fail(r, "区划代码", $"区划“{r.RegionCode}”不存在");
                }
                else if (r.RegionCode != head.RegionCode || r.HukouType != head.HukouType)
                {
                    Fail(r, "区划代码", "同一家庭的成员区划代码和户籍类型应与户主行一致");
                }

                if (!firstRowById.TryAdd(r.Id.Value, r.Row))
                {
                    Fail(r, "身份证号", $"身份证号 {r.Id.Masked} 与第{firstRowById[r.Id.Value]}行重复");
                }
                else if (registered.Contains(r.Id.Value))
                {
                    Fail(r, "身份证号", $"身份证号 {r.Id.Masked} 已在系统中登记（请在家庭档案中办理迁入）");
                }
            }

            if (group.Count() > RegistryService.MaxMembers)
            {
                Fail(head, "户主身份证号", $"一户最多{RegistryService.MaxMembers}人");
            }

            if (badHeads.Contains(group.Key) && groupErrors.Count == 0)
            {
                Fail(head, "户主身份证号", "本户有成员行存在错误，整户暂不导入");
            }

            errors.AddRange(groupErrors);
            if (groupErrors.Count == 0)
            {
                groups.Add(new MemberGroup([head, .. group.Where(r => r != head)]));
            }
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return (groups, errors, total);
    }

    /// <summary>Creates the persons, households and memberships of every valid group with bulk inserts (caller owns the transaction).</summary>
    public async Task<(int Persons, int Households)> WriteAsync(IReadOnlyList<MemberGroup> groups, Func<AuditableEntity, AuditableEntity> stamp,
        DateOnly today, CancellationToken ct)
    {
        var persons = new List<Person>();
        var households = new List<Household>();
        var members = new List<HouseholdMember>();
        foreach (var group in groups)
        {
            var head = group.Rows[0];
            var household = new Household { RegionCode = head.RegionCode, HukouType = head.HukouType, Address = head.Address ?? "" };
            foreach (var r in group.Rows)
            {
                var person = new Person
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
                };
                persons.Add((Person)stamp(person));
                members.Add(new HouseholdMember
                {
                    HouseholdId = household.Id,
                    PersonId = person.Id,
                    Relationship = r.Relationship,
                    RegionCode = r.RegionCode,
                    ValidFrom = today,
                    MonthlyIncome = r.MonthlyIncome,
                });
                if (r.Relationship == Relationship.Head)
                {
                    household.HeadPersonId = person.Id;
                }
            }

            households.Add((Household)stamp(household));
        }

        await BulkInsert.InsertAsync(db, persons, ct);
        await BulkInsert.InsertAsync(db, households, ct);
        await BulkInsert.InsertAsync(db, members, ct);
        return (persons.Count, households.Count);
    }

    private async Task<HashSet<string>> RegisteredAsync(List<MemberRow> rows, CancellationToken ct)
    {
        var byIndex = rows.Select(r => r.Id.Value).Distinct().ToDictionary(id => protector.BlindIndex(id, DataPurpose.IdNumber));
        var registered = new HashSet<string>();
        foreach (var chunk in byIndex.Keys.Chunk(LookupChunk))
        {
            var found = await db.Persons.IgnoreQueryFilters([MinzhengDbContext.RegionFilter]).Where(p => chunk.Contains(p.IdNumberIndex))
                .Select(p => p.IdNumberIndex).ToListAsync(ct);
            found.ForEach(i => registered.Add(byIndex[i]));
        }

        return registered;
    }

    private async Task<HashSet<string>> ExistingRegionsAsync(List<MemberRow> rows, CancellationToken ct)
    {
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        return (await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet();
    }
}
