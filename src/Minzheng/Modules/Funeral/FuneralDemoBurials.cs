using System.Globalization;
using Minzheng.Modules.Funeral.IllegalBurials;
using Minzheng.Modules.Funeral.Plots;
using Minzheng.Platform.Calendar;

namespace Minzheng.Modules.Funeral;

/// <summary>
/// The demo county's burials, tenures and illegal-burial cases, through the module's services like the rest of
/// <see cref="FuneralDemo"/>: some of the cremated buried in the plots sold this year; an old row sold twenty years ago
/// whose tenures are expired, expiring within 90 days, renewed or far off; cases in every state, some overdue.
/// </summary>
internal static class FuneralDemoBurials
{
    private static readonly string[] Families = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"];

    /// <summary>Buries <paramref name="people"/> (cremated on the date given) in the sold plots, from the later of the cremation and the sale.</summary>
    public static async Task<int> BuryAsync(BurialService burials, IEnumerable<(Guid Plot, DateOnly SoldOn)> sold, IReadOnlyList<(string Name, string Id, DateOnly Cremated)> people,
        DateOnly today, CancellationToken ct)
    {
        var n = 0;
        foreach (var ((plot, soldOn), (name, id, cremated)) in sold.Zip(people))
        {
            var on = (cremated > soldOn ? cremated : soldOn).AddDays(3);
            var done = await burials.BuryAsync(plot, new BurialRequest(name, id, Text(on > today ? today : on), null), ct);
            n += done.Value is null ? 0 : 1;
        }

        return n;
    }

    /// <summary>An old row of ashes plots sold twenty years ago: expiries from two months ago to half a year ahead; two of the expired renewed.</summary>
    public static async Task SeedOldRowAsync(PlotService plots, BurialService burials, Guid cemetery, Func<DateOnly, bool, int, string> id, DateOnly today,
        CancellationToken ct)
    {
        for (var k = 0; k < 12; k++)
        {
            var plot = await plots.AddAsync(cemetery, new PlotRequest("寿", 1, k + 1, k % 4 == 0 ? "double" : "single", true, k % 4 == 0 ? 1.0m : 0.8m, 3000m), ct);
            if (plot.Value is not { } p)
            {
                continue;
            }

            var soldOn = today.AddYears(-20).AddDays(-60 + (15 * k));
            var family = Families[k % Families.Length];
            await plots.SellAsync(p.Id, new PlotSaleRequest(family + "家属", id(new DateOnly(1950 + k, 5, 1), k % 2 == 0, 100 + k), Text(soldOn),
                $"FM{soldOn:yyyy}{k:D3}", 20), ct);
            await burials.BuryAsync(p.Id, new BurialRequest(family + "老人", id(new DateOnly(1920 + k, 8, 1), k % 2 == 1, 120 + k), Text(soldOn.AddDays(5)), null), ct);
            if (k is 0 or 2)
            {
                await burials.RenewAsync(p.Id, new RenewalRequest(10, Text(today.AddDays(-k)), 1500m, $"XQ{today:yyyy}{k:D3}"), ct);
            }
        }
    }

    /// <summary>
    /// Two dozen cases across the villages: the older ones closed (mostly rectified, some penalised or relocated), the recent
    /// ones open, some overdue; most served a 限期整改通知书 two days after they were found, a few not yet.
    /// </summary>
    public static async Task<int> SeedCasesAsync(IllegalBurialService cases, IllegalBurialNotices notices, IReadOnlyList<string> villages, DateOnly today,
        CancellationToken ct)
    {
        IllegalBurialKind[] kinds = [IllegalBurialKind.Scattered, IllegalBurialKind.Scattered, IllegalBurialKind.Oversized, IllegalBurialKind.Hardened,
            IllegalBurialKind.Luxury, IllegalBurialKind.Living];
        string[] sources = ["patrol", "report", "informant"];
        string[] places = ["后山茶园旁", "村道东侧山坡", "责任田边", "水库上游林地", "老屋场后", "高速公路沿线可视范围内"];
        var n = 0;
        for (var i = 0; i < 24; i++)
        {
            var found = today.AddDays(-(8 + (13 * i)));
            var kind = kinds[i % kinds.Length];
            var village = villages[(i * 7) % villages.Count];
            var opened = await cases.OpenAsync(new IllegalBurialRequest(Platform.Web.InputValues.Code(kind), Text(found), sources[i % 3], village, places[i % places.Length],
                i % 3 == 0 ? 29.20m + (i * 0.004m) : null, i % 3 == 0 ? 115.80m + (i * 0.003m) : null,
                $"{IllegalBurialCase.KindName(kind)}一处，{(kind == IllegalBurialKind.Living ? "墓主尚健在" : "未经批准在公墓外安葬")}，已告知当事人限期整改。",
                Families[i % Families.Length] + "某某户", Text(found.AddDays(30))), ct);
            if (opened.Value is not { } c)
            {
                continue;
            }

            n++;
            if (i % 4 != 1)
            {
                await notices.IssueAsync(c.Id, new IllegalBurialNoticeRequest(Text(found.AddDays(2)), null, null, null), ct);
            }

            var closedOn = Text(found.AddDays(20));
            var outcome = i < 5 ? null // the recent ones are open; found 47 and 60 days ago they are overdue
                : i % 9 == 0 ? new IllegalBurialOutcomeRequest("penalised", closedOn, $"共民罚决字〔{found:yyyy}〕{i}号", 2000m + (100m * i), null)
                : i % 7 == 0 ? new IllegalBurialOutcomeRequest("relocated", closedOn, null, null, "所在村公益性墓地")
                : i % 8 == 0 ? null
                : new IllegalBurialOutcomeRequest("rectified", closedOn, null, null, null);
            if (outcome is not null)
            {
                await cases.CloseAsync(c.Id, outcome, ct);
            }
        }

        return n;
    }

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
