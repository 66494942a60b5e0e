using System.Net;
using static Minzheng.Tests.Modules.SocialAssistance.Reports.ReportFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Reports;

/// <summary>The assistance summary (DESIGN §5): stock as of <c>to</c>, flows within [from, to], by region subtree.</summary>
public abstract class AssistanceSummaryTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HalfYear_StockAtTheEnd_NewAndCancelledByReasonWithin_Exact()
    {
        var (village, _) = await HalfYearVillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        var summary = await SummaryAsync(county, village, "2026-01-01", "2026-06-30");
        Assert.Equal(village, summary.GetProperty("region").GetString());
        Assert.Equal("2026-01-01", summary.GetProperty("from").GetString());
        Assert.Equal("2026-06-30", summary.GetProperty("to").GetString());

        var rural = Program(summary, "rural-dibao");
        Assert.Equal("农村低保", rural.GetProperty("name").GetString());
        Assert.Equal(4, rural.GetProperty("households").GetInt32()); // A, C, F, G
        Assert.Equal(8, rural.GetProperty("persons").GetInt32());
        Assert.Equal(500m + 300m + 250m + 600m, rural.GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal(3, rural.GetProperty("newHouseholds").GetInt32()); // C, D, G
        Assert.Equal(4, rural.GetProperty("newPersons").GetInt32());
        Assert.Equal(2, rural.GetProperty("cancelledHouseholds").GetInt32()); // B, D
        Assert.Equal(3, rural.GetProperty("cancelledPersons").GetInt32());
        var reasons = rural.GetProperty("cancelledByReason").EnumerateArray()
            .ToDictionary(r => r.GetProperty("reason").GetString()!, r => (r.GetProperty("households").GetInt32(), r.GetProperty("persons").GetInt32()));
        Assert.Equal(new Dictionary<string, (int, int)> { ["income-above-standard"] = (1, 2), ["death"] = (1, 1) }, reasons);

        var urban = Program(summary, "urban-dibao");
        Assert.Equal(0, urban.GetProperty("households").GetInt32()); // E starts after the period
        Assert.Equal(0, urban.GetProperty("newHouseholds").GetInt32());
    }

    [Fact]
    public async Task StockAtTheEnd_IsStockBefore_PlusNew_MinusCancelled()
    {
        var (village, _) = await HalfYearVillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        var before = Program(await SummaryAsync(county, village, "2025-01-01", "2025-12-31"), "rural-dibao");
        var half = Program(await SummaryAsync(county, village, "2026-01-01", "2026-06-30"), "rural-dibao");
        Assert.Equal(3, before.GetProperty("households").GetInt32()); // A, B, F
        Assert.Equal(before.GetProperty("households").GetInt32() + half.GetProperty("newHouseholds").GetInt32() - half.GetProperty("cancelledHouseholds").GetInt32(),
            half.GetProperty("households").GetInt32());
        Assert.Equal(before.GetProperty("persons").GetInt32() + half.GetProperty("newPersons").GetInt32() - half.GetProperty("cancelledPersons").GetInt32(),
            half.GetProperty("persons").GetInt32());

        // The second half: F (moved away from July) is cancelled then, G's raise counts, E is new.
        var second = await SummaryAsync(county, village, "2026-07-01", "2026-11-30");
        var rural = Program(second, "rural-dibao");
        Assert.Equal(1, rural.GetProperty("cancelledHouseholds").GetInt32());
        Assert.Equal("moved-away", rural.GetProperty("cancelledByReason")[0].GetProperty("reason").GetString());
        Assert.Equal(500m + 300m + 700m, rural.GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal(1, Program(second, "urban-dibao").GetProperty("newHouseholds").GetInt32());
    }

    [Fact]
    public async Task Township_RollsUpItsVillages_AndEachChildMatchesItsOwnSummary()
    {
        var township = "360482201000";
        var (first, second) = (await VillageAsync(app, township), await VillageAsync(app, township));
        await EnrolAsync(app, first, new("农村低保", 3, 3, 500m, "2026-01"), new("特困分散供养", 1, 1, 900m, "2026-02"));
        await EnrolAsync(app, second, new Enrolment("农村低保", 2, 2, 350m, "2026-03"));
        using var county = await app.ClientAsAsync("county");
        var summary = await SummaryAsync(county, township, "2026-01-01", "2026-06-30");
        var children = summary.GetProperty("children").EnumerateArray().ToList();
        Assert.Contains(children, c => c.GetProperty("regionCode").GetString() == first);
        foreach (var code in new[] { "rural-dibao", "destitute-dispersed" })
        {
            foreach (var field in new[] { "households", "persons", "newHouseholds", "newPersons" })
            {
                Assert.Equal(Program(summary, code).GetProperty(field).GetInt32(), children.Sum(c => Program(c, code).GetProperty(field).GetInt32()));
            }

            Assert.Equal(Program(summary, code).GetProperty("monthlyAmount").GetDecimal(), children.Sum(c => Program(c, code).GetProperty("monthlyAmount").GetDecimal()));
        }

        var own = Program(await SummaryAsync(county, first, "2026-01-01", "2026-06-30"), "rural-dibao");
        var child = Program(children.Single(c => c.GetProperty("regionCode").GetString() == first), "rural-dibao");
        Assert.Equal(own.GetProperty("persons").GetInt32(), child.GetProperty("persons").GetInt32());
        Assert.Equal(3, child.GetProperty("persons").GetInt32());
    }

    [Fact]
    public async Task OneOffProgrammes_CountCasesDecidedInThePeriod_WithTheReserveFund()
    {
        var village = await VillageAsync(app);
        var ids = await EnrolAsync(app, village, new("农村低保", 3, 3, 500m, "2026-01"), new("农村低保", 2, 2, 400m, "2026-01"));
        await OneOffCaseAsync(app, ids[0], "temporary", new DateOnly(2026, 3, 10), 3, 2000m, fromReserve: 1500m);
        await OneOffCaseAsync(app, ids[1], "temporary", new DateOnly(2026, 5, 20), 2, 1200m);
        await OneOffCaseAsync(app, ids[1], "temporary", new DateOnly(2026, 7, 1), 2, 999m); // after the period
        await OneOffCaseAsync(app, ids[1], "medical", new DateOnly(2026, 6, 30), 1, 5000m);
        using var county = await app.ClientAsAsync("county");
        var summary = await SummaryAsync(county, village, "2026-01-01", "2026-06-30");
        var temporary = Program(summary, "temporary");
        Assert.Equal(2, temporary.GetProperty("newHouseholds").GetInt32());
        Assert.Equal(5, temporary.GetProperty("newPersons").GetInt32());
        Assert.Equal(3200m, temporary.GetProperty("periodAmount").GetDecimal());
        Assert.Equal(3, temporary.GetProperty("reserveFundPersons").GetInt32());
        Assert.Equal(1500m, temporary.GetProperty("reserveFundAmount").GetDecimal());
        Assert.Equal(0, temporary.GetProperty("households").GetInt32()); // no stock for one-off help
        Assert.Equal(5000m, Program(summary, "medical").GetProperty("periodAmount").GetDecimal());
    }

    [Fact]
    public async Task TemporaryAid_CountsHouseholdsAndTheirPersons_AndIndividualCases_EachWayTheStatisticsAsk()
    {
        var village = await VillageAsync(app);
        var ids = await EnrolAsync(app, village, new("农村低保", 3, 3, 500m, "2026-01"), new("农村低保", 2, 2, 400m, "2026-01"));
        await OneOffCaseAsync(app, ids[0], "temporary", new DateOnly(2026, 2, 10), 3, 2000m, category: "emergency", place: "hukou");
        await OneOffCaseAsync(app, ids[1], "temporary", new DateOnly(2026, 3, 10), 2, 1000m, category: "expenditure", place: "incident");
        await OneOffCaseAsync(app, ids[1], "temporary", new DateOnly(2026, 4, 10), 1, 800m, category: "emergency", place: "incident", individual: true);
        using var county = await app.ClientAsAsync("county");
        var temporary = Program(await SummaryAsync(county, village, "2026-01-01", "2026-06-30"), "temporary");
        Assert.Equal((2, 6), (temporary.GetProperty("newHouseholds").GetInt32(), temporary.GetProperty("newPersons").GetInt32()));
        var rows = temporary.GetProperty("breakdown").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => (r.GetProperty("households").GetInt32(), r.GetProperty("persons").GetInt32()));
        Assert.Equal((1, 2), rows["支出型"]);
        Assert.Equal((1, 4), rows["急难型"]);
        Assert.Equal((1, 3), rows["户籍地救助"]);
        Assert.Equal((1, 3), rows["急难发生地救助"]);
        Assert.Equal((2, 5), rows["家庭救助"]);
        Assert.Equal((0, 1), rows["个人救助"]);
    }

    [Fact]
    public async Task SixDigitCountyCode_IsAccepted_LikeTheContractExample()
    {
        using var county = await app.ClientAsAsync("county");
        var summary = await SummaryAsync(county, "360482", "2020-01-01", "2020-06-30");
        Assert.Equal("360482", summary.GetProperty("region").GetString());
        Assert.Equal("360482000000", summary.GetProperty("regionCode").GetString());
        Assert.NotEmpty(summary.GetProperty("children").EnumerateArray());
    }

    [Theory]
    [InlineData("region=abc&from=2026-01-01&to=2026-06-30", "region")]
    [InlineData("region=360482&from=2026-13-01&to=2026-06-30", "from")]
    [InlineData("region=360482&from=2026-01-01&to=2026-02-30", "to")]
    [InlineData("region=360482&from=2026-06-01&to=2026-01-31", "to")]
    public async Task BadParameters_Are400_NamingTheField(string query, string field)
    {
        using var county = await app.ClientAsAsync("county");
        var problem = await (await county.GetAsync($"/api/v1/reports/assistance-summary?{query}", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task RegionOutsideTheUsersSubtree_IsNotFound_AndTheirOwnFiguresExcludeOtherTownships()
    {
        var village = await VillageAsync(app);
        await EnrolAsync(app, village, new Enrolment("农村低保", 3, 3, 500m, "2026-01"));
        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482200000");
        using var other = await app.ClientAsAsync(user, password);
        await (await other.GetAsync("/api/v1/reports/assistance-summary?region=360482&from=2026-01-01&to=2026-06-30", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/reports/assistance-summary?region={village}&from=2026-01-01&to=2026-06-30", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var own = await (await other.GetAsync("/api/v1/reports/assistance-summary?from=2026-01-01&to=2026-06-30", Ct)).JsonAsync();
        Assert.Equal("360482200000", own.GetProperty("regionCode").GetString());
        Assert.DoesNotContain(own.GetProperty("children").EnumerateArray(), c => c.GetProperty("regionCode").GetString() == village);
    }
}

public sealed class SqliteAssistanceSummaryTests(SqliteApp app) : AssistanceSummaryTests<SqliteApp>(app);

public sealed class PostgresAssistanceSummaryTests(PostgresApp app) : AssistanceSummaryTests<PostgresApp>(app);
