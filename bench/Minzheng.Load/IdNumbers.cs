using System.Globalization;

namespace Minzheng.Load;

/// <summary>Valid, distinct GB 11643 numbers for test households (address code 110105, one birth date per n).</summary>
internal static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <param name="female">An even order digit (a woman's), else odd (a man's).</param>
    public static string Make(int n, bool female = false)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(n % 18000);
        var order = ((n / 18000 % 450) * 2) + (female ? 2 : 1);
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("D3", CultureInfo.InvariantCulture);
        var sum = first17.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
