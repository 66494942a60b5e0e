using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Load;

/// <summary>
/// Requests sent at a fixed rate whatever the answers do (open loop), each timed from when it was due, not from when
/// it was sent — so a stalled server shows as latency instead of as fewer requests (no coordinated omission).
/// Prints p50/p95/p99, the throughput achieved and the errors.
/// </summary>
internal static class FixedRate
{
    public static async Task<int> RunAsync(string url, string scenario, int rate, int seconds, string user)
    {
        using var client = await ApiClient.SignInAsync(url, user, TimeSpan.FromSeconds(30));
        var request = await ScenarioAsync(client, scenario, url);
        // Warm-up: compiled queries, pooled connections, JIT.
        for (var i = 0; i < 20; i++)
        {
            await request();
        }

        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                var ok = await request();
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(total - 1, (int)Math.Ceiling(q * total) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario}: rate {rate}/s for {seconds}s, {total} requests, {total / elapsed:F0}/s achieved, errors {errors}, " +
            $"p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {latencies[^1]:F1} ms"));
        return errors == 0 ? 0 : 1;
    }

    /// <summary>One request of the scenario; true when it was answered with success.</summary>
    private static async Task<Func<Task<bool>>> ScenarioAsync(HttpClient client, string scenario, string url)
    {
        async Task<bool> Get(string path)
        {
            try
            {
                using var response = await client.GetAsync(path);
                await response.Content.CopyToAsync(Stream.Null);
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }

        switch (scenario)
        {
            case "id-lookup":
                {
                    // Full ID numbers of registered persons are never shown; the lookup goes by blind index, so ask for
                    // numbers that exist (made the way the demo roster made them is not known here) and for random valid ones alike.
                    var n = 0;
                    return () => Get($"/api/v1/households?idNumber={IdNumbers.Make(Interlocked.Increment(ref n))}&pageSize=10");
                }
            case "household-search":
                {
                    string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"];
                    var n = 0;
                    return () => Get($"/api/v1/households?name={Uri.EscapeDataString(surnames[Interlocked.Increment(ref n) % surnames.Length])}&pageSize=20");
                }
            case "case-list":
                return () => Get("/api/v1/cases?region=360482100000&pageSize=20");
            case "dashboard":
                return () => Get("/api/v1/reports/dashboard?region=360482");
            case "login":
                {
                    var shared = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
                    return async () =>
                    {
                        try
                        {
                            using var response = await shared.PostAsJsonAsync("/api/v1/auth/token", new { username = "county", password = ApiClient.DemoPassword });
                            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("accessToken", out _);
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                            return false;
                        }
                    };
                }
            default:
                throw new ArgumentException($"unknown scenario {scenario}: id-lookup, household-search, case-list, dashboard, login");
        }
    }
}
