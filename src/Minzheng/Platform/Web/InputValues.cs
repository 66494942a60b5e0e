using System.Globalization;
using System.Text.Json;

namespace Minzheng.Platform.Web;

/// <summary>Enum codes (kebab-case, as in the JSON contract) and dates, parsed with Chinese errors keyed by field.</summary>
public static class InputValues
{
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string? value, string field, string message, FieldErrors errors) where T : struct, Enum
    {
        var normalized = value?.Replace("-", "", StringComparison.Ordinal);
        if (normalized is not null && Enum.TryParse<T>(normalized, ignoreCase: true, out var parsed) && !int.TryParse(normalized, out _))
        {
            return parsed;
        }

        errors.Add(field, message);
        return default;
    }

    /// <summary>An optional enum: empty means none.</summary>
    public static T? ParseOptional<T>(string? value, string field, string message, FieldErrors errors) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(value) ? null : Parse<T>(value, field, message, errors);

    public static DateOnly? ParseDate(string? value, string field, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"{field} 为必填日期（YYYY-MM-DD）");
            }

            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            if (IsSaneDate(d))
            {
                return d;
            }

            errors.Add(field, $"{field} 应在 {FirstDate:yyyy-MM-dd} 至 {LastDate:yyyy-MM-dd} 之间");
            return null;
        }

        errors.Add(field, $"{field} 应为日期 YYYY-MM-DD");
        return null;
    }

    /// <summary>A month written <c>YYYY-MM</c>, as its first day; only months within the sane range.</summary>
    /// <summary>
    /// A date of something that already happened (a procedure, a death, a visit), recorded afterwards: a real date in the
    /// sane range and never after <paramref name="latest"/> (usually today); null, with the error added, otherwise.
    /// </summary>
    public static DateOnly? PastDate(string? value, string field, string label, DateOnly latest, bool required, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"请填写{label}（{field}，格式 YYYY-MM-DD）");
            }

            return null;
        }

        if (!TryParseDate(value, out var date))
        {
            errors.Add(field, $"{label}（{field}）应为有效日期 YYYY-MM-DD");
            return null;
        }

        if (date > latest)
        {
            errors.Add(field, $"{label}（{field}）不能晚于今天");
            return null;
        }

        return date;
    }

    public static bool TryParseMonth(string? value, out DateOnly firstDay) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay)
        && IsSaneDate(firstDay);

    /// <summary>
    /// Every date the platform takes lies here (births since 1900, plans to the end of the century); 0001-01-01 and
    /// 9999-12-31 are typing accidents or probes. Fields with tighter rules (a birth not in the future) check those too.
    /// </summary>
    public static readonly DateOnly FirstDate = new(1900, 1, 1);

    public static readonly DateOnly LastDate = new(2099, 12, 31);

    // Year first, always: the ways county staff and other departments' lists write a date (2026-10-01, 2026/10/01,
    // 2026.10.01, 2026年10月1日), with or without leading zeros. Day-first or two-digit years stay refused: 01/10/26 is ambiguous.
    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];

    /// <summary>A date written year first — <c>YYYY-MM-DD</c>, or with / . or 年月日 — within the sane range.</summary>
    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && IsSaneDate(date);

    public static bool IsSaneDate(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <summary>Any single amount: 0 to <see cref="MoneyLimits.Max"/> yuan, at most two decimals.</summary>
    public static bool IsMoney(decimal? amount) => amount is >= 0 and <= MoneyLimits.Max && decimal.Round(amount.Value, 2) == amount.Value;
}
