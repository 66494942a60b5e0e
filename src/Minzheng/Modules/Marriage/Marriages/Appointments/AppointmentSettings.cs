using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages.Appointments;

public sealed record SlotSetting(string? Start, string? End, int? Capacity);

public sealed record SpecialDaySetting(string? Date, string? Name, int? ExtraCapacity);

/// <summary>A registry's booking settings as the head edits them; answered in the same shape.</summary>
public sealed record AppointmentSettingsRequest(string? Name, int? DaysAhead, List<SlotSetting>? Slots, List<SpecialDaySetting>? SpecialDays);

/// <summary>
/// The head of the registry (婚姻登记处负责人) sets the registry's booking timetable: the slots of a working day with
/// their capacity, how far ahead couples may book and the special days of each year with extra places. Bookings
/// already made keep their slot when the slots change.
/// </summary>
public sealed class AppointmentSettings(MinzhengDbContext db, IRegionScope scope)
{
    public const int MaxSlots = 24;
    public const int MaxSpecialDays = 100;

    public async Task<AppointmentSettingsRequest> GetAsync(CancellationToken ct)
    {
        var region = scope.RegionCode();
        var registry = await db.Set<AppointmentRegistry>().AsNoTracking().SingleOrDefaultAsync(r => r.RegionCode == region, ct);
        var slots = await db.Set<AppointmentSlot>().AsNoTracking().Where(s => s.RegionCode == region).OrderBy(s => s.Start).ToListAsync(ct);
        var days = await db.Set<AppointmentSpecialDay>().AsNoTracking().Where(s => s.RegionCode == region).OrderBy(s => s.Date).ToListAsync(ct);
        return new AppointmentSettingsRequest(registry?.Name, registry?.DaysAhead ?? AppointmentRegistry.DefaultDaysAhead,
            slots.Select(s => new SlotSetting(AppointmentInput.Text(s.Start), AppointmentInput.Text(s.End), s.Capacity)).ToList(),
            days.Select(d => new SpecialDaySetting(AppointmentInput.Text(d.Date), d.Name, d.ExtraCapacity)).ToList());
    }

    /// <summary>Replaces the registry's settings; field errors and nothing written when any entry is wrong.</summary>
    public async Task<FieldErrors> SaveAsync(AppointmentSettingsRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var region = scope.RegionCode();
        var name = TextRules.Field(request.Name, "name", "婚姻登记处名称", AppointmentRegistry.NameMaxLength, errors, required: true);
        if (request.DaysAhead is not (>= 1 and <= AppointmentRegistry.MaxDaysAhead))
        {
            errors.Add("daysAhead", $"可预约天数（daysAhead）应为1到{AppointmentRegistry.MaxDaysAhead}天");
        }

        var slots = Slots(request.Slots ?? [], region, errors);
        var days = SpecialDays(request.SpecialDays ?? [], region, errors);
        if (errors.Any)
        {
            return errors;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registry = await db.Set<AppointmentRegistry>().SingleOrDefaultAsync(r => r.RegionCode == region, ct);
        if (registry is null)
        {
            db.Add(registry = new AppointmentRegistry { RegionCode = region });
        }

        registry.Name = name!;
        registry.DaysAhead = request.DaysAhead!.Value;
        db.RemoveRange(await db.Set<AppointmentSlot>().Where(s => s.RegionCode == region).ToListAsync(ct));
        db.RemoveRange(await db.Set<AppointmentSpecialDay>().Where(s => s.RegionCode == region).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.AddRange(slots);
        db.AddRange(days);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return errors;
    }

    private static List<AppointmentSlot> Slots(List<SlotSetting> input, string region, FieldErrors errors)
    {
        if (input.Count is 0 or > MaxSlots)
        {
            errors.Add("slots", $"请设置1到{MaxSlots}个预约时段");
            return [];
        }

        var slots = new List<AppointmentSlot>();
        for (var i = 0; i < input.Count; i++)
        {
            var s = input[i];
            if (!Time(s?.Start, out var start) || !Time(s?.End, out var end) || end <= start)
            {
                errors.Add($"slots[{i}]", $"第{i + 1}个时段的开始、结束时间应为 HH:mm，且结束晚于开始");
            }
            else if (s!.Capacity is not (>= 1 and <= AppointmentSlot.MaxCapacity))
            {
                errors.Add($"slots[{i}].capacity", $"第{i + 1}个时段的可预约对数应为1到{AppointmentSlot.MaxCapacity}");
            }
            else if (slots.Any(o => o.Start < end && start < o.End))
            {
                errors.Add($"slots[{i}]", $"第{i + 1}个时段与其他时段重叠");
            }
            else
            {
                slots.Add(new AppointmentSlot { RegionCode = region, Start = start, End = end, Capacity = s.Capacity.Value });
            }
        }

        return slots;
    }

    private static List<AppointmentSpecialDay> SpecialDays(List<SpecialDaySetting> input, string region, FieldErrors errors)
    {
        if (input.Count > MaxSpecialDays)
        {
            errors.Add("specialDays", $"特殊日期最多{MaxSpecialDays}个");
            return [];
        }

        var days = new List<AppointmentSpecialDay>();
        for (var i = 0; i < input.Count; i++)
        {
            var d = input[i];
            var name = TextRules.Field(d?.Name, $"specialDays[{i}].name", $"第{i + 1}个特殊日期的名称", AppointmentSpecialDay.NameMaxLength, errors, required: true);
            if (!InputValues.TryParseDate(d?.Date?.Trim(), out var date) || !InputValues.IsSaneDate(date))
            {
                errors.Add($"specialDays[{i}].date", $"第{i + 1}个特殊日期应为有效日期 YYYY-MM-DD");
            }
            else if (d!.ExtraCapacity is not (>= 0 and <= AppointmentSlot.MaxCapacity))
            {
                errors.Add($"specialDays[{i}].extraCapacity", $"第{i + 1}个特殊日期每个时段增加的对数应为0到{AppointmentSlot.MaxCapacity}");
            }
            else if (days.Any(o => o.Date == date))
            {
                errors.Add($"specialDays[{i}].date", $"特殊日期 {AppointmentInput.Text(date)} 重复");
            }
            else if (name is not null)
            {
                days.Add(new AppointmentSpecialDay { RegionCode = region, Date = date, Name = name, ExtraCapacity = d.ExtraCapacity.Value });
            }
        }

        return days;
    }

    private static bool Time(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
