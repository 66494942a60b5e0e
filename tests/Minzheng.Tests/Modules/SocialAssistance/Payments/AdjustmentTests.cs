using System.Net;
using System.Net.Http.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>补发 and 追回: back-dated raises, approvals and terminations are settled in the next payroll, each line explained.</summary>
public abstract class AdjustmentTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BackDatedRaise_PaysArrearsForEveryMonthAlreadyPaid_InTheNextPayroll()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 500m, 600m);
        foreach (var month in new[] { "2026-01", "2026-02", "2026-03" })
        {
            await PayrollAsync(app, "rural-dibao", village, month);
        }

        using var county = await app.ClientAsAsync("county");
        // 提标 in April, effective from January: 500 → 550 for the first household only.
        var raised = await county.PostAsJsonAsync($"/api/v1/enrollments/{payees[0].EnrollmentId}/adjust",
            new { fromMonth = "2026-01", monthlyAmount = 550m, note = "提标" }, Ct);
        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);

        var april = await PayrollAsync(app, "rural-dibao", village, "2026-04", approve: false);
        var lines = await LinesAsync(county, april);
        var arrears = lines.Where(l => l.GetProperty("kind").GetString() == "arrears").OrderBy(l => l.GetProperty("month").GetString()).ToList();
        Assert.Equal(["2026-01", "2026-02", "2026-03"], arrears.Select(l => l.GetProperty("month").GetString()));
        Assert.All(arrears, l =>
        {
            Assert.Equal(payees[0].EnrollmentId, l.GetProperty("enrollmentId").GetString());
            Assert.Equal(50m, l.GetProperty("amount").GetDecimal());
            Assert.Contains("应发 550.00 元，已发 500.00 元", l.GetProperty("explanation").GetString());
        });
        var regular = lines.Where(l => l.GetProperty("kind").GetString() == "regular").ToDictionary(l => l.GetProperty("enrollmentId").GetString()!, l => l.GetProperty("amount").GetDecimal());
        Assert.Equal(550m, regular[payees[0].EnrollmentId]);
        Assert.Equal(600m, regular[payees[1].EnrollmentId]);
        var payroll = await (await county.GetAsync($"/api/v1/payrolls/{april}", Ct)).JsonAsync();
        Assert.Equal(550m + 600m + 150m, payroll.GetProperty("totalAmount").GetDecimal());

        // Settled once: the May payroll has no arrears left.
        using var finance = await app.ClientAsAsync("finance");
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsync($"/api/v1/payrolls/{april}/approve", null, Ct)).StatusCode);
        var may = await PayrollAsync(app, "rural-dibao", village, "2026-05", approve: false);
        Assert.All(await LinesAsync(county, may), l => Assert.Equal("regular", l.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task FutureAdjustment_DoesNotChangeAnEarlierMonthsPayroll()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 400m);
        using var county = await app.ClientAsAsync("county");
        await county.PostAsJsonAsync($"/api/v1/enrollments/{payees[0].EnrollmentId}/adjust", new { fromMonth = "2026-12", monthlyAmount = 450m }, Ct);
        var november = await PayrollAsync(app, "rural-dibao", village, "2026-11", approve: false);
        Assert.Equal(400m, Assert.Single(await LinesAsync(county, november)).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task BackDatedDeath_RecoversTheMonthsPaidAfterIt_AndStopsPaying()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 300m, 320m);
        await PayrollAsync(app, "rural-dibao", village, "2026-06");
        await PayrollAsync(app, "rural-dibao", village, "2026-07");
        using var county = await app.ClientAsAsync("county");
        // The death in June is recorded late, in August: payment stops from July.
        var ended = await county.PostAsJsonAsync($"/api/v1/enrollments/{payees[1].EnrollmentId}/terminate",
            new { fromMonth = "2026-07", reason = "death", note = "6月死亡，8月核实" }, Ct);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        var august = await PayrollAsync(app, "rural-dibao", village, "2026-08", approve: false);
        var lines = await LinesAsync(county, august);
        var recovery = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "recovery");
        Assert.Equal((payees[1].EnrollmentId, "2026-07", -320m),
            (recovery.GetProperty("enrollmentId").GetString(), recovery.GetProperty("month").GetString(), recovery.GetProperty("amount").GetDecimal()));
        Assert.Contains("保障对象死亡", recovery.GetProperty("explanation").GetString());
        Assert.DoesNotContain(lines, l => l.GetProperty("kind").GetString() == "regular" && l.GetProperty("enrollmentId").GetString() == payees[1].EnrollmentId);
        var payroll = await (await county.GetAsync($"/api/v1/payrolls/{august}", Ct)).JsonAsync();
        Assert.Equal(300m - 320m, payroll.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(1, payroll.GetProperty("households").GetInt32());

        // The overpayment has no later payment to offset it: it is left out of the bank file, listed for collection. The
        // total fell from 620 to −20, so the approver confirms it.
        using var finance = await app.ClientAsAsync("finance");
        Assert.Contains("减少", payroll.GetProperty("change").GetProperty("warning").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsJsonAsync($"/api/v1/payrolls/{august}/approve", new { confirmTotal = -20m }, Ct)).StatusCode);
        var file = await (await finance.GetAsync($"/api/v1/payrolls/{august}/bank-file", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(payees[1].Account, file);
        Assert.Contains(payees[0].Account, file);
    }

    [Fact]
    public async Task RetroactiveApproval_AfterAMonthsPayroll_IsPaidArrearsForThatMonth()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 280m);
        await PayrollAsync(app, "rural-dibao", village, "2026-09");
        // A household approved later, enrolled from January, was not in September's payroll.
        var late = await CaseloadAsync(app, village, "农村低保", 333m);
        var october = await PayrollAsync(app, "rural-dibao", village, "2026-10", approve: false);
        using var county = await app.ClientAsAsync("county");
        var arrears = (await LinesAsync(county, october)).Where(l => l.GetProperty("kind").GetString() == "arrears").ToList();
        var line = Assert.Single(arrears);
        Assert.Equal((late[0].EnrollmentId, "2026-09", 333m),
            (line.GetProperty("enrollmentId").GetString(), line.GetProperty("month").GetString(), line.GetProperty("amount").GetDecimal()));
        Assert.Contains("批准晚于该月发放名册", line.GetProperty("explanation").GetString());
    }
}

public sealed class SqliteAdjustmentTests(SqliteApp app) : AdjustmentTests<SqliteApp>(app);

public sealed class PostgresAdjustmentTests(PostgresApp app) : AdjustmentTests<PostgresApp>(app);
