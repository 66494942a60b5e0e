using System.Globalization;

namespace Minzheng.Tests.Platform.People;

/// <summary>
/// Builds 统一社会信用代码 the way GB 32100 and GB 11714 define them, independently of the code under test (its own
/// sums and tables), so a wrong weight or table in the validator fails the tests. Unique within the test run.
/// </summary>
public static class UsccCodes
{
    private const string Gb32100 = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static int _next = Random.Shared.Next(0, 40_000_000);

    /// <summary>A valid code: department, type and region as given, a fresh organisation code with its check digit, the check character.</summary>
    public static string Make(char authority = '5', char type = '1', string region = "360482", string? organizationBody = null)
    {
        var body = organizationBody ?? "5" + (Interlocked.Increment(ref _next) % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        return Complete($"{authority}{type}{region}{body}{OrganizationCheck(body)}");
    }

    /// <summary>The first 17 characters with the GB 32100 check character appended.</summary>
    public static string Complete(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = 1;
            for (var k = 0; k < i; k++)
            {
                weight = weight * 3 % 31;
            }

            sum += Gb32100.IndexOf(first17[i], StringComparison.Ordinal) * weight;
        }

        var c = 31 - (sum % 31);
        return first17 + Gb32100[c == 31 ? 0 : c];
    }

    /// <summary>GB 11714: weights 3 7 9 10 5 8 4 2, letters A=10 … Z=35, C = 11 − Σ mod 11 with 10 → X and 11 → 0.</summary>
    public static char OrganizationCheck(string first8)
    {
        int[] w = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first8.Select((ch, i) => (char.IsAsciiDigit(ch) ? ch - '0' : ch - 'A' + 10) * w[i]).Sum();
        var c = 11 - (sum % 11);
        return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
    }

    /// <summary>A valid code whose embedded organisation code has a wrong check digit (as early Fujian pilot codes do).</summary>
    public static string WithBadOrganizationCheck(string region = "360482")
    {
        var good = Make(region: region);
        var wrong = good[16] == '0' ? '1' : '0';
        return Complete(good[..16] + wrong);
    }
}
