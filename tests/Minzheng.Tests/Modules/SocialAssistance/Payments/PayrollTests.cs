using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Platform.Data;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>Payroll generation exactly once: totals, idempotency, overlap, concurrency, maker-checker, crash safety.</summary>
public abstract class PayrollTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_PaysEveryActiveEnrolment_AndTotalsEqualTheLines()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 500m, 510.5m, 520m);
        using var county = await app.ClientAsAsync("county");
        var created = await (await county.PostPayrollAsync(new { program = "rural-dibao", regionCode = village, period = "2026-11" }, Guid.NewGuid().ToString()))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal(3, created.GetProperty("households").GetInt32());
        Assert.Equal(6, created.GetProperty("persons").GetInt32());
        Assert.Equal(1530.5m, created.GetProperty("totalAmount").GetDecimal());

        var id = created.GetProperty("id").GetString();
        var fetched = await (await county.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync();
        Assert.Equal(created.GetProperty("totalAmount").GetDecimal(), fetched.GetProperty("totalAmount").GetDecimal());
        var lines = await LinesAsync(county, id!);
        Assert.Equal(payees.Select(p => p.Amount).Order(), lines.Select(l => l.GetProperty("amount").GetDecimal()).Order());
        Assert.All(lines, l =>
        {
            Assert.Equal("regular", l.GetProperty("kind").GetString());
            Assert.Equal("2026-11", l.GetProperty("month").GetString());
            Assert.Contains("********", l.GetProperty("idNumberMasked").GetString());
            Assert.StartsWith("**** ", l.GetProperty("bankAccountMasked").GetString());
        });
        Assert.DoesNotContain(payees[0].IdNumber, await (await county.GetAsync($"/api/v1/payrolls/{id}/lines", Ct)).Content.ReadAsStringAsync(Ct));
        var town = Assert.Single((await (await county.GetAsync($"/api/v1/payrolls/{id}/townships", Ct)).JsonAsync()).EnumerateArray());
        Assert.Equal(1530.5m, town.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Create_WithTheSameKey_ReturnsTheSamePayroll_AnotherBodyIs422_NoKeyIs400()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 300m);
        using var county = await app.ClientAsAsync("county");
        var body = new { program = "rural-dibao", regionCode = village, period = "2026-10" };
        var key = Guid.NewGuid().ToString();
        var first = await (await county.PostPayrollAsync(body, key)).JsonAsync(HttpStatusCode.Created);
        var again = await (await county.PostPayrollAsync(body, key)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        await (await county.PostPayrollAsync(body with { period = "2026-09" }, key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await county.PostPayrollAsync(body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Single(await LinesAsync(county, first.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Create_OverlappingRegionForTheSamePeriod_Is409_OtherPeriodsAndProgrammesAreNot()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 300m);
        using var county = await app.ClientAsAsync("county");
        await (await county.PostPayrollAsync(new { program = "rural-dibao", regionCode = village, period = "2026-08" }, Guid.NewGuid().ToString()))
            .JsonAsync(HttpStatusCode.Created);
        var overlap = await county.PostPayrollAsync(new { program = "rural-dibao", regionCode = "360482100", period = "2026-08" }, Guid.NewGuid().ToString());
        Assert.Contains("重叠", (await overlap.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        await (await county.PostPayrollAsync(new { program = "rural-dibao", regionCode = village, period = "2026-08" }, Guid.NewGuid().ToString()))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await county.PostPayrollAsync(new { program = "urban-dibao", regionCode = village, period = "2026-08" }, Guid.NewGuid().ToString()))
            .JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_ManyParallelRequestsWithDifferentKeys_MakeOnePayroll()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 100m, 200m);
        using var county = await app.ClientAsAsync("county");
        var body = new { program = "rural-dibao", regionCode = village, period = "2026-07" };
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => county.PostPayrollAsync(body, Guid.NewGuid().ToString())));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var lines = await app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().PayrollLines
            .CountAsync(l => payees.Select(p => Guid.Parse(p.EnrollmentId)).Contains(l.EnrollmentId), Ct));
        Assert.Equal(2, lines);
    }

    [Fact]
    public async Task Create_ParallelRetriesWithOneKey_AllGetTheSamePayroll()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 150m);
        using var county = await app.ClientAsAsync("county");
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            county.PostPayrollAsync(new { program = "rural-dibao", regionCode = village, period = "2026-01" }, key)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(answers.Select(async a => (await a.JsonAsync(a.StatusCode)).GetProperty("id").GetString()));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task Create_FailingBeforeCommit_LeavesNothing_AndTheRetryCompletes()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 100m, 200m);
        var key = Guid.NewGuid().ToString();
        var request = new CreatePayrollRequest("rural-dibao", village, "2026-06");
        await app.WithScopeAsync<bool>(async sp =>
        {
            var service = sp.GetRequiredService<PayrollService>();
            service.BeforeCommit = _ => throw new IOException("simulated crash");
            await Assert.ThrowsAsync<IOException>(() => service.CreateAsync(request, key, Ct));
            return true;
        });
        var left = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            return (await db.Payrolls.CountAsync(p => p.IdempotencyKey == key, Ct), await db.PayrollLines.CountAsync(l => l.RegionCode == village, Ct));
        });
        Assert.Equal((0, 0), left);

        using var county = await app.ClientAsAsync("county");
        var retried = await (await county.PostPayrollAsync(new { program = "rural-dibao", regionCode = village, period = "2026-06" }, key)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(300m, retried.GetProperty("totalAmount").GetDecimal());
    }

    [Fact]
    public async Task Approve_NeedsTheFinanceOfficerAndNotTheMaker_AndAnApprovedPayrollIsFinal()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 100m);
        var id = await PayrollAsync(app, "rural-dibao", village, "2026-05", approve: false);
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsync($"/api/v1/payrolls/{id}/approve", null, Ct)).StatusCode);
        var sameUser = await app.WithScopeAsync(sp => sp.GetRequiredService<PayrollService>().ApproveAsync(Guid.Parse(id), "county", null, Ct));
        Assert.Contains("不同人员", sameUser.Message);

        using var finance = await app.ClientAsAsync("finance");
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsync($"/api/v1/payrolls/{id}/approve", null, Ct)).StatusCode);
        var approved = await (await finance.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("finance", approved.GetProperty("decidedBy").GetString());
        await (await finance.PostAsync($"/api/v1/payrolls/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await finance.PostAsJsonAsync($"/api/v1/payrolls/{id}/reject", new { reason = "金额有误" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await county.PostAsJsonAsync($"/api/v1/payrolls/{id}/corrections",
            new { enrollmentId = payees[0].EnrollmentId, month = "2026-05", amount = 10m, reason = "少发" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reject_ReturnsItWithAReason_AndReleasesThePeriodForACorrectedPayroll()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 100m, 200m);
        var id = await PayrollAsync(app, "rural-dibao", village, "2026-04", approve: false);
        using var county = await app.ClientAsAsync("county");
        var correction = new { enrollmentId = payees[0].EnrollmentId, month = "2026-04", amount = -30m, reason = "三月多发30元，本月扣回" };
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync($"/api/v1/payrolls/{id}/corrections", correction, Ct)).StatusCode);
        Assert.Equal(270m, (await (await county.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync()).GetProperty("totalAmount").GetDecimal());
        await (await county.PostAsJsonAsync($"/api/v1/payrolls/{id}/corrections", correction with { reason = "" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        using var finance = await app.ClientAsAsync("finance");
        await (await finance.PostAsJsonAsync($"/api/v1/payrolls/{id}/reject", new { reason = "" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsJsonAsync($"/api/v1/payrolls/{id}/reject", new { reason = "更正原因不充分" }, Ct)).StatusCode);
        var rejected = await (await county.GetAsync($"/api/v1/payrolls/{id}", Ct)).JsonAsync();
        Assert.Equal(("rejected", "更正原因不充分"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("rejectReason").GetString()));
        var again = await PayrollAsync(app, "rural-dibao", village, "2026-04", approve: false);
        Assert.Equal(300m, (await (await county.GetAsync($"/api/v1/payrolls/{again}", Ct)).JsonAsync()).GetProperty("totalAmount").GetDecimal());
    }

    [Theory]
    [InlineData("{\"program\":\"bad\",\"regionCode\":\"360482\",\"period\":\"2026-11\"}", "program")]
    [InlineData("{\"program\":\"rural-dibao\",\"regionCode\":\"999999\",\"period\":\"2026-11\"}", "regionCode")]
    [InlineData("{\"program\":\"rural-dibao\",\"regionCode\":\"360482100999\",\"period\":\"2026-11\"}", "regionCode")]
    [InlineData("{\"program\":\"rural-dibao\",\"regionCode\":\"360482\",\"period\":\"2026-13\"}", "period")]
    [InlineData("{\"program\":\"rural-dibao\",\"regionCode\":\"360482\",\"period\":\"2099-01\"}", "period")]
    [InlineData("{\"program\":\"destitute-dispersed\",\"regionCode\":\"360482\",\"period\":\"2026-11\"}", "period")]
    [InlineData("{\"program\":\"rural-dibao\",\"regionCode\":\"360482\",\"period\":\"2026-Q4\"}", "period")]
    public async Task Create_WithBadInput_NamesTheField(string body, string field)
    {
        using var county = await app.ClientAsAsync("county");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payrolls") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await (await county.SendAsync(request, Ct)).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task Quarterly_Programme_PaysThreeMonthsPerEnrolment_WithAQuarterMemo()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "特困分散供养", 615m);
        using var county = await app.ClientAsAsync("county");
        var created = await (await county.PostPayrollAsync(new { program = "destitute-dispersed", regionCode = village, period = "2026-Q3" }, Guid.NewGuid().ToString()))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-Q3", created.GetProperty("period").GetString());
        Assert.Equal(1845m, created.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(1, created.GetProperty("households").GetInt32());
        var lines = await LinesAsync(county, created.GetProperty("id").GetString()!);
        Assert.Equal(["2026-07", "2026-08", "2026-09"], lines.Select(l => l.GetProperty("month").GetString()).Order());
    }

    [Fact]
    public async Task Payroll_OfAnotherTownship_IsNotFound_AndOnlyTheCountyMakesPayrolls()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 100m);
        var id = await PayrollAsync(app, "rural-dibao", village, "2026-03", approve: false);
        using var village2 = await app.ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.NotFound, (await village2.GetAsync($"/api/v1/payrolls/{id}", Ct)).StatusCode);
        using var township = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync($"/api/v1/payrolls/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await township.PostPayrollAsync(new { program = "rural-dibao", regionCode = village, period = "2026-02" }, Guid.NewGuid().ToString())).StatusCode);
    }
}

public sealed class SqlitePayrollTests(SqliteApp app) : PayrollTests<SqliteApp>(app);

public sealed class PostgresPayrollTests(PostgresApp app) : PayrollTests<PostgresApp>(app);
