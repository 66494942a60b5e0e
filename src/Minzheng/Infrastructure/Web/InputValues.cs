using System.Globalization;
using System.Text.Json;

namespace Minzheng.Infrastructure.Web;

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
            return d;
        }

        errors.Add(field, $"{field} 应为日期 YYYY-MM-DD");
        return null;
    }

    /// <summary>A month written <c>YYYY-MM</c>, as its first day.</summary>
    public static bool TryParseMonth(string? value, out DateOnly firstDay) =>
        DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay);

    public static bool IsMoney(decimal? amount) => amount is >= 0 and <= 100_000_000 && decimal.Round(amount.Value, 2) == amount.Value;
}
