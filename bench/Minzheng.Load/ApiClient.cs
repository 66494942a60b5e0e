using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Load;

/// <summary>One signed-in HTTP client per instance; the demo password, as the failover and load runs use the demo county.</summary>
internal static class ApiClient
{
    public const string DemoPassword = "Demo@2026!";

    public static async Task<HttpClient> SignInAsync(string baseUrl, string user, TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = timeout };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = DemoPassword });
                response.EnsureSuccessStatusCode();
                var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return client;
            }
            catch (Exception) when (attempt < 60)
            {
                await Task.Delay(1000);
            }
        }
    }

    /// <summary>The 12-digit codes of the villages under a region (two levels down from a county).</summary>
    public static async Task<List<string>> VillagesAsync(HttpClient client, string county)
    {
        var villages = new List<string>();
        foreach (var township in await ChildrenAsync(client, county))
        {
            villages.AddRange(await ChildrenAsync(client, township));
        }

        return villages;
    }

    private static async Task<List<string>> ChildrenAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/regions/{code}/children")).EnumerateArray()
        .Select(r => r.GetProperty("code").GetString()!).ToList();
}
