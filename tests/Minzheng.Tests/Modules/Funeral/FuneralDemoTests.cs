using System.Net;
using System.Text.Json;

namespace Minzheng.Tests.Modules.Funeral;

public sealed class FuneralDemoApp : SqliteApp
{
    public FuneralDemoApp() => WithFuneralRecords = true;
}

/// <summary>The demo county's funeral records, made through the module's services, and their sentence in the drafted work summary.</summary>
public sealed class FuneralDemoTests(FuneralDemoApp app) : IClassFixture<FuneralDemoApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoRecords_HaveCremations_Waivers_AndFacilities()
    {
        using var client = await app.ClientAsAsync("funeral");
        var figures = await (await client.GetAsync("/api/v1/funeral/statistics?region=360482&from=2000-01-01&to=2099-12-31", Ct)).JsonAsync();
        Assert.True(figures.GetProperty("cremations").GetInt32() >= 50);
        Assert.InRange(figures.GetProperty("waiverCases").GetInt32(), 5, 30);
        Assert.True(figures.GetProperty("agriculturalCremations").GetInt32() > 0);
        var facilities = await (await client.GetAsync("/api/v1/funeral/facilities", Ct)).JsonAsync();
        Assert.Contains(facilities.EnumerateArray(), f => f.GetProperty("kind").GetString() == "funeral-home");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/funeral/cremations/export.xlsx", Ct)).StatusCode);
    }

    [Fact]
    public async Task DemoRecords_HaveBurials_TenuresOnTheBoard_AndIllegalBurialCasesInEveryState()
    {
        using var client = await app.ClientAsAsync("funeral");
        var figures = await (await client.GetAsync("/api/v1/funeral/statistics?region=360482&from=2000-01-01&to=2099-12-31", Ct)).JsonAsync();
        Assert.True(figures.GetProperty("burials").GetInt32() >= 12);
        Assert.True(figures.GetProperty("illegalBurialsFound").GetInt32() >= 20);
        Assert.True(figures.GetProperty("illegalBurialsPenalised").GetInt32() >= 1 && figures.GetProperty("penaltyAmount").GetDecimal() > 0);
        var (cases, _) = await client.GetPageAsync("/api/v1/funeral/illegal-burials?pageSize=100");
        Assert.Superset(new HashSet<string?> { "open", "rectified", "penalised", "relocated" }, cases.Strings("status").ToHashSet());
        Assert.Contains(cases, c => c.GetProperty("overdue").GetBoolean());
        Assert.Contains(cases, c => c.GetProperty("status").GetString() == "open" && c.GetProperty("noticeNumber").GetString() is not null);
        Assert.Contains(cases, c => c.GetProperty("noticeNumber").ValueKind == JsonValueKind.Null);
        var board = await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct);
        Assert.Contains("/FuneralFacilities/Plot?id=", board, StringComparison.Ordinal);
        Assert.Contains("/IllegalBurials/Detail?id=", board, StringComparison.Ordinal);
        Assert.Contains("墓穴催告期满待收回", board, StringComparison.Ordinal);
        Assert.Contains("\"overdue\"", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoRecords_HaveMemorialBookingsInEveryState_AndClaimsPaidReturnedAndWaiting()
    {
        using var client = await app.ClientAsAsync("funeral");
        var (bookings, total) = await client.GetPageAsync("/api/v1/funeral/memorials?date=all&pageSize=500");
        Assert.InRange(total, 24, 60);
        Assert.Superset(new HashSet<string?> { "booked", "delivered", "cancelled" }, bookings.Strings("status").ToHashSet());
        Assert.Contains(bookings, b => b.GetProperty("overdue").GetBoolean());
        Assert.Superset(new HashSet<string?> { "cloud", "proxy" }, bookings.Strings("kind").ToHashSet());
        // Every proxy sweep delivered carries its photo, as the service requires.
        var proxyDelivered = bookings.Where(b => b.GetProperty("kind").GetString() == "proxy" && b.GetProperty("status").GetString() == "delivered").ToList();
        Assert.NotEmpty(proxyDelivered);
        Assert.All(proxyDelivered, b => Assert.True(b.GetProperty("photos").GetInt32() >= 1));
        using var finance = await app.ClientAsAsync("finance");
        var claims = await (await finance.GetAsync("/api/v1/funeral/waiver-claims", Ct)).JsonAsync();
        Assert.Equal(new[] { "paid", "paid", "returned", "submitted" }, claims.EnumerateArray().Select(c => c.GetProperty("status").GetString()!).Order().ToArray());
        Assert.All(claims.EnumerateArray(), c => Assert.True(c.GetProperty("total").GetDecimal() > 0));
    }

    [Fact]
    public async Task DemoRecords_HaveOldGravesInEveryState_OfficersAndLastYearsRosterPartlyPaid()
    {
        using var client = await app.ClientAsAsync("funeral");
        var (graves, total) = await client.GetPageAsync("/api/v1/funeral/graves?pageSize=100");
        Assert.InRange(total, 25, 40);
        Assert.Superset(new HashSet<string?> { "registered", "relocated", "removed" }, graves.Strings("status").ToHashSet());
        Assert.Contains(graves, g => g.GetProperty("certificateNumber").ValueKind == System.Text.Json.JsonValueKind.String);
        var (officers, count) = await client.GetPageAsync("/api/v1/funeral/officers?pageSize=100");
        Assert.InRange(count, 8, 12);
        Assert.Contains(officers, o => !o.GetProperty("active").GetBoolean());
        var roster = await (await client.GetAsync($"/api/v1/funeral/officer-rosters/{DateTime.UtcNow.Year - 1}", Ct)).JsonAsync();
        var (sum, paid) = (roster.GetProperty("total").GetDecimal(), roster.GetProperty("paid").GetDecimal());
        Assert.True(paid > 0 && paid < sum, $"{paid} of {sum}");
        Assert.Contains(roster.GetProperty("rows").EnumerateArray(), r => r.GetProperty("calculation").GetString() == "600.00 × 7/12");
    }

    [Fact]
    public async Task WorkSummary_OfTheCounty_HasTheFuneralSentence_WithFiguresOnly()
    {
        using var leader = await app.ClientAsAsync("leader");
        var draft = await (await leader.GetAsync("/api/v1/reports/work-summary?region=360482&from=2000-01-01&to=2099-12-31", Ct)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("、殡葬管理", StringComparison.Ordinal));
        var sentence = section.GetProperty("sentences")[0].GetProperty("text").GetString()!;
        Assert.Matches(@"^火化遗体\d+具，其中农业人口\d+具；落实惠民殡葬政策，减免基本殡葬服务费用\d+例[\d.]+万?元；火化信息与社会救助比对，发现在保对象死亡\d+人。$", sentence);
    }
}
