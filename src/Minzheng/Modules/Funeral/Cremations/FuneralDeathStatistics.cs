using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>
/// Deaths, 火化率 and 入公墓率 of a period, in total, by township (every township of the region) and by month. POLICY §9 does not define the rates, so
/// they follow the words: 火化率 = cremations ÷ deaths, 入公墓率 = burials in 公益性 cemeteries ÷ cremations,
/// as percentages with 2 decimals; null (shown "—") when the divisor is 0.
/// </summary>
public sealed record DeathFigures(int Deaths, int DeathsFromCremations, int DeathsFromListsOnly, int Cremations, int AgriculturalCremations,
    decimal? CremationRate, int PublicBurials, decimal? PublicBurialRate, IReadOnlyList<DeathCell> Townships, IReadOnlyList<DeathCell> Months);

/// <summary>One township (12-digit code, village digits 0) or one month ("yyyy-MM") of <see cref="DeathFigures"/>.</summary>
public sealed record DeathCell(string Key, int Deaths, int Cremations, int AgriculturalCremations, decimal? CremationRate, int PublicBurials,
    decimal? PublicBurialRate);

/// <summary>
/// Counts deaths from the cremation register and from social assistance's death lists, a person on both once (matched on the
/// ID number's blind index; the cremation's region and death date win). Deaths count by death date, cremations by cremation
/// date, burials by burial date — the way bureaus add up a year.
/// </summary>
public sealed class FuneralDeathStatistics(MinzhengDbContext db, IDeathListRecords deathLists, RegionService regions)
{
    public async Task<DeathFigures> FiguresAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cremated = await db.Cremations.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix)
                && ((c.DeathDate >= from && c.DeathDate <= to) || (c.CremationDate >= from && c.CremationDate <= to)))
            .Select(c => new { c.IdNumberIndex, c.RegionCode, c.DeathDate, c.CremationDate, c.Agricultural }).ToListAsync(ct);
        var cremationDeaths = cremated.Where(c => c.DeathDate >= from && c.DeathDate <= to).ToList();
        var known = cremated.Select(c => c.IdNumberIndex).ToHashSet(StringComparer.Ordinal);
        // A person cremated in the region is the cremation's death even if a list dates or places it differently.
        var listed = (await deathLists.DeathsAsync(prefix, from, to, ct)).Where(d => !known.Contains(d.IdNumberIndex)).ToList();
        var deaths = cremationDeaths.Select(c => (c.RegionCode, Date: c.DeathDate)).Concat(listed.Select(d => (d.RegionCode, Date: d.DeathDate))).ToList();
        var cremations = cremated.Where(c => c.CremationDate >= from && c.CremationDate <= to).ToList();

        var publicCemeteries = db.FuneralFacilities.Where(f => f.Kind == FacilityKind.UrbanPublicCemetery || f.Kind == FacilityKind.RuralPublicCemetery)
            .Select(f => f.Id);
        var publicPlots = db.FuneralPlots.Where(p => publicCemeteries.Contains(p.FacilityId)).Select(p => p.Id);
        var burials = await db.FuneralBurials.AsNoTracking()
            .Where(b => b.RegionCode.StartsWith(prefix) && b.BuriedOn >= from && b.BuriedOn <= to && publicPlots.Contains(b.PlotId))
            .Select(b => new { b.RegionCode, b.BuriedOn }).ToListAsync(ct);

        DeathCell Cell(string key, Func<string, DateOnly, bool> within) => NewCell(key, deaths.Count(d => within(d.RegionCode, d.Date)),
            cremations.Count(c => within(c.RegionCode, c.CremationDate)), cremations.Count(c => c.Agricultural && within(c.RegionCode, c.CremationDate)),
            burials.Count(b => within(b.RegionCode, b.BuriedOn)));

        // Every township of the region has its row, one without a record too (0 deaths, no rate): a missing row reads as forgotten.
        IEnumerable<string> allTownships = prefix.Length <= 9 ? (await regions.NamesWithinAsync(prefix, RegionLevel.Township, ct)).Keys : [];
        var townships = deaths.Select(d => Township(d.RegionCode)).Concat(cremations.Select(c => Township(c.RegionCode)))
            .Concat(burials.Select(b => Township(b.RegionCode))).Concat(allTownships).Distinct().Order(StringComparer.Ordinal)
            .Select(t => Cell(t, (region, _) => Township(region) == t)).ToList();
        var months = deaths.Select(d => Month(d.Date)).Concat(cremations.Select(c => Month(c.CremationDate))).Concat(burials.Select(b => Month(b.BuriedOn)))
            .Distinct().Order(StringComparer.Ordinal).Select(m => Cell(m, (_, day) => Month(day) == m)).ToList();
        var total = NewCell(prefix, deaths.Count, cremations.Count, cremations.Count(c => c.Agricultural), burials.Count);
        return new DeathFigures(total.Deaths, cremationDeaths.Count, listed.Count, total.Cremations, total.AgriculturalCremations, total.CremationRate,
            total.PublicBurials, total.PublicBurialRate, townships, months);
    }

    /// <summary>numerator ÷ divisor as a percentage rounded half away from zero to 2 decimals; null when there is nothing to divide by.</summary>
    public static decimal? Rate(int numerator, int divisor) =>
        divisor == 0 ? null : Math.Round(100m * numerator / divisor, 2, MidpointRounding.AwayFromZero);

    /// <summary>A rate as the tables print it: "98.50%", or "—" when it is undefined.</summary>
    public static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    private static DeathCell NewCell(string key, int deaths, int cremations, int agricultural, int burials) =>
        new(key, deaths, cremations, agricultural, Rate(cremations, deaths), burials, Rate(burials, cremations));

    private static string Township(string region) => region[..9].PadRight(RegionCode.Length, '0');

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>The model of the statistics page's by-township and by-month tables of deaths, cremations and burials.</summary>
public sealed record DeathRatesTable(string Title, string KeyHeader, string TestId, IReadOnlyList<DeathCell> Cells, DeathFigures Total, bool ByTownship);
