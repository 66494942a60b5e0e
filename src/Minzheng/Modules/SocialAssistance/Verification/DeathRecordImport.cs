using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Verification;

public sealed record DeathRow(int Row, IdNumber Id, string Name, DateOnly DeathDate, string Source);

/// <summary>What writing death records did: records whose person is enrolled, findings opened, programmes of the enrolments touched.</summary>
public sealed record DeathWrite(int Matched, int Findings, IReadOnlyList<string> Programs);

/// <summary>
/// 死亡名单 import (DESIGN §5): staged and validated like rosters; the commit stores every record as evidence, marks the
/// registered person deceased, and opens a finding for each active enrolment of the person or of their household.
/// </summary>
public sealed class DeathRecordImport(MinzhengDbContext db, PersonalDataProtector protector, IRegionScope scope, PersonMatcher matcher, RowStamper stamper,
    TimeProvider clock)
{
    public const string Kind = "death-records";
    public static readonly string[] Headers = ["身份证号", "姓名", "死亡日期", "数据来源"];
    public static readonly string[] Sources = ["公安", "卫健", "火化", "其他"];

    public static (List<DeathRow> Rows, ImportErrorList Errors, int Total) Validate(byte[] content, string fileName, int maxRows, int maxErrors, DateOnly today)
    {
        var (rows, errors, seen, total) = (new List<DeathRow>(), new ImportErrorList(maxErrors), new Dictionary<string, int>(), 0);
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, maxRows))
        {
            total++;
            var check = new RowCheck(row, cells, errors, Headers);
            var id = check.Id(0, "身份证号", today);
            if (id is { } parsed && seen.TryGetValue(parsed.Value, out var first))
            {
                check.Fail("身份证号", $"与第{first}行重复");
            }

            var name = check.Text(1, "姓名", 1, Minzheng.Platform.People.Person.NameMaxLength);
            if (!Minzheng.Platform.Web.InputValues.TryParseDate(check.Cell(2), out var died))
            {
                check.Fail("死亡日期", "应为日期，如 2026-10-01、2026/10/01 或 2026年10月1日");
            }
            else if (died > today || (check.Valid && died < id!.Value.BirthDate))
            {
                check.Fail("死亡日期", died > today ? "不能晚于今天" : "不能早于出生日期");
            }

            if (!Sources.Contains(check.Cell(3)))
            {
                check.Fail("数据来源", $"应为 {string.Join("、", Sources)} 之一");
            }

            if (check.Valid)
            {
                seen[id!.Value.Value] = row;
                rows.Add(new DeathRow(row, id.Value, name, died, check.Cell(3)));
            }
        }

        return (rows, errors, total);
    }

    /// <summary>
    /// Writes the records and findings in the caller's transaction by the bulk path (the batch is audited as one entry),
    /// and marks matched persons deceased; <see cref="DeathWrite.Matched"/> counts the records that matched an active enrolment.
    /// </summary>
    /// <param name="batchId">The import batch, or the record of another line that reported a single death (<see cref="DeathReportSink"/>).</param>
    public async Task<DeathWrite> WriteAsync(Guid batchId, List<DeathRow> rows, CancellationToken ct)
    {
        var (matched, findings, programs) = (0, 0, new SortedSet<string>(StringComparer.Ordinal));
        foreach (var chunk in rows.Chunk(PersonMatcher.Chunk))
        {
            var indexes = new string[chunk.Length];
            Parallel.For(0, chunk.Length, i => indexes[i] = protector.BlindIndex(chunk[i].Id.Value, DataPurpose.IdNumber));
            var matches = await matcher.MatchAsync(indexes, withCases: false, ct);
            var (records, hits, deceased) = (new List<DeathRecord>(), new List<(PersonMatch, FindingFacts)>(), new List<(Guid Person, DateOnly Died)>());
            foreach (var (r, index) in chunk.Zip(indexes))
            {
                var match = matches.GetValueOrDefault(index);
                var record = stamper.Stamp(new DeathRecord
                {
                    RegionCode = match?.Person.RegionCode ?? scope.RegionCode(),
                    IdNumberIndex = index,
                    IdNumberMasked = r.Id.Masked,
                    Name = r.Name,
                    DeathDate = r.DeathDate,
                    Source = r.Source,
                    PersonId = match?.Person.Id,
                    ImportBatchId = batchId,
                });
                records.Add(record);
                if (match is null)
                {
                    continue;
                }

                if (match.Person.DeathDate is null)
                {
                    deceased.Add((match.Person.Id, r.DeathDate));
                }

                matched += match.Enrollments.Count > 0 ? 1 : 0;
                programs.UnionWith(match.Enrollments.Select(e => e.Program));
                hits.Add((match, new FindingFacts("death", "", $"{r.Source}死亡名单：{r.Name}（{r.Id.Masked}）于 {r.DeathDate:yyyy-MM-dd} 死亡",
                    Blocking: false, record.Id, r.DeathDate)));
            }

            await BulkInsert.InsertAsync(db, records, ct);
            var opened = stamper.Stamp(await matcher.NewFindingsAsync(hits, ct));
            findings += opened.Count;
            await BulkInsert.InsertAsync(db, opened, ct);
            // A person is marked deceased once (the first list wins); one statement per date of death in the chunk.
            foreach (var day in deceased.GroupBy(d => d.Died))
            {
                var ids = day.Select(d => d.Person).ToList();
                await db.Persons.AcrossRegions("a death record marks the person wherever registered").Where(p => ids.Contains(p.Id) && p.DeathDate == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(p => p.DeathDate, day.Key).SetProperty(p => p.UpdatedAt, clock.GetUtcNow()), ct);
            }
        }

        return new DeathWrite(matched, findings, [.. programs]);
    }
}
