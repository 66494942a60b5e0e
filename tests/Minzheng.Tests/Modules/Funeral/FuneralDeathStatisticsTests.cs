using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>
/// Deaths (cremation register and imported death lists, a person on both once), 火化率 and 入公墓率 in total, by township
/// and by month, on both databases, on a fresh county of its own so every figure is exactly this test's records.
/// </summary>
public abstract class FuneralDeathStatisticsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string TownshipA = "360482200000";
    private const string VillageA = "360482200201";
    private const string TownshipB = "360482100000";
    private const string VillageB = "360482100201";
    private const string Period = "from=2026-03-01&to=2026-04-30";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task CremateAsync(HttpClient funeral, string name, string idNumber, string region, string died, string cremated, bool rural) =>
        await (await funeral.PostAsJsonAsync("/api/v1/funeral/cremations", new
        {
            name,
            idNumber,
            deathDate = died,
            cremationDate = cremated,
            funeralHome = "共青城市殡仪馆",
            regionCode = region,
            hukouType = rural ? "rural" : "urban",
        }, Ct)).JsonAsync(HttpStatusCode.Created);

    private static async Task BuryAsync(HttpClient funeral, string kind, string name, string idNumber, string buriedOn)
    {
        var cemetery = (await (await funeral.PostAsJsonAsync("/api/v1/funeral/facilities", new
        {
            name = $"死亡统计墓地{Guid.NewGuid():N}"[..14],
            kind,
            approvalDocument = "赣民字〔2015〕102号",
            approvedOn = "2015-05-01",
            capacity = 100,
            regionCode = TownshipA,
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var plot = (await (await funeral.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "寿", row = 1, number = 1, kind = "single", forAshes = true, squareMeters = 1m, price = 5000m }, Ct)).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await (await funeral.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale",
            new { buyerName = "统计家属", buyerIdNumber = Elder(1970), soldOn = "2026-03-05", contractNumber = "TJ-1", tenureYears = 20, buyerRegionCode = VillageA }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await funeral.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", new { deceasedName = name, idNumber, buriedOn }, Ct)).JsonAsync(HttpStatusCode.Created);
    }

    private static List<(string Key, int Deaths, int Cremations, int Agricultural, decimal? Rate, int Burials, decimal? BurialRate)> Cells(JsonElement cells) =>
        [.. cells.EnumerateArray().Select(c => (c.GetProperty("key").GetString()!, c.GetProperty("deaths").GetInt32(), c.GetProperty("cremations").GetInt32(),
            c.GetProperty("agriculturalCremations").GetInt32(), Rate(c.GetProperty("cremationRate")), c.GetProperty("publicBurials").GetInt32(),
            Rate(c.GetProperty("publicBurialRate"))))];

    private static decimal? Rate(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

    [Fact]
    public async Task Deaths_FromCremationsAndLists_CountAPersonOnce_WithRatesByTownshipAndMonth_WithinTheCallersRegion()
    {
        var (p1, p2, p3, p5, p6, p7) = (Elder(1931), Elder(1932), Elder(1933), SqliteRegistryApiTests.NewAdultIdNumber(), Elder(1935), Elder(1936));
        using var county = await app.ClientAsAsync("county");
        // P5 lives in village A (a registered household), so the death list places the death there; P6 is nobody's and stays at county level.
        await (await county.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = VillageA,
            hukouType = "rural",
            address = "死亡统计组1号",
            members = new object[] { new { name = "名单死者", idNumber = p5, relationship = "head", monthlyIncome = 100m } },
        }, Ct)).JsonAsync(HttpStatusCode.Created);

        using var funeral = await app.ClientAsAsync("funeral");
        await CremateAsync(funeral, "火化甲", p1, VillageA, "2026-03-02", "2026-03-04", rural: true);
        await CremateAsync(funeral, "火化乙", p2, VillageA, "2026-03-20", "2026-03-21", rural: false);
        await CremateAsync(funeral, "火化丙", p3, VillageB, "2026-04-05", "2026-04-06", rural: true);
        await BuryAsync(funeral, "urban-public-cemetery", "火化甲", p1, "2026-03-10");
        await BuryAsync(funeral, "commercial-cemetery", "火化乙", p2, "2026-03-25");

        // The 卫健 list names P1 again (already cremated: counted once), P5, P6, and P7 who died before the period.
        var list = Encoding.UTF8.GetBytes("身份证号,姓名,死亡日期,数据来源\n" + $"{p1},火化甲,2026-03-02,卫健\n{p5},名单死者,2026-03-15,卫健\n"
            + $"{p6},无籍死者,2026-04-10,卫健\n{p7},期前死者,2026-02-20,卫健\n");
        var staged = await (await county.UploadImportAsync("death-records", list, "d.csv")).JsonAsync();
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();

        var all = (await (await funeral.GetAsync($"/api/v1/funeral/statistics?region=360482&{Period}", Ct)).JsonAsync()).GetProperty("deaths");
        Assert.Equal((5, 3, 2, 3, 2, 60.00m, 1, 33.33m), (all.GetProperty("deaths").GetInt32(), all.GetProperty("deathsFromCremations").GetInt32(),
            all.GetProperty("deathsFromListsOnly").GetInt32(), all.GetProperty("cremations").GetInt32(), all.GetProperty("agriculturalCremations").GetInt32(),
            all.GetProperty("cremationRate").GetDecimal(), all.GetProperty("publicBurials").GetInt32(), all.GetProperty("publicBurialRate").GetDecimal()));
        var townships = Cells(all.GetProperty("townships"));
        Assert.Equal([("360482000000", 1, 0, 0, 0.00m, 0, null), (TownshipB, 1, 1, 1, 100.00m, 0, 0.00m), (TownshipA, 3, 2, 1, 66.67m, 1, 50.00m)],
            townships.Where(t => t.Deaths + t.Cremations + t.Burials > 0));
        Assert.Contains(("360482101000", 0, 0, 0, null, 0, null), townships); // a township without a record still has its row
        Assert.Equal([("2026-03", 3, 2, 1, 66.67m, 1, 50.00m), ("2026-04", 2, 1, 1, 50.00m, 0, 0.00m)], Cells(all.GetProperty("months")));

        // A region and period without deaths: no rate at all, not 0%.
        var none = (await (await funeral.GetAsync($"/api/v1/funeral/statistics?region=360482100&from=2026-03-01&to=2026-03-31", Ct)).JsonAsync()).GetProperty("deaths");
        Assert.Equal((0, JsonValueKind.Null, JsonValueKind.Null), (none.GetProperty("deaths").GetInt32(), none.GetProperty("cremationRate").ValueKind,
            none.GetProperty("publicBurialRate").ValueKind));

        // A township clerk sees only the township: its deaths (P1, P2, P5), never township B's, and another township is not found.
        var (user, password) = await TestUsers.CreateAsync(app, "funeral-clerk", TownshipA);
        using var township = await app.ClientAsAsync(user, password);
        var own = (await (await township.GetAsync($"/api/v1/funeral/statistics?{Period}", Ct)).JsonAsync()).GetProperty("deaths");
        Assert.Equal([(TownshipA, 3, 2, 1, 66.67m, 1, 50.00m)], Cells(own.GetProperty("townships")));
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync($"/api/v1/funeral/statistics?region=360482100&{Period}", Ct)).StatusCode);

        using var leader = await app.ClientAsAsync("leader");
        var lines = await (await leader.GetAsync($"/api/v1/statistics/lines?region=360482&{Period}", Ct)).JsonAsync();
        var figures = lines.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetString() == "funeral").GetProperty("figures").EnumerateArray().ToList();
        decimal Figure(string code) => figures.Single(f => f.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();
        Assert.Equal((5m, 60.00m, 1m, 33.33m), (Figure("deaths"), Figure("cremationRate"), Figure("publicBurials"), Figure("publicBurialRate")));
        Assert.Equal("33.33%", Minzheng.Platform.Statistics.LineFigure.Rate("publicBurialRate", "入公墓率", Figure("publicBurialRate")).Text);
        var draft = await (await leader.GetAsync($"/api/v1/reports/work-summary?region=360482&{Period}", Ct)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("、殡葬管理", StringComparison.Ordinal));
        Assert.Contains(section.GetProperty("sentences").EnumerateArray(),
            x => x.GetProperty("text").GetString() == "死亡5人，火化3具，火化率60.00%；公益性公墓安葬1人，入公墓率33.33%。");

        using var web = new WebSession(app);
        await web.LoginAsync("leader", Minzheng.Platform.Demo.DemoSeeder.Password);
        var page = await (await web.GetAsync("/Cremations/Statistics?Region=360482100&From=2026-03-01&To=2026-03-31")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("stat-cremation-rate\">—<", page, StringComparison.Ordinal);
        var full = await (await web.GetAsync("/Cremations/Statistics?From=2026-03-01&To=2026-04-30")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("stat-cremation-rate\">60.00%<", full, StringComparison.Ordinal);
        Assert.Contains("death-rates-townships", full, StringComparison.Ordinal);
    }
}

public sealed class DeathStatisticsSqliteApp : SqliteApp
{
    public DeathStatisticsSqliteApp() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 2, 0, 0, TimeSpan.Zero));
}

public sealed class DeathStatisticsPostgresApp : PostgresApp
{
    public DeathStatisticsPostgresApp() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 2, 0, 0, TimeSpan.Zero));
}

public sealed class SqliteFuneralDeathStatisticsTests(DeathStatisticsSqliteApp app) : FuneralDeathStatisticsTests<DeathStatisticsSqliteApp>(app);

public sealed class PostgresFuneralDeathStatisticsTests(DeathStatisticsPostgresApp app) : FuneralDeathStatisticsTests<DeathStatisticsPostgresApp>(app);
