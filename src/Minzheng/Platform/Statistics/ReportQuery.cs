namespace Minzheng.Platform.Statistics;

/// <summary>
/// The region and period every statistic is asked for: <c>Region</c> as the user typed it, its 12-digit code, the
/// significant prefix that selects the subtree, and the inclusive dates (months are the unit of most figures).
/// </summary>
public sealed record ReportQuery(string Region, string RegionCode, string Prefix, DateOnly From, DateOnly To)
{
    public DateOnly FromMonth => new(From.Year, From.Month, 1);
    public DateOnly ToMonth => new(To.Year, To.Month, 1);
}
