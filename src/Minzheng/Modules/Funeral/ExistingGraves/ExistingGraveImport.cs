using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.ExistingGraves;

/// <summary>
/// 已有坟墓批量登记 through the platform's staged import: a village's survey sheet (one grave per row) checked by the same
/// rules as the form, every bad cell named by row and column, then written all at once. A grave whose occupant's ID
/// number is already in the register (or twice in the file) is refused, so importing a sheet twice adds nothing.
/// </summary>
public sealed class ExistingGraveImport(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, RowStamper stamper,
    IConfiguration configuration, TimeProvider clock) : IImportKind
{
    public const string KindName = "existing-graves";

    public static readonly string[] Headers =
        ["所在村区划代码", "位置描述", "纬度", "经度", "坟墓类型", "墓主姓名", "墓主身份证号", "合葬者姓名", "合葬者身份证号", "家属联系人", "联系电话", "登记日期"];

    /// <summary>The form's field behind each column, to name the column of a field error.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new()
    {
        ["regionCode"] = Headers[0],
        ["location"] = Headers[1],
        ["latitude"] = Headers[2],
        ["longitude"] = Headers[3],
        ["kind"] = Headers[4],
        ["occupantName"] = Headers[5],
        ["occupantIdNumber"] = Headers[6],
        ["secondOccupantName"] = Headers[7],
        ["secondOccupantIdNumber"] = Headers[8],
        ["contactName"] = Headers[9],
        ["contactPhone"] = Headers[10],
        ["registeredOn"] = Headers[11],
    };

    public string Kind => KindName;

    public string Policy => FuneralModule.Record;

    public async Task<ImportCheck> CheckAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (total, graves, errors) = await ReadAsync(fileName, content, ct);
        return new ImportCheck(total, graves.Count, errors);
    }

    public async Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct)
    {
        var (_, graves, errors) = await ReadAsync(fileName, content, ct);
        if (errors.Count > 0 && !skipInvalid)
        {
            return ImportWrite.Refused(errors);
        }

        foreach (var chunk in graves.Chunk(5_000))
        {
            await BulkInsert.InsertAsync(db, stamper.Stamp(chunk.ToList()), ct);
        }

        return new ImportWrite(graves.Count, errors, new Dictionary<string, int> { ["graves"] = graves.Count });
    }

    private async Task<(int Total, List<ExistingGrave> Graves, ImportErrorList Errors)> ReadAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var (today, errors, graves, total) = (clock.Today(), new ImportErrorList(configuration.MaxImportErrors()), new List<(int Row, ExistingGrave Grave)>(), 0);
        var villages = (await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(scope.Prefix) && r.Level == RegionLevel.Village)
            .Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var kinds = Enum.GetValues<GraveKind>().ToDictionary(ExistingGrave.KindName, InputValues.Code);
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, configuration.MaxImportRows()))
        {
            total++;
            string? Cell(int i) => i < cells.Length && cells[i].Trim().Length > 0 ? cells[i].Trim() : null;
            if (TextRules.FirstForbiddenCell(cells, Headers) is { } bad)
            {
                errors.Add(new ImportError(row, bad.Column, bad.Message));
                continue;
            }

            var fields = new FieldErrors();
            var village = Cell(0);
            if (village is null || !villages.Contains(village))
            {
                fields.Add("regionCode", "应为您管辖范围内已登记的村级区划代码（12位）");
            }

            var request = new GraveRequest(village, Cell(1), Coordinate(Cell(2)), Coordinate(Cell(3)), Cell(4) is { } k ? kinds.GetValueOrDefault(k, k) : null, Cell(5),
                Cell(6), Cell(7), Cell(8), Cell(9), Cell(10), Cell(11));
            if (GraveService.Build(request, fields.Any ? null : village, today, protector, fields) is { } grave)
            {
                graves.Add((row, grave));
            }

            foreach (var (field, messages) in fields.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(new ImportError(row, ColumnOf.GetValueOrDefault(field, field), message));
                }
            }
        }

        return (total, await WithoutRegisteredAsync(graves, errors, ct), errors);
    }

    /// <summary>The graves whose occupant is neither in the register already nor earlier in the file (by the blind index of the ID number).</summary>
    private async Task<List<ExistingGrave>> WithoutRegisteredAsync(List<(int Row, ExistingGrave Grave)> graves, ImportErrorList errors, CancellationToken ct)
    {
        const string Reason = "an occupant registered in another village is still the same grave: the whole register is checked";
        var indexes = graves.SelectMany(g => new[] { g.Grave.OccupantIdIndex, g.Grave.SecondOccupantIdIndex }).OfType<string>().Distinct().ToList();
        var registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in indexes.Chunk(ImportLimits.LookupChunk))
        {
            foreach (var g in await db.ExistingGraves.AcrossRegions(Reason).AsNoTracking()
                         .Where(g => g.Status == GraveStatus.Registered && (chunk.Contains(g.OccupantIdIndex!) || chunk.Contains(g.SecondOccupantIdIndex!)))
                         .Select(g => new { g.OccupantIdIndex, g.SecondOccupantIdIndex }).ToListAsync(ct))
            {
                registered.UnionWith(new[] { g.OccupantIdIndex, g.SecondOccupantIdIndex }.OfType<string>());
            }
        }

        var written = new List<ExistingGrave>();
        foreach (var (row, grave) in graves)
        {
            var occupants = new[] { (grave.OccupantIdIndex, Headers[6]), (grave.SecondOccupantIdIndex, Headers[8]) }.Where(o => o.Item1 is not null).ToList();
            if (occupants.FirstOrDefault(o => registered.Contains(o.Item1!)) is { Item1: not null } dup)
            {
                errors.Add(new ImportError(row, dup.Item2, "该墓主已在已有坟墓登记中（或在本文件此前各行），不能重复登记"));
                continue;
            }

            registered.UnionWith(occupants.Select(o => o.Item1!));
            written.Add(grave);
        }

        errors.SortFrom(0);
        return written;
    }

    private static decimal? Coordinate(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
