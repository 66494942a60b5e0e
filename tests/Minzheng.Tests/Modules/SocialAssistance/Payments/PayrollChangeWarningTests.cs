using System.Net;
using System.Net.Http.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>A payroll that jumps since the last one is flagged, and approved only with its total confirmed (issue 21 item 5).</summary>
public abstract class PayrollChangeWarningTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static int _township = 700;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJump_IsFlagged_AndApprovedOnlyWithTheExactTotalConfirmed()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 500m, 600m);
        await PayrollAsync(app, "rural-dibao", village, "2026-01");
        using var county = await app.ClientAsAsync("county");
        // A mistyped back-dated raise: 500 → 5,000 from January.
        Assert.Equal(HttpStatusCode.OK, (await county.PostAsJsonAsync($"/api/v1/enrollments/{payees[0].EnrollmentId}/adjust",
            new { fromMonth = "2026-01", monthlyAmount = 5000m }, Ct)).StatusCode);
        var february = await PayrollAsync(app, "rural-dibao", village, "2026-02", approve: false);

        var payroll = await (await county.GetAsync($"/api/v1/payrolls/{february}", Ct)).JsonAsync();
        var total = payroll.GetProperty("totalAmount").GetDecimal();
        Assert.Equal(5000m + 600m + 4500m, total);
        var change = payroll.GetProperty("change");
        Assert.Equal(1100m, change.GetProperty("previousTotal").GetDecimal());
        Assert.Equal(4500m, change.GetProperty("arrears").GetDecimal());
        Assert.Contains("10,100.00", change.GetProperty("warning").GetString());

        using var finance = await app.ClientAsAsync("finance");
        var blind = await (await finance.PostAsync($"/api/v1/payrolls/{february}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("须确认本期合计 10,100.00 元", blind.GetProperty("detail").GetString());
        await (await finance.PostAsJsonAsync($"/api/v1/payrolls/{february}/approve", new { confirmTotal = 1100m }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("pending", (await (await county.GetAsync($"/api/v1/payrolls/{february}", Ct)).JsonAsync()).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsJsonAsync($"/api/v1/payrolls/{february}/approve", new { confirmTotal = total }, Ct)).StatusCode);
        var approved = await (await county.GetAsync($"/api/v1/payrolls/{february}", Ct)).JsonAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, approved.GetProperty("change").ValueKind);
    }

    [Fact]
    public async Task ASteadyPayroll_HasNoWarning_AndIsApprovedWithoutConfirmation()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 500m, 600m);
        await PayrollAsync(app, "rural-dibao", village, "2026-03");
        await CaseloadAsync(app, village, "农村低保", 100m); // +100 of 1,100, with 100 back-pay for March: within 20%
        var april = await PayrollAsync(app, "rural-dibao", village, "2026-04", approve: false);
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await (await county.GetAsync($"/api/v1/payrolls/{april}", Ct)).JsonAsync()).GetProperty("change").ValueKind);
        using var finance = await app.ClientAsAsync("finance");
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsync($"/api/v1/payrolls/{april}/approve", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task TheFirstPayrollOfARegion_IsFlagged_WhenItsBackPayOutweighsTheRegularLines()
    {
        var township = $"360482{Interlocked.Increment(ref _township)}";
        using var admin = await app.ClientAsAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/regions",
            new { code = township + "000", name = $"变动测试镇{township[^2..]}", parentCode = "360482000000" }, Ct)).StatusCode);
        var village = township + "201";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/regions",
            new { code = village, name = $"变动测试村{township[^2..]}", parentCode = township + "000" }, Ct)).StatusCode);
        await CaseloadAsync(app, village, "农村低保", 280m);
        await PayrollAsync(app, "rural-dibao", village, "2026-09");
        await CaseloadAsync(app, village, "农村低保", 333m); // approved after September's payroll: September is back-paid

        // The township's first payroll: no previous payroll of the township to compare with.
        var october = await PayrollAsync(app, "rural-dibao", township, "2026-10", approve: false);
        using var county = await app.ClientAsAsync("county");
        var change = (await (await county.GetAsync($"/api/v1/payrolls/{october}", Ct)).JsonAsync()).GetProperty("change");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, change.GetProperty("previousPeriod").ValueKind);
        Assert.Equal(333m, change.GetProperty("arrears").GetDecimal());
        Assert.Contains("本名册补发 333.00 元，超过正常发放 613.00 元的 20%", change.GetProperty("warning").GetString());
    }
}

public sealed class SqlitePayrollChangeWarningTests(SqliteApp app) : PayrollChangeWarningTests<SqliteApp>(app);

public sealed class PostgresPayrollChangeWarningTests(PostgresApp app) : PayrollChangeWarningTests<PostgresApp>(app);
