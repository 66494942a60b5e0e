using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary><c>GET /api/v1/funeral/statistics</c>: figures by cremation date within [from, to] for a region subtree.</summary>
public sealed record FuneralStatistics(string Region, DateOnly From, DateOnly To, int Cremations, int AgriculturalCremations, int EnrolledDeceased,
    int FindingsOpened, int WaiverCases, decimal WaiverAmount, IReadOnlyList<FuneralMonth> Months, int Plots = 0, int PlotsSold = 0, int Burials = 0,
    int IllegalBurialsFound = 0, int IllegalBurialsRectified = 0, int IllegalBurialsPenalised = 0, decimal PenaltyAmount = 0m, GraveFigures? Graves = null,
    MemorialFigures? Memorials = null, ReclaimFigures? Reclaims = null, DeathFigures? Deaths = null);

/// <summary>
/// 墓穴到期收回: 催告 notices issued (by notice date) and plots reclaimed (by reclaim date) in the period, with the remains moved,
/// by township and month (the township is the cemetery's: the first 9 digits of the plot's region).
/// </summary>
public sealed record ReclaimFigures(int Noticed, int Reclaimed, int RemainsMoved, IReadOnlyList<ReclaimCell> Cells);

public sealed record ReclaimCell(string Township, string Month, int Noticed, int Reclaimed);

/// <summary>云祭扫 and 代祭扫: bookings taken (by booking date) and services delivered (by service date) in the period, by kind and month.</summary>
public sealed record MemorialFigures(int Booked, int CloudBooked, int ProxyBooked, int Delivered, int CloudDelivered, int ProxyDelivered, IReadOnlyList<MemorialMonth> Months);

public sealed record MemorialMonth(string Month, int CloudBooked, int ProxyBooked, int CloudDelivered, int ProxyDelivered);

/// <summary>
/// Old graves and information officers: graves registered, 墓穴证 issued for them, relocated (of which into a public
/// cemetery plot) and levelled in the period; officers serving on its last day; subsidy paid in the period.
/// </summary>
public sealed record GraveFigures(int GravesRegistered, int GraveCertificates, int GravesRelocated, int GravesIntoCemeteries, int GravesRemoved,
    int GravesOnRecord, int Officers, int SubsidyPaidRows, decimal SubsidyPaid);

/// <summary>One month of the waiver ledger: cremations, waived cases and the amount to claim from finance.</summary>
public sealed record FuneralMonth(string Month, int Cremations, int WaiverCases, decimal WaiverAmount);

/// <summary>The list filter of the cremation register (URL parameters of the page and the API).</summary>
public sealed record CremationFilter(string? Name = null, string? Region = null, string? From = null, string? To = null, string? FuneralHome = null,
    bool? Waived = null);

/// <summary>A row of the cremation register; ID number masked, never the contact phone.</summary>
public sealed record CremationRow(Guid Id, string Name, string IdNumberMasked, string Gender, DateOnly DeathDate, DateOnly CremationDate, string FuneralHome,
    string RegionCode, string ResidentStatus, string ResidentStatusName, decimal WaiverAmount, int FindingsOpened);

/// <summary>Lists, the record and the figures of the cremation register, within the caller's region (the query filter).</summary>
public sealed class FuneralQueries(MinzhengDbContext db, Minzheng.Platform.Statistics.PeriodStatistics period, FuneralDeathStatistics deaths)
{
    private static readonly SortMap<Cremation> Sort = new SortMap<Cremation>("cremated", q => q.ThenByDescending(c => c.Id))
        .Add("cremated", c => c.CremationDate).Add("died", c => c.DeathDate).Add("name", c => c.Name).Add("region", c => c.RegionCode)
        .Add("home", c => c.FuneralHome).Add("waiver", c => c.WaiverAmount);

    public async Task<Paged<CremationRow>> PageAsync(CremationFilter filter, PageRequest page, CancellationToken ct)
    {
        var q = db.Cremations.AsNoTracking();
        if (filter.Name?.Trim() is { Length: > 0 } name)
        {
            q = q.Where(c => c.Name.Contains(name));
        }

        if (RegionCode.ToScopePrefix(filter.Region) is { } prefix)
        {
            q = q.Where(c => c.RegionCode.StartsWith(prefix));
        }

        if (InputValues.TryParseDate(filter.From, out var from))
        {
            q = q.Where(c => c.CremationDate >= from);
        }

        if (InputValues.TryParseDate(filter.To, out var to))
        {
            q = q.Where(c => c.CremationDate <= to);
        }

        if (filter.FuneralHome?.Trim() is { Length: > 0 } home)
        {
            q = q.Where(c => c.FuneralHome.Contains(home));
        }

        if (filter.Waived is { } waived)
        {
            q = waived ? q.Where(c => c.WaiverAmount > 0) : q.Where(c => c.WaiverAmount == 0);
        }

        return (await q.PageAsync(page, Sort, ct)).Map(Row);
    }

    public static CremationRow Row(Cremation c) => new(c.Id, c.Name, c.IdNumberMasked, c.Gender.ChineseName(), c.DeathDate,
        c.CremationDate, c.FuneralHome, c.RegionCode, c.ResidentStatus, FeeWaiverRules.StatusName(c.ResidentStatus), c.WaiverAmount, c.FindingsOpened);

    public Task<Cremation?> GetAsync(Guid id, CancellationToken ct) => db.Cremations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The waived items of a cremation in the order of the basic services (接运, 暂存, 火化, 寄存).</summary>
    public async Task<List<FeeWaiverLine>> WaiverLinesAsync(Guid id, CancellationToken ct) =>
        [.. (await db.FeeWaiverLines.AsNoTracking().Where(l => l.CremationId == id).ToListAsync(ct))
            .OrderBy(l => FeeWaiverRules.Items.Select(i => i.Code).ToList().IndexOf(l.Item))];

    /// <summary>
    /// The figures of a region (12 digits or a significant prefix; the caller's own subtree when empty) by cremation date
    /// within [from, to]. A region outside the caller's subtree, or unknown, is not found.
    /// </summary>
    public Task<(Outcome Outcome, FuneralStatistics? Value, FieldErrors Errors)> StatisticsAsync(string? region, string? from, string? to, CancellationToken ct) =>
        period.ComputeAsync(region, from, to, (prefix, start, end) => FiguresAsync(prefix, start, end, ct), ct);

    /// <summary>The figures of a region prefix by cremation date within [from, to] (the region filter applies too).</summary>
    public async Task<FuneralStatistics> FiguresAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // A county's cremations of a period are a few thousand rows at most: counted in memory, by month too.
        var rows = await db.Cremations.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.CremationDate >= from && c.CremationDate <= to)
            .Select(c => new { c.CremationDate, c.Agricultural, c.WaiverAmount, c.FindingsOpened, Enrolled = c.AssistancePrograms != "" }).ToListAsync(ct);
        var months = rows.GroupBy(r => r.CremationDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key)
            .Select(g => new FuneralMonth(g.Key, g.Count(), g.Count(r => r.WaiverAmount > 0), g.Sum(r => r.WaiverAmount))).ToList();

        // Plots: all laid out in the region's cemeteries, sold and buried (burials dated) in the period.
        var plots = db.FuneralPlots.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix));
        var plotCount = await plots.CountAsync(ct);
        var sold = await plots.CountAsync(p => p.SoldOn >= from && p.SoldOn <= to, ct);
        var burials = await db.FuneralBurials.AsNoTracking().CountAsync(b => b.RegionCode.StartsWith(prefix) && b.BuriedOn >= from && b.BuriedOn <= to, ct);

        // Illegal burials: found in the period; closed in the period as rectified (整改 or 迁移) or penalised (households and fines).
        var cases = await db.IllegalBurialCases.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(prefix) && ((c.FoundOn >= from && c.FoundOn <= to) || (c.ClosedOn >= from && c.ClosedOn <= to)))
            .Select(c => new { c.FoundOn, c.ClosedOn, c.Status, c.PenaltyAmount }).ToListAsync(ct);
        var closed = cases.Where(c => c.ClosedOn >= from && c.ClosedOn <= to).ToList();
        var penalised = closed.Where(c => c.Status == IllegalBurials.IllegalBurialStatus.Penalised).ToList();
        return new FuneralStatistics(prefix, from, to, rows.Count, rows.Count(r => r.Agricultural), rows.Count(r => r.Enrolled), rows.Sum(r => r.FindingsOpened),
            rows.Count(r => r.WaiverAmount > 0), rows.Sum(r => r.WaiverAmount), months, plotCount, sold, burials,
            cases.Count(c => c.FoundOn >= from && c.FoundOn <= to),
            closed.Count(c => c.Status is IllegalBurials.IllegalBurialStatus.Rectified or IllegalBurials.IllegalBurialStatus.Relocated),
            penalised.Count, penalised.Sum(c => c.PenaltyAmount ?? 0m), await GraveFiguresAsync(prefix, from, to, ct), await MemorialFiguresAsync(prefix, from, to, ct),
            await ReclaimFiguresAsync(prefix, from, to, ct), await deaths.FiguresAsync(prefix, from, to, ct));
    }

    private async Task<ReclaimFigures> ReclaimFiguresAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.FuneralPlotReclaims.AsNoTracking()
            .Where(n => n.RegionCode.StartsWith(prefix) && ((n.NoticedOn >= from && n.NoticedOn <= to)
                || (n.Status == Plots.ReclaimStatus.Reclaimed && n.ClosedOn >= from && n.ClosedOn <= to)))
            .Select(n => new { n.RegionCode, n.NoticedOn, n.Status, n.ClosedOn, n.RemainsMoved }).ToListAsync(ct);
        static string Township(string region) => region[..9].PadRight(RegionCode.Length, '0');
        static string M(DateOnly d) => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var noticed = rows.Where(n => n.NoticedOn >= from && n.NoticedOn <= to).Select(n => (Township: Township(n.RegionCode), Month: M(n.NoticedOn))).ToList();
        var reclaimed = rows.Where(n => n.Status == Plots.ReclaimStatus.Reclaimed && n.ClosedOn >= from && n.ClosedOn <= to)
            .Select(n => (Township: Township(n.RegionCode), Month: M(n.ClosedOn!.Value), n.RemainsMoved)).ToList();
        var cells = noticed.Select(n => (n.Township, n.Month)).Concat(reclaimed.Select(r => (r.Township, r.Month))).Distinct()
            .OrderBy(k => k.Township, StringComparer.Ordinal).ThenBy(k => k.Month, StringComparer.Ordinal)
            .Select(k => new ReclaimCell(k.Township, k.Month, noticed.Count(n => n == k), reclaimed.Count(r => (r.Township, r.Month) == k))).ToList();
        return new ReclaimFigures(noticed.Count, reclaimed.Count, reclaimed.Sum(r => r.RemainsMoved), cells);
    }

    private async Task<MemorialFigures> MemorialFiguresAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.MemorialBookings.AsNoTracking()
            .Where(b => b.RegionCode.StartsWith(prefix) && ((b.BookedOn >= from && b.BookedOn <= to) || (b.DeliveredOn >= from && b.DeliveredOn <= to)))
            .Select(b => new { b.Kind, b.BookedOn, b.DeliveredOn }).ToListAsync(ct);
        var booked = rows.Where(b => b.BookedOn >= from && b.BookedOn <= to).Select(b => (b.Kind, Month: b.BookedOn)).ToList();
        var delivered = rows.Where(b => b.DeliveredOn >= from && b.DeliveredOn <= to).Select(b => (b.Kind, Month: b.DeliveredOn!.Value)).ToList();
        static string M(DateOnly d) => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var months = booked.Select(b => M(b.Month)).Concat(delivered.Select(d => M(d.Month))).Distinct().Order(StringComparer.Ordinal)
            .Select(m => new MemorialMonth(m, booked.Count(b => M(b.Month) == m && b.Kind == Memorials.MemorialKind.Cloud),
                booked.Count(b => M(b.Month) == m && b.Kind == Memorials.MemorialKind.Proxy),
                delivered.Count(d => M(d.Month) == m && d.Kind == Memorials.MemorialKind.Cloud), delivered.Count(d => M(d.Month) == m && d.Kind == Memorials.MemorialKind.Proxy)))
            .ToList();
        return new MemorialFigures(booked.Count, booked.Count(b => b.Kind == Memorials.MemorialKind.Cloud), booked.Count(b => b.Kind == Memorials.MemorialKind.Proxy),
            delivered.Count, delivered.Count(d => d.Kind == Memorials.MemorialKind.Cloud), delivered.Count(d => d.Kind == Memorials.MemorialKind.Proxy), months);
    }

    private async Task<GraveFigures> GraveFiguresAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var graves = db.ExistingGraves.AsNoTracking().Where(g => g.RegionCode.StartsWith(prefix));
        var registered = await graves.CountAsync(g => g.RegisteredOn >= from && g.RegisteredOn <= to, ct);
        var certificates = await graves.CountAsync(g => g.CertificateIssuedOn >= from && g.CertificateIssuedOn <= to && g.CertificateNumber != null, ct);
        var closed = await graves.Where(g => g.ClosedOn >= from && g.ClosedOn <= to).Select(g => new { g.Status, g.BurialId }).ToListAsync(ct);
        var onRecord = await graves.CountAsync(g => g.Status == ExistingGraves.GraveStatus.Registered && g.RegisteredOn <= to, ct);
        var officers = await db.InformationOfficers.AsNoTracking()
            .CountAsync(o => o.RegionCode.StartsWith(prefix) && o.AppointedOn <= to && (o.EndedOn == null || o.EndedOn >= to), ct);
        var paid = await db.OfficerSubsidyLines.AsNoTracking().Where(l => l.RegionCode.StartsWith(prefix) && l.PaidOn >= from && l.PaidOn <= to)
            .Select(l => l.Amount).ToListAsync(ct);
        var relocated = closed.Where(g => g.Status == ExistingGraves.GraveStatus.Relocated).ToList();
        return new GraveFigures(registered, certificates, relocated.Count, relocated.Count(g => g.BurialId is not null),
            closed.Count(g => g.Status == ExistingGraves.GraveStatus.Removed), onRecord, officers, paid.Count, paid.Sum());
    }
}
