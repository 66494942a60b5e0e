using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialAssistance.Visits;

/// <summary>
/// The clock-driven app of the visit tests, with intervals of 10 and 20 days instead of the defaults 15 and 30, so the
/// due dates prove the settings are read. The clock starts on Monday 2026-09-21 and only moves forward.
/// </summary>
public class SqliteWelfareVisitApp : SqliteClockApp
{
    public SqliteWelfareVisitApp() => WelfareVisitFixtures.Configure(Settings);
}

public class PostgresWelfareVisitApp : PostgresClockApp
{
    public PostgresWelfareVisitApp() => WelfareVisitFixtures.Configure(Settings);
}

/// <summary>Builders for visit tests: 特困分散供养 persons in a fresh village of 甘露镇, their self-care level, visits.</summary>
internal static class WelfareVisitFixtures
{
    public const int Dependent = 10;
    public const int Other = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static void Configure(Dictionary<string, string> settings)
    {
        settings["Visits:IntervalDays:Dependent"] = Dependent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Visits:IntervalDays:Other"] = Other.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A new village of 甘露镇 with one 特困分散供养 person per self-care level given (enrolled from 2026-01); their due items in that order.</summary>
    public static async Task<(string Village, List<JsonElement> Persons)> DestituteAsync(MinzhengApp app, params string[] selfCare)
    {
        var village = await PaymentFixtures.VillageAsync(app);
        var payees = await PaymentFixtures.CaseloadAsync(app, village, "特困分散供养", [.. selfCare.Select((_, i) => 900m + i)]);
        using var county = await app.ClientAsAsync("county");
        var listed = await DueAsync(county, $"region={village}");
        foreach (var (payee, level) in payees.Zip(selfCare).Where(p => p.Second != "full"))
        {
            var person = listed.Single(i => i.GetProperty("enrollmentId").GetString() == payee.EnrollmentId);
            var put = await county.PutAsJsonAsync($"/api/v1/persons/{person.GetProperty("personId").GetString()}", new { name = payee.Name, selfCare = level }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        var due = await DueAsync(county, $"region={village}");
        return (village, payees.Select(p => due.Single(i => i.GetProperty("enrollmentId").GetString() == p.EnrollmentId)).ToList());
    }

    public static async Task<List<JsonElement>> DueAsync(HttpClient client, string query = "") =>
        (await (await client.GetAsync($"/api/v1/welfare-visits?{query}", Ct)).JsonAsync()).EnumerateArray().ToList();

    public static async Task<JsonElement> ItemAsync(HttpClient client, string village, string enrollmentId) =>
        (await DueAsync(client, $"region={village}")).Single(i => i.GetProperty("enrollmentId").GetString() == enrollmentId);

    public static Task<HttpResponseMessage> RecordAsync(HttpClient client, string enrollmentId, object body) =>
        client.PostAsJsonAsync($"/api/v1/welfare-visits/{enrollmentId}", body, Ct);

    public static object Visit(string visitedOn, string way = "home-visit", string? findings = "身体尚好，屋内整洁，粮油充足") =>
        new { visitedOn, visitors = "王晓梅、李建国", way, findings };

    public static string Id(this JsonElement item) => item.GetProperty("enrollmentId").GetString()!;

    public static string Text(this JsonElement item, string property) => item.GetProperty(property).GetString()!;
}
