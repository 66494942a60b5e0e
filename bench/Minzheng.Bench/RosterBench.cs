using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;

namespace Minzheng.Bench;

/// <summary>
/// Roster import (issue 5): validating and committing an N-row assistance or member roster, as a ratio to the same
/// run's raw floor — streaming-read the same file and bulk-insert the same rows (SQLite: one prepared statement in one
/// transaction; PostgreSQL: binary COPY; see <see cref="RosterFloors"/>) — and to an independent floor that writes the
/// same rows with the drivers alone (<see cref="RosterRawFloor"/>), since the first shares the import's BulkInsert.
/// The earlier floor, the cells into one text table, is reported too.
/// The import runs in a child process of its own, so its peak working set is the import's and not the floor's.
/// </summary>
public static class RosterBench
{
    public static async Task<string> RunAsync(string provider, string kind, string file, int rows, string? postgres, bool liveHeap)
    {
        var (floorApp, connection) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var _ = floorApp;
        var content = await File.ReadAllBytesAsync(file);
        var textFloor = Stopwatch.StartNew();
        await RosterFloors.TextTableAsync(provider, connection, content, Headers(kind).Length);
        textFloor.Stop();
        var floor = Stopwatch.StartNew();
        await RosterFloors.SameRowsAsync(floorApp, kind, content);
        floor.Stop();
        // The independent floor: the same rows through the drivers alone, into a third database migrated the same way.
        var (rawApp, rawConnection) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var __ = rawApp;
        var raw = Stopwatch.StartNew();
        await RosterRawFloor.RunAsync(provider, rawConnection, kind, content);
        raw.Stop();
        if (await CountsAsync(floorApp) != await CountsAsync(rawApp))
        {
            throw new InvalidOperationException($"the two floors wrote different rows: {await CountsAsync(floorApp)} and {await CountsAsync(rawApp)}");
        }

        var floorPeak = BenchHost.PeakMegabytes();

        var (stage, commit, baseline, peak, live) = await ImportInChildAsync(provider, kind, file, rows, postgres, liveHeap);
        var total = stage + commit;
        Console.WriteLine($"{provider}: floor {floor.Elapsed.TotalSeconds:F2}s (independent floor {raw.Elapsed.TotalSeconds:F2}s, text table {textFloor.Elapsed.TotalSeconds:F2}s, " +
                          $"floor process peak {floorPeak} MB), stage {stage.TotalSeconds:F2}s, commit {commit.TotalSeconds:F2}s, import process {baseline} MB before the import, " +
                          $"peak {peak} MB, live heap peak {live} MB");
        string PerSecond(TimeSpan t) => (rows / t.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
        return $"| {provider} | {kind} | {rows:N0} | {floor.Elapsed.TotalSeconds:F2} s | {raw.Elapsed.TotalSeconds:F2} s | {stage.TotalSeconds:F2} s | {commit.TotalSeconds:F2} s " +
               $"| {total.TotalSeconds:F2} s | **{total / floor.Elapsed:F1}×** | **{total / raw.Elapsed:F1}×** | {PerSecond(floor.Elapsed)} / {PerSecond(raw.Elapsed)} / {PerSecond(total)} " +
               $"| {textFloor.Elapsed.TotalSeconds:F2} s ({total / textFloor.Elapsed:F1}×) | {baseline} MB | {peak} MB | {(liveHeap ? $"{live} MB" : "–")} |";
    }

    /// <summary>Persons, households, memberships and enrolments of a floor's database, to check both floors wrote the same.</summary>
    private static async Task<string> CountsAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        return $"{await db.Set<Minzheng.Platform.People.Person>().CountAsync()}/{await db.Set<Minzheng.Platform.People.Household>().CountAsync()}/" +
               $"{await db.Set<Minzheng.Platform.People.HouseholdMember>().CountAsync()}/{await db.Set<Minzheng.Modules.SocialAssistance.Enrollments.Enrollment>().CountAsync()}";
    }

    /// <summary>The child's part (<c>--bench roster-import</c>): a fresh database, the file read as an upload is, stage and commit.</summary>
    /// <param name="liveHeap">
    /// Also sample the live managed heap (a full collection every half second, so timings suffer): the working set
    /// counts garbage the collector has not yet reclaimed, the live heap only what the import still holds.
    /// </param>
    public static async Task ImportAsync(string provider, string kind, string file, int rows, string? postgres, bool liveHeap)
    {
        // No demo caseload: at a million rows the synthetic ID numbers meet the demo county's, and those rows would
        // rightly be refused; the floor writes into an empty database as well.
        var (app, _) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var _ = app;
        GC.Collect();
        var baseline = BenchHost.WorkingSetMegabytes();
        using var sampling = new CancellationTokenSource();
        var livePeak = liveHeap ? Task.Run(() => BenchHost.SampleLiveHeapAsync(sampling.Token)) : Task.FromResult(0L);
        // Stage and commit in scopes of their own, as the two HTTP requests are: the upload's bytes are the stage's.
        var watch = Stopwatch.StartNew();
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var staged = await scope.ServiceProvider.GetRequiredService<StagedImports>()
                .StageAsync(kind, "bench.csv", await File.ReadAllBytesAsync(file), CancellationToken.None);
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
            var (outcome, imported, _, _) = await scope.ServiceProvider.GetRequiredService<StagedImports>()
                .CommitAsync(id, new HashSet<string> { kind }, skipInvalid: false, CancellationToken.None);
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
        var livePeak = Task.Run(() => BenchHost.SampleLiveHeapAsync(sampling.Token));
        var batch = new ImportBatch { RegionCode = "360482000000", Kind = Minzheng.Modules.SocialAssistance.Imports.AssistanceRoster.Kind, FileName = "bench.csv", ErrorsJson = "[]" };
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

    private const string ResultPrefix = "roster-import-result: ";

    private static async Task<(TimeSpan Stage, TimeSpan Commit, long Baseline, long Peak, long LiveHeap)> ImportInChildAsync(string provider, string kind, string file, int rows,
        string? postgres, bool liveHeap)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RosterBench).Assembly.Location);
        }

        foreach (var arg in new[] { "--bench", "roster-import", "--kind", kind, "--providers", provider, "--file", file, "--rows", rows.ToString(CultureInfo.InvariantCulture) })
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

    public static string[] Headers(string kind) => kind == MemberRoster.Kind ? MemberRoster.Headers : AssistanceRoster.Headers;
}
