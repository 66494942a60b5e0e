using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Bench;

/// <summary>
/// 婚姻登记 (issue 25), PostgreSQL: (1) the 补录 of an N-row archive (nine marriages to one divorce of an earlier row)
/// through the real import — read, validate, encrypt and index both ID numbers, check every row against the register
/// and the rows before it, write records and bonds — against a floor that reads the same file and bulk-inserts the same
/// rows (no validation, no look-ups, no encryption) with Npgsql's binary importer alone, into an identical fresh
/// database; (2) the one-spouse check of the registry (<see cref="MarriageRegistry.MarriedOnAsync"/>) with
/// <c>--persons</c> (default 2,000,000) persons married in the register, as p50/p99 of single checks.
/// </summary>
public static class MarriageHistoryBench
{
    private const string Region = "360482000000";

    private static readonly string[] RecordColumns = ["Id", "RegionCode", "Kind", "Date", "CertificateNumber", "PartyAName", "PartyAIdCipher", "PartyAIdIndex",
        "PartyAIdMasked", "PartyAGender", "PartyABirthDate", "PartyBName", "PartyBIdCipher", "PartyBIdIndex", "PartyBIdMasked", "PartyBGender", "PartyBBirthDate",
        "CoupleKey", "MarriageId", "Historical", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy"];

    public static async Task<List<string>> RunAsync(int rows, int persons, string postgres, bool liveHeap)
    {
        var csv = Archive(rows);
        Console.WriteLine($"postgres: archive of {rows:N0} rows, {csv.Length / 1024 / 1024} MB");

        var (floorApp, floorConnection) = await BenchHost.StartAsync("postgres", postgres, caseload: false);
        TimeSpan floor;
        await using (floorApp)
        {
            var watch = Stopwatch.StartNew();
            await FloorAsync(floorConnection, csv);
            floor = watch.Elapsed;
        }

        var (app, connection) = await BenchHost.StartAsync("postgres", postgres, caseload: false);
        await using var host = app;
        var before = BenchHost.WorkingSetMegabytes();
        var liveBefore = liveHeap ? GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024 : 0;
        using var sampling = new CancellationTokenSource();
        var livePeak = liveHeap ? Task.Run(() => BenchHost.SampleLiveHeapAsync(sampling.Token)) : Task.FromResult(0L);
        // Stage and commit in scopes of their own, as the two HTTP requests are; the commit checks the file again and writes.
        StagedImport? staged = null;
        var stage = await BenchHost.TimeAsync(app, async (_, services) =>
            staged = await services.GetRequiredService<StagedImports>().StageAsync(MarriageHistoryImport.KindName, "history.csv", csv, default));
        if (staged!.ErrorCount > 0)
        {
            throw new InvalidOperationException($"staging found errors: {string.Join("; ", staged.Errors.Take(5).Select(e => $"{e.Row} {e.Column} {e.Message}"))}");
        }

        var import = await BenchHost.TimeAsync(app, async (_, services) =>
        {
            var committed = await services.GetRequiredService<StagedImports>().CommitAsync(staged, default);
            if (committed.Imported != rows)
            {
                throw new InvalidOperationException($"commit: {committed.Outcome}, {committed.Imported} rows");
            }
        });
        var peak = BenchHost.PeakMegabytes();
        await sampling.CancelAsync();
        var live = liveHeap ? $", live heap {liveBefore} → {await livePeak} MB" : "";
        Console.WriteLine($"postgres: floor {floor.TotalSeconds:F2}s, stage {stage.TotalSeconds:F2}s, commit {import.TotalSeconds:F2}s ({import / floor:F2}×), " +
                          $"working set {before} MB before, peak {peak} MB{live}");

        var (p50, p99) = await OneSpouseCheckAsync(app, connection, persons);
        return
        [
            $"| postgres | 补录 {rows:N0} rows: commit (stage {stage.TotalSeconds:F2} s before it) | {floor.TotalSeconds:F2} s | {import.TotalSeconds:F2} s | **{import / floor:F2}×** | {before} → {peak} MB{live} |",
            $"| postgres | one-spouse check, {persons:N0} persons married | | p50 {p50:F2} ms | **p99 {p99:F2} ms** | |",
        ];
    }

    /// <summary>
    /// Row i is a marriage of man i and woman i, except every tenth row, which divorces the couple married five rows
    /// earlier; dates in order, valid ID numbers of distinct persons.
    /// </summary>
    private static byte[] Archive(int rows)
    {
        var text = new StringBuilder(string.Join(",", MarriageHistoryImport.Headers)).Append('\n');
        var start = new DateOnly(1982, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var date = start.AddDays(i / 20);
            var (kind, couple) = i % 10 == 9 ? ("离婚", i - 5) : ("结婚", i);
            text.Append(CultureInfo.InvariantCulture, $"{kind},{date:yyyy-MM-dd},补录字第{i}号,王明,{Id(couple, Gender.Male)},李芳,{Id(couple, Gender.Female)},{Region}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Id(int n, Gender gender)
    {
        var birth = new DateOnly(1955, 1, 1).AddDays(n / 499);
        var sequence = (n % 499 * 2) + (gender == Gender.Male ? 1 : 2);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"360482{birth:yyyyMMdd}{sequence:D3}");
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>The same file read line by line and its rows written with the binary importer: records, then the bonds of the undivorced.</summary>
    private static async Task FloorAsync(string connection, byte[] csv)
    {
        var now = DateTimeOffset.UtcNow;
        var marriages = new Dictionary<string, (Guid Id, string A, string B)>(StringComparer.Ordinal);
        await using var pg = new NpgsqlConnection(connection);
        await pg.OpenAsync();
        await using var tx = await pg.BeginTransactionAsync();
        await using (var copy = await pg.BeginBinaryImportAsync($"COPY \"MarriageRecords\" ({string.Join(", ", RecordColumns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            using var reader = new StreamReader(new MemoryStream(csv));
            await reader.ReadLineAsync();
            while (await reader.ReadLineAsync() is { } line)
            {
                var c = line.Split(',');
                var (a, b) = (c[4], c[6]);
                var couple = string.CompareOrdinal(a, b) < 0 ? a + "|" + b : b + "|" + a;
                var id = Guid.CreateVersion7();
                Guid? marriage = null;
                if (c[0] == "结婚")
                {
                    marriages[couple] = (id, a, b);
                }
                else if (marriages.Remove(couple, out var m))
                {
                    marriage = m.Id;
                }

                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(c[7], NpgsqlDbType.Char);
                await copy.WriteAsync(c[0] == "结婚" ? "Marriage" : "Divorce", NpgsqlDbType.Varchar);
                await copy.WriteAsync(DateOnly.ParseExact(c[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                await copy.WriteAsync(c[2], NpgsqlDbType.Varchar);
                foreach (var (name, number) in new[] { (c[3], a), (c[5], b) })
                {
                    await copy.WriteAsync(name, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(number, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(number, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(number[..6] + "********" + number[14..], NpgsqlDbType.Varchar);
                    await copy.WriteAsync((number[16] - '0') % 2 == 1 ? "Male" : "Female", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(DateOnly.ParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                }

                await copy.WriteAsync(couple, NpgsqlDbType.Varchar);
                await copy.WriteAsync(marriage, NpgsqlDbType.Uuid);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync("bench", NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        await WriteBondsAsync(pg, marriages.Values.SelectMany(m => new[] { (m.A, m.Id), (m.B, m.Id) }));
        await tx.CommitAsync();
    }

    private static async Task WriteBondsAsync(NpgsqlConnection pg, IEnumerable<(string Index, Guid Marriage)> bonds)
    {
        await using var copy = await pg.BeginBinaryImportAsync("COPY \"MarriageBonds\" (\"PersonIndex\", \"MarriageId\", \"RegionCode\") FROM STDIN (FORMAT BINARY)");
        foreach (var (index, marriage) in bonds)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(index, NpgsqlDbType.Varchar);
            await copy.WriteAsync(marriage, NpgsqlDbType.Uuid);
            await copy.WriteAsync(Region, NpgsqlDbType.Char);
        }

        await copy.CompleteAsync();
    }

    /// <summary>
    /// Fills the register up to <paramref name="persons"/> married persons (blind-index-shaped keys, written raw), then
    /// times single checks in fresh scopes as a registration makes them: two indexes, half of the persons married.
    /// </summary>
    private static async Task<(double P50, double P99)> OneSpouseCheckAsync(Microsoft.AspNetCore.Builder.WebApplication app, string connection, int persons)
    {
        var couples = persons / 2;
        await using (var pg = new NpgsqlConnection(connection))
        {
            await pg.OpenAsync();
            var now = DateTimeOffset.UtcNow;
            await using (var copy = await pg.BeginBinaryImportAsync("COPY \"MarriageRecords\" (\"Id\", \"RegionCode\", \"Kind\", \"Date\", \"CertificateNumber\", \"PartyAName\", " +
                "\"PartyAIdCipher\", \"PartyAIdIndex\", \"PartyAIdMasked\", \"PartyAGender\", \"PartyABirthDate\", \"PartyBName\", \"PartyBIdCipher\", \"PartyBIdIndex\", " +
                "\"PartyBIdMasked\", \"PartyBGender\", \"PartyBBirthDate\", \"CoupleKey\", \"Historical\", \"CreatedAt\", \"CreatedBy\", \"UpdatedAt\", \"UpdatedBy\") FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = 0; i < couples; i++)
                {
                    var (a, b) = (Key(2 * i), Key((2 * i) + 1));
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(Region, NpgsqlDbType.Char);
                    await copy.WriteAsync("Marriage", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(new DateOnly(2000, 1, 1).AddDays(i % 9000), NpgsqlDbType.Date);
                    await copy.WriteAsync($"填充字第{i}号", NpgsqlDbType.Varchar);
                    foreach (var (key, gender) in new[] { (a, "Male"), (b, "Female") })
                    {
                        await copy.WriteAsync("填充", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(key, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(key, NpgsqlDbType.Varchar);
                        await copy.WriteAsync("360482********0000", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(gender, NpgsqlDbType.Varchar);
                        await copy.WriteAsync(new DateOnly(1970, 1, 1), NpgsqlDbType.Date);
                    }

                    await copy.WriteAsync(a + "|" + b, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("bench", NpgsqlDbType.Text);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("bench", NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            await using var analyze = new NpgsqlCommand("ANALYZE \"MarriageRecords\"", pg);
            await analyze.ExecuteNonQueryAsync();
        }

        var random = new Random(25);
        var times = new List<double>();
        for (var i = 0; i < 2_200; i++)
        {
            // Half the checks name a married person, half two unknown persons.
            string[] indexes = i % 2 == 0 ? [Key(random.Next(persons)), Key(persons + i)] : [Key(persons + i), Key(persons + i + 100_000)];
            var watch = Stopwatch.StartNew();
            await using var scope = app.Services.CreateAsyncScope();
            var married = await scope.ServiceProvider.GetRequiredService<MarriageRegistry>().MarriedOnAsync(indexes, new DateOnly(2026, 6, 1), default);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (married.Count != (i % 2 == 0 ? 1 : 0))
            {
                throw new InvalidOperationException($"check {i}: expected {(i % 2 == 0 ? 1 : 0)} married, got {married.Count}");
            }

            if (i >= 200)
            {
                times.Add(elapsed); // the first 200 warm the pool and the plan cache
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)]);
    }

    /// <summary>A blind-index-shaped key (64 hex characters, like the app's HMAC) of person n of the filler.</summary>
    private static string Key(int n) => Convert.ToHexString(SHA256.HashData(BitConverter.GetBytes(n)));
}
