using System.Globalization;

namespace Minzheng.Platform.Web;

/// <summary>
/// The one range rule for amounts (yuan, decimal, two places): never negative, never above a ceiling. Any single amount
/// is at most <see cref="Max"/>; a monthly benefit is at most its programme's ceiling — <c>Money:MonthlyCeilings:{program}</c>,
/// else <c>Money:MonthlyCeiling</c> (default 20,000 元/月, far above any legal benefit, far below what breaks a sum).
/// Absurd amounts (1e20 元/月) once reached payrolls, bank files and every county-wide report.
/// </summary>
public sealed class MoneyLimits(IConfiguration configuration)
{
    /// <summary>Upper bound of any amount one person enters (a standard, a payment, a correction, a fund allocation).</summary>
    public const decimal Max = 1_000_000m;

    public const decimal DefaultMonthlyCeiling = 20_000m;

    public decimal MonthlyCeiling(string? program)
    {
        var configured = program is { Length: > 0 } ? configuration[$"Money:MonthlyCeilings:{program}"] : null;
        configured ??= configuration["Money:MonthlyCeiling"];
        return decimal.TryParse(configured, NumberStyles.Number, CultureInfo.InvariantCulture, out var ceiling) && ceiling is > 0 and <= Max
            ? ceiling
            : DefaultMonthlyCeiling;
    }

    /// <summary>Null when the monthly benefit is acceptable; otherwise the Chinese reason.</summary>
    public string? CheckMonthly(decimal? amount, string? program, string label = "月保障金额")
    {
        var ceiling = MonthlyCeiling(program);
        return amount is { } a && a >= 0 && a <= ceiling && decimal.Round(a, 2) == a
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{label}应为0到{ceiling:0.##}元之间、最多两位小数的金额");
    }
}
