using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;

namespace Minzheng.Platform.Regions;

public sealed record RegionDto(string Code, string Name, string Level, string? ParentCode, bool IsActive);

/// <param name="Skipped">Codes of other counties left out: an installation set up by <c>init</c> keeps its own county's tree.</param>
/// <param name="Renamed">The first <see cref="RegionService.RenamesListed"/> of the <paramref name="Updated"/> codes whose
/// official name replaced the one in the system (demo villages, say), so the operator sees what changed.</param>
public sealed record RegionImportResult(int Added, int Updated, IReadOnlyList<ImportError> Errors, int Skipped = 0, IReadOnlyList<RegionRename>? Renamed = null)
{
    public IReadOnlyList<RegionRename> Renamed { get; init; } = Renamed ?? [];
}

public sealed record RegionRename(string Code, string OldName, string NewName);

/// <summary>Validation, creation, import and look-ups of the region tree, shared by the API, the pages and the CLI.</summary>
/// <param name="stamper">and <paramref name="audit"/>: the bulk import's row stamps and its one audit entry (null in
/// tests of the tree alone, which then stamp as the system).</param>
public sealed partial class RegionService(MinzhengDbContext db, IMemoryCache cache, Auditing.RowStamper stamper, Auditing.AuditLog audit)
{
    /// <summary>How many renames an import result lists; all are counted, and the audit entry keeps the first 100.</summary>
    public const int RenamesListed = 200;

    public static RegionDto ToDto(Region r) => new(r.Code, r.Name, r.Level.ToString().ToLowerInvariant(), r.ParentCode, r.IsActive);

    /// <summary>Field errors of a new region, checked against the tree (code format, parent, duplicate name length).</summary>
    public async Task<Dictionary<string, string[]>> ValidateNewAsync(string? code, string? name, string? parentCode, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length == 0)
        {
            errors["name"] = ["请填写区划名称"];
        }
        else if (trimmedName.Length > Region.NameMaxLength)
        {
            errors["name"] = [$"区划名称不能超过{Region.NameMaxLength}个字"];
        }

        if (!RegionCode.TryGetLevel(code, out var level, out var codeError))
        {
            errors["code"] = [codeError];
            return errors;
        }

        var expectedParent = RegionCode.ParentOf(code!, level);
        var givenParent = string.IsNullOrWhiteSpace(parentCode) ? null : parentCode.Trim();
        if (givenParent != expectedParent)
        {
            errors["parentCode"] = [expectedParent is null
                ? "省级区划没有上级，parentCode 应为空"
                : $"区划“{code}”的上级应为“{expectedParent}”，而不是“{givenParent ?? "空"}”"];
        }
        else if (expectedParent is not null && !await db.Regions.AnyAsync(r => r.Code == expectedParent, ct))
        {
            errors["parentCode"] = [$"上级区划“{expectedParent}”不存在，请先添加上级区划"];
        }

        return errors;
    }

    public Task<bool> ExistsAsync(string code, CancellationToken ct) => db.Regions.AnyAsync(r => r.Code == code, ct);

    /// <summary>
    /// The subtree a county-wide campaign or standard is for: <paramref name="value"/> as a scope prefix (see
    /// <see cref="RegionCode.ToScopePrefix"/>) inside <paramref name="callerPrefix"/> and naming an existing region; null otherwise.
    /// </summary>
    public async Task<string?> SubtreeWithinAsync(string? value, string callerPrefix, CancellationToken ct) =>
        RegionCode.ToScopePrefix(value) is { } prefix && prefix.StartsWith(callerPrefix, StringComparison.Ordinal)
            && await ExistsAsync(prefix.PadRight(RegionCode.Length, '0'), ct) ? prefix : null;

    public async Task<Region> CreateAsync(string code, string name, CancellationToken ct)
    {
        RegionCode.TryGetLevel(code, out var level, out _);
        var region = new Region(code, name.Trim(), level, RegionCode.ParentOf(code, level));
        db.Regions.Add(region);
        await db.SaveChangesAsync(ct);
        ForgetNames();
        return region;
    }

    public Task<List<RegionDto>> ChildrenAsync(string? parentCode, CancellationToken ct) =>
        db.Regions.AsNoTracking().Where(r => r.ParentCode == parentCode).OrderBy(r => r.Code)
            .Select(r => new RegionDto(r.Code, r.Name, r.Level.ToString().ToLowerInvariant(), r.ParentCode, r.IsActive))
            .ToListAsync(ct);

    /// <summary>
    /// Imports an official code list (CSV or XLSX, columns <c>code,name</c>): all or nothing. Parents and levels are
    /// derived; a parent must exist already or come in the same file; existing codes get the file's name.
    /// </summary>
    public async Task<RegionImportResult> ImportAsync(Stream file, string fileName, CancellationToken ct)
    {
        var errors = new ImportErrorList();
        try
        {
            return await ImportAsync(file, fileName, errors, ct);
        }
        catch (TooManyImportErrorsException)
        {
            // A list that is mostly wrong (the wrong file, a shifted column): the first errors say which.
            return new RegionImportResult(0, 0, errors);
        }
    }

    private async Task<RegionImportResult> ImportAsync(Stream file, string fileName, ImportErrorList errors, CancellationToken ct)
    {
        var (rows, readError) = RegionFileReader.Read(file, fileName);
        if (readError is not null)
        {
            return new RegionImportResult(0, 0, [readError]);
        }

        var county = await Installation.InstallationState.CountyAsync(db, ct);
        var skipped = 0;
        if (county is not null)
        {
            // A province or national list is fine: the county's own tree and its parents are taken, the rest left out.
            var all = rows.Count;
            rows = rows.Where(r => BelongsTo(r.Code, county)).ToList();
            skipped = all - rows.Count;
            if (!rows.Any(r => r.Code.StartsWith(county[..6], StringComparison.Ordinal)))
            {
                return new RegionImportResult(0, 0,
                    [new ImportError(0, "file", $"文件中没有本系统所属县（{county[..6]}）的区划代码，可能是其他县的文件；未导入任何数据")]);
            }
        }

        var known = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var inFile = new Dictionary<string, int>();
        var valid = new List<(string Code, string Name, RegionLevel Level)>();
        foreach (var row in rows)
        {
            if (!RegionCode.TryGetLevel(row.Code, out var level, out var codeError))
            {
                errors.Add(new ImportError(row.Row, "code", codeError));
                continue;
            }

            if (row.Name.Length == 0 || row.Name.Length > Region.NameMaxLength)
            {
                errors.Add(new ImportError(row.Row, "name", row.Name.Length == 0 ? "区划名称为空" : $"区划名称超过{Region.NameMaxLength}个字"));
                continue;
            }

            if (!inFile.TryAdd(row.Code, row.Row))
            {
                errors.Add(new ImportError(row.Row, "code", $"区划代码“{row.Code}”与第{inFile[row.Code]}行重复"));
                continue;
            }

            valid.Add((row.Code, row.Name, level));
        }

        foreach (var (code, _, level) in valid)
        {
            var parent = RegionCode.ParentOf(code, level);
            if (parent is not null && !known.ContainsKey(parent) && !inFile.ContainsKey(parent))
            {
                errors.Add(new ImportError(inFile[code], "code", $"上级区划“{parent}”既不在系统中也不在文件中"));
            }
        }

        if (errors.Count > 0)
        {
            errors.SortFrom(0);
            return new RegionImportResult(0, 0, errors);
        }

        var renamed = valid.Where(v => known.TryGetValue(v.Code, out var old) && old != v.Name).ToList();
        var added = valid.Where(v => !known.ContainsKey(v.Code)).OrderBy(v => v.Level).ToList();
        await WriteAsync(added, renamed, fileName, skipped, ct);
        ForgetNames();
        return new RegionImportResult(added.Count, renamed.Count, [], skipped,
            [.. renamed.Take(RenamesListed).Select(v => new RegionRename(v.Code, known[v.Code], v.Name))]);
    }

    /// <summary>
    /// The national list has ~665,000 codes: new rows go in set-based batches (parents first), renames one statement
    /// each, in one transaction, and the audit log gets one entry for the file rather than one per code.
    /// </summary>
    private async Task WriteAsync(List<(string Code, string Name, RegionLevel Level)> added, List<(string Code, string Name, RegionLevel Level)> renamed,
        string fileName, int skipped, CancellationToken ct)
    {
        const int batchSize = 20_000;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in added.Chunk(batchSize))
        {
            var rows = batch.Select(v => new Region(v.Code, v.Name, v.Level, RegionCode.ParentOf(v.Code, v.Level))).ToList();
            stamper.Stamp(rows);
            await BulkInsert.InsertAsync(db, rows, ct);
        }

        foreach (var (code, name, _) in renamed)
        {
            await db.Regions.Where(r => r.Code == code).ExecuteUpdateAsync(u => u.SetProperty(r => r.Name, name), ct);
        }

        audit.Add(Auditing.AuditActions.RegionsImported, entityType: "Region", details: new
        {
            fileName = Path.GetFileName(fileName),
            added = added.Count,
            renamed = renamed.Count,
            skipped,
            renames = renamed.Take(100).Select(r => new { r.Code, r.Name }),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static bool BelongsTo(string code, string county) =>
        code.StartsWith(county[..6], StringComparison.Ordinal)
        || code == county[..2] + "0000000000" || code == county[..4] + "00000000";
}
