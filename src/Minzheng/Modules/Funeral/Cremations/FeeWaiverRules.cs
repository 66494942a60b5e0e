using System.Globalization;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>
/// The amounts of the basic funeral services (基本殡葬服务) the county waives, and who qualifies — local policy, so it is
/// configuration (<c>Funeral:Waiver</c>). The defaults are the demo county's: 接运 400, 暂存 100 per day for at most 3 days,
/// 火化 600, 骨灰寄存 280 元 (1,580 元 per case, the 158例 25万元 of the county reports).
/// </summary>
public sealed class FeeWaiverOptions
{
    public const string Section = "Funeral:Waiver";

    /// <summary>Where local policy extends the free basic services to every resident, not only 低保, 特困 and 优抚 (POLICY §9).</summary>
    public bool AllResidents { get; set; }

    public decimal Transport { get; set; } = 400m;
    public decimal StoragePerDay { get; set; } = 100m;
    public decimal Cremation { get; set; } = 600m;
    public decimal AshesStorage { get; set; } = 280m;

    public bool IsValid => new[] { Transport, StoragePerDay, Cremation, AshesStorage }.All(a => a is >= 0m and <= 100_000m && decimal.Round(a, 2) == a);
}

/// <summary>One waived item as computed: code, Chinese name, quantity and amount.</summary>
public sealed record WaiverItem(string Item, string Name, int Quantity, decimal Amount);

/// <summary>
/// The basic funeral service fee waiver (惠民殡葬, 殡葬管理条例 2026 revision: basic public funeral services): the four
/// basic services and their amounts, and whether the deceased's status qualifies. Pure, without a database.
/// </summary>
public static class FeeWaiverRules
{
    public const string Transport = "transport";
    public const string Storage = "storage";
    public const string CremationItem = "cremation";
    public const string AshesStorage = "ashes-storage";

    /// <summary>暂存 is free for at most three days; longer storage is paid by the family.</summary>
    public const int FreeStorageDays = 3;

    public static IReadOnlyList<(string Code, string Name)> Items { get; } =
        [(Transport, "遗体接运"), (Storage, "遗体暂存（3天以内）"), (CremationItem, "遗体火化"), (AshesStorage, "骨灰寄存")];

    public const string Dibao = "dibao";
    public const string Destitute = "destitute";
    public const string EntitledGroup = "entitled-group";
    public const string Resident = "resident";

    public static IReadOnlyList<(string Code, string Name)> Statuses { get; } =
        [(Dibao, "低保对象"), (Destitute, "特困人员"), (EntitledGroup, "重点优抚对象"), (Resident, "其他居民")];

    public static string ItemName(string code) => Items.FirstOrDefault(i => i.Code == code).Name ?? code;

    public static string StatusName(string code) => Statuses.FirstOrDefault(s => s.Code == code).Name ?? code;

    /// <summary>The status social assistance knows from the programmes the deceased was covered by, if any (特困 before 低保).</summary>
    public static string? StatusFromPrograms(IEnumerable<string> programs)
    {
        var list = programs.ToList();
        return list.Any(p => p.StartsWith("destitute", StringComparison.Ordinal)) ? Destitute
            : list.Any(p => p.EndsWith("dibao", StringComparison.Ordinal)) ? Dibao
            : null;
    }

    /// <summary>The status the waiver is decided on: a qualifying status declared by the clerk, else what the enrolments show, else the declared one.</summary>
    public static string Effective(string? declared, string? fromPrograms) =>
        declared is Dibao or Destitute or EntitledGroup ? declared : fromPrograms ?? declared ?? Resident;

    public static bool Qualifies(string status, FeeWaiverOptions options) => options.AllResidents || status is Dibao or Destitute or EntitledGroup;

    /// <summary>The waived lines for the requested items (known codes, no repeats: the caller has checked), storage limited to the free days.</summary>
    public static List<WaiverItem> Compute(IReadOnlyCollection<string> items, int storageDays, FeeWaiverOptions options)
    {
        var lines = new List<WaiverItem>();
        foreach (var (code, name) in Items.Where(i => items.Contains(i.Code)))
        {
            var days = Math.Min(storageDays, FreeStorageDays);
            lines.Add(code switch
            {
                Transport => new WaiverItem(code, name, 1, options.Transport),
                Storage => new WaiverItem(code, name, days, options.StoragePerDay * days),
                CremationItem => new WaiverItem(code, name, 1, options.Cremation),
                _ => new WaiverItem(code, name, 1, options.AshesStorage),
            });
        }

        return lines;
    }

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
