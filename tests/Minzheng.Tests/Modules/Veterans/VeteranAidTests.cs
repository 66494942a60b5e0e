using System.Net;
using Minzheng.Tests.Modules.SocialAssistance.Cases;
using static Minzheng.Tests.Modules.Veterans.VeteranFixtures;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>
/// 困难优抚对象's 临时救助 and 医疗救助: decided through the ordinary social-assistance case procedure, counted apart in the
/// 优抚 statistics by category (issue 27), on both databases and a fake clock of their own.
/// </summary>
public abstract class VeteranAidTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    [Fact]
    public async Task AidDecidedAsCases_ToEntitledPersons_IsCountedApartByCategory_AndShownOnTheirPage()
    {
        var village = await PaymentFixtures.VillageAsync(App, "360482100");
        using var township = await App.ClientAsAsync("township");
        var (husband, wife) = (Funeral.FuneralIds.Elder(1950), Funeral.FuneralIds.Elder(1952));
        var household = await HouseholdAsync(township, village, new { name = "辛老兵", idNumber = husband, relationship = "head", monthlyIncome = 0m },
            new { name = "辛老伴", idNumber = wife, relationship = "spouse", monthlyIncome = 0m });
        var neighbour = await HouseholdAsync(township, village, new { name = "邻居甲", idNumber = Adult(), relationship = "head", monthlyIncome = 0m });
        using (var veterans = await App.ClientAsAsync("veterans"))
        {
            await RegisterAsync(veterans, new { name = "辛老兵", idNumber = husband, regionCode = village, category = "demobilized" });
            await RegisterAsync(veterans, new { name = "辛老兵", idNumber = husband, regionCode = village, category = "war-participant" });
            await RegisterAsync(veterans, new { name = "辛老伴", idNumber = wife, regionCode = village, category = "demobilized" });
        }

        // 临时救助 to the household covers both (2 人次, the amount once); 医疗救助 is the applicant's; the neighbour's aid is not 优抚.
        var from = Today;
        await ActAsync("county", await OneOffAtCountyAsync("temporary", household), "decide", new { approve = true, amount = 2000m });
        await ActAsync("county", await OneOffAtCountyAsync("temporary", neighbour), "decide", new { approve = true, amount = 900m });
        var medical = (await ActAsync("county", await OneOffAtCountyAsync("medical", household), "decide", new { approve = true, amount = 1000m }))
            .GetProperty("amount").GetDecimal();
        Assert.True(medical > 0);

        using var officer = await App.ClientAsAsync("veterans");
        var figures = await (await officer.GetAsync($"/api/v1/veterans/statistics?region={village}&from={from}&to={Today}", Ct)).JsonAsync();
        var aid = figures.GetProperty("aid").EnumerateArray().ToDictionary(a => a.GetProperty("program").GetString()!);
        Assert.Equal((2, 2, 2000m), (aid["temporary"].GetProperty("times").GetInt32(), aid["temporary"].GetProperty("persons").GetInt32(),
            aid["temporary"].GetProperty("amount").GetDecimal()));
        Assert.Equal((1, 1, medical), (aid["medical"].GetProperty("times").GetInt32(), aid["medical"].GetProperty("persons").GetInt32(),
            aid["medical"].GetProperty("amount").GetDecimal()));
        var categories = figures.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!);
        Assert.Equal((2, 2000m, 1, medical), Aid(categories["demobilized"]));
        Assert.Equal((1, 2000m, 1, medical), Aid(categories["war-participant"]));

        // Before the aid was decided nothing is counted.
        var before = await (await officer.GetAsync($"/api/v1/veterans/statistics?region={village}&from=2026-01-01&to=2026-09-20", Ct)).JsonAsync();
        Assert.All(before.GetProperty("aid").EnumerateArray(), a => Assert.Equal(0, a.GetProperty("times").GetInt32()));

        var entitlement = (await (await officer.GetAsync($"/api/v1/veterans/entitlements?name=辛老兵&region={village}", Ct)).JsonAsync())
            .EnumerateArray().First().GetProperty("id").GetString();
        using var web = new WebSession(App);
        await web.LoginAsync("veterans", Minzheng.Platform.Demo.DemoSeeder.Password);
        var page = await (await web.GetAsync($"/Veterans/Detail?id={entitlement}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("2000.00", page);
        Assert.Contains(medical.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), page);
        Assert.DoesNotContain("900.00", page);
    }

    private static (int, decimal, int, decimal) Aid(System.Text.Json.JsonElement c) =>
        (c.GetProperty("temporaryAidTimes").GetInt32(), c.GetProperty("temporaryAidAmount").GetDecimal(),
            c.GetProperty("medicalAidTimes").GetInt32(), c.GetProperty("medicalAidAmount").GetDecimal());
}

public sealed class SqliteVeteranAidApp : SqliteClockApp;

public sealed class PostgresVeteranAidApp : PostgresClockApp;

public sealed class SqliteVeteranAidTests(SqliteVeteranAidApp app) : VeteranAidTests<SqliteVeteranAidApp>(app);

public sealed class PostgresVeteranAidTests(PostgresVeteranAidApp app) : VeteranAidTests<PostgresVeteranAidApp>(app);
