using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Features.Enrollments;
using Minzheng.Features.Imports;
using Minzheng.Features.Programs;
using Minzheng.Features.Registry;
using Minzheng.Infrastructure.Database;
using Minzheng.Infrastructure.Privacy;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Bench;

/// <summary>
/// Roster import (issue 5): validating and committing an N-row roster, as a ratio to the same run's raw floor —
/// streaming-read the same file and bulk-insert the same rows (SQLite: one prepared statement in one transaction;
/// PostgreSQL: binary COPY). The floor writes the rows the import writes — persons, households, members and
/// enrolments, into the same tables of an empty database — with none of the import's work (no validation, no
/// look-ups, no encryption: cells go in as they are). The earlier floor, the cells into one text table, is reported too.
/// The import runs in a child process of its own, so its peak working set is the import's and not the floor's.
/// </summary>
public static class RosterBench
{
    private const int FloorChunk = 10_000;

    public static async Task<string> RunAsync(string provider, string file, int rows, string? postgres, bool liveHeap)
    {
        var (floorApp, connection) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var _ = floorApp;
        var content = await File.ReadAllBytesAsync(file);
        var textFloor = Stopwatch.StartNew();
        await FloorAsync(provider, connection, content);
        textFloor.Stop();
        var floor = Stopwatch.StartNew();
        await SameRowsFloorAsync(floorApp, content);
        floor.Stop();
        var floorPeak = BenchHost.PeakMegabytes();

        var (stage, commit, baseline, peak, live) = await ImportInChildAsync(provider, file, rows, postgres, liveHeap);
        var total = stage + commit;
        Console.WriteLine($"{provider}: floor {floor.Elapsed.TotalSeconds:F2}s (text table {textFloor.Elapsed.TotalSeconds:F2}s, floor process peak {floorPeak} MB), " +
                          $"stage {stage.TotalSeconds:F2}s, commit {commit.TotalSeconds:F2}s, import process {baseline} MB before the import, peak {peak} MB, live heap peak {live} MB");
        return $"| {provider} | {rows:N0} | {floor.Elapsed.TotalSeconds:F2} s | {stage.TotalSeconds:F2} s | {commit.TotalSeconds:F2} s | {total.TotalSeconds:F2} s " +
               $"| **{total / floor.Elapsed:F1}×** | {textFloor.Elapsed.TotalSeconds:F2} s ({total / textFloor.Elapsed:F1}×) | {baseline} MB | {peak} MB | {(liveHeap ? $"{live} MB" : "–")} |";
    }

    /// <summary>The child's part (<c>--bench roster-import</c>): a fresh database, the file read as an upload is, stage and commit.</summary>
    /// <param name="liveHeap">
    /// Also sample the live managed heap (a full collection every half second, so timings suffer): the working set
    /// counts garbage the collector has not yet reclaimed, the live heap only what the import still holds.
    /// </param>
    public static async Task ImportAsync(string provider, string file, int rows, string? postgres, bool liveHeap)
    {
        // No demo caseload: at a million rows the synthetic ID numbers meet the demo county's, and those rows would
        // rightly be refused; the floor writes into an empty database as well.
        var (app, _) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var _ = app;
        GC.Collect();
        var baseline = BenchHost.WorkingSetMegabytes();
        using var sampling = new CancellationTokenSource();
        var livePeak = liveHeap ? Task.Run(() => SampleLiveHeapAsync(sampling.Token)) : Task.FromResult(0L);
        // Stage and commit in scopes of their own, as the two HTTP requests are: the upload's bytes are the stage's.
        var watch = Stopwatch.StartNew();
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var staged = await scope.ServiceProvider.GetRequiredService<ImportService>()
                .StageAsync(Minzheng.Features.Imports.AssistanceRoster.Kind, "bench.csv", await File.ReadAllBytesAsync(file), CancellationToken.None);
            if (staged.Errors.Count > 0)
            {
                throw new InvalidOperationException($"generated roster has errors: {staged.Errors[0].Message}");
            }

            id = staged.Id;
        }

        var stage = watch.Elapsed;
        watch.Restart();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (outcome, imported, _, _) = await scope.ServiceProvider.GetRequiredService<ImportService>().CommitAsync(id, skipInvalid: false, CancellationToken.None);
            if (outcome != CommitOutcome.Committed || imported != rows)
            {
                throw new InvalidOperationException($"commit: {outcome}, {imported} rows");
            }
        }

        var commit = watch.Elapsed;
        await sampling.CancelAsync();
        var live = await livePeak;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}{stage.TotalSeconds} {commit.TotalSeconds} {baseline} {BenchHost.PeakMegabytes()} {live}"));
    }

    /// <summary>
    /// <c>--bench roster-file</c>: only the file's own path through an import — the upload's bytes, encrypted and saved
    /// with a batch, read back and decrypted — with the live heap sampled, to tell the file's share of the import's
    /// memory from the rows'.
    /// </summary>
    public static async Task FileOnlyAsync(string provider, string file, string? postgres)
    {
        var (app, _) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var _ = app;
        using var sampling = new CancellationTokenSource();
        var livePeak = Task.Run(() => SampleLiveHeapAsync(sampling.Token));
        var batch = new ImportBatch { RegionCode = "360482000000", Kind = Minzheng.Features.Imports.AssistanceRoster.Kind, FileName = "bench.csv", ErrorsJson = "[]" };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var content = await File.ReadAllBytesAsync(file);
            (batch.FileSha256, batch.Content) = (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().EncryptBytes(content, DataPurpose.ImportFile));
            var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync();
            batch.Content = [];
        }

        long length;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
            var content = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>()
                .DecryptBytes(await ImportBatchContent.ReadAsync(db, batch.Id, CancellationToken.None), DataPurpose.ImportFile);
            await Task.Delay(1000);
            length = content.Length;
        }

        await sampling.CancelAsync();
        Console.WriteLine($"file {length / 1024 / 1024} MB: live heap peak {await livePeak} MB, working set peak {BenchHost.PeakMegabytes()} MB");
    }

    private static async Task<long> SampleLiveHeapAsync(CancellationToken ct)
    {
        var peak = 0L;
        while (!ct.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024);
            await Task.Delay(500, CancellationToken.None);
        }

        return peak;
    }

    private const string ResultPrefix = "roster-import-result: ";

    private static async Task<(TimeSpan Stage, TimeSpan Commit, long Baseline, long Peak, long LiveHeap)> ImportInChildAsync(string provider, string file, int rows,
        string? postgres, bool liveHeap)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RosterBench).Assembly.Location);
        }

        foreach (var arg in new[] { "--bench", "roster-import", "--providers", provider, "--file", file, "--rows", rows.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (liveHeap)
        {
            start.ArgumentList.Add("--live-heap");
        }

        if (postgres is not null)
        {
            start.ArgumentList.Add("--postgres");
            start.ArgumentList.Add(postgres);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"the import process failed (exit {child.ExitCode}):\n{output}");
        var v = line[ResultPrefix.Length..].Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return (TimeSpan.FromSeconds(v[0]), TimeSpan.FromSeconds(v[1]), (long)v[2], (long)v[3], (long)v[4]);
    }

    /// <summary>The rows a roster import writes, built straight from the cells and bulk-inserted into the same four tables.</summary>
    private static async Task SameRowsFloorAsync(Microsoft.AspNetCore.Builder.WebApplication app, byte[] file)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        // In chunks of the size the import writes, in one transaction, as the import does.
        foreach (var chunk in SpreadsheetReader.Read(file, "bench.csv").Skip(1).Chunk(FloorChunk))
        {
            await InsertSameRowsAsync(db, chunk.Select(r => r.Cells));
        }

        await tx.CommitAsync();
    }

    private static async Task InsertSameRowsAsync(MinzhengDbContext db, IEnumerable<string[]> rows)
    {
        var (persons, households, members, enrollments) = (new List<Person>(), new List<Household>(), new List<HouseholdMember>(), new List<Enrollment>());
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var c in rows)
        {
            var person = new Person
            {
                Name = c[2],
                IdNumberCipher = c[3],
                IdNumberIndex = c[3],
                IdNumberMasked = c[3],
                RegionCode = c[0],
                PhoneCipher = c[10],
                PhoneMasked = c[10],
                BirthDate = DateOnly.ParseExact(c[3].AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture),
                CreatedAt = now,
                UpdatedAt = now,
            };
            var household = new Household
            {
                RegionCode = c[0],
                Address = c[11],
                HeadPersonId = person.Id,
                BankName = c[8],
                BankAccountCipher = c[9],
                BankAccountMasked = c[9],
                CreatedAt = now,
                UpdatedAt = now,
            };
            persons.Add(person);
            households.Add(household);
            members.Add(new HouseholdMember { HouseholdId = household.Id, PersonId = person.Id, RegionCode = c[0], ValidFrom = today });
            enrollments.Add(new Enrollment
            {
                RegionCode = c[0],
                Program = AssistancePrograms.ByName(c[1])!.Code,
                HouseholdId = household.Id,
                PersonId = person.Id,
                HouseholdSize = int.Parse(c[4], CultureInfo.InvariantCulture),
                CoveredPersons = int.Parse(c[5], CultureInfo.InvariantCulture),
                MonthlyAmount = decimal.Parse(c[6], CultureInfo.InvariantCulture),
                StartMonth = DateOnly.ParseExact(c[7] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await BulkInsert.InsertAsync(db, persons, default);
        await BulkInsert.InsertAsync(db, households, default);
        await BulkInsert.InsertAsync(db, members, default);
        await BulkInsert.InsertAsync(db, enrollments, default);
    }

    // The floor: read every row of the same file with the same reader, insert the same cells as text in bulk.
    private static async Task FloorAsync(string provider, string connectionString, byte[] file)
    {
        var rows = SpreadsheetReader.Read(file, "bench.csv").Skip(1);
        if (provider == "sqlite")
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE TABLE floor_rows (c0 TEXT, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT, c10 TEXT, c11 TEXT)";
                await create.ExecuteNonQueryAsync();
            }

            await using var tx = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO floor_rows VALUES ($0,$1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)";
            var parameters = Enumerable.Range(0, 12).Select(i => insert.Parameters.Add("$" + i, SqliteType.Text)).ToArray();
            insert.Prepare();
            foreach (var (_, cells) in rows)
            {
                for (var i = 0; i < 12; i++)
                {
                    parameters[i].Value = cells[i];
                }

                await insert.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
            return;
        }

        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE floor_rows (c0 text, c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text, c11 text)", pg))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var copy = await pg.BeginBinaryImportAsync("COPY floor_rows FROM STDIN (FORMAT BINARY)");
        foreach (var (_, cells) in rows)
        {
            await copy.StartRowAsync();
            for (var i = 0; i < 12; i++)
            {
                await copy.WriteAsync(cells[i], NpgsqlDbType.Text);
            }
        }

        await copy.CompleteAsync();
    }
}
