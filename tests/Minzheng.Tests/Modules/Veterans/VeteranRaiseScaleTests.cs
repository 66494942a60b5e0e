using System.Net;
using static Minzheng.Tests.Modules.Veterans.VeteranFixtures;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>
/// Issue 27: a raise applied to 1,000 entitled persons in one batch, with back-pay for two paid months — every arrears line
/// explained by the raise — on both databases.
/// </summary>
public abstract class VeteranRaiseScaleTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const int Persons = 1_000;

    [Fact]
    public async Task ARaiseFor1000Persons_AfterTwoPaidMonths_Gives2000ExplainedArrearsLines()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        using var veterans = await app.ClientAsAsync("veterans");
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Created, (await StandardAsync(veterans, village, 1_200m, "2026-10", grade: 9, nature: "duty")).StatusCode);
        for (var i = 0; i < Persons; i++)
        {
            await RegisterAsync(veterans, Disabled($"辛规模{i}", village, grade: 9, nature: "duty"));
        }

        await PaymentFixtures.PayrollAsync(app, "veterans-pension", village, "2026-10");
        await PaymentFixtures.PayrollAsync(app, "veterans-pension", village, "2026-11");
        var raised = await (await StandardAsync(veterans, village, 1_260.50m, "2026-10", backPay: true, grade: 9, nature: "duty")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(Persons, raised.GetProperty("adjusted").GetInt32());

        var december = await PaymentFixtures.PayrollAsync(app, "veterans-pension", village, "2026-12");
        var payroll = await (await county.GetAsync($"/api/v1/payrolls/{december}", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(Persons * 1_260.50m + 2 * Persons * 60.50m, payroll.GetProperty("totalAmount").GetDecimal());
        var page = await (await county.GetAsync($"/api/v1/payrolls/{december}/lines?kind=arrears&take=1000", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(2 * Persons, page.GetProperty("total").GetInt32());
        var lines = page.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(1_000, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal(60.50m, l.GetProperty("amount").GetDecimal());
            Assert.Contains("提标追溯至该月（残疾军人（九级，因公）标准调整为 1260.50 元/月，自 2026-10 起（测试提标通知））", l.GetProperty("explanation").GetString());
        });
    }
}

public sealed class SqliteVeteranRaiseScaleTests(SqliteApp app) : VeteranRaiseScaleTests<SqliteApp>(app);

public sealed class PostgresVeteranRaiseScaleTests(PostgresApp app) : VeteranRaiseScaleTests<PostgresApp>(app);
