using Npgsql;

namespace Minzheng.Load;

/// <summary>
/// After the failover: every household answered 201 is in the database; every payroll key resolved to one id in all
/// its answers and exists exactly once; no payroll line is there twice; no village has two payrolls for one month.
/// Prints what it checked and exits 1 on the first kind of failure it finds.
/// </summary>
internal static class DriveVerifier
{
    public static async Task<int> RunAsync(string eventsFile, string connectionString)
    {
        var events = File.ReadLines(eventsFile).Select(l => l.Split(',')).Where(f => f.Length == 6).ToList();
        var households = events.Where(e => e[1] == "household" && e[2] == "201").Select(e => Guid.Parse(e[5])).ToList();
        var payrollAnswers = events.Where(e => e[1] == "payroll" && e[2] is "200" or "201").GroupBy(e => e[4])
            .ToDictionary(g => g.Key, g => g.Select(e => Guid.Parse(e[5])).Distinct().ToList());
        var failures = new List<string>();
        foreach (var (key, ids) in payrollAnswers.Where(p => p.Value.Count > 1))
        {
            failures.Add($"payroll key {key} answered with {ids.Count} different ids");
        }

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var stored = await IdsAsync(db, """SELECT "Id" FROM "Households" WHERE "Id" = ANY(@ids)""", households);
        failures.AddRange(households.Where(id => !stored.Contains(id)).Select(id => $"household {id} answered 201 but is not in the database"));

        await using (var keys = new NpgsqlCommand("""SELECT "IdempotencyKey", "Id" FROM "Payrolls" WHERE "IdempotencyKey" = ANY(@keys)""", db))
        {
            keys.Parameters.AddWithValue("keys", payrollAnswers.Keys.ToArray());
            var byKey = new Dictionary<string, List<Guid>>();
            await using var reader = await keys.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                (byKey.TryGetValue(reader.GetString(0), out var list) ? list : byKey[reader.GetString(0)] = []).Add(reader.GetGuid(1));
            }

            foreach (var (key, ids) in payrollAnswers)
            {
                var inDb = byKey.GetValueOrDefault(key) ?? [];
                if (inDb.Count != 1 || inDb[0] != ids[0])
                {
                    failures.Add($"payroll key {key}: answered {ids[0]}, database holds {inDb.Count} ({string.Join(' ', inDb)})");
                }
            }
        }

        var duplicateLines = await ScalarAsync(db, """
            SELECT count(*) FROM (SELECT 1 FROM "PayrollLines" GROUP BY "PayrollId", "EnrollmentId", "Month", "Kind" HAVING count(*) > 1) d
            """);
        var duplicatePayrolls = await ScalarAsync(db, """
            SELECT count(*) FROM (SELECT 1 FROM "Payrolls" GROUP BY "Program", "RegionPrefix", "PeriodStart" HAVING count(*) > 1) d
            """);
        if (duplicateLines > 0)
        {
            failures.Add($"{duplicateLines} payroll lines are there more than once");
        }

        if (duplicatePayrolls > 0)
        {
            failures.Add($"{duplicatePayrolls} village-months have more than one payroll");
        }

        var unanswered = events.Count(e => e[2] is "no-answer" || e[2].StartsWith('5'));
        Console.WriteLine($"verify: {households.Count} households answered 201, all checked; {payrollAnswers.Count} payroll keys answered, " +
                          $"{payrollAnswers.Values.Sum(v => v.Count)} ids; {unanswered} requests without a success answer (allowed: outcome unknown); " +
                          $"duplicate lines {duplicateLines}, duplicate payrolls {duplicatePayrolls}");
        foreach (var failure in failures.Take(20))
        {
            Console.WriteLine("FAIL " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<HashSet<Guid>> IdsAsync(NpgsqlConnection db, string sql, List<Guid> ids)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
