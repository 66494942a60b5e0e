using System.Globalization;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>Valid ID numbers (GB 11643 check character) for a birth date and gender, unique within the test run.</summary>
public static class MarriageIds
{
    private static int _next = Random.Shared.Next(0, 4_000_000);

    public static string Of(DateOnly birth, Gender gender)
    {
        var n = Interlocked.Increment(ref _next);
        // Address codes 36xxxx and 44xxxx (province codes only are checked), then a sequence whose parity gives the gender.
        var address = (n % 2 == 0 ? "36" : "44") + (n / 2 % 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var sequence = (n / 20_000 % 499 * 2) + (gender == Gender.Male ? 1 : 2);
        var first17 = address + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    public static string Man(int bornYear = 1990) => Of(new DateOnly(bornYear, 3, 7), Gender.Male);

    public static string Woman(int bornYear = 1992) => Of(new DateOnly(bornYear, 8, 19), Gender.Female);
}
