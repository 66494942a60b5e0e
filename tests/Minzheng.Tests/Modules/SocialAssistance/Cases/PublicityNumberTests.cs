using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Minzheng.Tests.Modules.SocialAssistance.Payments;

namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>The printed 公示名单 and 长期公示 carry their number (文号) and QR check like a decision: issued by the township, kept on reprints, shown to the village.</summary>
public abstract partial class PublicityNumberTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static string Now => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"data-testid=""publicity-number"">([^<]*)<")]
    private static partial Regex NumberPattern();

    private async Task<string> NumberOnPageAsync(string user, string url, string password = Minzheng.Platform.Demo.DemoSeeder.Password)
    {
        using var session = new WebSession(App);
        await session.LoginAsync(user, password);
        var response = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return NumberPattern().Match(html).Groups[1].Value.Trim();
    }

    [Fact]
    public async Task ThePublicityList_IsNumberedByTheTownship_KeepsItsNumberOnReprint_AndTheVillageSeesIt()
    {
        using var township = await App.ClientAsAsync("township");
        var household = await HouseholdAsync(township, "360482100201", new { name = "公示编号户", idNumber = Adult(), relationship = "head", monthlyIncome = 100m });
        var id = (await (await township.PostAsJsonAsync("/api/v1/cases", new { program = "rural-dibao", householdId = household, authorisationSigned = true }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await ActAsync("township", id, "accept");
        await ActAsync("township", id, "investigate", new { date = Now, investigators = new[] { "甲", "乙" }, findings = "属实" });
        await ActAsync("township", id, "check", new { passed = true });
        await ActAsync("reviewer", id, "township-review", new { approve = true, note = "符合" });
        await ActAsync("township", id, "start-publicity", new { date = Now });

        const string list = "/Cases/Publicity?region=360482100201";
        // The village prints the list before the township: no number of its own to give, and it says who gives it.
        Assert.Equal("文号待甘露镇人民政府打印本名单时编发", await NumberOnPageAsync("village", list));
        var number = await NumberOnPageAsync("township", list);
        Assert.Matches(@"^甘露镇救助公示〔\d{4}〕\d{3}号$", number);
        Assert.Equal(number, await NumberOnPageAsync("township", list));
        Assert.Equal(number, await NumberOnPageAsync("village", list));
        Assert.Equal(number, await NumberOnPageAsync("county", list)); // the county prints the township's list: the township's number

        using var session = new WebSession(App);
        await session.LoginAsync("township", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await session.GetAsync(list)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("甘露镇人民政府（盖章）", html);
        Assert.Contains("<svg", html);
        var code = Regex.Match(html, @"/Verify\?code=([A-Z0-9]{16})").Groups[1].Value;
        using var anonymous = App.CreateClient();
        var check = await (await anonymous.GetAsync($"/Verify?code={code}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(number, check);
        Assert.Contains("甘露镇人民政府", check);
        Assert.DoesNotContain("公示编号户", check);

        // Another list (the whole township) is another document with the next number.
        var township2 = await NumberOnPageAsync("township", "/Cases/Publicity?region=360482100");
        Assert.NotEqual(number, township2);
        Assert.StartsWith("甘露镇救助公示〔", township2);
    }

    [Fact]
    public async Task TheStandingList_IsNumberedByTheTownship_KeepsItsNumberWhileTheRosterIsUnchanged_AndIsNumberedAnewWhenItChanges()
    {
        var village = await PaymentFixtures.VillageAsync(App);
        await PaymentFixtures.CaseloadAsync(App, village, "农村低保", 520m);
        var (villager, password) = await TestUsers.CreateAsync(App, "village", village);
        var list = $"/Cases/StandingPublicity?region={village}";

        Assert.Equal("文号待甘露镇人民政府打印本名单时编发", await NumberOnPageAsync(villager, list, password));
        var number = await NumberOnPageAsync("township", list);
        Assert.Matches(@"^甘露镇救助长期公示〔\d{4}〕\d{3}号$", number);
        Assert.Equal(number, await NumberOnPageAsync("township", list));
        Assert.Equal(number, await NumberOnPageAsync(villager, list, password));

        using var session = new WebSession(App);
        await session.LoginAsync("township", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await session.GetAsync(list)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("甘露镇人民政府（盖章）", html);
        Assert.Contains("监督电话", html);
        Assert.Contains("/Verify?code=", html);

        // Someone enrolled since: the roster posted now is another document, and the village sees the new number.
        await PaymentFixtures.CaseloadAsync(App, village, "农村低保", 610m);
        var reposted = await NumberOnPageAsync("township", list);
        Assert.NotEqual(number, reposted);
        Assert.StartsWith("甘露镇救助长期公示〔", reposted);
        Assert.Equal(reposted, await NumberOnPageAsync(villager, list, password));
    }
}

public sealed class SqlitePublicityNumberTests(SqliteApp app) : PublicityNumberTests<SqliteApp>(app);

public sealed class PostgresPublicityNumberTests(PostgresApp app) : PublicityNumberTests<PostgresApp>(app);
