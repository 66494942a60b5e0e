using System.Text.RegularExpressions;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Memorials;

/// <summary>One busy period (清明, 冬至, 中元) when a facility takes at most <see cref="MemorialOptions.DailyCap"/> bookings a day.</summary>
public sealed class BusyPeriod
{
    public string Name { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
}

/// <summary>
/// <c>Funeral:Memorial</c>: the busy periods of the sweeping seasons and the cap per facility and day within them. 清明 and
/// 冬至 follow the solar terms and 中元 the lunar calendar, so the dates move each year: the bureau sets them with the
/// year's holiday notice. The defaults are 2026 and 2027 as published (清明 holiday, 中元 七月十五, 冬至).
/// </summary>
public sealed class MemorialOptions
{
    public const string Section = "Funeral:Memorial";

    /// <summary>Bookings a facility can serve a day in a busy period (staff on duty, live-video slots).</summary>
    public int DailyCap { get; set; } = 30;

    public List<BusyPeriod> BusyPeriods { get; set; } = [];

    public static IReadOnlyList<BusyPeriod> Defaults { get; } =
    [
        new() { Name = "清明", From = new(2026, 4, 1), To = new(2026, 4, 6) },
        new() { Name = "中元", From = new(2026, 8, 26), To = new(2026, 8, 28) },
        new() { Name = "冬至", From = new(2026, 12, 20), To = new(2026, 12, 23) },
        new() { Name = "清明", From = new(2027, 4, 1), To = new(2027, 4, 6) },
        new() { Name = "中元", From = new(2027, 8, 15), To = new(2027, 8, 17) },
        new() { Name = "冬至", From = new(2027, 12, 20), To = new(2027, 12, 23) },
    ];

    public bool IsValid => DailyCap is > 0 and <= 10_000 && BusyPeriods.All(p => p.From <= p.To && p.Name.Length is > 0 and <= 20);

    /// <summary>The busy period a day falls in, if any (the configured list, or the defaults when none is configured).</summary>
    public BusyPeriod? PeriodOf(DateOnly day) => (BusyPeriods.Count > 0 ? BusyPeriods : Defaults).FirstOrDefault(p => day >= p.From && day <= p.To);
}

/// <summary>The fixed vocabulary and the input rules of a booking.</summary>
public static partial class MemorialRules
{
    public const string Sweep = "sweep";
    public const string Flowers = "flowers";
    public const string ReadMessage = "read-message";

    /// <summary>What a 代祭扫 may include: 清扫墓碑、献花、代读寄语.</summary>
    public static IReadOnlyList<(string Code, string Name)> Services { get; } = [(Sweep, "清扫"), (Flowers, "献花"), (ReadMessage, "代读寄语")];

    /// <summary>A booking is for today or a day within a year: the facility plans staff for it; further out nobody can promise.</summary>
    public const int DaysAhead = 365;

    public static string ServiceNames(string codes) =>
        string.Join("、", codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => Services.FirstOrDefault(s => s.Code == c).Name ?? c));

    /// <summary>
    /// A family's phone: a mainland mobile (11 digits from 1) or a landline with its area code (0791-86123456); staff call it
    /// back before a proxy sweep and send the photos to it, so a number that cannot be dialled is refused.
    /// </summary>
    public static string? Phone(string? value, string field, FieldErrors errors)
    {
        var phone = TextRules.Field(value, field, "联系电话", MemorialBooking.PhoneMaxLength, errors, required: true)?.Replace(" ", "", StringComparison.Ordinal);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            errors.Add(field, $"联系电话（{field}）应为11位手机号码或带区号的固定电话（如0792-1234567）");
            return null;
        }

        return phone;
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();
}
