using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Reports;
using Minzheng.Platform.Data;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Reports;

/// <summary>The trigger-kept aggregate equals a GROUP BY over the enrolments after every kind of write: bulk import, EF updates of the lifecycle, set-based updates.</summary>
public abstract class EnrollmentGroupTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AssertConsistentAsync()
    {
        var (expected, actual) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            var rows = await db.Enrollments.AsNoTracking().Select(e => new { e.RegionCode, e.Program, e.StartMonth, e.EndMonth, e.CoveredPersons, e.MonthlyAmount })
                .ToListAsync(Ct);
            var grouped = rows.GroupBy(e => (e.RegionCode, e.Program, e.StartMonth, End: e.EndMonth ?? EnrollmentGroup.Open))
                .Select(g => (g.Key, Count: g.Count(), Persons: g.Sum(e => e.CoveredPersons), Fen: (long)(g.Sum(e => e.MonthlyAmount) * 100)))
                .OrderBy(x => x.Key).ToList();
            var groups = (await db.EnrollmentGroups.AsNoTracking().Where(g => g.Enrollments != 0 || g.Persons != 0 || g.AmountFen != 0).ToListAsync(Ct))
                .Select(g => ((g.RegionCode, g.Program, g.StartMonth, End: g.EndMonth), Count: g.Enrollments, g.Persons, Fen: g.AmountFen)).OrderBy(x => x.Item1).ToList();
            return (grouped, groups);
        });
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Aggregate_MatchesTheEnrolments_AfterImportAdjustTerminateAndSetBasedUpdates()
    {
        await AssertConsistentAsync(); // demo caseload: roster import, decisions, reviews
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 300.10m, 400.20m, 500.30m);
        await AssertConsistentAsync();

        using var county = await app.ClientAsAsync("county");
        await (await county.PostAsJsonAsync($"/api/v1/enrollments/{payees[0].EnrollmentId}/adjust", new { fromMonth = "2026-12", monthlyAmount = 333.33m, note = "调标" }, Ct))
            .JsonAsync();
        await (await county.PostAsJsonAsync($"/api/v1/enrollments/{payees[1].EnrollmentId}/terminate", new { fromMonth = "2026-12", reason = "moved-away", note = "迁出" }, Ct))
            .JsonAsync();
        await AssertConsistentAsync();

        await app.WithScopeAsync(async sp => await sp.GetRequiredService<MinzhengDbContext>().Enrollments.Where(e => e.RegionCode == village)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.CoveredPersons, e => e.CoveredPersons + 1), Ct));
        await AssertConsistentAsync();
    }
}

public sealed class SqliteEnrollmentGroupTests(SqliteApp app) : EnrollmentGroupTests<SqliteApp>(app);

public sealed class PostgresEnrollmentGroupTests(PostgresApp app) : EnrollmentGroupTests<PostgresApp>(app);
