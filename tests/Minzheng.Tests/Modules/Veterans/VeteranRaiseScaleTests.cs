using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.Veterans;
using Minzheng.Platform.Data;
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

    protected TApp App => app;

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

public sealed class PostgresVeteranRaiseScaleTests(PostgresApp app) : VeteranRaiseScaleTests<PostgresApp>(app)
{
    /// <summary>
    /// A raise rewrites the amount, standard and calculation of every entitlement of its category: the table leaves room
    /// on each page and indexes none of those columns, so each row's new version is a HOT update (no index written).
    /// </summary>
    [Fact]
    public async Task ARaisesUpdateOfEntitlements_IsHeapOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var village = await PaymentFixtures.VillageAsync(App);
        using var veterans = await App.ClientAsAsync("veterans");
        Assert.Equal(HttpStatusCode.Created, (await StandardAsync(veterans, village, 1_100m, "2026-10", grade: 8, nature: "war")).StatusCode);
        for (var i = 0; i < 20; i++)
        {
            await RegisterAsync(veterans, Disabled($"辛堆内{i}", village, grade: 8, nature: "war"));
        }

        var (updated, heapOnly) = await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The columns StandardRaiseService sets, with a calculation of another length as a new standard's would be.
            var count = await db.VeteranEntitlements.Where(e => e.RegionCode == village && e.DisabilityGrade == 8).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.MonthlyAmount, 1_234.56m).SetProperty(e => e.StandardId, Guid.CreateVersion7())
                .SetProperty(e => e.CalculationJson, e => e.CalculationJson + " ").SetProperty(e => e.UpdatedAt, DateTimeOffset.UtcNow)
                .SetProperty(e => e.UpdatedBy, "hot-test"), ct);
            var hot = await db.Database.SqlQueryRaw<long>(
                """SELECT pg_stat_get_xact_tuples_hot_updated('"VeteranEntitlements"'::regclass) AS "Value" """).SingleAsync(ct);
            await tx.RollbackAsync(ct);
            return (count, hot);
        });
        Assert.Equal(20, updated);
        Assert.Equal(updated, heapOnly);
    }
}
