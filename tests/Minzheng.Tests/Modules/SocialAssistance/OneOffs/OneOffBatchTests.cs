using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.OneOffs;

/// <summary>Batch subsidies (issue 21 item 2): counted by programme and region, approved by a second person, paid once by payroll.</summary>
public abstract class OneOffBatchTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ThisMonth => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string NextMonth => DateTime.UtcNow.AddHours(8).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ABatch_IsCountedPerPerson_ApprovedByASecondPerson_AndPaidOnceByItsPayroll()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 500m, 600m); // two households of 2 covered persons each
        using var county = await app.ClientAsAsync("county");
        var request = new { name = "春节一次性生活补贴", month = ThisMonth, programs = new[] { "rural-dibao" }, regionCode = village, basis = "per-person", unitAmount = 150m, citation = "共民字〔2026〕9号" };
        var batch = await (await county.PostAsJsonAsync("/api/v1/one-off-batches", request, Ct)).JsonAsync(HttpStatusCode.Created);
        var id = batch.GetProperty("id").GetString()!;
        Assert.Equal((2, 4, 600m, "proposed"), (batch.GetProperty("households").GetInt32(), batch.GetProperty("persons").GetInt32(),
            batch.GetProperty("total").GetDecimal(), batch.GetProperty("status").GetString()));
        await (await county.PostAsJsonAsync("/api/v1/one-off-batches", request, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        // Nothing is owed before approval: the payroll of the month is empty.
        var early = await (await county.PostPayrollAsync(new { program = "one-off-subsidy", regionCode = village, period = ThisMonth }, Guid.NewGuid().ToString()))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, early.GetProperty("lines").GetInt32());
        using var finance = await app.ClientAsAsync("finance");
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsJsonAsync($"/api/v1/payrolls/{early.GetProperty("id").GetString()}/reject", new { reason = "空名册" }, Ct)).StatusCode);

        await (await county.PostAsync($"/api/v1/one-off-batches/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var approver = await app.ClientAsAsync("approver");
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync($"/api/v1/one-off-batches/{id}/approve", null, Ct)).StatusCode);

        var payroll = await PayrollAsync(app, "one-off-subsidy", village, ThisMonth, approve: false);
        var lines = await LinesAsync(county, payroll);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(300m, l.GetProperty("amount").GetDecimal()));
        Assert.Contains("春节一次性生活补贴：150.00 元 × 2 人（共民字〔2026〕9号）", lines[0].GetProperty("explanation").GetString());
        Assert.Equal(payees.Select(p => p.Name).Order(), lines.Select(l => l.GetProperty("personName").GetString()!).Order());
        var next = await PayrollAsync(app, "one-off-subsidy", village, NextMonth, approve: false);
        Assert.Empty(await LinesAsync(county, next));
    }

    [Fact]
    public async Task BadBatches_AreRefusedFieldByField_AndAReturnedBatchOwesNothing()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "农村低保", 400m);
        using var county = await app.ClientAsAsync("county");
        var bad = await (await county.PostAsJsonAsync("/api/v1/one-off-batches",
            new { name = "", month = "2020-01", programs = new[] { "temporary", "nonsense" }, regionCode = "110101", basis = "per-cow", unitAmount = 99999999m }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var fields = bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equivalent(new[] { "name", "month", "programs", "regionCode", "basis", "unitAmount" }, fields);
        using var villager = await app.ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.Forbidden, (await villager.PostAsJsonAsync("/api/v1/one-off-batches", new { name = "x" }, Ct)).StatusCode);

        var batch = await (await county.PostAsJsonAsync("/api/v1/one-off-batches",
            new { name = "冬春救助", month = ThisMonth, programs = new[] { "rural-dibao" }, regionCode = village, basis = "per-household", unitAmount = 500m }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var id = batch.GetProperty("id").GetString()!;
        Assert.Equal(500m, batch.GetProperty("total").GetDecimal());
        using var approver = await app.ClientAsAsync("approver");
        await (await approver.PostAsJsonAsync($"/api/v1/one-off-batches/{id}/reject", new { reason = " " }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsJsonAsync($"/api/v1/one-off-batches/{id}/reject", new { reason = "标准有误" }, Ct)).StatusCode);
        await (await approver.PostAsync($"/api/v1/one-off-batches/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var payroll = await PayrollAsync(app, "one-off-subsidy", village, ThisMonth, approve: false);
        Assert.Empty(await LinesAsync(county, payroll));
    }
}

public sealed class SqliteOneOffBatchTests(SqliteApp app) : OneOffBatchTests<SqliteApp>(app);

public sealed class PostgresOneOffBatchTests(PostgresApp app) : OneOffBatchTests<PostgresApp>(app);
