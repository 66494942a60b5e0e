using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Modules.SocialAssistance.Payments;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Bench;

/// <summary>
/// Payments (issue 7) over N active rural Dibao enrolments of the demo county's villages, each step against a floor of
/// the same rows done the most primitive way in the same run:
/// generation ÷ binary COPY with the driver alone (SQLite: the app's prepared insert) of the same N lines into a table of the
/// same columns and indexes;
/// bank file ÷ a plain streamed CSV write of the same rows (raw reader, the two decryptions a bank file needs);
/// reconciliation ÷ reading the same return file and bulk-inserting its rows.
/// </summary>
public static class PayrollBench
{
    private const string Period = "2026-11";
    private static readonly DateOnly Month = new(2026, 11, 1);

    public static async Task<List<string>> RunAsync(string provider, int rows, string? postgres)
    {
        var (app, _) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var host = app;
        var watch = Stopwatch.StartNew();
        var enrollments = await BenchSeed.SeedAsync(app, rows);
        Console.WriteLine($"{provider}: seeded {rows:N0} enrolments in {watch.Elapsed.TotalSeconds:F1}s");

        var floor = await TimeAsync(app, db => CopyFloorAsync(db, provider, enrollments));
        enrollments.Clear();
        Payroll payroll = null!;
        var generation = await TimeAsync(app, async (_, services) =>
        {
            var result = await services.GetRequiredService<PayrollService>().CreateAsync(new CreatePayrollRequest("rural-dibao", "360482", Period), Guid.NewGuid().ToString(), default);
            payroll = result.Payroll ?? throw new InvalidOperationException(result.Message);
        });
        if (payroll.LineCount != rows)
        {
            throw new InvalidOperationException($"payroll has {payroll.LineCount} lines, expected {rows}");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PayrollService>().ApproveAsync(payroll.Id, "bench-finance", payroll.TotalAmount, default);
        }

        var fileFloor = await TimeAsync(app, db => PlainCsvAsync(db, payroll.Id, app.Services.GetRequiredService<PersonalDataProtector>()));
        var bankFile = await TimeAsync(app, async (db, services) =>
        {
            var files = services.GetRequiredService<BankFileService>();
            var tracked = await db.Payrolls.SingleAsync(p => p.Id == payroll.Id);
            await files.WriteAsync(tracked, "csv", files.Layout("csv")!, "bench.csv", Stream.Null, default);
        });

        // The file itself, to compare builds: the same seed must give the same bytes (docs/performance.md).
        if (Environment.GetEnvironmentVariable("MINZHENG_BENCH_BANK_FILE") is { Length: > 0 } keep)
        {
            await TimeAsync(app, async (db, services) =>
            {
                var files = services.GetRequiredService<BankFileService>();
                await using var output = File.Create(keep);
                await files.WriteAsync(await db.Payrolls.SingleAsync(p => p.Id == payroll.Id), "csv", files.Layout("csv")!, "bench.csv", output, default);
            });
        }

        var answer = await ReturnFileAsync(app, payroll.Id);
        var returnFloor = await TimeAsync(app, db => ReadAndInsertAsync(db, answer));
        var reconciliation = await TimeAsync(app, async (_, services) =>
        {
            var (outcome, message, _, _) = await services.GetRequiredService<ReconciliationService>().ReconcileAsync(payroll.Id, answer, "return.csv", default);
            if (outcome != Minzheng.Platform.Kernel.Outcome.Done)
            {
                throw new InvalidOperationException(message);
            }
        });

        var peak = BenchHost.PeakMegabytes();
        string Row(string step, TimeSpan f, TimeSpan m) =>
            $"| {provider} | {rows:N0} | {step} | {f.TotalSeconds:F2} s | {m.TotalSeconds:F2} s | **{m / f:F2}×** | {peak} MB |";
        Console.WriteLine($"{provider}: generation {generation.TotalSeconds:F2}s (floor {floor.TotalSeconds:F2}s), bank file {bankFile.TotalSeconds:F2}s " +
                          $"(floor {fileFloor.TotalSeconds:F2}s), reconciliation {reconciliation.TotalSeconds:F2}s (floor {returnFloor.TotalSeconds:F2}s)");
        return [Row("payroll generation ÷ COPY of the lines", floor, generation), Row("bank file (csv) ÷ plain CSV write", fileFloor, bankFile),
            Row("reconciliation ÷ read + bulk insert", returnFloor, reconciliation)];
    }

    /// <summary>Times one step in a fresh scope; the step gets the scope's DbContext and services.</summary>
    private static async Task<TimeSpan> TimeAsync(WebApplication app, Func<MinzhengDbContext, Task> step) => await TimeAsync(app, (db, _) => step(db));

    private static Task<TimeSpan> TimeAsync(WebApplication app, Func<MinzhengDbContext, IServiceProvider, Task> step) => BenchHost.TimeAsync(app, step);

    /// <summary>The floor of generation: the same N lines, built in memory, bulk-written into a table with the columns and indexes of PayrollLines.</summary>
    private static async Task CopyFloorAsync(MinzhengDbContext db, string provider, List<Enrollment> enrollments)
    {
        if (provider == "sqlite")
        {
            await db.Database.ExecuteSqlRawAsync("""CREATE TABLE floor_lines AS SELECT * FROM "PayrollLines" WHERE 0""");
            await db.Database.ExecuteSqlRawAsync("""CREATE UNIQUE INDEX floor_pk ON floor_lines ("PayrollId", "EnrollmentId", "Month", "Kind")""");
            await db.Database.ExecuteSqlRawAsync("""CREATE UNIQUE INDEX floor_regular ON floor_lines ("EnrollmentId", "Month") WHERE "Kind" = 'Regular'""");
            await db.Database.ExecuteSqlRawAsync("""CREATE INDEX floor_kind ON floor_lines ("EnrollmentId", "Month", "Kind")""");
            await db.Database.ExecuteSqlRawAsync("""CREATE INDEX floor_region ON floor_lines ("RegionCode")""");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""CREATE TABLE floor_lines (LIKE "PayrollLines" INCLUDING ALL)""");
        }

        var payrollId = Guid.CreateVersion7();
        var lines = enrollments.Select(e => new PayrollLine
        {
            PayrollId = payrollId,
            EnrollmentId = e.Id,
            Month = Month,
            Kind = LineKind.Regular,
            RegionCode = e.RegionCode,
            HouseholdId = e.HouseholdId,
            PersonId = e.PersonId,
            CoveredPersons = e.CoveredPersons,
            Amount = e.MonthlyAmount,
            BankName = "中国农业银行",
            BankAccountCipher = "x",
            BankAccountMasked = "**** 0000",
            EnrollmentVersion = e.UpdatedAt,
        }).ToList();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (db.Database.GetDbConnection() is NpgsqlConnection pg)
        {
            await RawCopyAsync(pg, lines);
        }
        else
        {
            await BulkInsert.InsertAsync(db, lines, default, intoTable: "floor_lines");
        }

        await tx.CommitAsync();
    }

    /// <summary>
    /// PostgreSQL's floor written with the driver alone — Npgsql's binary importer, typed columns, no EF model and no helper
    /// of the app — so that a slow <see cref="BulkInsert"/> could not slow the floor too and hide (issue 24).
    /// </summary>
    private static async Task RawCopyAsync(NpgsqlConnection pg, List<PayrollLine> lines)
    {
        await using var copy = await pg.BeginBinaryImportAsync("""
            COPY floor_lines ("PayrollId", "EnrollmentId", "Month", "Kind", "RegionCode", "HouseholdId", "PersonId", "CoveredPersons", "Amount",
                              "BankName", "BankAccountCipher", "BankAccountMasked", "EnrollmentVersion", "Status") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var l in lines)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(l.PayrollId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(l.EnrollmentId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(l.Month, NpgsqlDbType.Date);
            await copy.WriteAsync(nameof(LineKind.Regular), NpgsqlDbType.Varchar);
            await copy.WriteAsync(l.RegionCode, NpgsqlDbType.Char);
            await copy.WriteAsync(l.HouseholdId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(l.PersonId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(l.CoveredPersons, NpgsqlDbType.Integer);
            await copy.WriteAsync(l.Amount, NpgsqlDbType.Numeric);
            await copy.WriteAsync(l.BankName!, NpgsqlDbType.Varchar);
            await copy.WriteAsync(l.BankAccountCipher!, NpgsqlDbType.Varchar);
            await copy.WriteAsync(l.BankAccountMasked!, NpgsqlDbType.Varchar);
            await copy.WriteAsync(l.EnrollmentVersion, NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(nameof(PaymentStatus.Pending), NpgsqlDbType.Varchar);
        }

        await copy.CompleteAsync();
    }

    /// <summary>The floor of the bank file: a raw reader over the same rows, the two decryptions, a CSV line each.</summary>
    private static async Task PlainCsvAsync(MinzhengDbContext db, Guid payrollId, PersonalDataProtector protector)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT l."EnrollmentId", COALESCE(l."AccountHolder", p."Name"), p."IdNumberCipher", l."BankName", l."BankAccountCipher", l."Amount"
            FROM "PayrollLines" l JOIN "Persons" p ON p."Id" = l."PersonId" WHERE l."PayrollId" = @id
            """;
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("@id", db.Database.IsNpgsql() ? payrollId : payrollId.ToString().ToUpperInvariant());
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        await using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(true), 1 << 16);
        var seq = 0;
        while (await reader.ReadAsync())
        {
            await writer.WriteLineAsync(string.Join(",", ++seq, reader.GetValue(0), reader.GetString(1),
                protector.Decrypt(reader.GetString(2), DataPurpose.IdNumber), reader.GetString(3), protector.Decrypt(reader.GetString(4), DataPurpose.BankAccount),
                Convert.ToDecimal(reader.GetValue(5), CultureInfo.InvariantCulture).ToString("0.00", CultureInfo.InvariantCulture), "2026年11月农村低保"));
        }
    }

    /// <summary>The bank's answer, in the order of the bank file it was sent (by 流水号): every transfer paid except one in a hundred.</summary>
    private static async Task<byte[]> ReturnFileAsync(WebApplication app, Guid payrollId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        var lines = await db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == payrollId).OrderBy(l => l.EnrollmentId)
            .Select(l => new { l.EnrollmentId, l.Amount }).ToListAsync();
        var text = new StringBuilder(lines.Count * 64).Append(string.Join(",", ReconciliationService.Headers)).Append('\n');
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(lines[i].EnrollmentId.ToString("N")).Append(',').Append(lines[i].Amount.ToString("0.00", CultureInfo.InvariantCulture))
                .Append(i % 100 == 0 ? ",失败,账户已销户\n" : ",成功,\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The floor of reconciliation: the same file read by the same reader, its rows bulk-written as text.</summary>
    private static async Task ReadAndInsertAsync(MinzhengDbContext db, byte[] file)
    {
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE floor_returns (c0 TEXT, c1 TEXT, c2 TEXT, c3 TEXT)");
        var rows = SpreadsheetReader.Read(file, "return.csv").Skip(1).Select(r => new FloorReturn { C0 = r.Cells[0], C1 = r.Cells[1], C2 = r.Cells[2], C3 = r.Cells[3] });
        await using var tx = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection pg)
        {
            await using var copy = await pg.BeginBinaryImportAsync("COPY floor_returns FROM STDIN (FORMAT BINARY)");
            foreach (var r in rows)
            {
                await copy.WriteRowAsync(default, r.C0, r.C1, r.C2, r.C3);
            }

            await copy.CompleteAsync();
        }
        else
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            insert.CommandText = "INSERT INTO floor_returns VALUES ($0, $1, $2, $3)";
            var parameters = Enumerable.Range(0, 4).Select(i => { var p = insert.CreateParameter(); p.ParameterName = "$" + i; insert.Parameters.Add(p); return p; }).ToArray();
            foreach (var r in rows)
            {
                (parameters[0].Value, parameters[1].Value, parameters[2].Value, parameters[3].Value) = (r.C0, r.C1, r.C2, r.C3);
                await insert.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
    }

    private sealed class FloorReturn
    {
        public string C0 { get; init; } = "";
        public string C1 { get; init; } = "";
        public string C2 { get; init; } = "";
        public string C3 { get; init; } = "";
    }
}
