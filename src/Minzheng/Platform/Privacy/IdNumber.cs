using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Minzheng.Platform.Privacy;

public enum Gender
{
    Male,
    Female,
}

/// <summary>
/// A validated 18-character 公民身份号码 (GB 11643-1999). 15-digit legacy numbers are upgraded on parse.
/// Construction only through <see cref="TryParse"/>, so holding an <see cref="IdNumber"/> means it is valid.
/// </summary>
public readonly record struct IdNumber
{
    // ISO 7064 MOD 11-2 weights and check characters (POLICY §10).
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Province-level codes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门), and 83: the 台湾居民居住证 carries 830000 as its
    // address code (港澳台居民居住证申领发放办法, 2018), though GB/T 2260 lists Taiwan as 71. Lower digits are not checked:
    // address codes that no longer exist stay valid for the people who were born under them.
    private static readonly HashSet<string> ProvinceCodes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    private IdNumber(string value) => Value = value;

    public string Value { get; }

    public string RegionCode => Value[..6];

    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The 17th character (sequence code) is odd for men and even for women.</summary>
    public Gender Gender => (Value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>Masked for lists, notices and exports: first 6 and last 4 characters (POLICY §11).</summary>
    public string Masked => Mask.IdNumber(Value);

    public int AgeOn(DateOnly day)
    {
        var birth = BirthDate;
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }

    public override string ToString() => Value;

    public static bool TryParse(string? input, DateOnly today, out IdNumber id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        error = Validate(input, today, out var normalized);
        if (error is not null)
        {
            return false;
        }

        id = new IdNumber(normalized!);
        return true;
    }

    public static IdNumber Parse(string input, DateOnly today) =>
        TryParse(input, today, out var id, out var error) ? id : throw new FormatException(error);

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static string? Validate(string? input, DateOnly today, out string? normalized)
    {
        normalized = null;
        var value = input?.Trim().ToUpperInvariant() ?? "";
        if (value.Length == 0)
        {
            return "身份证号不能为空";
        }

        if (value.Length == 15)
        {
            if (!value.All(char.IsAsciiDigit))
            {
                return "15位身份证号只能由数字组成";
            }

            // Legacy numbers omit the century ("19") and the check character.
            var first17 = string.Concat(value.AsSpan(0, 6), "19", value.AsSpan(6, 9));
            value = first17 + ComputeCheckCharacter(first17);
        }
        else if (value.Length != 18)
        {
            return $"身份证号应为18位（或15位旧号码），实际为{value.Length}位";
        }

        if (value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            return "身份证号前17位只能是数字";
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return "身份证号第18位只能是数字或X";
        }

        if (!ProvinceCodes.Contains(value[..2]))
        {
            return $"身份证号前两位“{value[..2]}”不是有效的省级行政区划代码";
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return $"身份证号中的出生日期“{value.Substring(6, 8)}”不是有效日期";
        }

        if (birth > today)
        {
            return "身份证号中的出生日期晚于今天";
        }

        if (birth.Year < 1850)
        {
            return "身份证号中的出生年份早于1850年";
        }

        var expected = ComputeCheckCharacter(value.AsSpan(0, 17));
        if (value[17] != expected)
        {
            return "身份证号校验码错误";
        }

        normalized = value;
        return null;
    }
}
