using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Reports;
using Minzheng.Platform.Data;
using Minzheng.Platform.Security;
using Minzheng.Platform.Statistics;

namespace Minzheng.Bench;

/// <summary>
/// Statistics (issue 9) over N enrolments spread over 2020–2026 (five programmes, one person-based, one in six cancelled with a reason,
/// one in twenty adjusted after the report date): the county's half-year assistance summary with its township roll-up,
/// and the dashboard, each against a single hand-written GROUP BY of the stock over the same rows in the same run.
/// Each step is run five times warm and the median reported.
/// </summary>
public static class SummaryBench
{
    private const int Runs = 5;
    private static readonly string[] Programs = ["rural-dibao", "rural-dibao", "urban-dibao", "destitute-dispersed", "disability-living"];
    private static readonly string[] Reasons = ["income-above-standard", "death", "moved-away", "improper"];

    public static async Task<List<string>> RunAsync(string provider, int rows, string? postgres)
    {
        var (app, _) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var host = app;
        var watch = Stopwatch.StartNew();
        var enrollments = await BenchSeed.SeedAsync(app, rows, Shape);
        await AdjustmentsAsync(app, enrollments);
        enrollments.Clear();
        Console.WriteLine($"{provider}: seeded {rows:N0} enrolments in {watch.Elapsed.TotalSeconds:F1}s");

        var query = new ReportQuery("360482", "360482000000", "360482", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
        var floor = await MedianAsync(app, db => FloorAsync(db, query.ToMonth));
        var summary = await MedianAsync(app, async (_, services) => await services.GetRequiredService<AssistanceSummaryService>().SummaryAsync(query, default));
        var dashboard = await MedianAsync(app, async (_, services) => await services.GetRequiredService<DashboardService>().BuildAsync(query, default));
        var peak = BenchHost.PeakMegabytes();
        string Row(string step, TimeSpan m) => $"| {provider} | {rows:N0} | {step} | {floor.TotalSeconds:F3} s | {m.TotalSeconds:F3} s | **{m / floor:F2}×** | {peak} MB |";
        Console.WriteLine($"{provider}: summary {summary.TotalSeconds:F3}s, dashboard {dashboard.TotalSeconds:F3}s (floor {floor.TotalSeconds:F3}s)");
        return [Row("assistance summary ÷ one GROUP BY", summary), Row("dashboard ÷ one GROUP BY", dashboard)];
    }

    /// <summary>Programme, start month 2020-01…2026-06, and every sixth enrolment ended (before or within the half-year) with a reason.</summary>
    private static void Shape(int i, Enrollment e)
    {
        e.Program = Programs[i % Programs.Length];
        e.CoveredPersons = 1 + (i % 4);
        e.StartMonth = new DateOnly(2020, 1, 1).AddMonths(i % 78);
        if (i % 6 == 0)
        {
            var end = e.StartMonth.AddMonths(3 + (i % 40));
            (e.Status, e.EndMonth, e.StatusReason) = (EnrollmentStatus.Terminated, end, Reasons[i % Reasons.Length]);
        }
    }

    /// <summary>One enrolment in twenty got a raise effective after the report date (the summary must report the old amount).</summary>
    private static async Task AdjustmentsAsync(WebApplication app, List<Enrollment> enrollments)
    {
        var events = enrollments.Where((e, i) => i % 20 == 1 && e.EndMonth is null).Select(e => new EnrollmentEvent
        {
            EnrollmentId = e.Id,
            RegionCode = e.RegionCode,
            Kind = EnrollmentEventKind.Adjusted,
            EffectiveMonth = new DateOnly(2026, 9, 1),
            OldAmount = e.MonthlyAmount - 50m,
            NewAmount = e.MonthlyAmount,
            CoveredPersons = e.CoveredPersons,
            At = DateTimeOffset.UtcNow,
            Actor = "bench",
        }).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertAsync(db, events, default);
        await tx.CommitAsync();
        // The trigger-kept aggregate took many upserts while seeding: vacuum it as autovacuum would before anyone reads it.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE");
    }

    /// <summary>The floor: the stock of the county at the month, by programme, in one statement.</summary>
    private static async Task FloorAsync(MinzhengDbContext db, DateOnly month)
    {
        var m = month.ToString("yyyy-MM-dd", null);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var date = db.Database.IsNpgsql() ? $"DATE '{m}'" : $"'{m}'";
        command.CommandText = $"""
            SELECT "Program", COUNT(DISTINCT "HouseholdId"), SUM("CoveredPersons"), SUM("MonthlyAmount") FROM "Enrollments"
            WHERE "RegionCode" LIKE '360482%' AND "StartMonth" <= {date} AND ("EndMonth" IS NULL OR "EndMonth" >= {date})
            GROUP BY "Program"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static Task<TimeSpan> MedianAsync(WebApplication app, Func<MinzhengDbContext, Task> step) => MedianAsync(app, (db, _) => step(db));

    private static async Task<TimeSpan> MedianAsync(WebApplication app, Func<MinzhengDbContext, IServiceProvider, Task> step)
    {
        var times = new List<TimeSpan>();
        for (var run = 0; run <= Runs; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
            var watch = Stopwatch.StartNew();
            await step(db, scope.ServiceProvider);
            if (run > 0)
            {
                times.Add(watch.Elapsed); // the first run warms caches and is not counted
            }
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
