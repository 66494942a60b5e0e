using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>A registry that takes bookings, with its schedule.</summary>
public sealed record AppointmentTimetable(string RegionCode, string Name, int DaysAhead, IReadOnlyList<AppointmentSlot> Slots,
    IReadOnlyList<AppointmentSpecialDay> SpecialDays, AppointmentSchedule Schedule);

/// <summary>A registry in the public list.</summary>
public sealed record RegistryChoice(string Code, string Name);

/// <summary>One day of a registry as offered: open or why not, and the places of each slot.</summary>
public sealed record DayOffer(string Registry, string RegistryName, DateOnly Date, bool Bookable, string? Reason, string? SpecialDay,
    IReadOnlyList<SlotOfferView> Slots);

public sealed record SlotOfferView(string Slot, string Label, int Capacity, int Remaining);

/// <summary>
/// The registries' timetables as the public sees them: which registries take bookings, their open days and free places.
/// A timetable is public information, so it is read across regions (the caller is usually anonymous).
/// </summary>
public sealed class AppointmentTimetables(MinzhengDbContext db, CalendarService calendars, TimeProvider clock)
{
    private const string Public = "a registry's booking timetable and free places are public information";

    public async Task<IReadOnlyList<RegistryChoice>> RegistriesAsync(CancellationToken ct)
    {
        var slots = db.Set<AppointmentSlot>().AcrossRegions(Public);
        return await db.Set<AppointmentRegistry>().AcrossRegions(Public).AsNoTracking()
            .Where(r => slots.Any(s => s.RegionCode == r.RegionCode)).OrderBy(r => r.RegionCode)
            .Select(r => new RegistryChoice(r.RegionCode, r.Name)).ToListAsync(ct);
    }

    /// <summary>The registry's timetable; null when it has none (no settings or no slots).</summary>
    public async Task<AppointmentTimetable?> RegistryAsync(string regionCode, CancellationToken ct)
    {
        var registry = await db.Set<AppointmentRegistry>().AcrossRegions(Public).AsNoTracking().SingleOrDefaultAsync(r => r.RegionCode == regionCode, ct);
        if (registry is null)
        {
            return null;
        }

        var slots = await db.Set<AppointmentSlot>().AcrossRegions(Public).AsNoTracking().Where(s => s.RegionCode == regionCode).OrderBy(s => s.Start).ToListAsync(ct);
        var special = await db.Set<AppointmentSpecialDay>().AcrossRegions(Public).AsNoTracking().Where(s => s.RegionCode == regionCode).OrderBy(s => s.Date)
            .ToListAsync(ct);
        if (slots.Count == 0)
        {
            return null;
        }

        var schedule = new AppointmentSchedule(await calendars.GetAsync(ct), registry.DaysAhead, slots, special.ToDictionary(s => s.Date));
        return new AppointmentTimetable(regionCode, registry.Name, registry.DaysAhead, slots, special, schedule);
    }

    public async Task<string> NameOfAsync(string regionCode, CancellationToken ct) =>
        await db.Set<AppointmentRegistry>().AcrossRegions(Public).Where(r => r.RegionCode == regionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "婚姻登记处";

    /// <summary>The slots of a day with their free places (for the citizen: whether it can be booked, and why not).</summary>
    public async Task<DayOffer> DayAsync(AppointmentTimetable registry, DateOnly date, CancellationToken ct)
    {
        var booked = await db.Set<MarriageAppointment>().AcrossRegions(Public)
            .Where(a => a.RegionCode == registry.RegionCode && a.Date == date && a.Place != null)
            .GroupBy(a => a.SlotStart).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var reason = registry.Schedule.WhyNotBookable(date, clock.Today());
        var slots = registry.Schedule.Slots(date, booked.ToDictionary(b => b.Key, b => b.Count));
        return new DayOffer(registry.RegionCode, registry.Name, date, reason is null, reason, registry.Schedule.SpecialDay(date)?.Name,
            slots.Select(s => new SlotOfferView(AppointmentInput.Text(s.Start), s.Label, s.Capacity, s.Remaining)).ToList());
    }

    public async Task<AppointmentView> ViewAsync(MarriageAppointment a, CancellationToken ct) => View(a, await NameOfAsync(a.RegionCode, ct), clock.Today());

    public static AppointmentView View(MarriageAppointment a, string registryName, DateOnly today)
    {
        var status = a.ShownStatus(today);
        return new AppointmentView(a.Id, a.Code, a.RegionCode, registryName, InputValues.Code(a.Kind), MarriageAppointment.KindName(a.Kind), a.Date,
            $"{AppointmentInput.Text(a.SlotStart)}–{AppointmentInput.Text(a.SlotEnd)}", InputValues.Code(a.Channel), MarriageAppointment.ChannelName(a.Channel),
            status, MarriageAppointment.StatusName(status), a.PartyAName, a.PartyAIdMasked, a.PartyBName, a.PartyBIdMasked, a.PhoneMasked);
    }
}
