using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;

namespace Minzheng.Bench;

/// <summary>
/// Death matching (issue 8): a list of <c>deaths</c> records — half of them registered persons with an active enrolment,
/// half unknown — staged and committed through the real import (validate, blind-index, match, store every record, open
/// one finding per enrolment) against N persons; the floor is a plain SQL hash join of the same blind indexes with
/// persons and active enrolments after bulk-loading them into a table, in the same run.
/// </summary>
public static class DeathMatchBench
{
    public static async Task<List<string>> RunAsync(string provider, int rows, int deaths, string? postgres)
    {
        var (app, _) = await BenchHost.StartAsync(provider, postgres, caseload: false);
        await using var host = app;
        var watch = Stopwatch.StartNew();
        await BenchSeed.SeedAsync(app, rows);
        Console.WriteLine($"{provider}: seeded {rows:N0} persons and enrolments in {watch.Elapsed.TotalSeconds:F1}s");
        var (csv, known) = await DeathListAsync(app, rows, deaths);

        watch.Restart();
        int matched;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var imports = scope.ServiceProvider.GetRequiredService<StagedImports>();
            var staged = await imports.StageAsync(DeathRecordImport.Kind, "deaths.csv", csv, default);
            var stage = watch.Elapsed;
            var result = await imports.CommitAsync(staged, default);
            matched = result.Matched ?? -1;
            Console.WriteLine($"{provider}: staged in {stage.TotalSeconds:F2}s, committed {result.Imported:N0} ({matched:N0} matched) in {(watch.Elapsed - stage).TotalSeconds:F2}s");
        }

        var import = watch.Elapsed;
        if (matched != known)
        {
            throw new InvalidOperationException($"expected {known} matches, got {matched}");
        }

        var floor = await FloorAsync(app, csv);
        var peak = BenchHost.PeakMegabytes();
        return [$"| {provider} | {rows:N0} persons × {deaths:N0} deaths | {floor.TotalSeconds:F2} s | {import.TotalSeconds:F2} s | **{import / floor:F2}×** | {peak} MB |"];
    }

    /// <summary>Every second record names a seeded person (ID read back and decrypted, one in four written the legacy 15-digit way); the others are unknown.</summary>
    private static async Task<(byte[] Csv, int Known)> DeathListAsync(Microsoft.AspNetCore.Builder.WebApplication app, int rows, int deaths)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var step = Math.Max(1, rows / (deaths / 2));
        var ciphers = await db.Persons.OrderBy(p => p.Id).Select(p => p.IdNumberCipher).ToListAsync();
        var known = ciphers.Where((_, i) => i % step == 0).Take(deaths / 2).Select(c => protector.Decrypt(c, DataPurpose.IdNumber)).ToList();
        var random = new Random(8);
        var taken = known.ToHashSet();
        var unknown = new List<string>();
        for (var i = 0; unknown.Count < deaths - known.Count; i++)
        {
            var id = RosterGenerator.IdNumberFor(50_000_000 + i, random);
            if (taken.Add(id))
            {
                unknown.Add(id);
            }
        }

        var text = new StringBuilder("身份证号,姓名,死亡日期,数据来源\n");
        foreach (var (id, i) in known.Concat(unknown).Select((id, i) => (id, i)))
        {
            var written = i % 4 == 0 && id[6..8] == "19" && char.IsDigit(id[17]) ? id[..6] + id[8..17] : id;
            text.Append(written).Append(",逝者,2025-12-15,").Append(i % 3 == 0 ? "火化" : "公安").Append('\n');
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), known.Count);
    }

    /// <summary>The floor: bulk-load the list's blind indexes into a table and count the matches with active enrolments in one join.</summary>
    private static async Task<TimeSpan> FloorAsync(Microsoft.AspNetCore.Builder.WebApplication app, byte[] csv)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinzhengDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var rows = Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => IdNumber.Parse(l.Split(',')[0], new DateOnly(2026, 1, 1)).Value).ToList();
        var watch = Stopwatch.StartNew();
        var indexes = new string[rows.Count];
        Parallel.For(0, rows.Count, i => indexes[i] = protector.BlindIndex(rows[i], DataPurpose.IdNumber));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await Exec(connection, """CREATE TEMP TABLE floor_deaths ("IdNumberIndex" varchar(64) NOT NULL)""");
        await using (var tx = await connection.BeginTransactionAsync())
        {
            if (db.Database.IsNpgsql())
            {
                await using var writer = await ((Npgsql.NpgsqlConnection)connection).BeginBinaryImportAsync("""COPY floor_deaths ("IdNumberIndex") FROM STDIN (FORMAT BINARY)""");
                foreach (var index in indexes)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(index);
                }

                await writer.CompleteAsync();
            }
            else
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = """INSERT INTO floor_deaths ("IdNumberIndex") VALUES ($i)""";
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "$i";
                insert.Parameters.Add(parameter);
                foreach (var index in indexes)
                {
                    parameter.Value = index;
                    await insert.ExecuteNonQueryAsync();
                }
            }

            await tx.CommitAsync();
        }

        await Exec(connection, """
            SELECT COUNT(DISTINCT d."IdNumberIndex") FROM floor_deaths d JOIN "Persons" p ON p."IdNumberIndex" = d."IdNumberIndex"
            JOIN "Enrollments" e ON e."PersonId" = p."Id" AND e."Status" = 'Active'
            """);
        return watch.Elapsed;
    }

    private static async Task Exec(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteScalarAsync();
    }
}
