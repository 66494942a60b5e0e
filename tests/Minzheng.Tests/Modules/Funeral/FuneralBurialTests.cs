using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Platform.Calendar;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>Burials and tenure on sold plots, on both databases: who fits in a plot, the dates, the race for the last slot, renewal, the board, the figures.</summary>
public abstract class FuneralBurialTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.Today();

    private static async Task<string> CemeteryAsync(HttpClient client)
    {
        var body = new
        {
            name = $"安葬测试墓地{Guid.NewGuid():N}"[..14],
            kind = "rural-public-cemetery",
            approvalDocument = "共民字〔2024〕2号",
            approvedOn = "2024-05-01",
            capacity = 100,
            regionCode = "360482100201"
        };
        return (await (await client.PostAsJsonAsync("/api/v1/funeral/facilities", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>A plot sold on <paramref name="soldOn"/> for <paramref name="years"/> years; its id.</summary>
    private static async Task<string> SoldPlotAsync(HttpClient client, string kind, DateOnly soldOn, int? years = 20)
    {
        var cemetery = await CemeteryAsync(client);
        var plot = (await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "安", row = 1, number = 1, kind, forAshes = true, squareMeters = 1m, price = 0m }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale",
            new { buyerName = "购墓家属", buyerIdNumber = Elder(1970), soldOn = Day(soldOn), contractNumber = "AZ-1", tenureYears = years, buyerRegionCode = "360482100201" }, Ct)).JsonAsync(HttpStatusCode.Created);
        return plot;
    }

    private static object Burial(string name, string id, DateOnly on, string? cremationId = null) => new { deceasedName = name, idNumber = id, buriedOn = Day(on), cremationId };

    private static async Task<JsonElement> PlotAsync(HttpClient client, string plot) => await (await client.GetAsync($"/api/v1/funeral/plots/{plot}", Ct)).JsonAsync();

    [Fact]
    public async Task Burial_InASingle_MakesItBuried_LinksTheCremation_AndASecondIs409()
    {
        using var client = await app.ClientAsAsync("funeral");
        var plot = await SoldPlotAsync(client, "single", Today.AddDays(-30));
        var id = Elder(1936);
        var cremation = (await (await client.PostAsJsonAsync("/api/v1/funeral/cremations",
            new { name = "安葬甲", idNumber = id, deathDate = Day(Today.AddDays(-12)), cremationDate = Day(Today.AddDays(-10)), funeralHome = "共青城市殡仪馆" }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        // Before the cremation is refused; the cremation is linked by the ID number even when not named.
        var early = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("安葬甲", id, Today.AddDays(-11)), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("火化日期", early.GetProperty("errors").GetProperty("buriedOn")[0].GetString());
        var buried = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("安葬甲", id, Today.AddDays(-5)), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((1, cremation), (buried.GetProperty("slot").GetInt32(), buried.GetProperty("cremationId").GetString()));

        var detail = await PlotAsync(client, plot);
        Assert.Equal("buried", detail.GetProperty("plot").GetProperty("status").GetString());
        Assert.DoesNotContain(id, detail.GetRawText());
        var full = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("安葬乙", Elder(1937), Today), Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("单穴", full.GetProperty("detail").GetString());

        // The same person in another plot: a person is buried once.
        var other = await SoldPlotAsync(client, "single", Today.AddDays(-3));
        var twice = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{other}/burials", Burial("安葬甲", id, Today), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复登记安葬", twice.GetProperty("detail").GetString());
        Assert.Single((await PlotAsync(client, plot)).GetProperty("burials").EnumerateArray());
        Assert.Equal("sold", (await PlotAsync(client, other)).GetProperty("plot").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Burial_BadInput_IsRefused_AndWritesNothing()
    {
        using var client = await app.ClientAsAsync("funeral");
        var soldOn = Today.AddDays(-20);
        var plot = await SoldPlotAsync(client, "double", soldOn);
        var beforeSale = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("早葬", Elder(), soldOn.AddDays(-1)), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("售出日期", beforeSale.GetProperty("errors").GetProperty("buriedOn")[0].GetString());
        var future = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("未来", Elder(), Today.AddDays(1)), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不能晚于今天", future.GetProperty("errors").GetProperty("buriedOn")[0].GetString());
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("控制\u0007字符", Elder(), Today), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var bad = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials",
            new { deceasedName = "", idNumber = "360482194001011234", buriedOn = Day(Today) }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(bad.GetProperty("errors").TryGetProperty("deceasedName", out _) && bad.GetProperty("errors").TryGetProperty("idNumber", out _));
        var tooLong = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial(new string('长', 51), Elder(), Today), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("deceasedName", out _));
        var someoneElse = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("错配", Elder(), Today, Guid.NewGuid().ToString()), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(someoneElse.GetProperty("errors").TryGetProperty("cremationId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/v1/funeral/plots/{plot}/burials",
            new StringContent("{\"deceasedName\":", System.Text.Encoding.UTF8, "application/json"), Ct)).StatusCode);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{Guid.NewGuid()}/burials", Burial("无墓", Elder(), Today), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        var detail = await PlotAsync(client, plot);
        Assert.Empty(detail.GetProperty("burials").EnumerateArray());
        Assert.Equal("sold", detail.GetProperty("plot").GetProperty("status").GetString());

        // A free plot is sold first.
        var cemetery = await CemeteryAsync(client);
        var free = (await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "空", row = 1, number = 1, kind = "single", forAshes = true, squareMeters = 1m }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var unsold = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{free}/burials", Burial("未售", Elder(), Today), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("尚未售出", unsold.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ConcurrentBurials_ForTheLastSlotOfADouble_ExactlyOneWins()
    {
        using var setup = await app.ClientAsAsync("funeral");
        var plot = await SoldPlotAsync(setup, "double", Today.AddDays(-40));
        await (await setup.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("先葬者", Elder(1935), Today.AddDays(-30)), Ct)).JsonAsync(HttpStatusCode.Created);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            clients.Add(await app.ClientAsAsync("funeral"));
        }

        var answers = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial($"合葬{i}", Elder(1936), Today), Ct)));
        clients.ForEach(c => c.Dispose());
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var burials = (await PlotAsync(setup, plot)).GetProperty("burials").EnumerateArray().ToList();
        Assert.Equal([1, 2], burials.Select(b => b.GetProperty("slot").GetInt32()));
    }

    [Fact]
    public async Task Renewal_ExtendsTheExpiry_KeepsTheHistory_AndTheBoardShowsExpiringAndExpiredTenures()
    {
        using var client = await app.ClientAsAsync("funeral");
        var expiring = await SoldPlotAsync(client, "single", Today.AddYears(-20).AddDays(30));
        var expired = await SoldPlotAsync(client, "single", Today.AddYears(-20).AddDays(-10));
        var later = await SoldPlotAsync(client, "single", Today.AddYears(-20).AddDays(200));
        Assert.Equal("expired", (await PlotAsync(client, expired)).GetProperty("plot").GetProperty("status").GetString());
        var closed = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{expired}/burials", Burial("到期后", Elder(), Today), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("续期", closed.GetProperty("detail").GetString());

        var items = (await (await client.GetAsync("/api/v1/deadlines?take=1000", Ct)).JsonAsync()).EnumerateArray().ToList();
        JsonElement? Item(string plot) => items.Where(i => i.GetProperty("href").GetString() == $"/FuneralFacilities/Plot?id={plot}").Select(i => (JsonElement?)i).FirstOrDefault();
        Assert.Equal("overdue", Item(expired)!.Value.GetProperty("urgency").GetString());
        Assert.Equal("墓穴使用到期", Item(expiring)!.Value.GetProperty("kind").GetString());
        Assert.Null(Item(later));

        // Renewing the expired plot runs on from its old expiry, takes it off the board and keeps the history.
        var oldEnd = Today.AddYears(-20).AddDays(-10).AddYears(20);
        var renewed = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{expired}/renewals", new { years = 10, fee = 1200m, receiptNumber = "XQ-1" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal((Day(oldEnd), Day(oldEnd.AddYears(10))), (renewed.GetProperty("previousExpiresOn").GetString(), renewed.GetProperty("expiresOn").GetString()));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{expired}/renewals", new { years = 5 }, Ct)).JsonAsync(HttpStatusCode.Created);
        var detail = await PlotAsync(client, expired);
        Assert.Equal("sold", detail.GetProperty("plot").GetProperty("status").GetString());
        Assert.Equal(Day(oldEnd.AddYears(15)), detail.GetProperty("plot").GetProperty("expiresOn").GetString());
        Assert.Equal([10, 5], detail.GetProperty("renewals").EnumerateArray().Select(r => r.GetProperty("years").GetInt32()));
        Assert.DoesNotContain($"/FuneralFacilities/Plot?id={expired}", await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct), StringComparison.Ordinal);

        // Bad renewals write nothing; other lines do not see this kind of work.
        var bad = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{expiring}/renewals", new { years = 0, fee = -1m, renewedOn = Day(Today.AddDays(1)) }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(bad.GetProperty("errors").TryGetProperty("years", out _) && bad.GetProperty("errors").TryGetProperty("fee", out _)
            && bad.GetProperty("errors").TryGetProperty("renewedOn", out _));
        Assert.Empty((await PlotAsync(client, expiring)).GetProperty("renewals").EnumerateArray());
        var perpetual = await SoldPlotAsync(client, "single", Today, years: null);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{perpetual}/renewals", new { years = 5 }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using var county = await app.ClientAsAsync("county");
        Assert.DoesNotContain("墓穴使用到期", await county.GetStringAsync("/api/v1/deadlines?take=1000", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_CountPlotsSoldAndBurials_InThePeriod()
    {
        using var client = await app.ClientAsAsync("funeral");
        var url = $"/api/v1/funeral/statistics?region=360482100201&from={Day(Today.AddDays(-60))}&to={Day(Today)}";
        var before = await (await client.GetAsync(url, Ct)).JsonAsync();
        var plot = await SoldPlotAsync(client, "double", Today.AddDays(-10));
        await SoldPlotAsync(client, "single", Today.AddDays(-400));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("统计甲", Elder(), Today.AddDays(-2)), Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", Burial("统计乙", Elder(), Today.AddDays(-1)), Ct)).JsonAsync(HttpStatusCode.Created);
        var after = await (await client.GetAsync(url, Ct)).JsonAsync();
        int Delta(string name) => after.GetProperty(name).GetInt32() - before.GetProperty(name).GetInt32();
        Assert.Equal((2, 1, 2), (Delta("plots"), Delta("plotsSold"), Delta("burials")));

        using var leader = await app.ClientAsAsync("leader");
        var lines = await (await leader.GetAsync($"/api/v1/statistics/lines?region=360482&from={Day(Today.AddDays(-60))}&to={Day(Today)}", Ct)).JsonAsync();
        var funeral = lines.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetString() == "funeral");
        Assert.Contains(funeral.GetProperty("figures").EnumerateArray(), f => f.GetProperty("code").GetString() == "burials" && f.GetProperty("value").GetDecimal() >= 2);
    }
}

public sealed class SqliteFuneralBurialTests(SqliteApp app) : FuneralBurialTests<SqliteApp>(app);

public sealed class PostgresFuneralBurialTests(PostgresApp app) : FuneralBurialTests<PostgresApp>(app);
