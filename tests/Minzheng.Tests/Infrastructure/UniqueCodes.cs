namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// Region codes unique within the test run, from counters rather than chance: tests that share a database never
/// collide. Each kind of code keeps to its own range (the demo county's townships, provinces 41–49, provinces 50–98).
/// </summary>
public static class UniqueCodes
{
    private static int _township;
    private static int _county;
    private static int _province;

    /// <summary>A township code of the demo county 360482 that the demo data does not use (segments 400–999).</summary>
    public static string DemoCountyTownship() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"360482{400 + (Interlocked.Increment(ref _township) % 600)}000");

    /// <summary>A six-digit county code in provinces 41–49 with non-zero city and county segments.</summary>
    public static string County()
    {
        var n = Interlocked.Increment(ref _county);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"4{1 + (n / 8100 % 9)}{10 + (n / 90 % 90)}{10 + (n % 90)}");
    }

    /// <summary>A four-digit province-and-city prefix in provinces 50–98.</summary>
    public static string ProvinceAndCity()
    {
        var n = Interlocked.Increment(ref _province);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{50 + (n / 89 % 49)}{10 + (n % 89)}");
    }
}
