using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Platform.Calendar;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>Illegal burial cases on both databases: the rules of a case and of its outcome, region scoping, the board, the figures and the work summary.</summary>
public abstract class FuneralIllegalBurialTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Village = "360482100201";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.Today();

    private static object Case(string location, DateOnly found, DateOnly due, string region = Village, string kind = "scattered", decimal? lat = null, decimal? lon = null) =>
        new
        {
            kind,
            foundOn = Day(found),
            foundBy = "patrol",
            regionCode = region,
            location,
            latitude = lat,
            longitude = lon,
            description = "山坡新建坟墓一座，未进公墓",
            partyName = "某户",
            rectifyBy = Day(due)
        };

    private static async Task<string> OpenAsync(HttpClient client, object body) =>
        (await (await client.PostAsJsonAsync("/api/v1/funeral/illegal-burials", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<JsonElement> FieldErrorsAsync(HttpResponseMessage response) =>
        (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");

    [Fact]
    public async Task Open_BadInput_Is422PerField_AndWritesNothing()
    {
        using var client = await app.ClientAsAsync("funeral");
        var marker = $"坏输入{Guid.NewGuid():N}"[..10];
        var errors = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/illegal-burials",
            new
            {
                kind = "palace",
                foundOn = Day(Today.AddDays(1)),
                foundBy = "rumour",
                regionCode = "360482100000",
                location = marker,
                latitude = 95m,
                longitude = 116m,
                description = "",
                rectifyBy = "2026-13-01"
            }, Ct));
        foreach (var field in new[] { "kind", "foundOn", "foundBy", "regionCode", "latitude", "description", "rectifyBy" })
        {
            Assert.True(errors.TryGetProperty(field, out var e), field);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e[0].GetString());
        }

        var early = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/illegal-burials", Case(marker, Today.AddDays(-5), Today.AddDays(-6)), Ct));
        Assert.Contains("不能早于发现日期", early.GetProperty("rectifyBy")[0].GetString());
        var half = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/illegal-burials", Case(marker, Today, Today, lat: 29.2m), Ct));
        Assert.True(half.TryGetProperty("latitude", out _));
        await (await client.PostAsJsonAsync("/api/v1/funeral/illegal-burials", Case(marker + "\u0001", Today, Today), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var longText = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/illegal-burials", Case(new string('位', 201), Today, Today), Ct));
        Assert.True(longText.TryGetProperty("location", out _));
        var (rows, _) = await client.GetPageAsync("/api/v1/funeral/illegal-burials?pageSize=200");
        Assert.DoesNotContain(rows, r => r.GetProperty("location").GetString()!.StartsWith(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outcomes_CloseTheCaseOnce_PenaltyNeedsADecisionAndASaneAmount()
    {
        using var client = await app.ClientAsAsync("funeral");
        var id = await OpenAsync(client, Case("红光村后山", Today.AddDays(-20), Today.AddDays(10), lat: 29.247512m, lon: 115.812345m));
        var noDecision = await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{id}/outcome",
            new { outcome = "penalised", on = Day(Today), amount = 0m }, Ct));
        Assert.True(noDecision.TryGetProperty("decisionNumber", out _) && noDecision.TryGetProperty("amount", out _));
        var huge = await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{id}/outcome",
            new { outcome = "penalised", on = Day(Today), decisionNumber = "共民罚〔2026〕1号", amount = 5_000_000m }, Ct));
        Assert.True(huge.TryGetProperty("amount", out _));
        var beforeFound = await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{id}/outcome",
            new { outcome = "rectified", on = Day(Today.AddDays(-21)) }, Ct));
        Assert.Contains("发现日期", beforeFound.GetProperty("on")[0].GetString());
        var noPlace = await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{id}/outcome",
            new { outcome = "relocated", on = Day(Today) }, Ct));
        Assert.True(noPlace.TryGetProperty("destination", out _));
        Assert.Equal("open", (await (await client.GetAsync($"/api/v1/funeral/illegal-burials/{id}", Ct)).JsonAsync()).GetProperty("case").GetProperty("status").GetString());

        var closed = await (await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{id}/outcome",
            new { outcome = "penalised", on = Day(Today), decisionNumber = "共民罚〔2026〕2号", amount = 2000.5m }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("penalised", 2000.5m), (closed.GetProperty("status").GetString(), closed.GetProperty("penaltyAmount").GetDecimal()));
        var again = await (await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{id}/outcome", new { outcome = "rectified", on = Day(Today) }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已处罚", again.GetProperty("detail").GetString());
        var detail = await (await client.GetAsync($"/api/v1/funeral/illegal-burials/{id}", Ct)).JsonAsync();
        Assert.Equal(("共民罚〔2026〕2号", 29.247512m), (detail.GetProperty("decisionNumber").GetString(), detail.GetProperty("latitude").GetDecimal()));
    }

    [Fact]
    public async Task OpenCases_AreOnTheBoard_OverdueMarked_AndTheListFiltersThem()
    {
        using var client = await app.ClientAsAsync("funeral");
        var overdue = await OpenAsync(client, Case("逾期坟", Today.AddDays(-40), Today.AddDays(-1), kind: "luxury"));
        var onTime = await OpenAsync(client, Case("未逾期坟", Today.AddDays(-2), Today.AddDays(60)));
        var items = (await (await client.GetAsync("/api/v1/deadlines?take=1000", Ct)).JsonAsync()).EnumerateArray().ToList();
        string? Urgency(string id) => items.Where(i => i.GetProperty("href").GetString() == $"/IllegalBurials/Detail?id={id}").Select(i => i.GetProperty("urgency").GetString()).FirstOrDefault();
        Assert.Equal(("overdue", "on-time"), (Urgency(overdue), Urgency(onTime)));

        var (overdueRows, _) = await client.GetPageAsync("/api/v1/funeral/illegal-burials?status=overdue&pageSize=200");
        Assert.Contains(overdue, overdueRows.Strings("id"));
        Assert.DoesNotContain(onTime, overdueRows.Strings("id"));
        Assert.All(overdueRows, r => Assert.True(r.GetProperty("overdue").GetBoolean()));
        var (luxury, _) = await client.GetPageAsync("/api/v1/funeral/illegal-burials?kind=luxury&region=360482100&pageSize=200");
        Assert.Contains(overdue, luxury.Strings("id"));
        Assert.DoesNotContain(onTime, luxury.Strings("id"));

        await (await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{overdue}/outcome", new { outcome = "relocated", on = Day(Today), destination = "红光村公益性墓地" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.DoesNotContain($"/IllegalBurials/Detail?id={overdue}", await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTownshipsClerk_CannotSeeOrRecordTheCase()
    {
        using var county = await app.ClientAsAsync("funeral");
        var id = await OpenAsync(county, Case("甘露镇的坟", Today.AddDays(-3), Today.AddDays(30)));
        var (user, password) = await TestUsers.CreateAsync(app, "funeral-clerk", "360482200000");
        using var other = await app.ClientAsAsync(user, password);
        await (await other.GetAsync($"/api/v1/funeral/illegal-burials/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{id}/outcome", new { outcome = "rectified", on = Day(Today) }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, await other.GetStringAsync("/api/v1/funeral/illegal-burials?pageSize=200", Ct), StringComparison.Ordinal);
        var outside = await FieldErrorsAsync(await other.PostAsJsonAsync("/api/v1/funeral/illegal-burials", Case("越界", Today, Today), Ct));
        Assert.True(outside.TryGetProperty("regionCode", out _));
        Assert.Equal("open", (await (await county.GetAsync($"/api/v1/funeral/illegal-burials/{id}", Ct)).JsonAsync()).GetProperty("case").GetProperty("status").GetString());
        using var township = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.Forbidden, (await township.GetAsync("/api/v1/funeral/illegal-burials", Ct)).StatusCode);
    }

    [Fact]
    public async Task Statistics_AndTheWorkSummary_CountFoundRectifiedAndPenalised()
    {
        using var client = await app.ClientAsAsync("funeral");
        var village = "360482200201";
        var url = $"/api/v1/funeral/statistics?region={village}&from={Day(Today.AddDays(-30))}&to={Day(Today)}";
        var before = await (await client.GetAsync(url, Ct)).JsonAsync();
        var a = await OpenAsync(client, Case("统计一", Today.AddDays(-10), Today.AddDays(5), village));
        var b = await OpenAsync(client, Case("统计二", Today.AddDays(-9), Today.AddDays(5), village));
        await OpenAsync(client, Case("统计三", Today.AddDays(-8), Today.AddDays(5), village));
        await OpenAsync(client, Case("期外", Today.AddDays(-90), Today.AddDays(5), village));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{a}/outcome", new { outcome = "rectified", on = Day(Today) }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/illegal-burials/{b}/outcome",
            new { outcome = "penalised", on = Day(Today), decisionNumber = "共民罚〔2026〕9号", amount = 3000m }, Ct)).JsonAsync(HttpStatusCode.Created);
        var after = await (await client.GetAsync(url, Ct)).JsonAsync();
        decimal Delta(string name) => after.GetProperty(name).GetDecimal() - before.GetProperty(name).GetDecimal();
        Assert.Equal((3m, 1m, 1m, 3000m), (Delta("illegalBurialsFound"), Delta("illegalBurialsRectified"), Delta("illegalBurialsPenalised"), Delta("penaltyAmount")));

        using var leader = await app.ClientAsAsync("leader");
        var draft = await (await leader.GetAsync($"/api/v1/reports/work-summary?region=360482&from={Day(Today.AddDays(-30))}&to={Day(Today)}", Ct)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("、殡葬管理", StringComparison.Ordinal));
        var sentences = section.GetProperty("sentences").EnumerateArray().Select(x => x.GetProperty("text").GetString()!).ToList();
        Assert.Contains(sentences, x => System.Text.RegularExpressions.Regex.IsMatch(x, @"^制止乱埋乱葬\d+起，整改到位\d+起，处罚\d+户、罚款[\d.]+万?元。$"));
        Assert.DoesNotContain(sentences, x => x.Contains("某户", StringComparison.Ordinal));
    }
}

public sealed class SqliteFuneralIllegalBurialTests(SqliteApp app) : FuneralIllegalBurialTests<SqliteApp>(app);

public sealed class PostgresFuneralIllegalBurialTests(PostgresApp app) : FuneralIllegalBurialTests<PostgresApp>(app);
