using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

/// <summary>A registry's booking settings: its name as citizens see it and how many days ahead it takes bookings.</summary>
public sealed class AppointmentRegistry : AuditableEntity, IRegionScoped
{
    public const int DefaultDaysAhead = 30;
    public const int MaxDaysAhead = 90;
    public const int NameMaxLength = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The registry's 12-digit region code; one booking configuration per registry.</summary>
    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";
    public int DaysAhead { get; set; } = DefaultDaysAhead;
}

/// <summary>A time slot of a normal working day with its capacity (couples per slot).</summary>
public sealed class AppointmentSlot : AuditableEntity, IRegionScoped
{
    public const int MaxCapacity = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public int Capacity { get; set; }
}

/// <summary>
/// A special day (5月20日, 七夕 — a lunar date, so entered per year): open even on a weekend or holiday, every slot with
/// extra places.
/// </summary>
public sealed class AppointmentSpecialDay : AuditableEntity, IRegionScoped
{
    public const int NameMaxLength = 20;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string RegionCode { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    public int ExtraCapacity { get; set; }
}

/// <summary>A slot as offered on one day: its places that day and how many are free.</summary>
public sealed record SlotOffer(TimeOnly Start, TimeOnly End, int Capacity, int Booked)
{
    public int Remaining => Math.Max(0, Capacity - Booked);

    public string Label => $"{Start:HH\\:mm}–{End:HH\\:mm}";
}

/// <summary>
/// Which days a registry takes bookings and how many places each slot has, without a database: a special day is open
/// (it overrides the calendar, as registries open on a 5·20 weekend); otherwise a rest day of the working-day calendar
/// (weekend not listed as 调休 workday, or a listed holiday) is closed. Bookings run from tomorrow to
/// <see cref="AppointmentRegistry.DaysAhead"/> days ahead: no same-day booking.
/// </summary>
public sealed class AppointmentSchedule(WorkingCalendar calendar, int daysAhead, IReadOnlyList<AppointmentSlot> slots,
    IReadOnlyDictionary<DateOnly, AppointmentSpecialDay> specialDays)
{
    public DateOnly FirstBookableDay(DateOnly today) => today.AddDays(1);

    public DateOnly LastBookableDay(DateOnly today) => today.AddDays(daysAhead);

    public AppointmentSpecialDay? SpecialDay(DateOnly day) => specialDays.GetValueOrDefault(day);

    /// <summary>Whether the registry receives couples that day at all (also for past days and today, for the daily list).</summary>
    public bool IsOpen(DateOnly day) => slots.Count > 0 && (specialDays.ContainsKey(day) || calendar.IsWorkingDay(day));

    /// <summary>Why a day cannot be booked today, or null when it can.</summary>
    public string? WhyNotBookable(DateOnly day, DateOnly today)
    {
        if (day <= today)
        {
            return day == today ? "不能预约当天，请预约明天及以后的日期" : "不能预约已过去的日期";
        }

        if (day > LastBookableDay(today))
        {
            return $"只能预约{daysAhead}天以内的日期（至{LastBookableDay(today):yyyy-MM-dd}）";
        }

        return IsOpen(day) ? null : $"{day:yyyy-MM-dd}为休息日，婚姻登记处不办公";
    }

    /// <summary>The open days a citizen may choose today.</summary>
    public IEnumerable<DateOnly> BookableDays(DateOnly today)
    {
        for (var day = FirstBookableDay(today); day <= LastBookableDay(today); day = day.AddDays(1))
        {
            if (IsOpen(day))
            {
                yield return day;
            }
        }
    }

    /// <summary>The places of each slot that day: the slot's capacity, plus the special day's extra places.</summary>
    public IReadOnlyList<SlotOffer> Slots(DateOnly day, IReadOnlyDictionary<TimeOnly, int> booked)
    {
        if (!IsOpen(day))
        {
            return [];
        }

        var extra = specialDays.GetValueOrDefault(day)?.ExtraCapacity ?? 0;
        return slots.OrderBy(s => s.Start).Select(s => new SlotOffer(s.Start, s.End, s.Capacity + extra, booked.GetValueOrDefault(s.Start))).ToList();
    }

    public AppointmentSlot? SlotAt(TimeOnly start) => slots.FirstOrDefault(s => s.Start == start);
}

internal sealed class AppointmentScheduleConfiguration : IEntityTypeConfiguration<AppointmentRegistry>, IEntityTypeConfiguration<AppointmentSlot>,
    IEntityTypeConfiguration<AppointmentSpecialDay>
{
    public void Configure(EntityTypeBuilder<AppointmentRegistry> b)
    {
        b.ToTable("MarriageAppointmentRegistries");
        b.Property(x => x.Name).HasMaxLength(AppointmentRegistry.NameMaxLength);
        b.HasIndex(x => x.RegionCode).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AppointmentSlot> b)
    {
        b.ToTable("MarriageAppointmentSlots");
        b.HasIndex(x => new { x.RegionCode, x.Start }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AppointmentSpecialDay> b)
    {
        b.ToTable("MarriageAppointmentSpecialDays");
        b.Property(x => x.Name).HasMaxLength(AppointmentSpecialDay.NameMaxLength);
        b.HasIndex(x => new { x.RegionCode, x.Date }).IsUnique();
    }
}
