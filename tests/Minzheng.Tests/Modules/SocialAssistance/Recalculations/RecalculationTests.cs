using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Recalculations;

/// <summary>提标重算 (issue 21 item 1): preview changes nothing, a second person applies it, the next payroll back-pays it.</summary>
public abstract class RecalculationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A village with its own rural Dibao standard (700 from 2025, 750 from May 2026) and two imported households of 2.</summary>
    private async Task<(string Village, List<Payee> Payees, string Raise)> RaisedVillageAsync()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 500m, 600m);
        using var county = await app.ClientAsAsync("county");
        foreach (var (from, amount) in new[] { ("2025-01-01", 700m), ("2026-05-01", 750m) })
        {
            var put = await county.PutAsJsonAsync("/api/v1/standards", new { program = "rural-dibao", regionCode = village, effectiveFrom = from, amount, citation = "共民字〔2026〕8号" }, Ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        }

        var standards = await (await county.GetAsync($"/api/v1/standards?program=rural-dibao&region={village}", Ct)).JsonAsync();
        var raise = standards.EnumerateArray().Single(s => s.GetProperty("regionCode").GetString() == village && s.GetProperty("amount").GetDecimal() == 750m);
        return (village, payees, raise.GetProperty("id").GetString()!);
    }

    private async Task<decimal> AmountAsync(HttpClient client, string enrollmentId) =>
        (await (await client.GetAsync($"/api/v1/enrollments/{enrollmentId}", Ct)).JsonAsync()).GetProperty("enrollment").GetProperty("monthlyAmount").GetDecimal();

    [Fact]
    public async Task ARaise_IsPreviewed_ThenAppliedByASecondPerson_AndTheNextPayrollBackPaysTheMonthsAlreadyPaid()
    {
        var (village, payees, raise) = await RaisedVillageAsync();
        await PayrollAsync(app, "rural-dibao", village, "2026-05");
        await PayrollAsync(app, "rural-dibao", village, "2026-06");
        using var county = await app.ClientAsAsync("county");

        var preview = await (await county.PostAsJsonAsync("/api/v1/recalculations", new { standardId = raise }, Ct)).JsonAsync(HttpStatusCode.Created);
        var r = preview.GetProperty("recalculation");
        var id = r.GetProperty("id").GetString()!;
        Assert.Equal(("2026-05", 2, 0, 1100m, 1300m, 200m), (r.GetProperty("effectiveMonth").GetString(), r.GetProperty("changed").GetInt32(),
            r.GetProperty("skipped").GetInt32(), r.GetProperty("oldMonthlyTotal").GetDecimal(), r.GetProperty("newMonthlyTotal").GetDecimal(),
            r.GetProperty("monthlyIncrease").GetDecimal()));
        Assert.Equal(2, Assert.Single(preview.GetProperty("townships").EnumerateArray()).GetProperty("changed").GetInt32());
        var lines = (await (await county.GetAsync($"/api/v1/recalculations/{id}/lines", Ct)).JsonAsync()).GetProperty("lines").EnumerateArray().ToList();
        var first = lines.Single(l => l.GetProperty("enrollmentId").GetString() == payees[0].EnrollmentId);
        Assert.Equal((500m, 600m), (first.GetProperty("oldAmount").GetDecimal(), first.GetProperty("newAmount").GetDecimal()));
        Assert.Contains("原月保障金额 500.00 + 标准调整 (750.00 − 700.00) × 2 人 = 600.00", first.GetProperty("explanation").GetString());
        Assert.DoesNotContain(payees[0].IdNumber, first.GetProperty("idNumberMasked").GetString());
        Assert.Equal(500m, await AmountAsync(county, payees[0].EnrollmentId)); // a preview changes nothing

        // Maker-checker: the maker cannot approve, a village assistant may not, a second preview waits for this one.
        await (await county.PostAsync($"/api/v1/recalculations/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var villager = await app.ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.Forbidden, (await villager.PostAsync($"/api/v1/recalculations/{id}/approve", null, Ct)).StatusCode);
        await (await county.PostAsJsonAsync("/api/v1/recalculations", new { standardId = raise }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        using var approver = await app.ClientAsAsync("approver");
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync($"/api/v1/recalculations/{id}/approve", null, Ct)).StatusCode);
        await (await approver.PostAsync($"/api/v1/recalculations/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal((600m, 700m), (await AmountAsync(county, payees[0].EnrollmentId), await AmountAsync(county, payees[1].EnrollmentId)));
        var events = (await (await county.GetAsync($"/api/v1/enrollments/{payees[0].EnrollmentId}", Ct)).JsonAsync()).GetProperty("events").EnumerateArray();
        var adjusted = Assert.Single(events, e => e.GetProperty("kind").GetString() == "adjusted");
        Assert.Equal(("2026-05", 500m, 600m, "approver"), (adjusted.GetProperty("effectiveMonth").GetString(), adjusted.GetProperty("oldAmount").GetDecimal(),
            adjusted.GetProperty("newAmount").GetDecimal(), adjusted.GetProperty("actor").GetString()));
        Assert.StartsWith("提标重算：农村低保保障标准调整为 750.00 元/月，自 2026-05 起（共民字〔2026〕8号）。", adjusted.GetProperty("note").GetString());

        var july = await PayrollAsync(app, "rural-dibao", village, "2026-07", approve: false);
        var payroll = await LinesAsync(county, july);
        var arrears = payroll.Where(l => l.GetProperty("kind").GetString() == "arrears").ToList();
        Assert.Equal(4, arrears.Count);
        Assert.All(arrears, l => Assert.Equal(100m, l.GetProperty("amount").GetDecimal()));
        Assert.All(arrears, l => Assert.Contains("提标追溯至该月（农村低保保障标准调整为 750.00 元/月，自 2026-05 起", l.GetProperty("explanation").GetString()));
        Assert.Equal([600m, 700m], payroll.Where(l => l.GetProperty("kind").GetString() == "regular").Select(l => l.GetProperty("amount").GetDecimal()).Order());
    }

    [Fact]
    public async Task AnEnrolmentChangedAfterThePreview_StopsTheApplication_AndAReturnChangesNothing()
    {
        var (_, payees, raise) = await RaisedVillageAsync();
        using var county = await app.ClientAsAsync("county");
        var id = (await (await county.PostAsJsonAsync("/api/v1/recalculations", new { standardId = raise }, Ct)).JsonAsync(HttpStatusCode.Created))
            .GetProperty("recalculation").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await county.PostAsJsonAsync($"/api/v1/enrollments/{payees[1].EnrollmentId}/terminate",
            new { fromMonth = "2026-06", reason = "moved-away" }, Ct)).StatusCode);

        using var approver = await app.ClientAsAsync("approver");
        var stale = await (await approver.PostAsync($"/api/v1/recalculations/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("预览后有 1 条在保记录发生了变动", stale.GetProperty("detail").GetString());
        Assert.Equal(500m, await AmountAsync(county, payees[0].EnrollmentId)); // nothing partial

        await (await approver.PostAsJsonAsync($"/api/v1/recalculations/{id}/reject", new { reason = "" }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsJsonAsync($"/api/v1/recalculations/{id}/reject", new { reason = "有停保，重新预览" }, Ct)).StatusCode);
        var again = await (await county.PostAsJsonAsync("/api/v1/recalculations", new { standardId = raise }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, again.GetProperty("recalculation").GetProperty("changed").GetInt32()); // the terminated one is no longer considered

        // The list pages newest first with the total: the new preview, then the rejected one.
        var first = await county.GetAsync("/api/v1/recalculations?page=1&pageSize=1", Ct);
        var total = int.Parse(first.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total >= 2);
        Assert.Equal(again.GetProperty("recalculation").GetProperty("id").GetString(), (await first.JsonAsync()).EnumerateArray().Single().GetProperty("id").GetString());
        var second = (await (await county.GetAsync("/api/v1/recalculations?page=2&pageSize=1", Ct)).JsonAsync()).EnumerateArray().Single();
        Assert.Equal((id, "rejected"), (second.GetProperty("id").GetString()!, second.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task BadRequests_AreRefusedInChinese_AndAnotherRegionSeesNothing()
    {
        var (_, _, raise) = await RaisedVillageAsync();
        using var county = await app.ClientAsAsync("county");
        await (await county.PostAsJsonAsync("/api/v1/recalculations", new { standardId = (Guid?)null }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await county.PostAsJsonAsync("/api/v1/recalculations", new { standardId = Guid.NewGuid() }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var temporary = await county.PutAsJsonAsync("/api/v1/standards", new { program = "temporary", regionCode = "360482", effectiveFrom = "2026-02-01", amount = 0m, ceilingMultiple = 3m }, Ct);
        Assert.True(temporary.IsSuccessStatusCode, await temporary.Content.ReadAsStringAsync(Ct));
        var temporaryId = JsonDocument.Parse(await temporary.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetString();
        var oneOff = await (await county.PostAsJsonAsync("/api/v1/recalculations", new { standardId = temporaryId }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("按次核定", oneOff.GetProperty("detail").GetString());

        var id = (await (await county.PostAsJsonAsync("/api/v1/recalculations", new { standardId = raise }, Ct)).JsonAsync(HttpStatusCode.Created))
            .GetProperty("recalculation").GetProperty("id").GetString()!;
        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482201000");
        using var otherTownship = await app.ClientAsAsync(user, password);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTownship.GetAsync($"/api/v1/recalculations/{id}", Ct)).StatusCode);
        Assert.Equal(0, (await (await otherTownship.GetAsync($"/api/v1/recalculations/{id}/lines", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }
}

public sealed class SqliteRecalculationTests(SqliteApp app) : RecalculationTests<SqliteApp>(app);

public sealed class PostgresRecalculationTests(PostgresApp app) : RecalculationTests<PostgresApp>(app);
