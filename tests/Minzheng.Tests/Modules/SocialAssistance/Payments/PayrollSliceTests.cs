using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Platform.Statistics;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>
/// A township (or village) sees the slices of county payrolls that pay its people: figures from its own lines only,
/// read-only; other regions' payrolls and lines stay invisible. Each test pays its own programme × period, because a
/// county payroll covers every test's villages.
/// </summary>
public abstract class PayrollSliceTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Ganlu = "360482100";

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the payroll's totals rule gives for some lines: households and persons of enrolments paid more than a recovery.</summary>
    internal static (int Households, int Persons, int Lines, decimal Amount) Totals(IEnumerable<JsonElement> lines)
    {
        var list = lines.ToList();
        var paying = list.Where(l => l.GetProperty("kind").GetString() != "recovery").GroupBy(l => l.GetProperty("enrollmentId").GetString())
            .Select(g => (Household: g.First().GetProperty("householdId").GetString(), Covered: g.Max(l => l.GetProperty("coveredPersons").GetInt32()))).ToList();
        return (paying.Select(p => p.Household).Distinct().Count(), paying.Sum(p => p.Covered), list.Count, list.Sum(l => l.GetProperty("amount").GetDecimal()));
    }

    private static bool In(JsonElement line, string prefix) => line.GetProperty("regionCode").GetString()!.StartsWith(prefix, StringComparison.Ordinal);

    private static (int, int, int, decimal) Figures(JsonElement p) =>
        (p.GetProperty("households").GetInt32(), p.GetProperty("persons").GetInt32(), p.GetProperty("lines").GetInt32(), p.GetProperty("totalAmount").GetDecimal());

    [Fact]
    public async Task Township_SeesTheCountyPayrollAsItsSlice_WithItsOwnTotals_AndReadOnly()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 410m, 420m);
        var id = await PayrollAsync(app, "rural-dibao", "360482", "2026-06", approve: false);
        using var county = await app.ClientAsAsync("county");
        var all = await LinesAsync(county, id);
        var mine = all.Where(l => In(l, Ganlu)).ToList();
        Assert.True(mine.Count >= 2 && mine.Count < all.Count, "the county payroll pays 甘露镇 and other townships");

        using var township = await app.ClientAsAsync("township");
        var listed = (await (await township.GetAsync("/api/v1/payrolls?program=rural-dibao", Ct)).JsonAsync()).EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == id);
        var fetched = await (await township.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync();
        foreach (var p in new[] { listed, fetched })
        {
            Assert.Equal(Totals(mine), Figures(p));
            Assert.True(p.GetProperty("readOnly").GetBoolean());
            Assert.Equal(("360482100000", "甘露镇"), (p.GetProperty("slice").GetProperty("regionCode").GetString(), p.GetProperty("slice").GetProperty("regionName").GetString()));
            Assert.Equal("共青城市", p.GetProperty("regionName").GetString());
        }

        var whole = await (await county.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync();
        Assert.Equal(Totals(all), Figures(whole));
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("slice").ValueKind);
        Assert.False(whole.GetProperty("readOnly").GetBoolean());

        var lines = await LinesAsync(township, id);
        Assert.Equal(mine.Count, lines.Count);
        Assert.All(lines, l => Assert.True(In(l, Ganlu)));
        Assert.Contains("********", lines[0].GetProperty("idNumberMasked").GetString());
        var areas = (await (await township.GetAsync($"/api/v1/payrolls/{id}/townships", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.All(areas, a => Assert.Equal("village", a.GetProperty("level").GetString()));
        Assert.Contains(areas, a => a.GetProperty("regionCode").GetString() == village);
        Assert.Equal(Totals(mine).Amount, areas.Sum(a => a.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Township_CannotApproveOrChangeASlice_EvenWithTheFinanceOrCountyRole()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "城市低保", 300m);
        var id = await PayrollAsync(app, "urban-dibao", "360482", "2026-06", approve: false);
        using var township = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync($"/api/v1/payrolls/{id}/approve", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsJsonAsync($"/api/v1/payrolls/{id}/reject", new { reason = "乡镇不能退回" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsJsonAsync($"/api/v1/payrolls/{id}/corrections",
            new { enrollmentId = payees[0].EnrollmentId, month = "2026-06", amount = 1m, reason = "试图更正" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.GetAsync($"/api/v1/payrolls/{id}/bank-file", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync($"/api/v1/payrolls/{id}/reissue", null, Ct)).StatusCode);

        // A checker or maker whose region is one township: the region filter hides the county payroll from every write.
        var (checker, password) = await TestUsers.CreateAsync(app, "finance", "360482100000");
        using var townFinance = await app.ClientAsAsync(checker, password);
        Assert.True((await (await townFinance.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync()).GetProperty("readOnly").GetBoolean());
        await (await townFinance.PostAsync($"/api/v1/payrolls/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await townFinance.PostAsJsonAsync($"/api/v1/payrolls/{id}/reject", new { reason = "越权退回" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await townFinance.GetAsync($"/api/v1/payrolls/{id}/bank-file", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var (maker, makerPassword) = await TestUsers.CreateAsync(app, "county", "360482100000");
        using var townMaker = await app.ClientAsAsync(maker, makerPassword);
        await (await townMaker.PostAsJsonAsync($"/api/v1/payrolls/{id}/corrections",
            new { enrollmentId = payees[0].EnrollmentId, month = "2026-06", amount = 1m, reason = "越权更正" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        using var county = await app.ClientAsAsync("county");
        var after = await (await county.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync();
        Assert.Equal(("pending", JsonValueKind.Null), (after.GetProperty("status").GetString(), after.GetProperty("decidedBy").ValueKind));
        Assert.DoesNotContain(await LinesAsync(county, id), l => l.GetProperty("kind").GetString() == "correction");
    }

    [Fact]
    public async Task Village_SeesOnlyItsVillage_OtherRegionsAndEmptySlicesAreNotFound()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 350m);
        var id = await PayrollAsync(app, "rural-dibao", "360482", "2026-05");
        var (user, password) = await TestUsers.CreateAsync(app, "village", village);
        using var own = await app.ClientAsAsync(user, password);
        var lines = await LinesAsync(own, id);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(village, l.GetProperty("regionCode").GetString()));
        using var county = await app.ClientAsAsync("county");
        var expected = Totals((await LinesAsync(county, id)).Where(l => l.GetProperty("regionCode").GetString() == village));
        var slice = await (await own.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync();
        Assert.Equal((1, 2), (expected.Households, expected.Persons));
        Assert.Equal(expected, Figures(slice));
        Assert.Equal(village, slice.GetProperty("slice").GetProperty("regionCode").GetString());

        // 红光村 is another village of the same township: the payroll covers it, but none of this test's lines.
        using var other = await app.ClientAsAsync("village");
        Assert.DoesNotContain(await LinesAsync(own, id), l => l.GetProperty("regionCode").GetString() == "360482100201");
        Assert.All(await LinesAsync(other, id), l => Assert.Equal("360482100201", l.GetProperty("regionCode").GetString()));

        // A payroll of another township, and a county payroll with nobody in this village: not found, not listed.
        await CaseloadAsync(app, await VillageAsync(app, "360482101"), "城市低保", 280m);
        var jiangyi = await PayrollAsync(app, "urban-dibao", "360482101", "2026-05");
        var empty = await PayrollAsync(app, "urban-dibao", "360482", "2026-04");
        using var township = await app.ClientAsAsync("township");
        foreach (var (client, payroll) in new[] { (township, jiangyi), (own, jiangyi), (own, empty) })
        {
            foreach (var path in new[] { "", "/lines", "/townships", $"/signature-list?village={village}" })
            {
                await (await client.GetAsync($"/api/v1/payrolls/{payroll}{path}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
            }
        }

        var ownList = (await (await own.GetAsync("/api/v1/payrolls?take=500", Ct)).JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains(id, ownList);
        Assert.DoesNotContain(jiangyi, ownList);
        Assert.DoesNotContain(empty, ownList);
        Assert.DoesNotContain(jiangyi, (await (await township.GetAsync("/api/v1/payrolls?take=500", Ct)).JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task LedgerStatisticsAndWorkSummary_OfTheTownship_CountWhatCountyPayrollsPaidItsPeople()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 505m);
        var id = await PayrollAsync(app, "rural-dibao", "360482", "2026-03");
        using var county = await app.ClientAsAsync("county");
        var all = await LinesAsync(county, id);
        // The ledger counts amounts owed for the month (arrears of earlier months, should another test's payroll cause any, are theirs).
        decimal Due(IEnumerable<JsonElement> lines) => lines.Where(l => l.GetProperty("month").GetString() == "2026-03")
            .Select(l => l.GetProperty("amount").GetDecimal()).Where(a => a > 0).Sum();
        var townshipDue = Due(all.Where(l => In(l, Ganlu)));

        using var township = await app.ClientAsAsync("township");
        var ledger = (await (await township.GetAsync("/api/v1/payments/ledger?program=rural-dibao&from=2026-03&to=2026-03", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(townshipDue, ledger.Sum(r => r.GetProperty("due").GetDecimal()));
        Assert.Equal(505m, ledger.Single(r => r.GetProperty("regionCode").GetString() == village).GetProperty("due").GetDecimal()); // its regular month
        Assert.All(ledger, r => Assert.StartsWith(Ganlu, r.GetProperty("regionCode").GetString()));

        static decimal PaidInPeriod(JsonElement table) => table.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("program").GetString() == "rural-dibao").GetProperty("paidInPeriod").GetDecimal();
        var own = await (await township.GetAsync("/api/v1/statistics/table?region=360482100000&period=2026-03", Ct)).JsonAsync();
        Assert.Equal(townshipDue, PaidInPeriod(own));
        var whole = await (await county.GetAsync("/api/v1/statistics/table?region=360482&period=2026-03", Ct)).JsonAsync();
        Assert.Equal(Due(all), PaidInPeriod(whole));
        var countyLedger = (await (await county.GetAsync("/api/v1/payments/ledger?program=rural-dibao&from=2026-03&to=2026-03", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(Due(all), countyLedger.Sum(r => r.GetProperty("due").GetDecimal()));
        Assert.Contains(countyLedger, r => r.GetProperty("regionCode").GetString() == "360482100000");

        var draft = await (await township.GetAsync("/api/v1/reports/work-summary?region=360482100000&from=2026-03-01&to=2026-03-31", Ct)).JsonAsync();
        var funding = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString() == "二、救助资金发放");
        Assert.Contains($"经审核发放各类救助资金{ReportFormat.Wan(townshipDue)}", funding.GetProperty("sentences")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task List_Pages_WithTheTotalOfWholePayrollsAndSlices()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 410m);
        await PayrollAsync(app, "rural-dibao", "360482", "2025-11", approve: false);
        await PayrollAsync(app, "rural-dibao", "360482", "2025-12", approve: false);
        foreach (var user in new[] { "county", "township" })
        {
            using var client = await app.ClientAsAsync(user);
            var all = (await (await client.GetAsync("/api/v1/payrolls?program=rural-dibao&pageSize=500", Ct)).JsonAsync()).EnumerateArray()
                .Select(p => p.GetProperty("id").GetString()).ToList();
            Assert.True(all.Count >= 2, $"{user} sees both payrolls");
            var pages = new List<string?>();
            for (var page = 1; page <= all.Count; page++)
            {
                var response = await client.GetAsync($"/api/v1/payrolls?program=rural-dibao&page={page}&pageSize=1", Ct);
                Assert.Equal(all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
                pages.AddRange((await response.JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetString()));
            }

            Assert.Equal(all, pages); // page by page, the same payrolls in the same order, none twice
        }
    }
}

public sealed class SqlitePayrollSliceTests(SqliteApp app) : PayrollSliceTests<SqliteApp>(app);

public sealed class PostgresPayrollSliceTests(PostgresApp app) : PayrollSliceTests<PostgresApp>(app);
