using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Minzheng.Platform.Data;

namespace Minzheng.Platform.Calendar;

/// <summary>Loads the <see cref="WorkingCalendar"/> from the database (cached) and replaces a year's data.</summary>
public sealed class CalendarService(MinzhengDbContext db, IMemoryCache cache, Auditing.AuditLog audit)
{
    private const string CacheKey = "working-calendar";

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
            var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(ct);
            return new WorkingCalendar(
                days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet(),
                days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date).ToHashSet(),
                years.ToHashSet());
        }))!;

    /// <summary>Replaces one year's holidays and make-up workdays in a single transaction.</summary>
    public async Task SetYearAsync(int year, IReadOnlyCollection<DateOnly> holidays, IReadOnlyCollection<DateOnly> workdays, string source, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CalendarDays.Where(d => d.Year == year).ExecuteDeleteAsync(ct);
        var entry = await db.CalendarYears.FindAsync([year], ct);
        if (entry is null)
        {
            db.CalendarYears.Add(new CalendarYear { Year = year, Source = source });
        }
        else
        {
            entry.Source = source;
        }

        db.CalendarDays.AddRange(ToDays(year, holidays, workdays));
        // The bulk delete above bypasses change tracking, so the replacement is audited as one explicit entry.
        audit.Add(Auditing.AuditActions.CalendarSet, entityType: nameof(CalendarYear), entityId: year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            details: new { source, holidays = holidays.Order(), workdays = workdays.Order() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Remove(CacheKey);
    }

    public async Task<CalendarYearDto> GetYearAsync(int year, CancellationToken ct)
    {
        var entry = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(ct);
        return new CalendarYearDto(year, entry is not null, entry?.Source,
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToList(),
            days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date).ToList());
    }

    public static IEnumerable<CalendarDay> ToDays(int year, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays) =>
        holidays.Distinct().Select(d => new CalendarDay { Date = d, Year = year, Kind = CalendarDayKind.Holiday })
            .Concat(workdays.Distinct().Select(d => new CalendarDay { Date = d, Year = year, Kind = CalendarDayKind.Workday }));
}

public sealed record CalendarYearDto(int Year, bool Confirmed, string? Source, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays);
