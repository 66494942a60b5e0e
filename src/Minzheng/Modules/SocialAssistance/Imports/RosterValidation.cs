using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>The valid rows of one chunk of a roster and the registered persons among them (blind index → person id).</summary>
public sealed record RosterChunk(IReadOnlyList<RosterRow> Rows, Dictionary<string, Guid> Known);

/// <summary>
/// Checks an assistance roster as it streams from the file, in chunks: each row on its own, then the chunk against the
/// database (region exists and is in scope, the person's region, death and existing enrolments). Only the per-file
/// duplicate set outlives a chunk, so memory stays that of one chunk whatever the roster's length.
/// </summary>
public sealed class RosterValidation(MinzhengDbContext db, PersonalDataProtector protector, IRegionScope scope, IConfiguration configuration)
{
    private int ChunkRows => configuration.ImportChunkRows();

    private int MaxRows => configuration.MaxImportRows();

    /// <summary>
    /// Validates the whole file, handing each chunk's valid rows to <paramref name="onChunk"/> (in file order, once the
    /// chunk is checked; a committing caller writes it, so later chunks see the persons it created). Errors are added
    /// to <paramref name="errors"/> in row order.
    /// </summary>
    /// <returns>The numbers of valid rows and of data rows in the file.</returns>
    public async Task<(int Valid, int Total)> ValidateAsync(string fileName, byte[] content, DateOnly today, ImportErrorList errors,
        Func<RosterChunk, Task>? onChunk, CancellationToken ct)
    {
        var state = new FileState();
        var (valid, total) = (0, 0);
        var start = errors.Count;
        var rows = new List<RosterRow>(ChunkRows);
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, AssistanceRoster.Headers, MaxRows, [AssistanceRoster.PaidThroughHeader]))
        {
            total++;
            if (AssistanceRoster.Validate(row, cells, today, errors) is { } parsed)
            {
                rows.Add(parsed);
            }

            if (rows.Count == ChunkRows)
            {
                valid += await CheckChunkAsync(rows, errors, start, state, onChunk, ct);
                (rows, start) = (new List<RosterRow>(ChunkRows), errors.Count);
            }
        }

        valid += await CheckChunkAsync(rows, errors, start, state, onChunk, ct);
        return (valid, total);
    }

    private async Task<int> CheckChunkAsync(List<RosterRow> rows, ImportErrorList errors, int start, FileState state, Func<RosterChunk, Task>? onChunk,
        CancellationToken ct)
    {
        var chunk = await CheckAgainstDataAsync(rows, errors, state, ct);
        // The chunk's own errors (row by row, then against the data) into row order; earlier chunks' rows all come before.
        errors.SortFrom(start);
        if (onChunk is not null && chunk.Rows.Count > 0)
        {
            await onChunk(chunk);
        }

        return chunk.Rows.Count;
    }

    private async Task<RosterChunk> CheckAgainstDataAsync(List<RosterRow> rows, ImportErrorList errors, FileState state, CancellationToken ct)
    {
        var prefix = scope.Prefix;
        await state.Regions.AddAsync(db, rows.Select(r => r.RegionCode), ct);
        // HMAC per row is the bulk of the CPU work here: spread it over the cores.
        var indexes = new string[rows.Count];
        Parallel.For(0, rows.Count, i => indexes[i] = protector.BlindIndex(rows[i].HeadId.Value, DataPurpose.IdNumber));
        var byIndex = new Dictionary<string, (Guid Id, string RegionCode, DateOnly? DeathDate)>();
        var enrolled = new HashSet<(Guid, string)>();
        var known = new Dictionary<string, Guid>();
        foreach (var lookup in indexes.Distinct().Chunk(ImportLimits.LookupChunk))
        {
            var persons = await db.Persons.AcrossRegions("an ID number belongs to one person nationwide, whichever region registered it").Where(p => lookup.Contains(p.IdNumberIndex))
                .Select(p => new { p.Id, p.IdNumberIndex, p.RegionCode, p.DeathDate }).ToListAsync(ct);
            persons.ForEach(p => byIndex[p.IdNumberIndex] = (p.Id, p.RegionCode, p.DeathDate));
            var personIds = persons.Select(p => p.Id).ToList();
            var active = await db.Enrollments.AcrossRegions("a person already enrolled elsewhere in the programme is refused")
                .Where(e => personIds.Contains(e.PersonId) && e.Status == EnrollmentStatus.Active)
                .Select(e => new { e.PersonId, e.Program }).ToListAsync(ct);
            active.ForEach(e => enrolled.Add((e.PersonId, e.Program)));
        }

        var valid = new List<RosterRow>(rows.Count);
        foreach (var (r, index) in rows.Zip(indexes))
        {
            string? problem = null;
            var column = "户主身份证号";
            var key = (DuplicateKeys.Of(index), r.Program.Code);
            if (!r.RegionCode.StartsWith(prefix, StringComparison.Ordinal))
            {
                (problem, column) = ($"区划“{r.RegionCode}”不在您的管辖范围内", "区划代码");
            }
            else if (!state.Regions.Exists(r.RegionCode))
            {
                (problem, column) = ($"区划“{r.RegionCode}”不存在", "区划代码");
            }
            else if (state.Seen.TryGetValue(key, out var first))
            {
                problem = $"身份证号 {r.HeadId.Masked} 与第{first}行重复（同一保障类别）";
            }
            else if (byIndex.TryGetValue(index, out var person) && !person.RegionCode.StartsWith(prefix, StringComparison.Ordinal))
            {
                problem = $"身份证号 {r.HeadId.Masked} 已在其他区划登记，请由该区划办理";
            }
            else if (byIndex.TryGetValue(index, out person) && person.DeathDate is { } died)
            {
                problem = $"身份证号 {r.HeadId.Masked} 已于 {died:yyyy-MM-dd} 登记死亡，不能纳入保障";
            }
            else if (byIndex.TryGetValue(index, out person) && enrolled.Contains((person.Id, r.Program.Code)))
            {
                problem = $"身份证号 {r.HeadId.Masked} 已在“{r.Program.Name}”中保障，不能重复纳入";
            }

            state.Seen.TryAdd(key, r.Row);
            if (problem is not null)
            {
                errors.Add(new ImportError(r.Row, column, $"第{r.Row}行“{column}”：{problem}"));
                continue;
            }

            valid.Add(r with { Index = index });
            if (byIndex.TryGetValue(index, out var registered))
            {
                known[index] = registered.Id;
            }
        }

        return new RosterChunk(valid, known);
    }

    /// <summary>What the checks of one file carry from chunk to chunk.</summary>
    private sealed class FileState
    {
        public ImportRegions Regions { get; } = new();

        /// <summary>(head's blind index, programme) → the first row that enrolls it.</summary>
        public Dictionary<(UInt128, string), int> Seen { get; } = [];
    }
}
