using Minzheng.Platform.Regions;

namespace Minzheng.Platform.Documents;

/// <summary>
/// Which office issues a document about a region, and what it is called on paper: the township government (街道办事处)
/// for a township or anything below it, else the county's civil-affairs bureau.
/// </summary>
public static class IssuingOffice
{
    /// <summary>The 12-digit code of the issuing office's region: the township of a township or village, else the county.</summary>
    public static string RegionOf(string regionCode)
    {
        var code = regionCode.PadRight(RegionCode.Length, '0');
        var level = RegionCode.TryGetLevel(code, out var l, out _) ? l : RegionLevel.County;
        return RegionCode.Prefix(code, level >= RegionLevel.Township ? RegionLevel.Township : RegionLevel.County).PadRight(RegionCode.Length, '0');
    }

    /// <summary>The codes whose names <see cref="Name"/> reads: the office's region and its county.</summary>
    public static string[] CodesOf(string officeRegionCode)
    {
        var code = officeRegionCode.PadRight(RegionCode.Length, '0');
        return [code, code[..6].PadRight(RegionCode.Length, '0')];
    }

    /// <summary>江益镇人民政府, 茅山头街道办事处 or 共青城市民政局, for the office of <see cref="RegionOf"/>.</summary>
    public static string Name(string officeRegionCode, IReadOnlyDictionary<string, string> names)
    {
        var code = officeRegionCode.PadRight(RegionCode.Length, '0');
        if (RegionCode.TryGetLevel(code, out var level, out _) && level >= RegionLevel.Township && names.TryGetValue(code, out var township))
        {
            return township.EndsWith("街道", StringComparison.Ordinal) ? township + "办事处" : township + "人民政府";
        }

        return names.GetValueOrDefault(code[..6].PadRight(RegionCode.Length, '0'), "") + "民政局";
    }

    /// <summary>
    /// The number citizens call with objections to a posted list (<c>Documents:SupervisionPhone</c>); null when unset, and
    /// the page leaves a blank line to write it in.
    /// </summary>
    public static string? SupervisionPhone(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration["Documents:SupervisionPhone"] is { Length: > 0 } phone ? phone : null;
}
