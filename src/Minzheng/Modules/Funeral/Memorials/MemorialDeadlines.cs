using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Deadlines;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>
/// Bookings not yet served on the board of the funeral staff, due on the day the family asked for (overdue after it).
/// Only the coming week: bookings months ahead (清明 is booked from winter) are the list's, not the board's.
/// </summary>
public sealed class MemorialDeadlines(MinzhengDbContext db, TimeProvider clock) : IDeadlineSource
{
    public const string KindName = "祭扫预约";

    public string Kind => KindName;

    public string? Policy => FuneralModule.Record;

    public async Task<IReadOnlyList<OpenDeadline>> OpenAsync(CancellationToken ct)
    {
        var horizon = clock.Today().AddDays(7);
        return (await db.MemorialBookings.AsNoTracking().Where(b => b.Status == MemorialStatus.Booked && b.RequestedOn <= horizon)
                .Select(b => new { b.Id, b.RegionCode, b.Kind, b.DeceasedName, b.RequestedOn, b.BookedOn }).ToListAsync(ct))
            .Select(b => new OpenDeadline(b.RegionCode, b.RequestedOn, $"{MemorialBooking.KindName(b.Kind)}：{b.DeceasedName}", $"/Memorials/Detail?id={b.Id}", b.BookedOn))
            .ToList();
    }
}
