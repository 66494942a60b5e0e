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
    public static async Task<int> RunAsync(string url, string scenario, int rate, int seconds, int warmUpSeconds, string user)
    {
        using var client = await ApiClient.SignInAsync(url, user, TimeSpan.FromSeconds(30));
        var request = await ScenarioAsync(client, scenario, url);
        // Warm-up at the measured rate, reported but not counted: a server just started is still compiling (tiered JIT),
        // growing its connection pools and thread pool; the goals are about the steady state that follows.
        if (warmUpSeconds > 0)
        {
            Report($"{scenario} (warm-up, not counted)", rate, warmUpSeconds, await FireAsync(request, rate, rate * warmUpSeconds));
        }

        var run = await FireAsync(request, rate, rate * seconds);
        Report(scenario, rate, seconds, run);
        return run.Errors == 0 ? 0 : 1;
    }

    private sealed record Run(double[] Latencies, int Errors, double Elapsed);

    private static async Task<Run> FireAsync(Func<Task<bool>> request, int rate, int total)
    {
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
        return new Run(latencies, errors, clock.Elapsed.TotalSeconds);
    }

    private static void Report(string label, int rate, int seconds, Run run)
    {
        var (latencies, total) = (run.Latencies, run.Latencies.Length);
        Array.Sort(latencies);
        double P(double q) => latencies[Math.Min(total - 1, (int)Math.Ceiling(q * total) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: rate {rate}/s for {seconds}s, {total} requests, {total / run.Elapsed:F0}/s achieved, errors {run.Errors}, " +
            $"p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {latencies[^1]:F1} ms"));
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
