using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.Veterans;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Modules.Veterans.Standards;
using Minzheng.Platform.Data;

namespace Minzheng.Bench;

/// <summary>
/// 提标 of 优抚 (issue 27) over N disabled veterans (一级… here 五级因战) paid for October and November 2026: the new standard
/// from October with back-pay (<see cref="StandardRaiseService"/>: N entitlements, N enrolments and N adjustment events)
/// plus the December payroll (N regular lines and 2N explained back-pay lines) ÷ the floor of the same rows — the N
/// entitlements, N enrolments, N events and 3N payroll lines built in memory and binary-COPied into twins of their tables
/// (same columns and indexes). PostgreSQL only, as the production database.
/// </summary>
public static class VeteranRaiseBench
{
    private const decimal Raise = 150m;
    private static readonly DateOnly October = new(2026, 10, 1);

    public static async Task<List<string>> RunAsync(int rows, string postgres)
    {
        var (app, _) = await BenchHost.StartAsync("postgres", postgres, caseload: false);
        await using var host = app;
        var watch = Stopwatch.StartNew();
        var standard = await StandardAsync(app);
        var enrollments = await BenchSeed.SeedAsync(app, rows, (_, e) =>
            (e.Program, e.StartMonth, e.MonthlyAmount, e.HouseholdSize, e.CoveredPersons) = (BenefitPrograms.VeteransPension, October, standard.MonthlyAmount, 1, 1));
        var entitlements = await EntitlementsAsync(app, enrollments, standard);
        foreach (var period in new[] { "2026-10", "2026-11" })
        {
            await PayAsync(app, period);
        }

        Console.WriteLine($"postgres: seeded and paid {rows:N0} disabled veterans for two months in {watch.Elapsed.TotalSeconds:F1}s");
        var floor = await BenchHost.TimeAsync(app, (db, _) => CopyFloorAsync(db, enrollments, entitlements, standard.MonthlyAmount + Raise));
        enrollments.Clear();
        entitlements.Clear();
        var raise = await BenchHost.TimeAsync(app, async (_, services) =>
        {
            var result = await services.GetRequiredService<StandardRaiseService>().ApplyAsync(new StandardRequest("disabled", 5, "war", "360482", "2026-10",
                standard.MonthlyAmount + Raise, 0m, "month", "基准测试提标", BackPay: true), "bench", default);
            if (result.Value is not { } done || done.Adjusted < rows)
            {
                throw new InvalidOperationException(result.Message ?? $"adjusted {result.Value?.Adjusted}, expected {rows}");
            }
        });
        var payroll = await BenchHost.TimeAsync(app, async (_, services) =>
        {
            var lines = await PayAsync(app, "2026-12", services);
            if (lines < rows * 3)
            {
                throw new InvalidOperationException($"December payroll has {lines} lines, expected {rows * 3}");
            }
        });

        var peak = BenchHost.PeakMegabytes();
        var total = raise + payroll;
        Console.WriteLine($"postgres: raise {raise.TotalSeconds:F2}s, December payroll {payroll.TotalSeconds:F2}s, floor {floor.TotalSeconds:F2}s");
        return
        [
            $"| postgres | {rows:N0} | raise with back-pay (standard {raise.TotalSeconds:F2} s + next payroll {payroll.TotalSeconds:F2} s) ÷ COPY of the changed entitlements, enrolments, events and the 3N payroll lines | {floor.TotalSeconds:F2} s | {total.TotalSeconds:F2} s | **{total / floor:F2}×** | {peak} MB |",
        ];
    }

    /// <summary>The demo county's standard for 五级因战 disabled veterans (the demo sets one for every grade).</summary>
    private static async Task<VeteranStandard> StandardAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        return await db.VeteranStandards.AsNoTracking()
            .Where(s => s.Category == "disabled" && s.DisabilityGrade == 5 && s.DisabilityNature == DisabilityNature.War).OrderBy(s => s.EffectiveMonth).FirstAsync();
    }

    /// <summary>One 优抚对象 per seeded enrolment, as registration makes them, bulk-written.</summary>
    private static async Task<List<VeteranEntitlement>> EntitlementsAsync(WebApplication app, List<Enrollment> enrollments, VeteranStandard standard)
    {
        var stamp = DateTimeOffset.UtcNow.AddDays(-30);
        // Registration stores each entitlement's calculation with its cited steps; the raise replaces it.
        var json = PensionCalculator.Compute("disabled", 5, DisabilityNature.War, standard).ToJson();
        var rows = enrollments.Select((e, i) => BenchSeed.Stamped(new VeteranEntitlement
        {
            RegionCode = e.RegionCode,
            PersonId = e.PersonId,
            Name = $"优抚对象{i}",
            IdNumberMasked = "360482********0000",
            Rural = true,
            Category = "disabled",
            DisabilityGrade = 5,
            DisabilityNature = DisabilityNature.War,
            StartMonth = October,
            EnrollmentId = e.Id,
            StandardId = standard.Id,
            MonthlyAmount = standard.MonthlyAmount,
            CalculationJson = json,
        }, stamp)).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertAsync(db, rows, default);
        await tx.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return rows;
    }

    /// <summary>Makes and approves the county's pension payroll for the period; returns its line count.</summary>
    private static async Task<int> PayAsync(WebApplication app, string period, IServiceProvider? services = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var payrolls = (services ?? scope.ServiceProvider).GetRequiredService<PayrollService>();
        var created = await payrolls.CreateAsync(new CreatePayrollRequest(BenefitPrograms.VeteransPension, "360482", period), Guid.NewGuid().ToString(), default);
        var payroll = created.Payroll ?? throw new InvalidOperationException(created.Message);
        await payrolls.ApproveAsync(payroll.Id, "bench-finance", payroll.TotalAmount, default);
        return payroll.LineCount;
    }

    /// <summary>The changed rows written the most primitive way, each into a twin of its table (LIKE … INCLUDING ALL: same columns and indexes).</summary>
    private static async Task CopyFloorAsync(MinzhengDbContext db, List<Enrollment> enrollments, List<VeteranEntitlement> entitlements, decimal raised)
    {
        foreach (var twin in new[]
                 {
                     """CREATE TABLE "floor_Enrollments" (LIKE "Enrollments" INCLUDING ALL)""",
                     """CREATE TABLE "floor_EnrollmentEvents" (LIKE "EnrollmentEvents" INCLUDING ALL)""",
                     """CREATE TABLE "floor_VeteranEntitlements" (LIKE "VeteranEntitlements" INCLUDING ALL)""",
                     """CREATE TABLE "floor_PayrollLines" (LIKE "PayrollLines" INCLUDING ALL)""",
                 })
        {
            await db.Database.ExecuteSqlRawAsync(twin);
        }

        var now = DateTimeOffset.UtcNow;
        var old = entitlements[0].MonthlyAmount;
        var events = enrollments.Select(e => new EnrollmentEvent
        {
            EnrollmentId = e.Id,
            RegionCode = e.RegionCode,
            Kind = EnrollmentEventKind.Adjusted,
            EffectiveMonth = October,
            OldAmount = e.MonthlyAmount,
            NewAmount = raised,
            CoveredPersons = e.CoveredPersons,
            At = now,
            Actor = "bench",
            Note = $"残疾军人（五级，因战）标准调整为 {raised:0.00} 元/月，自 2026-10 起（基准测试提标）",
        }).ToList();
        var payrollId = Guid.CreateVersion7();
        var lines = enrollments.SelectMany(e => new[] { (Month: new DateOnly(2026, 12, 1), Kind: LineKind.Regular, Amount: raised),
            (Month: October, Kind: LineKind.Arrears, Amount: raised - old), (Month: new DateOnly(2026, 11, 1), Kind: LineKind.Arrears, Amount: raised - old) }
            .Select(x => new PayrollLine
            {
                PayrollId = payrollId,
                EnrollmentId = e.Id,
                Month = x.Month,
                Kind = x.Kind,
                RegionCode = e.RegionCode,
                HouseholdId = e.HouseholdId,
                PersonId = e.PersonId,
                CoveredPersons = 1,
                Amount = x.Amount,
                BankName = "中国农业银行",
                BankAccountCipher = "x",
                BankAccountMasked = "**** 0000",
                EnrollmentVersion = now,
                Explanation = x.Kind == LineKind.Arrears ? $"应发 {raised:0.00} 元，已发 {old:0.00} 元：提标追溯至该月" : null,
            })).ToList();
        foreach (var e in enrollments)
        {
            (e.MonthlyAmount, e.UpdatedAt) = (raised, now);
        }

        // The same rows the raise writes: each entitlement keeps its calculation with the cited steps.
        var json = PensionCalculator.Compute("disabled", 5, DisabilityNature.War, new VeteranStandard { MonthlyAmount = raised, NationalAmount = raised, EffectiveMonth = October }).ToJson();
        foreach (var e in entitlements)
        {
            (e.MonthlyAmount, e.CalculationJson, e.UpdatedAt) = (raised, json, now);
        }

        await using var tx = await db.Database.BeginTransactionAsync();
        await BulkInsert.InsertAsync(db, enrollments, default, intoTable: "floor_Enrollments");
        await BulkInsert.InsertAsync(db, events, default, intoTable: "floor_EnrollmentEvents");
        await BulkInsert.InsertAsync(db, entitlements, default, intoTable: "floor_VeteranEntitlements");
        await BulkInsert.InsertAsync(db, lines, default, intoTable: "floor_PayrollLines");
        await tx.CommitAsync();
    }
}
