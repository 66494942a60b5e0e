using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Platform.Security;

namespace Minzheng.BrowserTests;

/// <summary>
/// Issue 30: a county worker of 东莞市 (4419, a city without counties: its townships have county segment 00) picks
/// 东城街道 directly under the city and sees the households of the city, not those of the demo county 共青城市.
/// </summary>
public sealed class CityWithoutCountiesJourneyTests(BrowserApp app)
{
    private const string Password = "Test#2026pass";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ApiAsync(string user, string password = Minzheng.Platform.Demo.DemoSeeder.Password)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password }, Ct))
            .SucceededAsync()).Content.ReadFromJsonAsync<JsonElement>(Ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    private async Task<string> DongguanCountyWorkerAsync()
    {
        using var admin = await ApiAsync("admin");
        foreach (var (code, name, parent) in new (string, string, string?)[]
                 {
                     ("440000000000", "广东省", null), ("441900000000", "东莞市", "440000000000"),
                     ("441900003000", "东城街道", "441900000000"), ("441900003001", "东城社区", "441900003000"),
                 })
        {
            var created = await admin.PostAsJsonAsync("/api/v1/regions", new { code, name, parentCode = parent }, Ct);
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == System.Net.HttpStatusCode.Conflict, $"{code}: {created.StatusCode}");
        }

        // The account as the installation's own administrator makes it (the demo administrator's scope is 共青城市).
        var userName = $"dg{Guid.NewGuid():N}"[..14];
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = "东莞市民政局科员", RegionCode = "441900000000", CreatedAt = DateTimeOffset.UtcNow };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.County)).Succeeded);
        return userName;
    }

    [Fact]
    public async Task DongguanWorker_PicksATownshipDirectlyUnderTheCity_AndSeesOnlyTheCitysHouseholds()
    {
        var userName = await DongguanCountyWorkerAsync();
        using (var worker = await ApiAsync(userName, Password))
        {
            await (await worker.PostAsJsonAsync("/api/v1/households", new
            {
                regionCode = "441900003001",
                hukouType = "urban",
                address = "东城街道东城社区1号",
                members = new[] { new { name = "莞城户主", idNumber = BrowserApp.NewIdNumber(), relationship = "head", monthlyIncome = 300m, disabilityGrade = (int?)null, selfCare = "full" } },
            }, Ct)).SucceededAsync();
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByTestId("user-name").WaitForAsync();

        await page.GotoAsync("/Registry");
        // The city's children are townships, and the picker says so (not 县).
        var townships = page.GetByLabel("区划：乡镇（街道）");
        await townships.SelectOptionAsync(new SelectOptionValue { Label = "东城街道" });
        await page.GetByLabel("区划：村（社区）").SelectOptionAsync(new SelectOptionValue { Label = "东城社区" });
        await page.GetByTestId("registry-filter").GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForURLAsync("**Region=441900003001**");

        var rows = await page.GetByTestId("households").Locator("tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("莞城户主", StringComparison.Ordinal) && r.Contains("东城社区", StringComparison.Ordinal));

        // The whole scope: the city's household, none of the demo county's.
        await page.GotoAsync("/Registry");
        var all = await page.GetByTestId("households").Locator("tbody tr").AllInnerTextsAsync();
        Assert.Single(all, r => r.Contains("莞城户主", StringComparison.Ordinal));
        Assert.DoesNotContain(all, r => r.Contains("甘露镇", StringComparison.Ordinal) || r.Contains("共青城", StringComparison.Ordinal));
        await townships.SelectOptionAsync(new SelectOptionValue { Label = "东城街道" });
        await Shots.SaveAsync(page, "dongguan-registry");
    }
}

internal static class ResponseChecks
{
    /// <summary>The response, or a failure that shows the problem the server answered.</summary>
    public static async Task<HttpResponseMessage> SucceededAsync(this HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? response
            : throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
}
