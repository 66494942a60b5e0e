using System.Globalization;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>Valid ID numbers (GB 11643 check character) of elderly people, unique within the test run.</summary>
public static class FuneralIds
{
    private static int _next = Random.Shared.Next(0, 4_000_000);

    public static string Elder(int bornYear = 1940)
    {
        var n = Interlocked.Increment(ref _next);
        var address = "36" + (n % 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var birth = new DateOnly(bornYear, 1 + (n / 10_000 % 12), 1 + (n / 120_000 % 28));
        var sequence = n / 3_360_000 % 999 + 1;
        var first17 = address + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
