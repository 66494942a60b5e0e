using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Minzheng.Tests.Modules.Veterans.VeteranFixtures;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>
/// 优抚 benefits through social assistance's payroll on both databases: a standard enrols, a raise reaching back into paid
/// months is refused without the back-pay flag and otherwise paid as explained arrears, a death stops the pension and pays
/// six months' funeral aid once.
/// </summary>
public abstract class VeteranPayrollTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Pension = "veterans-pension";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<JsonElement> Of(List<JsonElement> lines, string kind) => [.. lines.Where(l => l.GetProperty("kind").GetString() == kind)];

    [Fact]
    public async Task ARaise_AfterTwoPaidMonths_NeedsTheBackPayFlag_ThenTheNextPayrollPaysExplainedArrears()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        using var veterans = await app.ClientAsAsync("veterans");
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Created, (await StandardAsync(veterans, village, 2_000m, "2026-10")).StatusCode);
        var people = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var created = await RegisterAsync(veterans, Disabled($"戊提标{i}", village));
            Assert.Equal(2_000m, created.GetProperty("monthlyAmount").GetDecimal());
            people.Add(created.GetProperty("enrollmentId").GetString()!);
        }

        var october = await PaymentFixtures.PayrollAsync(app, Pension, village, "2026-10");
        await PaymentFixtures.PayrollAsync(app, Pension, village, "2026-11");
        Assert.All(await PaymentFixtures.LinesAsync(county, october), l => Assert.Equal(2_000m, l.GetProperty("amount").GetDecimal()));

        var refused = await (await StandardAsync(veterans, village, 2_300m, "2026-10")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("2026-11", refused.GetProperty("errors").GetProperty("effectiveMonth")[0].GetString());
        var standards = await (await veterans.GetAsync("/api/v1/veterans/standards?category=disabled", Ct)).JsonAsync();
        Assert.Single(standards.EnumerateArray(), s => s.GetProperty("regionPrefix").GetString() == village);

        var raised = await (await StandardAsync(veterans, village, 2_300m, "2026-10", backPay: true)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((5, "2026-11"), (raised.GetProperty("adjusted").GetInt32(), raised.GetProperty("lastPaidMonth").GetString()));
        Assert.Contains(raised.GetProperty("steps").EnumerateArray(), s => s.GetProperty("policy").GetString()!.Contains("令第788号", StringComparison.Ordinal));

        var december = await PaymentFixtures.LinesAsync(county, await PaymentFixtures.PayrollAsync(app, Pension, village, "2026-12"));
        Assert.Equal(5, Of(december, "regular").Count);
        Assert.All(Of(december, "regular"), l => Assert.Equal(2_300m, l.GetProperty("amount").GetDecimal()));
        var arrears = Of(december, "arrears");
        Assert.Equal(10, arrears.Count);
        Assert.Equal(people.Order(), arrears.Select(l => l.GetProperty("enrollmentId").GetString()!).Distinct().Order());
        Assert.All(arrears, l =>
        {
            Assert.Equal(300m, l.GetProperty("amount").GetDecimal());
            var why = l.GetProperty("explanation").GetString()!;
            Assert.Contains("应发 2300.00 元，已发 2000.00 元", why);
            Assert.Contains("提标追溯至该月", why);
            Assert.Contains("优抚对象抚恤金", why);
        });
        Assert.Equal(["2026-10", "2026-11"], arrears.Select(l => l.GetProperty("month").GetString()![..7]).Distinct().Order());
    }

    [Fact]
    public async Task ARaiseFromAFutureMonth_NeedsNoFlag_AndEnrolsThoseWaitingForAStandard()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        using var veterans = await app.ClientAsAsync("veterans");
        var waiting = await RegisterAsync(veterans, Disabled("己待核", village, grade: 8, nature: "duty"));
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("enrollmentId").ValueKind);

        var applied = await (await StandardAsync(veterans, village, 800m, "2026-12", grade: 8, nature: "duty")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((0, 1), (applied.GetProperty("adjusted").GetInt32(), applied.GetProperty("enrolled").GetInt32()));
        var detail = await (await veterans.GetAsync($"/api/v1/veterans/entitlements/{waiting.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal(800m, detail.GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal(3, detail.GetProperty("steps").GetArrayLength());

        // A standard for a grade the illness nature cannot have is refused, and so is a bad amount.
        await (await StandardAsync(veterans, village, 800m, "2026-12", grade: 7, nature: "illness")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await StandardAsync(veterans, village, -1m, "2026-12")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Death_StopsFromTheNextMonth_RecoversWhatWasPaidAfter_AndPaysSixMonthsFuneralAidOnce()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        using var veterans = await app.ClientAsAsync("veterans");
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Created, (await StandardAsync(veterans, village, 1_500.50m, "2026-10")).StatusCode);
        var dead = await RegisterAsync(veterans, Disabled("庚病故", village));
        var alive = await RegisterAsync(veterans, Disabled("庚健在", village));
        await PaymentFixtures.PayrollAsync(app, Pension, village, "2026-10");
        await PaymentFixtures.PayrollAsync(app, Pension, village, "2026-11");

        var id = dead.GetProperty("id").GetString();
        var death = await (await veterans.PostAsJsonAsync($"/api/v1/veterans/entitlements/{id}/death", new { deathDate = "2026-10-20" }, Ct)).JsonAsync();
        Assert.Equal(("2026-11", 9_003.00m), (death.GetProperty("stopFrom").GetString(), death.GetProperty("funeralAid").GetDecimal()));
        Assert.Contains("1500.50 × 6 = 9003.00", death.GetProperty("explanation").GetString());
        await (await veterans.PostAsJsonAsync($"/api/v1/veterans/entitlements/{id}/death", new { deathDate = "2026-10-20" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var detail = await (await veterans.GetAsync($"/api/v1/veterans/entitlements/{id}", Ct)).JsonAsync();
        Assert.Equal(("deceased", 9_003.00m), (detail.GetProperty("status").GetString(), detail.GetProperty("funeralAid").GetDecimal()));

        var december = await PaymentFixtures.LinesAsync(county, await PaymentFixtures.PayrollAsync(app, Pension, village, "2026-12"));
        var regular = Assert.Single(Of(december, "regular"));
        Assert.Equal(alive.GetProperty("enrollmentId").GetString(), regular.GetProperty("enrollmentId").GetString());
        var recovery = Assert.Single(Of(december, "recovery"));
        Assert.Equal((-1_500.50m, dead.GetProperty("enrollmentId").GetString()), (recovery.GetProperty("amount").GetDecimal(), recovery.GetProperty("enrollmentId").GetString()));
        Assert.Contains("保障对象死亡", recovery.GetProperty("explanation").GetString());

        var aid = await PaymentFixtures.LinesAsync(county, await PaymentFixtures.PayrollAsync(app, "veterans-funeral-aid", village, "2026-12"));
        var line = Assert.Single(aid);
        Assert.Equal(9_003.00m, line.GetProperty("amount").GetDecimal());
        Assert.Contains("丧葬补助", line.GetProperty("explanation").GetString());
    }
}

public sealed class SqliteVeteranPayrollTests(SqliteApp app) : VeteranPayrollTests<SqliteApp>(app);

public sealed class PostgresVeteranPayrollTests(PostgresApp app) : VeteranPayrollTests<PostgresApp>(app);
