using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Minzheng.Modules.SocialAssistance.Imports;

namespace Minzheng.BrowserTests;

/// <summary>
/// The funeral home's day: a cremation of a 低保 beneficiary with the fee waiver, a mistake refused with the input kept,
/// the record and the figures; then the county sees the death finding it raised, with no list imported.
/// </summary>
public sealed class FuneralJourneyTests(BrowserApp app)
{
    /// <summary>Enrols a household in 农村低保 through the county's roster import (the API, as a county would from its old system).</summary>
    private async Task EnrolAsync(string name, string id)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "county", password = Minzheng.Platform.Demo.DemoSeeder.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        using var form = new MultipartFormDataContent();
        var csv = string.Join(",", AssistanceRoster.Headers) + $"\n360482100203,农村低保,{name},{id},1,1,480.00,2026-01,,,,新华村殡改组1号\n";
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "roster.csv");
        var staged = await (await http.PostAsync("/api/v1/imports?kind=assistance-roster", form)).Content.ReadFromJsonAsync<JsonElement>();
        (await http.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task FuneralHome_RecordsACremationWithAWaiver_AndTheCountySeesTheDeathFinding()
    {
        var id = BrowserApp.NewIdNumber();
        var name = "殡改" + "春夏秋冬梅兰竹菊"[Random.Shared.Next(8)] + "翁";
        await EnrolAsync(name, id);
        var today = DateOnly.FromDateTime(app.Services.GetService(typeof(TimeProvider)) is TimeProvider t ? t.GetUtcNow().UtcDateTime.AddHours(8) : DateTime.UtcNow);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await app.SignedInPageAsync("funeral");
        Assert.Equal(1, await page.Locator("a.dropdown-item[href='/Cremations/Register']").CountAsync());
        await page.GotoAsync("/Cremations/Register");
        await page.GetByLabel("逝者姓名").FillAsync(name);
        await page.GetByLabel("身份证号").FillAsync(id);
        await page.GetByLabel("户籍类别").SelectOptionAsync(new SelectOptionValue { Label = "农村（农业人口）" });
        await page.GetByLabel("死亡日期").FillAsync(Day(today.AddDays(-2)));
        await page.GetByLabel("死亡原因类别").SelectOptionAsync(new SelectOptionValue { Label = "正常死亡（病故、老死）" });
        // A typing slip: the cremation dated before the death is refused, and nothing typed is lost.
        await page.GetByLabel("火化日期").FillAsync(Day(today.AddDays(-3)));
        await page.GetByLabel("殡仪馆").FillAsync("共青城市殡仪馆");
        await page.GetByLabel("家属联系人").FillAsync("殡改家属");
        await page.GetByLabel("遗体接运").CheckAsync();
        await page.GetByLabel("遗体火化").CheckAsync();
        await page.GetByLabel("遗体暂存（3天以内）").CheckAsync();
        await page.GetByLabel("遗体暂存天数").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        Assert.Equal("火化日期不能早于死亡日期", await page.GetByTestId("cremation-errors").InnerTextAsync());
        Assert.Equal(name, await page.GetByLabel("逝者姓名").InputValueAsync());
        Assert.True(await page.GetByLabel("遗体火化").IsCheckedAsync());
        await Shots.SaveAsync(page, "funeral-register-refused");

        await page.GetByLabel("火化日期").FillAsync(Day(today.AddDays(-1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        Assert.Contains("已登记", await page.GetByTestId("cremation-saved").InnerTextAsync());
        // No status chosen: the enrolment makes the deceased a 低保对象; 400 + 2×100 + 600 = 1,200 元 waived.
        Assert.Equal("1,200.00", await page.GetByTestId("waiver-total").InnerTextAsync());
        Assert.Contains("低保对象", await page.GetByTestId("cremation-detail").InnerTextAsync());
        Assert.DoesNotContain(id, await page.GetByTestId("cremation-detail").InnerTextAsync());
        Assert.Contains("死亡核查1条", await page.GetByTestId("cremation-findings").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-detail");

        await page.GotoAsync("/Cremations?Name=" + Uri.EscapeDataString(name));
        Assert.Contains(name, await page.GetByTestId("cremations").InnerTextAsync());
        await page.GotoAsync("/Cremations");
        await Shots.SaveAsync(page, "funeral-list");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("list-export").First.ClickAsync());
        Assert.Equal("cremations.xlsx", download.SuggestedFilename);
        await page.GotoAsync("/Cremations/Statistics");
        Assert.NotEqual("0", await page.GetByTestId("stat-cremations").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-statistics");
        await page.GotoAsync("/FuneralFacilities");
        Assert.Contains("共青城市殡仪馆", await page.GetByTestId("facilities").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-facilities");

        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/Verification?type=death&name=" + Uri.EscapeDataString(name));
        var finding = county.GetByTestId("findings").Locator("tr", new() { HasText = name });
        Assert.Contains("火化", await finding.InnerTextAsync());
        await Shots.SaveAsync(county, "funeral-county-finding");
    }
}
