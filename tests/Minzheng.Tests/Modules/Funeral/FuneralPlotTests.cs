using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Platform.Calendar;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>Cemetery plots on both databases: the province's size limit, one sale per plot whatever the concurrency, the numbered 墓穴证.</summary>
public abstract class FuneralPlotTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Village = "360482100201";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> FacilityAsync(HttpClient client, string kind = "rural-public-cemetery")
    {
        var body = new { name = $"测试墓地{Guid.NewGuid():N}"[..12], kind, approvalDocument = "共民字〔2024〕1号", approvedOn = "2024-05-01", capacity = 200, regionCode = "360482100201" };
        return (await (await client.PostAsJsonAsync("/api/v1/funeral/facilities", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task<string> PlotAsync(HttpClient client, string facility, int number) =>
        (await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{facility}/plots",
            new { area = "A", row = 1, number, kind = "single", forAshes = true, squareMeters = 0.8m, price = 0m }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static object Sale(string contract, string? id = null) =>
        new { buyerName = "购墓人", buyerIdNumber = id ?? FuneralIds.Elder(1970), soldOn = "2026-04-04", contractNumber = contract, tenureYears = 20, buyerRegionCode = Village };

    [Fact]
    public async Task AddPlot_OverTheProvincialLimit_OrInAFuneralHome_Is422_AndTheSamePlaceTwiceIs409()
    {
        using var client = await app.ClientAsAsync("funeral");
        var cemetery = await FacilityAsync(client);
        var tooLarge = await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "B", row = 1, number = 1, kind = "single", forAshes = false, squareMeters = 4.5m }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("超过本省", tooLarge.GetProperty("errors").GetProperty("squareMeters")[0].GetString());
        await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "B", row = 1, number = 1, kind = "double", forAshes = false, squareMeters = 6m }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "B", row = 1, number = 1, kind = "single", forAshes = true, squareMeters = 1m }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var home = await FacilityAsync(client, "funeral-home");
        var refused = await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{home}/plots",
            new { area = "A", row = 1, number = 1, kind = "single", forAshes = true, squareMeters = 1m }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(refused.GetProperty("errors").TryGetProperty("facility", out _));
        Assert.Single((await (await client.GetAsync($"/api/v1/funeral/facilities/{cemetery}/plots", Ct)).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Sale_IssuesANumberedCertificate_WithTheTenure_AndASecondSaleIs409()
    {
        using var client = await app.ClientAsAsync("funeral");
        var cemetery = await FacilityAsync(client);
        var plot = await PlotAsync(client, cemetery, 1);
        var sold = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", Sale("HT-001"), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("墓证〔2026〕", sold.GetProperty("certificateNumber").GetString());
        Assert.Equal("2046-04-04", sold.GetProperty("expiresOn").GetString());
        var again = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", Sale("HT-002"), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(sold.GetProperty("certificateNumber").GetString()!, again.GetProperty("detail").GetString());
        var bad = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{await PlotAsync(client, cemetery, 2)}/sale",
            new { buyerName = "购墓人", buyerIdNumber = "123", soldOn = "2099-01-01", contractNumber = "" }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(bad.GetProperty("errors").TryGetProperty("buyerIdNumber", out _) && bad.GetProperty("errors").TryGetProperty("soldOn", out _));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{Guid.NewGuid()}/sale", Sale("HT-003"), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConcurrentSales_OfOnePlot_ExactlyOneWins()
    {
        using var setup = await app.ClientAsAsync("funeral");
        var cemetery = await FacilityAsync(setup);
        var plot = await PlotAsync(setup, cemetery, 7);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            clients.Add(await app.ClientAsAsync("funeral"));
        }

        var answers = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", Sale($"HT-C{i}"), Ct)));
        clients.ForEach(c => c.Dispose());
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var row = (await (await setup.GetAsync($"/api/v1/funeral/facilities/{cemetery}/plots", Ct)).JsonAsync()).EnumerateArray().Single();
        Assert.Equal("sold", row.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ARuralPublicCemetery_SellsToItsOwnVillagersOnly_AnUrbanOneToAnyone()
    {
        using var client = await app.ClientAsAsync("funeral");
        var rural = await FacilityAsync(client);
        var plot = await PlotAsync(client, rural, 31);
        var sale = new { buyerName = "外村人", buyerIdNumber = FuneralIds.Elder(1971), soldOn = "2026-04-04", contractNumber = "NC-1", tenureYears = 20 };
        var missing = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", sale, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("只为本村（居）民提供墓穴", missing.GetProperty("errors").GetProperty("buyerRegionCode")[0].GetString());
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", new { sale.buyerName, sale.buyerIdNumber, sale.soldOn, sale.contractNumber, buyerRegionCode = "360482200201" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", new { sale.buyerName, sale.buyerIdNumber, sale.soldOn, sale.contractNumber, buyerRegionCode = "36048210020X" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", Sale("NC-2"), Ct)).JsonAsync(HttpStatusCode.Created);

        var urban = await PlotAsync(client, await FacilityAsync(client, "urban-public-cemetery"), 1);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{urban}/sale", sale, Ct)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AReservedPlot_IsSoldOnlyToItsFamily_AndACancelledReservationFreesIt()
    {
        using var client = await app.ClientAsAsync("funeral");
        var cemetery = await FacilityAsync(client);
        var (plot, other) = (await PlotAsync(client, cemetery, 41), await PlotAsync(client, cemetery, 42));
        var family = FuneralIds.Elder(1962);
        var today = TimeProvider.System.Today();
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        object Reservation(string until) => new { buyerName = "预留家属", buyerIdNumber = family, buyerRegionCode = Village, reservedUntil = until };

        var bad = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/reservation", Reservation(Day(today.AddDays(-1))), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(bad.GetProperty("errors").TryGetProperty("reservedUntil", out _));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/reservation", Reservation(Day(today.AddDays(400))), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var reserved = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/reservation", Reservation(Day(today.AddDays(30))), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Day(today.AddDays(30)), reserved.GetProperty("reservedUntil").GetString());
        var row = (await (await client.GetAsync($"/api/v1/funeral/facilities/{cemetery}/plots", Ct)).JsonAsync()).EnumerateArray().Single(p => p.GetProperty("id").GetString() == plot);
        Assert.Equal(("reserved", "预留家属", Day(today.AddDays(30))), (row.GetProperty("status").GetString(), row.GetProperty("buyerName").GetString(), row.GetProperty("reservedUntil").GetString()));

        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/reservation", Reservation(Day(today.AddDays(30))), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var stranger = await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", Sale("YL-1"), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("只能售给预留人", stranger.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", new { deceasedName = "某某", idNumber = FuneralIds.Elder(1930), buriedOn = Day(today) }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", Sale("YL-2", family), Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync($"/api/v1/funeral/plots/{plot}/reservation/cancel", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{other}/reservation", Reservation(Day(today.AddDays(5))), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/funeral/plots/{other}/reservation/cancel", null, Ct)).StatusCode);
        var freed = (await (await client.GetAsync($"/api/v1/funeral/facilities/{cemetery}/plots", Ct)).JsonAsync()).EnumerateArray().Single(p => p.GetProperty("id").GetString() == other);
        Assert.Equal(("free", JsonValueKind.Null), (freed.GetProperty("status").GetString(), freed.GetProperty("buyerName").ValueKind));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{other}/sale", Sale("YL-3"), Ct)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AnotherTownshipsClerk_CannotSellTheCountysPlots()
    {
        using var county = await app.ClientAsAsync("funeral");
        var plot = await PlotAsync(county, await FacilityAsync(county), 9);
        var (user, password) = await TestUsers.CreateAsync(app, "funeral-clerk", "360482200000");
        using var other = await app.ClientAsAsync(user, password);
        await (await other.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", Sale("HT-X"), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await county.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", Sale("HT-Y"), Ct)).JsonAsync(HttpStatusCode.Created);
    }
}

public sealed class SqliteFuneralPlotTests(SqliteApp app) : FuneralPlotTests<SqliteApp>(app);

public sealed class PostgresFuneralPlotTests(PostgresApp app) : FuneralPlotTests<PostgresApp>(app);
