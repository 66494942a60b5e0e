using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Payments.Comparison;

/// <summary>
/// 与原系统比对 (docs/operations.md, 上线步骤 9): a payroll of the first parallel month against the old system's payment
/// list of that month, matched by ID number through the keyed hash (the old list's numbers are never stored, and shown
/// masked). Nothing is kept: the list is read, compared and forgotten; every comparison is audited like any view of a
/// payment list. Only the caller's part of the payroll takes part — the lines are read through the region filter —
/// and an old row of a region outside it is listed as such instead of being matched or called missing.
/// </summary>
public sealed class PayrollComparison(MinzhengDbContext db, PayrollQueries payrolls, RegionService regions, IRegionScope scope, PersonalDataProtector protector,
    AuditLog audit, TimeProvider clock, IConfiguration configuration)
{
    public const string AuditEntity = "PayrollComparison";

    /// <summary>Differences an answer (the page, the API) lists; the export has them all.</summary>
    public const int ShownDifferences = 2000;

    /// <summary>Rows an old list may have (<c>Payments:ComparisonMaxRows</c>): a county's month is tens of thousands.</summary>
    public int MaxRows => Math.Max(1, configuration.GetValue("Payments:ComparisonMaxRows", 200_000));

    public async Task<(Outcome Outcome, string? Message, ImportErrorList Errors, ComparisonReport? Report)> CompareAsync(Guid id, byte[] content, string fileName,
        bool export, CancellationToken ct)
    {
        var errors = new ImportErrorList(configuration.MaxImportErrors());
        if (await payrolls.GetAsync(id, ct) is not { } payroll)
        {
            return (Outcome.NotFound, "发放名册不存在或不在您的管辖范围内", errors, null);
        }

        // The part compared: the payroll's region, or the caller's when it lies inside (a township's slice of a county payroll).
        var prefix = scope.Prefix.Length > payroll.RegionCode.Length ? scope.Prefix : payroll.RegionCode;
        var names = await CountyNamesAsync(prefix, ct);
        List<OldPayment> rows;
        bool personsGiven;
        try
        {
            rows = OldPaymentList.Read(content, fileName, payroll.Program, Townships(names, prefix), names, protector, clock.Today(), MaxRows, errors, out personsGiven);
        }
        catch (TooManyImportErrorsException)
        {
            return (Outcome.Rejected, $"原系统名单错误超过{errors.Count}处，已停止检查，未比对", errors, null);
        }

        if (errors.Count > 0)
        {
            return (Outcome.Rejected, $"原系统名单有 {errors.Count} 处错误，请修正后重新上传比对", errors, null);
        }

        var ours = await OursAsync(id, ct);
        var old = rows.Where(r => r.Program == payroll.Program).GroupBy(r => r.Index)
            .Select(g => new OldEntry(g.First(), g.Count(), g.Max(r => r.Persons), g.Sum(r => r.Amount))).ToList();
        var registry = await RegistryAsync(old.Where(o => !ours.ContainsKey(o.First.Index)).Select(o => o.First.Index).ToList(), ct);
        var matcher = new ComparisonMatcher(prefix, scope.Prefix, names, personsGiven);
        var report = matcher.Match(old, ours, registry);
        var programs = new List<ProgramComparison> { new(payroll.Program, payroll.ProgramName, true, report.Old, report.Ours, report.Ours.Minus(report.Old)) };
        programs.AddRange(rows.Where(r => r.Program != payroll.Program).GroupBy(r => r.ProgramName).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProgramComparison(g.First().Program ?? "destitute", g.Key, false,
                g.GroupBy(r => r.Index).Aggregate(Figures.Zero, (f, p) => f.Plus(p.Max(r => r.Persons), p.Sum(r => r.Amount))), null, null)));
        var result = new ComparisonReport(id, payroll.Program, payroll.ProgramName, payroll.Period, payroll.RegionName, payroll.Slice?.RegionName, rows.Count,
            report.Old, report.Ours, report.Ours.Minus(report.Old), programs, report.Townships, report.Counts, report.Differences, DifferencesTruncated: false,
            OldPersonsGiven: personsGiven);
        await audit.RecordAsync(export ? AuditActions.Exported : AuditActions.RecordViewed, entityType: AuditEntity, entityId: id.ToString(),
            regionCode: prefix.PadRight(RegionCode.Length, '0'),
            details: new { kind = "payroll-comparison", rows = rows.Count, differences = result.Counts.Total }, ct: ct);
        return (Outcome.Done, null, errors, result);
    }

    /// <summary>Our payees, one per ID number: the net of their lines in this payroll, as far as the caller sees it.</summary>
    private async Task<Dictionary<string, OurPayee>> OursAsync(Guid id, CancellationToken ct)
    {
        var ours = new Dictionary<string, OurPayee>(StringComparer.Ordinal);
        var lines = db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == id)
            .Join(db.Persons, l => l.PersonId, p => p.Id, (l, p) => new { l.RegionCode, l.CoveredPersons, l.Amount, l.Kind, p.IdNumberIndex, p.Name, p.IdNumberMasked });
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            var covered = l.Kind == LineKind.Recovery ? 0 : l.CoveredPersons;
            ours[l.IdNumberIndex] = ours.TryGetValue(l.IdNumberIndex, out var p)
                ? p with { Persons = Math.Max(p.Persons, covered), Amount = p.Amount + l.Amount }
                : new OurPayee(l.Name, l.IdNumberMasked, l.RegionCode, covered, l.Amount);
        }

        return ours;
    }

    /// <summary>Where our registry has the people of old rows that name no region and are not in the payroll: to place them, or to tell they are outside.</summary>
    private async Task<Dictionary<string, string>> RegistryAsync(List<string> indexes, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in indexes.Chunk(ImportLimits.LookupChunk))
        {
            var persons = await db.Persons.AsNoTracking().AcrossRegions("an old-system row without a region is placed where the registry has its person, to tell in scope from outside")
                .Where(p => chunk.Contains(p.IdNumberIndex)).Select(p => new { p.IdNumberIndex, p.RegionCode }).ToListAsync(ct);
            foreach (var p in persons)
            {
                found.TryAdd(p.IdNumberIndex, p.RegionCode);
            }
        }

        return found;
    }

    /// <summary>Township names under the compared region's county, to their codes; a name two townships share maps to null.</summary>
    /// <summary>
    /// The townships and villages of the payroll's county by code: what an old list's rows may name, and what the report
    /// shows; a county's few thousand, not the whole (possibly national) region table.
    /// </summary>
    private async Task<Dictionary<string, string>> CountyNamesAsync(string prefix, CancellationToken ct)
    {
        var county = prefix.Length >= 6 ? prefix[..6] : prefix;
        var names = await regions.NamesWithinAsync(county, RegionLevel.Township, ct);
        foreach (var (code, name) in await regions.NamesWithinAsync(county, RegionLevel.Village, ct))
        {
            names[code] = name;
        }

        return names;
    }

    private static Dictionary<string, string?> Townships(IReadOnlyDictionary<string, string> names, string prefix)
    {
        var county = prefix.Length >= 6 ? prefix[..6] : prefix;
        var townships = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (code, name) in names.Where(n => n.Key.StartsWith(county, StringComparison.Ordinal) && n.Key.EndsWith("000", StringComparison.Ordinal)
                     && RegionCode.TryGetLevel(n.Key, out var level, out _) && level == RegionLevel.Township))
        {
            townships[name] = townships.ContainsKey(name) ? null : code;
        }

        return townships;
    }
}

/// <summary>One old payee of the compared programme: their first row, how many rows, and the totals of those rows.</summary>
internal sealed record OldEntry(OldPayment First, int Rows, int Persons, decimal Amount);

/// <summary>One payee of our payroll: masked ID number, region of their lines, covered persons, net amount.</summary>
internal sealed record OurPayee(string Name, string IdNumberMasked, string RegionCode, int Persons, decimal Amount);
