using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Platform.Calendar;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>殡改信息员 on both databases: appointment rules and duplicates, ending, the yearly subsidy roster (calculation, once per year, race), payment and export.</summary>
public abstract class FuneralOfficerTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.Today();

    private static object Officer(string name, string id, string region, DateOnly appointed, string? phone = "13800001234") =>
        new { name, idNumber = id, phone, regionCode = region, appointedOn = Day(appointed) };

    private static async Task<JsonElement> AppointAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/v1/funeral/officers", body, Ct)).JsonAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> FieldErrorsAsync(HttpResponseMessage response) =>
        (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");

    /// <summary>A funeral clerk of one township: rosters are per region and year, so each roster test works in its own township.</summary>
    private async Task<HttpClient> TownshipClerkAsync(string township)
    {
        var (user, password) = await TestUsers.CreateAsync(app, "funeral-clerk", township);
        return await app.ClientAsAsync(user, password);
    }

    [Fact]
    public async Task Appoint_BadInput_Is422_AndTheSamePersonTwiceInAVillageWhileServingIs409()
    {
        using var client = await app.ClientAsAsync("funeral");
        var errors = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/officers",
            new { name = "", idNumber = "110105194912310021", phone = "电话", regionCode = "360482100000", appointedOn = Day(Today.AddDays(1)) }, Ct));
        foreach (var field in new[] { "name", "idNumber", "phone", "regionCode", "appointedOn" })
        {
            Assert.True(errors.TryGetProperty(field, out var e), field);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e[0].GetString());
        }

        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/officers",
            Officer(new string('名', 51), Elder(1970), "360482100201", Today), Ct))).TryGetProperty("name", out _));
        await (await client.PostAsJsonAsync("/api/v1/funeral/officers", Officer("控制\u0001", Elder(1970), "360482100201", Today), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var id = Elder(1972);
        var first = await AppointAsync(client, Officer("信息员甲", id, "360482100201", Today.AddDays(-100)));
        Assert.Equal((id[..6] + "********" + id[^4..], "138****1234"), (first.GetProperty("idNumberMasked").GetString(), first.GetProperty("phoneMasked").GetString()));
        var twice = await (await client.PostAsJsonAsync("/api/v1/funeral/officers", Officer("信息员甲", id, "360482100201", Today), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("在任", twice.GetProperty("detail").GetString());
        await AppointAsync(client, Officer("信息员甲", id, "360482100202", Today));
        var (rows, _) = await client.GetPageAsync("/api/v1/funeral/officers?name=信息员甲&region=360482100201&status=active");
        Assert.Single(rows);
        Assert.DoesNotContain(id, await client.GetStringAsync("/api/v1/funeral/officers?name=信息员甲", Ct), StringComparison.Ordinal);

        // Ending: not before the appointment, once; then the person may be appointed again.
        var officer = first.GetProperty("id").GetString();
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/officers/{officer}/end", new { endedOn = Day(Today.AddDays(-101)) }, Ct)))
            .TryGetProperty("endedOn", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/officers/{officer}/end", new { endedOn = Day(Today.AddDays(1)) }, Ct)))
            .TryGetProperty("endedOn", out _));
        var ended = await (await client.PostAsJsonAsync($"/api/v1/funeral/officers/{officer}/end", new { endedOn = Day(Today) }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.False(ended.GetProperty("active").GetBoolean());
        await (await client.PostAsJsonAsync($"/api/v1/funeral/officers/{officer}/end", new { endedOn = Day(Today) }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await AppointAsync(client, Officer("信息员甲", id, "360482100201", Today));
    }

    [Fact]
    public async Task ConcurrentAppointments_OfOnePerson_StoreOne()
    {
        using var setup = await app.ClientAsAsync("funeral");
        var id = Elder(1975);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add(await app.ClientAsAsync("funeral"));
        }

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/v1/funeral/officers", Officer("并发员", id, "360482101201", Today), Ct)));
        clients.ForEach(c => c.Dispose());
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
    }

    [Fact]
    public async Task Roster_PaysStandardTimesMonthsServed_OncePerYear_ThenPaidAndExported()
    {
        using var client = await TownshipClerkAsync("360482202000");
        const int year = 2021;
        var full = (await AppointAsync(client, Officer("全年员", Elder(1968), "360482202201", new DateOnly(2019, 3, 1)))).GetProperty("id").GetString();
        var june = (await AppointAsync(client, Officer("六月员", Elder(1969), "360482202202", new DateOnly(year, 6, 20)))).GetProperty("id").GetString();
        var left = (await AppointAsync(client, Officer("离任员", Elder(1966), "360482202203", new DateOnly(2020, 1, 1)))).GetProperty("id").GetString();
        await (await client.PostAsJsonAsync($"/api/v1/funeral/officers/{left}/end", new { endedOn = $"{year}-03-10" }, Ct)).JsonAsync(HttpStatusCode.Created);
        var gone = (await AppointAsync(client, Officer("早离员", Elder(1965), "360482202203", new DateOnly(2018, 1, 1)))).GetProperty("id").GetString();
        await (await client.PostAsJsonAsync($"/api/v1/funeral/officers/{gone}/end", new { endedOn = $"{year - 1}-12-31" }, Ct)).JsonAsync(HttpStatusCode.Created);

        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/officer-rosters", new { year = Today.Year + 1 }, Ct))).TryGetProperty("year", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/officer-rosters", new { year, annualStandard = -600m }, Ct)))
            .TryGetProperty("annualStandard", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/officer-rosters", new { year, annualStandard = 9_999_999m }, Ct)))
            .TryGetProperty("annualStandard", out _));

        var roster = await (await client.PostAsJsonAsync("/api/v1/funeral/officer-rosters", new { year }, Ct)).JsonAsync(HttpStatusCode.Created);
        var rows = roster.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("officerId").GetString()!);
        Assert.Equal(3, rows.Count);
        Assert.False(rows.ContainsKey(gone!));
        Assert.Equal((12, "600.00 × 12/12", 600.00m), Line(rows[full!]));
        Assert.Equal((7, "600.00 × 7/12", 350.00m), Line(rows[june!]));
        Assert.Equal((3, "600.00 × 3/12", 150.00m), Line(rows[left!]));
        Assert.Equal(1100.00m, roster.GetProperty("total").GetDecimal());

        var again = await (await client.PostAsJsonAsync("/api/v1/funeral/officer-rosters", new { year, annualStandard = 720m }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复生成", again.GetProperty("detail").GetString());

        var line = rows[june!].GetProperty("id").GetString();
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/officer-rosters/lines/{line}/paid", new { paidOn = Day(Today.AddDays(1)) }, Ct)))
            .TryGetProperty("paidOn", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/officer-rosters/lines/{line}/paid", new { paidOn = $"{year - 1}-12-31" }, Ct)))
            .TryGetProperty("paidOn", out _));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/officer-rosters/lines/{line}/paid", new { paidOn = $"{year + 1}-01-15" }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/officer-rosters/lines/{line}/paid", new { paidOn = $"{year + 1}-01-16" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var after = await (await client.GetAsync($"/api/v1/funeral/officer-rosters/{year}", Ct)).JsonAsync();
        Assert.Equal((350.00m, 1), (after.GetProperty("paid").GetDecimal(), after.GetProperty("paidRows").GetInt32()));

        var exported = await client.ExportRowsAsync($"/api/v1/funeral/officer-rosters/{year}/export.xlsx");
        var june6 = exported.Single(r => (string?)r["姓名"] == "六月员");
        Assert.Equal(("600.00 × 7/12", $"{year + 1}-01-15"), ((string?)june6["计算方式"], (string?)june6["发放日期"]));
        Assert.Matches(@"^\d{6}\*{8}\d{3}[\dX]$", (string?)june6["身份证号"]);

        var stats = await (await client.GetAsync($"/api/v1/funeral/statistics?from={year + 1}-01-01&to={year + 1}-12-31", Ct)).JsonAsync();
        Assert.Equal(350.00m, stats.GetProperty("graves").GetProperty("subsidyPaid").GetDecimal());

        // The county's roster of the same year would overlap the township's: refused, nothing written.
        using var county = await app.ClientAsAsync("funeral");
        await (await county.PostAsJsonAsync("/api/v1/funeral/officer-rosters", new { year }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ConcurrentRosters_ForOneYear_ExactlyOneIsGenerated()
    {
        using var setup = await TownshipClerkAsync("360482201000");
        const int year = 2020;
        await AppointAsync(setup, Officer("竞争员", Elder(1971), "360482201201", new DateOnly(2019, 5, 1)));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add(await TownshipClerkAsync("360482201000"));
        }

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/v1/funeral/officer-rosters", new { year }, Ct)));
        clients.ForEach(c => c.Dispose());
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var roster = await (await setup.GetAsync($"/api/v1/funeral/officer-rosters/{year}", Ct)).JsonAsync();
        Assert.Equal((1, 1), (roster.GetProperty("rosters").GetInt32(), roster.GetProperty("rows").GetArrayLength()));
    }

    private static (int, string, decimal) Line(JsonElement row) =>
        (row.GetProperty("months").GetInt32(), row.GetProperty("calculation").GetString()!, row.GetProperty("amount").GetDecimal());
}

public sealed class SqliteFuneralOfficerTests(SqliteApp app) : FuneralOfficerTests<SqliteApp>(app);

public sealed class PostgresFuneralOfficerTests(PostgresApp app) : FuneralOfficerTests<PostgresApp>(app);
