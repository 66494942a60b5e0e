using System.Globalization;
using Minzheng.Modules.Funeral.ExistingGraves;
using Minzheng.Modules.Funeral.InformationOfficers;

namespace Minzheng.Modules.Funeral;

/// <summary>
/// Demo old graves and information officers, made through the module's services: thirty graves across the villages (some
/// with 墓穴证, some relocated or levelled), ten officers (one ended, one appointed mid-year) and last year's subsidy
/// roster, partly paid.
/// </summary>
public static class FuneralDemoGraves
{
    private static readonly string[] Occupants = ["王老太", "李福生", "张秀珍", "刘长根", "陈桂兰", "杨德旺", "黄金凤", "赵有财", "吴来娣", "周水生"];
    private static readonly string[] Places = ["村后山松树林", "老屋场东侧坡地", "水库北岸", "祖山坳口", "茶园边", "村道南侧旱地"];
    private static readonly string[] Kinds = ["earth", "earth", "masonry", "joint", "ashes"];

    public static async Task<int> SeedGravesAsync(GraveService graves, GraveChanges changes, IReadOnlyList<string> villages, DateOnly today,
        Func<DateOnly, bool, int, string> id, CancellationToken ct)
    {
        var count = 0;
        for (var i = 0; i < 30; i++)
        {
            var village = villages[(i * 5) % villages.Count];
            var registered = today.AddDays(-12 * (i + 1));
            var kind = Kinds[i % Kinds.Length];
            var saved = await graves.RegisterAsync(new GraveRequest(village, Places[i % Places.Length], 29.20m + (i * 0.0031m), 115.78m + (i * 0.0027m), kind,
                Occupants[i % Occupants.Length], i % 4 == 0 ? id(new DateOnly(1910 + i, 2, 1 + (i % 27)), i % 2 == 0, 40 + i) : null,
                kind == "joint" ? Occupants[(i + 3) % Occupants.Length] : null, null, Occupants[(i + 1) % Occupants.Length][..1] + "家属",
                $"1397{(1_000_000 + (i * 7919)) % 10_000_000:D7}", Text(registered)), ct);
            if (saved.Value is not { } grave)
            {
                continue;
            }

            count++;
            if (i % 4 == 1)
            {
                await changes.IssueCertificateAsync(grave.Id, new GraveCertificateRequest(Text(registered.AddDays(3))), ct);
            }

            if (i % 6 == 2)
            {
                string[] reasons = ["construction", "into-cemetery", "rectification"];
                await changes.RelocateAsync(grave.Id, new GraveRelocationRequest(Text(registered.AddDays(7)), reasons[i % 3], null, null,
                    i % 3 == 1 ? "共青城市城市公益性公墓" : "所在村公益性墓地", i % 3 == 0 ? 3000m : 800m), ct);
            }
            else if (i % 13 == 5)
            {
                await changes.RemoveAsync(grave.Id, new GraveRemovalRequest(Text(registered.AddDays(10)), "无主坟，公告期满无人认领，依法平毁"), ct);
            }
        }

        return count;
    }

    public static async Task<int> SeedOfficersAsync(OfficerService officers, SubsidyService subsidies, IReadOnlyList<string> villages, DateOnly today,
        Func<DateOnly, bool, int, string> id, CancellationToken ct)
    {
        var lastYear = today.Year - 1;
        var count = 0;
        for (var i = 0; i < 10; i++)
        {
            var appointed = i == 9 ? new DateOnly(lastYear, 6, 20) : new DateOnly(lastYear - 2 - (i % 3), 1 + i, 1);
            var saved = await officers.AppointAsync(new OfficerRequest(Occupants[(i + 5) % Occupants.Length][..1] + "信息员" + (i + 1).ToString(CultureInfo.InvariantCulture),
                id(new DateOnly(1960 + i, 5, 1 + i), i % 2 == 1, 60 + i), $"1380{(2_000_000 + (i * 4517)) % 10_000_000:D7}", villages[i % villages.Count],
                Text(appointed)), ct);
            if (saved.Value is not { } officer)
            {
                continue;
            }

            count++;
            if (i == 4)
            {
                await officers.EndAsync(officer.Id, new OfficerEndRequest(Text(new DateOnly(lastYear, 8, 31))), ct);
            }
        }

        var roster = await subsidies.GenerateAsync(new RosterRequest(lastYear, null, "360482000000"), ct);
        foreach (var (line, n) in (roster.Value?.Rows ?? []).Select((l, n) => (l, n)).Where(x => x.n % 3 != 2))
        {
            await subsidies.MarkPaidAsync(line.Id, new PaidRequest(Text(new DateOnly(today.Year, 1, 20 + (n % 5)))), ct);
        }

        return count;
    }

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
