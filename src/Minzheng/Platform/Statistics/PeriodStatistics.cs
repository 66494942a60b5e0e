using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Platform.Statistics;

/// <summary>
/// The <c>?region&amp;from&amp;to</c> of a business line's statistics endpoint: the region as 12 digits or a significant
/// prefix (the caller's own subtree when empty) and an inclusive date range. Bad input names its field; a region
/// outside the caller's subtree, or unknown, is not found — the same answers in every line.
/// </summary>
public sealed class PeriodStatistics(IRegionScope scope, RegionService regions)
{
    public async Task<(Outcome Outcome, T? Value, FieldErrors Errors)> ComputeAsync<T>(string? region, string? from, string? to,
        Func<string, DateOnly, DateOnly, Task<T>> figures, CancellationToken ct)
        where T : class
    {
        var errors = new FieldErrors();
        var requested = string.IsNullOrWhiteSpace(region) ? scope.Prefix : region.Trim();
        var prefix = requested.Length == 0 ? "" : RegionCode.ToScopePrefix(requested);
        if (prefix is null)
        {
            errors.Add("region", "region 应为12位统计用区划代码或其有效前缀（如 360482）");
        }

        var start = InputValues.ParseDate(from, "from", true, errors);
        var end = InputValues.ParseDate(to, "to", true, errors);
        if (start > end)
        {
            errors.Add("to", "统计截止日期（to）不能早于起始日期（from）");
        }

        if (errors.Any)
        {
            return (Outcome.Invalid, null, errors);
        }

        if (!prefix!.StartsWith(scope.Prefix, StringComparison.Ordinal)
            || (prefix.Length > 0 && !await regions.ExistsAsync(prefix.PadRight(RegionCode.Length, '0'), ct)))
        {
            return (Outcome.NotFound, null, errors);
        }

        return (Outcome.Done, await figures(prefix, start!.Value, end!.Value), errors);
    }
}
