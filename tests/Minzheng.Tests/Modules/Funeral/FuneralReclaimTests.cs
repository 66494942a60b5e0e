using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Minzheng.Platform.Calendar;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>
/// 墓穴到期未续期的收回处置 on both databases, on a clock moved through the tenure and the notice period: the 催告 only of an
/// expired plot and only once, no reclaim before its deadline, renewal closing it, the reclaim freeing the plot for a new sale.
/// </summary>
public abstract class FuneralReclaimTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => app.Clock!.Today();

    /// <summary>A plot sold ten days ago for one year, with one burial: its id.</summary>
    private async Task<string> BuriedPlotAsync(HttpClient client, string name, string idNumber, string cemeteryRegion = "360482100000")
    {
        var cemetery = (await (await client.PostAsJsonAsync("/api/v1/funeral/facilities", new
        {
            name = $"收回测试墓地{Guid.NewGuid():N}"[..14],
            kind = "urban-public-cemetery",
            approvalDocument = "赣民字〔2015〕102号",
            approvedOn = "2015-05-01",
            capacity = 100,
            regionCode = cemeteryRegion
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var plot = (await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "寿", row = 1, number = 1, kind = "single", forAshes = true, squareMeters = 1m, price = 5000m }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale",
            new { buyerName = "到期家属", buyerIdNumber = Elder(1970), soldOn = Day(Today.AddDays(-10)), contractNumber = "SH-1", tenureYears = 1 }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", new { deceasedName = name, idNumber, buriedOn = Day(Today.AddDays(-5)) }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        return plot;
    }

    private static Task<HttpResponseMessage> NoticeAsync(HttpClient client, string plot, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/reclaim-notices", body ?? new { }, Ct);

    private static Task<HttpResponseMessage> ReclaimAsync(HttpClient client, string plot, DateOnly on, string disposition = "columbarium", string place = "共青城市骨灰堂A区3排12号") =>
        client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/reclaim", new { reclaimedOn = Day(on), disposition, place }, Ct);

    private static async Task<JsonElement> PlotAsync(HttpClient client, string plot) => await (await client.GetAsync($"/api/v1/funeral/plots/{plot}", Ct)).JsonAsync();

    [Fact]
    public async Task ExpiredPlot_IsNoticed_ReclaimedOnlyAfterTheDeadline_ThenFreeAndSoldAgain()
    {
        var idNumber = Elder(1934);
        var plot = await BuriedPlotAsync(await app.ClientAsAsync("funeral"), "收回甲", idNumber);
        using (var early = await app.ClientAsAsync("funeral"))
        {
            Assert.Contains("尚未到期", (await (await NoticeAsync(early, plot)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
            await (await ReclaimAsync(early, plot, Today)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        }

        app.AdvanceDays(380);
        using var client = await app.ClientAsAsync("funeral");
        Assert.Equal("expired", (await PlotAsync(client, plot)).GetProperty("plot").GetProperty("status").GetString());
        Assert.True((await (await NoticeAsync(client, plot, new { noticedOn = Day(Today.AddDays(1)) })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("errors").TryGetProperty("noticedOn", out _));
        var notice = await (await NoticeAsync(client, plot)).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("墓催", notice.GetProperty("noticeNumber").GetString());
        Assert.Equal((Day(Today.AddDays(90)), "noticed", "到期家属"),
            (notice.GetProperty("deadline").GetString(), notice.GetProperty("status").GetString(), notice.GetProperty("holderName").GetString()));
        Assert.Contains("不能重复催告", (await (await NoticeAsync(client, plot)).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var board = await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct);
        Assert.Contains("墓穴催告期满待收回", board, StringComparison.Ordinal);

        // Before the deadline the family may still renew: no reclaim. Bad input names the field and writes nothing.
        Assert.Contains("催告期限", (await (await ReclaimAsync(client, plot, Today)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var bad = (await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/reclaim", new { reclaimedOn = "2026-02-30", disposition = "river", place = "" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        foreach (var field in new[] { "reclaimedOn", "disposition", "place" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", bad.GetProperty(field)[0].GetString());
        }

        await (await ReclaimAsync(client, plot, Today, place: "骨灰堂\u0007")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await ReclaimAsync(client, plot, Today, place: new string('堂', 101))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        using (var web = new WebSession(app))
        {
            await web.LoginAsync("funeral", Minzheng.Platform.Demo.DemoSeeder.Password);
            var print = await (await web.GetAsync($"/FuneralFacilities/ReclaimNotice?id={notice.GetProperty("id").GetString()}")).Content.ReadAsStringAsync(Ct);
            Assert.Contains(notice.GetProperty("noticeNumber").GetString()!, print);
            Assert.Contains("墓穴使用到期催告书", print);
        }

        app.AdvanceDays(91);
        using var later = await app.ClientAsAsync("funeral");
        var reclaimed = await (await ReclaimAsync(later, plot, Today)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("reclaimed", "迁入骨灰堂", 1), (reclaimed.GetProperty("status").GetString(), reclaimed.GetProperty("dispositionName").GetString(),
            reclaimed.GetProperty("remainsMoved").GetInt32()));
        var detail = await PlotAsync(later, plot);
        Assert.Equal(("free", JsonValueKind.Null, 0), (detail.GetProperty("plot").GetProperty("status").GetString(),
            detail.GetProperty("plot").GetProperty("buyerName").ValueKind, detail.GetProperty("burials").GetArrayLength()));
        await (await ReclaimAsync(later, plot, Today)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain($"/FuneralFacilities/Plot?id={plot}", await later.GetStringAsync("/api/v1/deadlines?take=1000", Ct), StringComparison.Ordinal);

        // The plot is sold again with a new 墓穴证; the person moved out may rest in it again.
        var resold = await (await later.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale",
            new { buyerName = "新购墓人", buyerIdNumber = Elder(1975), soldOn = Day(Today), contractNumber = "SH-2", tenureYears = 20 }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(notice.GetProperty("certificateNumber").GetString(), resold.GetProperty("certificateNumber").GetString());
        Assert.Equal(1, (await (await later.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", new { deceasedName = "收回甲", idNumber, buriedOn = Day(Today) }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("slot").GetInt32());
        var history = await (await later.GetAsync($"/api/v1/funeral/plots/{plot}/reclaims", Ct)).JsonAsync();
        Assert.Equal("reclaimed", history[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ConcurrentNotices_OneWins_ARenewalClosesTheNotice_AndNothingIsReclaimed()
    {
        var plot = await BuriedPlotAsync(await app.ClientAsAsync("funeral"), "续期乙", Elder(1933));
        app.AdvanceDays(400);
        using var client = await app.ClientAsAsync("funeral");
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => NoticeAsync(client, plot)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));

        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/renewals", new { years = 5, fee = 600m, receiptNumber = "XQ-9" }, Ct)).JsonAsync(HttpStatusCode.Created);
        var history = await (await client.GetAsync($"/api/v1/funeral/plots/{plot}/reclaims", Ct)).JsonAsync();
        Assert.Equal(("renewed", Day(Today)), (history.EnumerateArray().Single().GetProperty("status").GetString(), history[0].GetProperty("closedOn").GetString()));
        app.AdvanceDays(100);
        using var later = await app.ClientAsAsync("funeral");
        Assert.Contains("未到期或已续期", (await (await ReclaimAsync(later, plot, Today)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await (await NoticeAsync(later, plot)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("buried", (await PlotAsync(later, plot)).GetProperty("plot").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Statistics_CountNoticesAndReclaims_ByTownshipAndMonth_InTheLineFiguresAndTheSummary()
    {
        // A township of its own: the other tests' plots are in 360482100, so the figures here are exactly this test's.
        const string township = "360482200000";
        var plot = await BuriedPlotAsync(await app.ClientAsAsync("funeral"), "统计收回", Elder(1932), township);
        app.AdvanceDays(390);
        using var client = await app.ClientAsAsync("funeral");
        var noticedOn = Today;
        await (await NoticeAsync(client, plot)).JsonAsync(HttpStatusCode.Created);
        var url = $"/api/v1/funeral/statistics?region=360482200&from={Day(noticedOn)}&to={Day(noticedOn)}";
        var afterNotice = (await (await client.GetAsync(url, Ct)).JsonAsync()).GetProperty("reclaims");
        Assert.Equal((1, 0), (afterNotice.GetProperty("noticed").GetInt32(), afterNotice.GetProperty("reclaimed").GetInt32()));

        app.AdvanceDays(95);
        using var later = await app.ClientAsAsync("funeral");
        await (await ReclaimAsync(later, plot, Today)).JsonAsync(HttpStatusCode.Created);
        static string Month(DateOnly d) => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var period = $"from={Day(noticedOn)}&to={Day(Today)}";
        var figures = await (await later.GetAsync($"/api/v1/funeral/statistics?region=360482200&{period}", Ct)).JsonAsync();
        var reclaims = figures.GetProperty("reclaims");
        Assert.Equal((1, 1, 1), (reclaims.GetProperty("noticed").GetInt32(), reclaims.GetProperty("reclaimed").GetInt32(), reclaims.GetProperty("remainsMoved").GetInt32()));
        var cells = reclaims.GetProperty("cells").EnumerateArray()
            .Select(c => (c.GetProperty("township").GetString(), c.GetProperty("month").GetString(), c.GetProperty("noticed").GetInt32(), c.GetProperty("reclaimed").GetInt32()))
            .ToList();
        Assert.Equal([(township, Month(noticedOn), 1, 0), (township, Month(Today), 0, 1)], cells);
        var elsewhere = (await (await later.GetAsync($"/api/v1/funeral/statistics?region=360482100201&{period}", Ct)).JsonAsync()).GetProperty("reclaims");
        Assert.Equal(0, elsewhere.GetProperty("cells").GetArrayLength());

        using var leader = await app.ClientAsAsync("leader");
        var lines = await (await leader.GetAsync($"/api/v1/statistics/lines?region=360482200&{period}", Ct)).JsonAsync();
        var funeral = lines.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetString() == "funeral").GetProperty("figures").EnumerateArray().ToList();
        decimal Figure(string code) => funeral.Single(f => f.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();
        Assert.Equal((1m, 1m), (Figure("reclaimNotices"), Figure("plotsReclaimed")));
        var draft = await (await leader.GetAsync($"/api/v1/reports/work-summary?region=360482200&{period}", Ct)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("、殡葬管理", StringComparison.Ordinal));
        Assert.Contains(section.GetProperty("sentences").EnumerateArray(), x => x.GetProperty("text").GetString()!.Contains("发出催告1份，依法收回1个", StringComparison.Ordinal));

        using var web = new WebSession(app);
        await web.LoginAsync("leader", Minzheng.Platform.Demo.DemoSeeder.Password);
        var page = await (await web.GetAsync($"/Cremations/Statistics?Region=360482200&From={Day(noticedOn)}&To={Day(Today)}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("墓穴到期催告与收回", page, StringComparison.Ordinal);
        Assert.Equal("1", System.Text.RegularExpressions.Regex.Match(page, "stat-plots-reclaimed\">(\\d+)<").Groups[1].Value);
    }
}

public sealed class ReclaimSqliteApp : SqliteApp
{
    public ReclaimSqliteApp()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 2, 0, 0, TimeSpan.Zero));

        // The clock runs through more than a year: the demo passwords would expire on the way.
        Settings["Security:PasswordExpiryDays"] = "0";
    }
}

public sealed class ReclaimPostgresApp : PostgresApp
{
    public ReclaimPostgresApp()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 2, 0, 0, TimeSpan.Zero));

        // The clock runs through more than a year: the demo passwords would expire on the way.
        Settings["Security:PasswordExpiryDays"] = "0";
    }
}

public sealed class SqliteFuneralReclaimTests(ReclaimSqliteApp app) : FuneralReclaimTests<ReclaimSqliteApp>(app);

public sealed class PostgresFuneralReclaimTests(ReclaimPostgresApp app) : FuneralReclaimTests<ReclaimPostgresApp>(app);
