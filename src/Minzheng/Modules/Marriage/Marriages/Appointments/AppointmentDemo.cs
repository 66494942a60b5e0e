using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>
/// Demo bookings of the county registry of 共青城市, made through the module's own services: the timetable (slots of a
/// working day, 5·20 and 七夕 of 2026 and 2027), and bookings over the past ten days and the next two weeks in every
/// state — done, not attended, cancelled, checked in today, booked ahead. A past day is booked with the clock of the
/// day before it, as the couple did then. Idempotent: nothing is added once the registry has settings.
/// </summary>
public sealed class AppointmentDemo(MinzhengDbContext db, PersonalDataProtector protector, CalendarService calendars, TimeProvider clock, AuditLog audit,
    ILogger<AppointmentDemo> log)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱"];
    private static readonly string[] Given = ["伟", "芳", "强", "娜", "磊", "敏", "军", "静", "杰", "丽", "涛", "婷", "浩然", "佳怡"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<AppointmentRegistry>().AnyAsync(ct))
        {
            return;
        }

        var scope = new FixedRegionScope(DemoSeeder.CountyCode[..6]);
        var errors = await new AppointmentSettings(db, scope).SaveAsync(new AppointmentSettingsRequest("共青城市婚姻登记处", AppointmentRegistry.DefaultDaysAhead,
            [new("09:00", "10:00", 4), new("10:00", "11:00", 4), new("11:00", "12:00", 3), new("14:30", "15:30", 4), new("15:30", "16:30", 3)],
            [new("2026-05-20", "5月20日", 4), new("2026-08-19", "七夕", 4), new("2027-05-20", "5月20日", 4), new("2027-08-08", "七夕", 4)]), ct);
        if (errors.Any)
        {
            throw new InvalidOperationException("Demo appointment settings refused: " + string.Join("; ", errors.Messages));
        }

        var random = new Random(20260819);
        var today = clock.Today();
        var made = 0;
        for (var offset = -10; offset <= 14; offset++)
        {
            var day = today.AddDays(offset);
            // Booked the day before (the booking window starts tomorrow), on a clock of that day.
            var then = new ShiftedClock(clock, offset - 1);
            var timetables = new AppointmentTimetables(db, calendars, then);
            var booking = new AppointmentBooking(db, scope, protector, timetables, then);
            var registry = await timetables.RegistryAsync(DemoSeeder.CountyCode, ct);
            if (registry is null || !registry.Schedule.IsOpen(day))
            {
                continue;
            }

            for (var i = 0; i < random.Next(1, 4); i++)
            {
                var slot = registry.Slots[random.Next(registry.Slots.Count)];
                var kind = (AppointmentKind)(random.Next(10) switch { < 6 => 0, < 8 => 1, 8 => 2, _ => 3 });
                var request = new AppointmentRequest(DemoSeeder.CountyCode, InputKind(kind), Text(day), slot.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
                    [new(Name(random), Id(random, true)), new(Name(random), Id(random, false))], "13" + random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
                    random.Next(3) == 0 ? "phone" : null);
                var result = request.Channel is null ? await booking.BookOnlineAsync(request, ct) : await booking.BookForCoupleAsync(request, ct);
                if (result.Value is not { } view)
                {
                    log.LogDebug("Demo booking refused: {Reason}", result.Message);
                    continue;
                }

                made++;
                await FollowUpAsync(scope, view.Id, offset, random.Next(10), ct);
            }
        }

        log.LogInformation("Demo marriage appointments seeded ({Count} bookings)", made);
    }

    /// <summary>What became of a booking: past ones mostly done, some not attended or cancelled; today's partly checked in; future ones partly cancelled.</summary>
    private async Task FollowUpAsync(IRegionScope scope, Guid id, int offset, int dice, CancellationToken ct)
    {
        var onTheDay = new ShiftedClock(clock, Math.Min(offset, 0));
        var desk = new AppointmentDesk(db, scope, protector, new AppointmentTimetables(db, calendars, onTheDay), audit, onTheDay);
        // Past days: half done, three in ten not attended, the rest cancelled beforehand. Today: some checked in, some done. Ahead: one in ten cancelled.
        var (checkIn, complete, cancel) = offset switch
        {
            < 0 => (dice < 5, dice < 5, dice >= 8),
            0 => (dice < 4, dice < 2, dice == 9),
            _ => (false, false, dice == 0),
        };
        if (cancel)
        {
            await desk.CancelByStaffAsync(id, ct);
        }

        if (checkIn)
        {
            await desk.CheckInAsync(id, ct);
        }

        if (complete)
        {
            await desk.CompleteAsync(id, ct);
        }

        db.ChangeTracker.Clear();
    }

    private static string InputKind(AppointmentKind kind) => Platform.Web.InputValues.Code(kind);

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    /// <summary>A valid ID number of the demo county, of age for any kind of registration.</summary>
    private static string Id(Random random, bool male)
    {
        var birth = new DateOnly(1980 + random.Next(0, 18), random.Next(1, 13), random.Next(1, 29));
        var sequence = (random.Next(0, 499) * 2) + (male ? 1 : 2);
        var first17 = "360482" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>The installation's clock moved by whole days, to act on a past day as the registry did then.</summary>
    private sealed class ShiftedClock(TimeProvider clock, int days) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow().AddDays(days);
    }
}
