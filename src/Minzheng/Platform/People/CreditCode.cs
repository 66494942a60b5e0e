using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Minzheng.Platform.People;

/// <summary>
/// A validated 统一社会信用代码 (GB 32100-2015, POLICY §10): 1 registering department, 2 organisation type, 3–8 region,
/// 9–17 the organisation code of GB 11714 with its own check digit, 18 the check character. Every line that registers
/// organisations (社会组织, 养老机构, 福利企业) takes it; construction only through <see cref="TryParse"/>.
/// </summary>
public readonly record struct CreditCode
{
    public const int Length = 18;

    /// <summary>The 31 characters of GB 32100 (no I, O, S, V, Z), valued 0–30 in this order.</summary>
    public const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // Wᵢ = 3^(i−1) mod 31 for positions 1–17.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714 organisation code: weights of its first 8 characters.
    private static readonly int[] OrganizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>登记管理部门代码: 5 = 民政, 9 = 市场监管, 1 = 机构编制, Y = 其他.</summary>
    public string RegistrationAuthority => Value[..1];

    /// <summary>机构类别代码; for 民政: 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他.</summary>
    public string OrgType => Value[1..2];

    /// <summary>登记管理机关行政区划码 (GB/T 2260, 6 digits).</summary>
    public string RegionCode => Value[2..8];

    /// <summary>主体标识码 (GB 11714 组织机构代码, 9 characters with its check digit).</summary>
    public string OrganizationCode => Value[8..17];

    public override string ToString() => Value;

    /// <summary>Valid, or the Chinese reason (length, a character and its position, the check character, the embedded organisation code).</summary>
    public static bool TryParse(string? input, out CreditCode code, [NotNullWhen(false)] out string? error) =>
        TryParse(input, allowOrganizationCodeMismatch: false, out code, out error);

    /// <param name="allowOrganizationCodeMismatch">
    /// Early pilot codes (Fujian) fail the GB 11714 check of their embedded code although they were issued: a registrar
    /// may accept one with a recorded reason. The check character of position 18 is never waived.
    /// </param>
    public static bool TryParse(string? input, bool allowOrganizationCodeMismatch, out CreditCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var value = Normalize(input);
        error = Validate(value, allowOrganizationCodeMismatch);
        if (error is not null)
        {
            return false;
        }

        code = new CreditCode(value);
        return true;
    }

    /// <summary>Trimmed and upper-cased (clerks type lower case letters); full-width characters are not folded.</summary>
    public static string Normalize(string? input) => (input ?? "").Trim().ToUpperInvariant();

    /// <summary>True when the only fault of the code is its embedded organisation code's check digit.</summary>
    public static bool FailsOnlyOrganizationCheck(string? input)
    {
        var value = Normalize(input);
        return Validate(value, false) is not null && Validate(value, true) is null;
    }

    private static string? Validate(string value, bool allowOrganizationCodeMismatch)
    {
        if (value.Length == 0)
        {
            return "统一社会信用代码不能为空";
        }

        if (value.Length != Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"统一社会信用代码应为18位（现为{value.Length}位）");
        }

        for (var i = 0; i < Length; i++)
        {
            if (!Characters.Contains(value[i], StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"第{i + 1}位字符“{value[i]}”不是统一社会信用代码允许的字符（只用数字和除 I、O、S、V、Z 以外的大写字母）");
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"第3至8位应为登记管理机关的行政区划码（6位数字），第{i + 1}位是“{value[i]}”");
            }
        }

        var check = ComputeCheckCharacter(value[..17]);
        if (value[17] != check)
        {
            return $"校验码错误：第18位应为“{check}”，现为“{value[17]}”，请核对代码是否抄错";
        }

        var organizationCheck = ComputeOrganizationCheckCharacter(value[8..16]);
        if (value[16] != organizationCheck && !allowOrganizationCodeMismatch)
        {
            return $"第9至17位组织机构代码（GB 11714）校验码错误：第17位应为“{organizationCheck}”，现为“{value[16]}”";
        }

        return null;
    }

    /// <summary>C18 = 31 − (Σ value×weight mod 31), 31 → 0, written with <see cref="Characters"/>.</summary>
    public static char ComputeCheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Characters.IndexOf(first17[i], StringComparison.Ordinal);
            if (v < 0)
            {
                throw new ArgumentException("Not a GB 32100 character.", nameof(first17));
            }

            sum += v * Weights[i];
        }

        return Characters[(31 - (sum % 31)) % 31];
    }

    /// <summary>GB 11714: C9 = 11 − (Σ value×weight mod 11), 10 → X, 11 → 0; digits count 0–9, letters A–Z 10–35.</summary>
    public static char ComputeOrganizationCheckCharacter(string first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var v = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetterUpper(c) ? c - 'A' + 10 : throw new ArgumentException("Not a GB 11714 character.", nameof(first8));
            sum += v * OrganizationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var d => (char)('0' + d),
        };
    }
}
