using Minzheng.Platform.Privacy;

namespace Minzheng.Platform.Web;

/// <summary>A required ID number field of a form or request: missing and invalid (GB 11643) numbers as field errors in Chinese.</summary>
public static class IdNumberInput
{
    public static IdNumber? Required(string? value, DateOnly today, FieldErrors errors, string field = "idNumber")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"请填写身份证号（{field}）");
            return null;
        }

        if (!IdNumber.TryParse(value, today, out var parsed, out var error))
        {
            errors.Add(field, $"身份证号（{field}）无效：{error}");
            return null;
        }

        return parsed;
    }
}
