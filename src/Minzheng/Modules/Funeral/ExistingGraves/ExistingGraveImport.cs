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
        var (total, valid, errors) = await ProcessAsync(fileName, content, write: false, ct);
        return new ImportCheck(total, valid, errors);
    }

    public async Task<ImportWrite> WriteAsync(Guid batchId, string fileName, byte[] content, bool skipInvalid, CancellationToken ct)
    {
        // Rows are written a chunk at a time as they are checked; when the file has errors and they are not to be
        // skipped, the platform rolls the whole transaction back.
        var (_, valid, errors) = await ProcessAsync(fileName, content, write: true, ct);
        return new ImportWrite(valid, errors, new Dictionary<string, int> { ["graves"] = valid });
    }

    /// <summary>
    /// Reads the file a chunk of rows at a time: each chunk is checked, its occupants looked up in the register and in
    /// the rows before it, and (when writing) its graves copied — so memory holds one chunk and one 16-byte key per
    /// occupant, not every grave of a file the size limit allows (hundreds of thousands of rows).
    /// </summary>
    private async Task<(int Total, int Valid, ImportErrorList Errors)> ProcessAsync(string fileName, byte[] content, bool write, CancellationToken ct)
    {
        var (today, errors) = (clock.Today(), new ImportErrorList(configuration.MaxImportErrors()));
        var villages = (await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(scope.Prefix) && r.Level == RegionLevel.Village)
            .Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var kinds = Enum.GetValues<GraveKind>().ToDictionary(ExistingGrave.KindName, InputValues.Code);
        var earlier = new HashSet<UInt128>();
        var (total, valid) = (0, 0);
        foreach (var chunk in CheckedRows(fileName, content, villages, kinds, today, errors).Chunk(ImportLimits.LookupChunk))
        {
            total += chunk.Length;
            var graves = await WithoutRegisteredAsync([.. chunk.Where(r => r.Grave is not null).Select(r => (r.Row, r.Grave!))], earlier, errors, ct);
            valid += graves.Count;
            if (write && graves.Count > 0)
            {
                await BulkInsert.InsertAsync(db, stamper.Stamp(graves), ct);
            }
        }

        errors.SortFrom(0);
        return (total, valid, errors);
    }

    /// <summary>Every data row of the file, with its grave when the row passed the form's checks (its errors are added).</summary>
    private IEnumerable<(int Row, ExistingGrave? Grave)> CheckedRows(string fileName, byte[] content, HashSet<string> villages,
        Dictionary<string, string> kinds, DateOnly today, ImportErrorList errors)
    {
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, configuration.MaxImportRows()))
        {
            string? Cell(int i) => i < cells.Length && cells[i].Trim().Length > 0 ? cells[i].Trim() : null;
            if (TextRules.FirstForbiddenCell(cells, Headers) is { } bad)
            {
                errors.Add(new ImportError(row, bad.Column, bad.Message));
                yield return (row, null);
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
            var grave = GraveService.Build(request, fields.Any ? null : village, today, protector, fields);
            foreach (var (field, messages) in fields.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add(new ImportError(row, ColumnOf.GetValueOrDefault(field, field), message));
                }
            }

            yield return (row, grave);
        }
    }

    /// <summary>
    /// The chunk's graves whose occupant is neither in the register already nor earlier in the file (by the blind index
    /// of the ID number). Occupants of earlier rows are kept as the first 128 bits of their HMAC index: a collision of
    /// two different people would need 2^64 of them.
    /// </summary>
    private async Task<List<ExistingGrave>> WithoutRegisteredAsync(List<(int Row, ExistingGrave Grave)> graves, HashSet<UInt128> earlier,
        ImportErrorList errors, CancellationToken ct)
    {
        const string Reason = "an occupant registered in another village is still the same grave: the whole register is checked";
        var indexes = graves.SelectMany(g => new[] { g.Grave.OccupantIdIndex, g.Grave.SecondOccupantIdIndex }).OfType<string>().Distinct().ToList();
        var registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in await db.ExistingGraves.AcrossRegions(Reason).AsNoTracking()
                     .Where(g => g.Status == GraveStatus.Registered && (indexes.Contains(g.OccupantIdIndex!) || indexes.Contains(g.SecondOccupantIdIndex!)))
                     .Select(g => new { g.OccupantIdIndex, g.SecondOccupantIdIndex }).ToListAsync(ct))
        {
            registered.UnionWith(new[] { g.OccupantIdIndex, g.SecondOccupantIdIndex }.OfType<string>());
        }

        var written = new List<ExistingGrave>();
        foreach (var (row, grave) in graves)
        {
            var occupants = new[] { (grave.OccupantIdIndex, Headers[6]), (grave.SecondOccupantIdIndex, Headers[8]) }.Where(o => o.Item1 is not null).ToList();
            if (occupants.FirstOrDefault(o => registered.Contains(o.Item1!) || earlier.Contains(Key(o.Item1!))) is { Item1: not null } dup)
            {
                errors.Add(new ImportError(row, dup.Item2, "该墓主已在已有坟墓登记中（或在本文件此前各行），不能重复登记"));
                continue;
            }

            earlier.UnionWith(occupants.Select(o => Key(o.Item1!)));
            written.Add(grave);
        }

        return written;
    }

    /// <summary>The first 128 bits of a hexadecimal blind index.</summary>
    private static UInt128 Key(string index) => UInt128.Parse(index.AsSpan(0, 32), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static decimal? Coordinate(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
}
