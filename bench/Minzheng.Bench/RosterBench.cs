using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Features.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Bench;

/// <summary>
/// Roster import (issue 5): validating and committing an N-row roster, as a ratio to the same run's raw floor —
/// streaming-read the same file and bulk-insert the same rows (SQLite: one prepared statement in one transaction;
/// PostgreSQL: binary COPY).
/// </summary>
public static class RosterBench
{
    public static async Task<string> RunAsync(string provider, byte[] file, int rows, string? postgres)
    {
        var (app, connection) = await BenchHost.StartAsync(provider, postgres);
        await using var _ = app;

        var floor = Stopwatch.StartNew();
        await FloorAsync(provider, connection, file);
        floor.Stop();

        TimeSpan stage, commit;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
            var watch = Stopwatch.StartNew();
            var staged = await imports.StageAsync(Minzheng.Features.Imports.AssistanceRoster.Kind, "bench.csv", file, CancellationToken.None);
            stage = watch.Elapsed;
            if (staged.Errors.Count > 0)
            {
                throw new InvalidOperationException($"generated roster has errors: {staged.Errors[0].Message}");
            }

            watch.Restart();
            var (outcome, imported, _) = await imports.CommitAsync(staged.Id, skipInvalid: false, CancellationToken.None);
            commit = watch.Elapsed;
            if (outcome != CommitOutcome.Committed || imported != rows)
            {
                throw new InvalidOperationException($"commit: {outcome}, {imported} rows");
            }
        }

        var total = stage + commit;
        Console.WriteLine($"{provider}: floor {floor.Elapsed.TotalSeconds:F2}s, stage {stage.TotalSeconds:F2}s, commit {commit.TotalSeconds:F2}s");
        return $"| {provider} | {rows:N0} | {floor.Elapsed.TotalSeconds:F2} s | {stage.TotalSeconds:F2} s | {commit.TotalSeconds:F2} s | {total.TotalSeconds:F2} s " +
               $"| **{total / floor.Elapsed:F1}×** | {BenchHost.PeakMegabytes()} MB |";
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
