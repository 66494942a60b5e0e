using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Load;

/// <summary>
/// A bounded write load through every instance while the failover happens: new households (no idempotency key: a
/// success must be in the database, a failure may or may not be) and village payrolls with an <c>Idempotency-Key</c>,
/// sent again with the same key until answered, so each must exist once with the id every answer gave. Every outcome
/// is one line of the events file (unix ms, kind, outcome, instance, key, id) for <see cref="DriveVerifier"/> and
/// for the script's kill-to-first-write figure.
/// </summary>
internal static class WriteDrive
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(40);

    public static async Task<int> RunAsync(string[] urls, string stopFile, string eventsFile, int workers, int first)
    {
        var clients = new List<HttpClient>();
        foreach (var url in urls)
        {
            clients.Add(await ApiClient.SignInAsync(url, "county", RequestTimeout));
        }

        var villages = await ApiClient.VillagesAsync(clients[0], "360482000000");
        // Village × month payrolls of 农村低保, newest months first, one key each: never two for one village and month.
        // A later drive on the same database (--first above 1) adds households only: those months are taken.
        var payrolls = new ConcurrentQueue<(string Village, string Period, string Key)>(
            Enumerable.Range(0, first > 1 ? 0 : 36).SelectMany(m => villages.Select(v =>
                (v, new DateOnly(2026, 12, 1).AddMonths(-m).ToString("yyyy-MM", CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N")))));
        await using var events = new StreamWriter(eventsFile, append: false) { AutoFlush = true };
        var gate = new SemaphoreSlim(1);
        async Task Record(string kind, string outcome, int instance, string key, string id)
        {
            await gate.WaitAsync();
            try
            {
                await events.WriteLineAsync(string.Join(',', DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), kind, outcome, instance, key, id));
            }
            finally
            {
                gate.Release();
            }
        }

        var sequence = first - 1;
        var tasks = Enumerable.Range(0, workers).Select(async worker =>
        {
            while (!File.Exists(stopFile))
            {
                var n = Interlocked.Increment(ref sequence);
                var instance = n % clients.Count;
                if (n % 4 == 0 && payrolls.TryDequeue(out var payroll))
                {
                    await PayrollAsync(clients, instance, payroll, stopFile, Record);
                }
                else
                {
                    await HouseholdAsync(clients[instance], instance, villages[n % villages.Count], n, Record);
                }
            }
        });
        await Task.WhenAll(tasks);
        Console.WriteLine($"drive: {sequence} operations, events in {eventsFile}");
        return 0;
    }

    private static async Task HouseholdAsync(HttpClient client, int instance, string village, int n, Func<string, string, int, string, string, Task> record)
    {
        var body = new
        {
            regionCode = village,
            hukouType = "rural",
            address = $"切换演练{n}号",
            members = new[] { new { name = "演练" + n, idNumber = IdNumbers.Make(n), relationship = "head", monthlyIncome = 100m, disabilityGrade = (int?)null, selfCare = "full" } },
        };
        try
        {
            var response = await client.PostAsJsonAsync("/api/v1/households", body);
            var id = response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()! : "";
            await record("household", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), instance, "", id);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await record("household", "no-answer", instance, "", "");
            await Task.Delay(200);
        }
    }

    /// <summary>Sends the same payroll with the same key (to either instance) until one is answered 200/201 or refused for good.</summary>
    private static async Task PayrollAsync(List<HttpClient> clients, int instance, (string Village, string Period, string Key) payroll, string stopFile,
        Func<string, string, int, string, string, Task> record)
    {
        for (var attempt = 0; attempt < 120; attempt++, instance = (instance + 1) % clients.Count)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payrolls")
            {
                Content = JsonContent.Create(new { program = "rural-dibao", regionCode = payroll.Village, period = payroll.Period }),
            };
            request.Headers.Add("Idempotency-Key", payroll.Key);
            try
            {
                var response = await clients[instance].SendAsync(request);
                var status = (int)response.StatusCode;
                var id = status is 200 or 201 ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()! : "";
                await record("payroll", status.ToString(CultureInfo.InvariantCulture), instance, payroll.Key, id);
                if (status < 500)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await record("payroll", "no-answer", instance, payroll.Key, "");
            }

            if (File.Exists(stopFile) && attempt > 60)
            {
                return;
            }

            await Task.Delay(500);
        }
    }
}
