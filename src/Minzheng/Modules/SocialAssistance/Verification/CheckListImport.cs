using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Verification;

public sealed record EconomicRow(int Row, IdNumber Id, string Name, EconomicCategories.Category Category, string Detail, decimal? Amount, DateOnly Date, string Source);

public sealed record RelativeRow(int Row, string RegionCode, string StaffName, string Position, string RelativeName, IdNumber Id, string Relationship);

/// <summary>
/// The two checking lists beside death records, staged and validated like rosters: 家庭经济状况核对 data (车辆, 房产, 工商,
/// 财政供养, 养老金, 存款) and the 近亲属备案 register. The commit keeps every line as evidence and opens a finding on each
/// active enrolment and undecided application of the person's household; relatives also flag the application for
/// the separate review.
/// </summary>
public sealed class CheckListImport(MinzhengDbContext db, PersonalDataProtector protector, IRegionScope scope, PersonMatcher matcher, IConfiguration configuration,
    Minzheng.Platform.Regions.RegionService regions, Minzheng.Platform.Auditing.RowStamper stamper)
{
    public const string EconomicKind = "economic-records";
    public const string RelativesKind = "staff-relatives";
    public static readonly string[] EconomicHeaders = ["身份证号", "姓名", "数据类别", "明细", "金额", "数据日期", "数据来源"];
    public static readonly string[] RelativeHeaders = ["所在区划代码", "干部姓名", "职务", "亲属姓名", "亲属身份证号", "与干部关系"];

    public static (List<EconomicRow> Rows, ImportErrorList Errors, int Total) ValidateEconomic(byte[] content, string fileName, int maxRows, int maxErrors, DateOnly today)
    {
        var (rows, errors, seen, total) = (new List<EconomicRow>(), new ImportErrorList(maxErrors), new Dictionary<(string, string, string), int>(), 0);
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, EconomicHeaders, maxRows))
        {
            total++;
            var check = new RowCheck(row, cells, errors, EconomicHeaders);
            var id = check.Id(0, "身份证号", today);
            var name = check.Text(1, "姓名", 1, Minzheng.Platform.People.Person.NameMaxLength);
            var category = EconomicCategories.ByName(check.Cell(2));
            if (category is null)
            {
                check.Fail("数据类别", $"应为 {string.Join("、", EconomicCategories.All.Select(c => c.Name))} 之一");
            }

            var detail = check.Text(3, "明细", 1, EconomicRecord.DetailMaxLength);
            decimal? amount = null;
            if (check.Cell(4).Length > 0)
            {
                if (!decimal.TryParse(check.Cell(4), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || !Minzheng.Platform.Web.InputValues.IsMoney(value))
                {
                    check.Fail("金额", "应为不小于0、最多两位小数的金额（元），或留空");
                }

                amount = value;
            }

            var date = check.Date(5, "数据日期", today);

            var source = check.Text(6, "数据来源", 1, EconomicRecord.SourceMaxLength);
            if (check.Valid && seen.TryGetValue((id!.Value.Value, category!.Code, detail), out var first))
            {
                check.Fail("明细", $"与第{first}行重复");
            }

            if (check.Valid)
            {
                seen[(id!.Value.Value, category!.Code, detail)] = row;
                rows.Add(new EconomicRow(row, id.Value, name, category, detail, amount, date, source));
            }
        }

        return (rows, errors, total);
    }

    public async Task<(List<RelativeRow> Rows, ImportErrorList Errors, int Total)> ValidateRelativesAsync(byte[] content, string fileName, int maxRows, int maxErrors, DateOnly today,
        CancellationToken ct)
    {
        var (rows, errors, seen, total) = (new List<RelativeRow>(), new ImportErrorList(maxErrors), new Dictionary<(string, string, string), int>(), 0);
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, RelativeHeaders, maxRows))
        {
            total++;
            if (ValidateRelative(row, cells, today, errors) is not { } valid)
            {
                continue;
            }

            if (seen.TryGetValue((valid.StaffName, valid.Position, valid.Id.Value), out var first))
            {
                errors.Add(new ImportError(row, "亲属身份证号", $"第{row}行“亲属身份证号”：与第{first}行重复"));
                continue;
            }

            seen[(valid.StaffName, valid.Position, valid.Id.Value)] = row;
            rows.Add(valid);
        }

        return (await KnownRegionsAsync(rows, errors, ct), errors, total);
    }

    /// <summary>One register line, from a spreadsheet row or the API's fields in the same order.</summary>
    public RelativeRow? ValidateRelative(int row, string[] cells, DateOnly today, ImportErrorList errors)
    {
        var check = new RowCheck(row, cells, errors, RelativeHeaders);
        var region = check.Cell(0);
        if (!Minzheng.Platform.Regions.RegionCode.IsValid(region) || !region.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            check.Fail("所在区划代码", $"“{region}”应为您管辖范围内的12位区划代码");
        }

        var staff = check.Text(1, "干部姓名", 1, Minzheng.Platform.People.Person.NameMaxLength);
        var position = check.Text(2, "职务", 1, StaffRelative.PositionMaxLength);
        var relative = check.Text(3, "亲属姓名", 1, Minzheng.Platform.People.Person.NameMaxLength);
        var id = check.Id(4, "亲属身份证号", today);
        if (!StaffRelative.Relationships.Contains(check.Cell(5)))
        {
            check.Fail("与干部关系", $"应为 {string.Join("、", StaffRelative.Relationships)} 之一");
        }

        return check.Valid ? new RelativeRow(row, region, staff, position, relative, id!.Value, check.Cell(5)) : null;
    }

    /// <summary>Drops (as errors) the rows whose region code is well-formed but not a region of the registry.</summary>
    public async Task<List<RelativeRow>> KnownRegionsAsync(List<RelativeRow> rows, ImportErrorList errors, CancellationToken ct)
    {
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var known = (await db.Regions.Where(r => codes.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet();
        foreach (var r in rows.Where(r => !known.Contains(r.RegionCode)))
        {
            errors.Add(new ImportError(r.Row, "所在区划代码", $"第{r.Row}行“所在区划代码”：区划“{r.RegionCode}”不存在"));
        }

        errors.SortFrom(0);
        return rows.Where(r => known.Contains(r.RegionCode)).ToList();
    }

    /// <summary>Writes the lines and findings in the caller's transaction; returns how many lines matched an enrolment or application.</summary>
    public async Task<int> WriteEconomicAsync(Guid batchId, List<EconomicRow> rows, CancellationToken ct)
    {
        var blocking = EconomicCategories.Blocking(configuration);
        return await WriteAsync(rows, r => r.Id, (r, index, match) =>
        {
            var record = new EconomicRecord
            {
                RegionCode = match?.Person.RegionCode ?? scope.RegionCode(),
                IdNumberIndex = index,
                IdNumberMasked = r.Id.Masked,
                Name = r.Name,
                Category = r.Category.Code,
                Detail = r.Detail,
                Amount = r.Amount,
                RecordDate = r.Date,
                Source = r.Source,
                PersonId = match?.Person.Id,
                ImportBatchId = batchId,
            };
            return (record, record.Facts(blocking));
        }, ct);
    }

    /// <param name="created">Filled with the entries written, for a caller that needs their ids.</param>
    public async Task<int> WriteRelativesAsync(Guid? batchId, List<RelativeRow> rows, CancellationToken ct, List<StaffRelative>? created = null)
    {
        var names = await regions.NamesOfAsync(rows.Select(r => r.RegionCode), ct);
        return await WriteAsync(rows, r => r.Id, (r, index, match) =>
        {
            var record = new StaffRelative
            {
                RegionCode = r.RegionCode,
                StaffName = r.StaffName,
                Position = r.Position,
                RelativeName = r.RelativeName,
                RelativeIdNumberIndex = index,
                RelativeIdNumberMasked = r.Id.Masked,
                Relationship = r.Relationship,
                PersonId = match?.Person.Id,
                ImportBatchId = batchId,
            };
            created?.Add(record);
            return (record, record.Facts(names.GetValueOrDefault(r.RegionCode, r.RegionCode)));
        }, ct, flagCases: true);
    }

    /// <summary>
    /// The bulk path of both lists (the batch is audited as one entry): per chunk, match, write the records and the new
    /// findings, and (relatives) flag the matched open applications for the separate review.
    /// </summary>
    private async Task<int> WriteAsync<TRow, TRecord>(List<TRow> rows, Func<TRow, IdNumber> idOf, Func<TRow, string, PersonMatch?, (TRecord, FindingFacts)> record,
        CancellationToken ct, bool flagCases = false)
        where TRecord : Minzheng.Platform.Data.AuditableEntity
    {
        var matched = 0;
        foreach (var chunk in rows.Chunk(PersonMatcher.Chunk))
        {
            var indexes = new string[chunk.Length];
            Parallel.For(0, chunk.Length, i => indexes[i] = protector.BlindIndex(idOf(chunk[i]).Value, DataPurpose.IdNumber));
            var matches = await matcher.MatchAsync(indexes, withCases: true, ct);
            var (records, hits) = (new List<TRecord>(), new List<(PersonMatch, FindingFacts)>());
            foreach (var (r, index) in chunk.Zip(indexes))
            {
                var match = matches.GetValueOrDefault(index);
                var (written, facts) = record(r, index, match);
                records.Add(stamper.Stamp(written));
                if (match is { } m && (m.Enrollments.Count > 0 || m.Cases.Count > 0))
                {
                    matched++;
                    hits.Add((m, facts));
                }
            }

            await BulkInsert.InsertAsync(db, records, ct);
            await BulkInsert.InsertAsync(db, stamper.Stamp(await matcher.NewFindingsAsync(hits, ct)), ct);
            if (flagCases && hits.SelectMany(h => h.Item1.Cases).Select(c => c.Id).ToList() is { Count: > 0 } cases)
            {
                await db.Cases.AcrossRegions("applications matched by a county-wide list, in any region").Where(c => cases.Contains(c.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.RelativeOfStaff, true), ct);
            }
        }

        return matched;
    }

}

/// <summary>Checks of one spreadsheet row; each failure is a Chinese message naming the row and column.</summary>
internal sealed class RowCheck
{
    private readonly int _row;
    private readonly string[] _cells;
    private readonly ImportErrorList _errors;
    private readonly int _before;

    /// <param name="headers">The list's header row, to name a cell holding a control character.</param>
    public RowCheck(int row, string[] cells, ImportErrorList errors, IReadOnlyList<string>? headers = null)
    {
        (_row, _cells, _errors, _before) = (row, cells, errors, errors.Count);
        if (Minzheng.Platform.Web.TextRules.FirstForbiddenCell(cells, headers ?? []) is { } hostile)
        {
            Fail(hostile.Column, hostile.Message);
        }
    }

    public bool Valid => _errors.Count == _before;

    public string Cell(int i) => i < _cells.Length ? _cells[i].Trim() : "";

    public void Fail(string column, string message) => _errors.Add(new ImportError(_row, column, $"第{_row}行“{column}”：{message}"));

    public string Text(int i, string column, int min, int max)
    {
        var text = Cell(i);
        if (text.Length < min || text.Length > max)
        {
            Fail(column, min > 0 ? $"应为{min}到{max}个字" : $"不能超过{max}个字");
        }

        return text;
    }

    /// <summary>An amount in yuan: not negative, at most two decimals, within <see cref="Minzheng.Platform.Web.MoneyLimits.Max"/>.</summary>
    public decimal Money(int i, string column)
    {
        if (decimal.TryParse(Cell(i), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && Minzheng.Platform.Web.InputValues.IsMoney(value))
        {
            return value;
        }

        Fail(column, "应为不小于0、最多两位小数的金额（元）");
        return 0;
    }

    /// <summary>A date (YYYY-MM-DD) no later than <paramref name="today"/>.</summary>
    public DateOnly Date(int i, string column, DateOnly today)
    {
        if (Minzheng.Platform.Web.InputValues.TryParseDate(Cell(i), out var date) && date <= today)
        {
            return date;
        }

        Fail(column, "应为不晚于今天的日期，如 2026-10-01、2026/10/01 或 2026年10月1日");
        return default;
    }

    /// <summary>Lists from other systems write the check letter in lower case or keep 15-digit numbers: IdNumber normalises both.</summary>
    public IdNumber? Id(int i, string column, DateOnly today)
    {
        if (SpreadsheetIdNumber.TryParse(Cell(i), today, out var id, out var error))
        {
            return id;
        }

        Fail(column, error);
        return null;
    }
}
