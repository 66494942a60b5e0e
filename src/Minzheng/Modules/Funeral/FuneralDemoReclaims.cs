using System.Globalization;
using Minzheng.Modules.Funeral.Plots;

namespace Minzheng.Modules.Funeral;

/// <summary>
/// Demo reclaims of expired plots, through the services on clocks set to each step's own day (a burial, a notice or a
/// reclaim dated in the past must pass the rules as it would have then): a row sold twenty years ago and more, expired
/// from three months to ten months ago — one notice overdue, one reclaimed after its deadline, one within its deadline,
/// one renewed after the notice, one expired with no notice yet.
/// </summary>
internal static class FuneralDemoReclaims
{
    public static async Task<int> SeedAsync(IServiceProvider services, PlotService plots, Guid cemetery, Func<DateOnly, bool, int, string> id, DateOnly today,
        CancellationToken ct)
    {
        // (days since expiry, days since notice or null, reclaimed days ago or null, renewed days ago or null)
        (int Expired, int? Noticed, int? Reclaimed, int? Renewed)[] rows =
            [(300, 200, null, null), (280, 190, 20, null), (150, 30, null, null), (120, 100, null, 50), (95, null, null, null)];
        var made = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var (expired, noticed, reclaimed, renewed) = rows[k];
            if ((await plots.AddAsync(cemetery, new PlotRequest("康", 1, k + 1, "single", true, 0.8m, 3000m), ct)).Value is not { } p)
            {
                continue;
            }

            var soldOn = today.AddDays(-expired).AddYears(-20);
            await plots.SellAsync(p.Id, new PlotSaleRequest($"{"钱孙周吴郑"[k]}家属", id(new DateOnly(1948 + k, 3, 1), k % 2 == 0, 140 + k), Text(soldOn), $"FM{soldOn:yyyy}K{k:D2}", 20), ct);
            await Burials(services, soldOn.AddDays(7)).BuryAsync(p.Id, new BurialRequest($"{"钱孙周吴郑"[k]}老人", id(new DateOnly(1918 + k, 6, 1), k % 2 == 1, 150 + k),
                Text(soldOn.AddDays(7)), null), ct);
            if (noticed is { } n && (await Reclaims(services, today.AddDays(-n)).NoticeAsync(p.Id, new ReclaimNoticeRequest(null), ct)).Value is not null)
            {
                made++;
                if (reclaimed is { } r)
                {
                    await Reclaims(services, today.AddDays(-r)).ReclaimAsync(p.Id, new ReclaimRequest(Text(today.AddDays(-r)), "columbarium", "共青城市骨灰堂B区2排8号",
                        "家属逾期未续期，经催告后迁入骨灰堂"), ct);
                }
                else if (renewed is { } w)
                {
                    await Burials(services, today.AddDays(-w)).RenewAsync(p.Id, new RenewalRequest(10, Text(today.AddDays(-w)), 1500m, $"XQK{k:D3}"), ct);
                }
            }
        }

        return made;
    }

    private static BurialService Burials(IServiceProvider services, DateOnly day) => ActivatorUtilities.CreateInstance<BurialService>(services, (TimeProvider)new DayClock(day));

    private static ReclaimService Reclaims(IServiceProvider services, DateOnly day) =>
        ActivatorUtilities.CreateInstance<ReclaimService>(services, (TimeProvider)new DayClock(day));

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A clock standing at ten in the morning (China time) of one day.</summary>
    private sealed class DayClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
    }
}
