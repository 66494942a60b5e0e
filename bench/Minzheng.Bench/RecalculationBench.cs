using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Recalculations;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;

namespace Minzheng.Bench;

/// <summary>
/// 提标重算 (issue 21 item 1) over N active rural Dibao enrolments: preview (read, recalculate, write the lines) plus
/// approval (one adjustment event per enrolment, the new amounts) ÷ the floor of the changed rows — the same N
/// enrolment rows and N event rows, built in memory, bulk-written (binary COPY; SQLite a prepared insert) into tables of
/// the same columns and indexes as Enrollments and EnrollmentEvents.
/// </summary>
public static class RecalculationBench
{
    private static readonly DateOnly RaisedFrom = new(2026, 11, 1);

    public static async Task<List<string>> RunAsync(string provider, int rows, string? postgres)
    {
        var (app, _) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var host = app;
        var watch = Stopwatch.StartNew();
        var enrollments = await BenchSeed.SeedAsync(app, rows);
        Console.WriteLine($"{provider}: seeded {rows:N0} enrolments in {watch.Elapsed.TotalSeconds:F1}s");
        var raise = await StandardsAsync(app);

        var floor = await BenchHost.TimeAsync(app, (db, _) => CopyFloorAsync(db, provider, enrollments));
        enrollments.Clear();
        Guid id = default;
        var preview = await BenchHost.TimeAsync(app, async (_, services) =>
        {
            var (_, recalculation, message) = await services.GetRequiredService<RecalculationService>().PreviewAsync(new RecalculationRequest(raise), default);
            id = recalculation?.Id ?? throw new InvalidOperationException(message);
            if (recalculation.Changed != rows)
            {
                throw new InvalidOperationException($"recalculation changed {recalculation.Changed} enrolments, expected {rows}");
            }
        });
        var approval = await BenchHost.TimeAsync(app, async (_, services) =>
        {
            var (outcome, message) = await services.GetRequiredService<RecalculationService>().ApproveAsync(id, "bench-approver", default);
            if (outcome != Outcome.Done)
            {
                throw new InvalidOperationException(message);
            }
        });

        var peak = BenchHost.PeakMegabytes();
        var total = preview + approval;
        Console.WriteLine($"{provider}: preview {preview.TotalSeconds:F2}s, approval {approval.TotalSeconds:F2}s, floor {floor.TotalSeconds:F2}s");
        return
        [
            $"| {provider} | {rows:N0} | recalculation (preview {preview.TotalSeconds:F2} s + apply {approval.TotalSeconds:F2} s) ÷ COPY of the changed enrolments and their events | {floor.TotalSeconds:F2} s | {total.TotalSeconds:F2} s | **{total / floor:F2}×** | {peak} MB |",
        ];
    }

    /// <summary>The standard in force before (if the demo set none) and the raise from November 2026; returns the raise's id.</summary>
    private static async Task<Guid> StandardsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var standards = scope.ServiceProvider.GetRequiredService<StandardService>();
        foreach (var (from, amount) in new[] { ("2025-01-01", 700m), ("2026-11-01", 780m) })
        {
            var (saved, _, errors) = await standards.PutAsync(new StandardRequest("rural-dibao", "360482", from, amount, "month", "fen", null, null, null, null,
                null, null, "bench"), default);
            if (saved is null)
            {
                throw new InvalidOperationException(string.Join("; ", errors.Messages));
            }
        }

        return (await standards.ResolveAsync("rural-dibao", "360482100201", RaisedFrom, default))!.Id;
    }

    /// <summary>The changed rows written the most primitive way: N enrolments with their new amount and N events, bulk-inserted into twins.</summary>
    private static async Task CopyFloorAsync(MinzhengDbContext db, string provider, List<Enrollment> enrollments)
    {
        string[] twins = provider == "sqlite"
            ?
            [
                """CREATE TABLE "floor_Enrollments" AS SELECT * FROM "Enrollments" WHERE 0""",
                """CREATE TABLE "floor_EnrollmentEvents" AS SELECT * FROM "EnrollmentEvents" WHERE 0""",
                // The same keys and secondary indexes as the real tables (LIKE … INCLUDING ALL copies them on PostgreSQL).
                """CREATE UNIQUE INDEX floor_e0 ON "floor_Enrollments" ("Id")""",
                """CREATE UNIQUE INDEX floor_e1 ON "floor_Enrollments" ("Program", "PersonId") WHERE "Status" = 'Active'""",
                """CREATE INDEX floor_e2 ON "floor_Enrollments" ("RegionCode", "Program", "Status")""",
                """CREATE INDEX floor_e3 ON "floor_Enrollments" ("EndMonth")""",
                """CREATE UNIQUE INDEX floor_v0 ON "floor_EnrollmentEvents" ("Id")""",
                """CREATE INDEX floor_v1 ON "floor_EnrollmentEvents" ("EnrollmentId", "At")""",
                """CREATE INDEX floor_v2 ON "floor_EnrollmentEvents" ("RegionCode", "Kind", "EffectiveMonth")""",
            ]
            :
            [
                """CREATE TABLE "floor_Enrollments" (LIKE "Enrollments" INCLUDING ALL)""",
                """CREATE TABLE "floor_EnrollmentEvents" (LIKE "EnrollmentEvents" INCLUDING ALL)""",
            ];
        foreach (var sql in twins)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        var now = DateTimeOffset.UtcNow;
        var events = enrollments.Select(e => new EnrollmentEvent
        {
            EnrollmentId = e.Id,
            RegionCode = e.RegionCode,
            Kind = EnrollmentEventKind.Adjusted,
            EffectiveMonth = RaisedFrom,
            OldAmount = e.MonthlyAmount,
            NewAmount = e.MonthlyAmount + 80m,
            CoveredPersons = e.CoveredPersons,
            At = now,
            Actor = "bench",
            Note = "提标重算：农村低保保障标准调整为 780.00 元/月，自 2026-11 起。原月保障金额 … + 标准调整 (780.00 − 700.00) × 1 人",
        }).ToList();
        foreach (var e in enrollments)
        {
            (e.MonthlyAmount, e.UpdatedAt) = (e.MonthlyAmount + 80m, now);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertAsync(db, enrollments, default, intoTable: "floor_Enrollments");
        await BulkInsert.InsertAsync(db, events, default, intoTable: "floor_EnrollmentEvents");
        await tx.CommitAsync();
    }
}
