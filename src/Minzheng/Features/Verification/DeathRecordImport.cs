using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Features.Enrollments;
using Minzheng.Features.Imports;
using Minzheng.Infrastructure.Database;
using Minzheng.Infrastructure.Privacy;
using Minzheng.Infrastructure.Security;

namespace Minzheng.Features.Verification;

public sealed record DeathRow(int Row, IdNumber Id, string Name, DateOnly DeathDate, string Source);

/// <summary>
/// 死亡名单 import (DESIGN §5): staged and validated like rosters; the commit stores every record as evidence, marks the
/// registered person deceased, and opens a finding for each active enrolment of the person or of their household.
/// </summary>
public sealed class DeathRecordImport(MinzhengDbContext db, PersonalDataProtector protector, IRegionScope scope)
{
    public const string Kind = "death-records";
    public static readonly string[] Headers = ["身份证号", "姓名", "死亡日期", "数据来源"];
    public static readonly string[] Sources = ["公安", "卫健", "火化", "其他"];
    private const int LookupChunk = 2000;

    public static (List<DeathRow> Rows, List<ImportError> Errors, int Total) Validate(byte[] content, string fileName, int maxRows, DateOnly today)
    {
        var (rows, errors, seen, total) = (new List<DeathRow>(), new List<ImportError>(), new Dictionary<string, int>(), 0);
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, maxRows))
        {
            total++;
            string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
            void Fail(string column, string message) => errors.Add(new ImportError(row, column, $"第{row}行“{column}”：{message}"));
            var before = errors.Count;
            // Lists from other systems write the check letter in lower case or keep 15-digit numbers: IdNumber normalises both.
            if (!IdNumber.TryParse(Cell(0), today, out var id, out var idError))
            {
                Fail("身份证号", idError);
            }
            else if (seen.TryGetValue(id.Value, out var first))
            {
                Fail("身份证号", $"与第{first}行重复");
            }

            if (Cell(1).Length is 0 or > Registry.Person.NameMaxLength)
            {
                Fail("姓名", $"应为1到{Registry.Person.NameMaxLength}个字");
            }

            if (!DateOnly.TryParseExact(Cell(2), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var died))
            {
                Fail("死亡日期", "应为日期 YYYY-MM-DD");
            }
            else if (died > today || (errors.Count == before && died < id.BirthDate))
            {
                Fail("死亡日期", died > today ? "不能晚于今天" : "不能早于出生日期");
            }

            if (!Sources.Contains(Cell(3)))
            {
                Fail("数据来源", $"应为 {string.Join("、", Sources)} 之一");
            }

            if (errors.Count == before)
            {
                seen[id.Value] = row;
                rows.Add(new DeathRow(row, id, Cell(1), died, Cell(3)));
            }
        }

        return (rows, errors, total);
    }

    /// <summary>Writes the records and findings in the caller's transaction; returns how many records matched an active enrolment.</summary>
    public async Task<int> WriteAsync(Guid batchId, List<DeathRow> rows, CancellationToken ct)
    {
        var indexes = rows.ToDictionary(r => r, r => protector.BlindIndex(r.Id.Value, DataPurpose.IdNumber));
        var matched = 0;
        foreach (var chunk in rows.Chunk(LookupChunk))
        {
            var keys = chunk.Select(r => indexes[r]).ToList();
            // Matching spans the whole database: a death recorded by another county's list still stops payment here.
            var persons = await db.Persons.IgnoreQueryFilters([MinzhengDbContext.RegionFilter]).Where(p => keys.Contains(p.IdNumberIndex))
                .ToDictionaryAsync(p => p.IdNumberIndex, ct);
            var personIds = persons.Values.Select(p => p.Id).ToList();
            var households = await db.HouseholdMembers.IgnoreQueryFilters([MinzhengDbContext.RegionFilter])
                .Where(m => personIds.Contains(m.PersonId) && m.ValidTo == null).ToDictionaryAsync(m => m.PersonId, m => m.HouseholdId, ct);
            var householdIds = households.Values.ToList();
            var active = await db.Enrollments.IgnoreQueryFilters([MinzhengDbContext.RegionFilter])
                .Where(e => e.Status == EnrollmentStatus.Active && (personIds.Contains(e.PersonId) || householdIds.Contains(e.HouseholdId))).ToListAsync(ct);
            var open = (await db.Findings.IgnoreQueryFilters([MinzhengDbContext.RegionFilter])
                .Where(f => f.Type == "death" && f.Status == FindingStatus.Open && active.Select(e => e.Id).Contains(f.EnrollmentId))
                .Select(f => f.EnrollmentId).ToListAsync(ct)).ToHashSet();
            foreach (var r in chunk)
            {
                persons.TryGetValue(indexes[r], out var person);
                var record = new DeathRecord
                {
                    RegionCode = person?.RegionCode ?? scope.Prefix.PadRight(Regions.RegionCode.Length, '0')[..Regions.RegionCode.Length],
                    IdNumberIndex = indexes[r],
                    IdNumberMasked = r.Id.Masked,
                    Name = r.Name,
                    DeathDate = r.DeathDate,
                    Source = r.Source,
                    PersonId = person?.Id,
                    ImportBatchId = batchId,
                };
                db.DeathRecords.Add(record);
                if (person is null)
                {
                    continue;
                }

                person.DeathDate ??= r.DeathDate;
                var enrolled = active.Where(e => e.PersonId == person.Id || (households.TryGetValue(person.Id, out var h) && e.HouseholdId == h)).ToList();
                matched += enrolled.Count > 0 ? 1 : 0;
                var affected = enrolled.Where(e => open.Add(e.Id)).ToList();
                db.Findings.AddRange(affected.Select(e => new Finding
                {
                    RegionCode = e.RegionCode,
                    Program = e.Program,
                    EnrollmentId = e.Id,
                    PersonId = person.Id,
                    IsBeneficiary = e.PersonId == person.Id,
                    DeathRecordId = record.Id,
                    DeathDate = r.DeathDate,
                    Evidence = $"{r.Source}死亡名单：{r.Name}（{r.Id.Masked}）于 {r.DeathDate:yyyy-MM-dd} 死亡" + (e.PersonId == person.Id ? "" : "，为该户家庭成员"),
                }));
            }

            await db.SaveChangesAsync(ct);
        }

        return matched;
    }
}
