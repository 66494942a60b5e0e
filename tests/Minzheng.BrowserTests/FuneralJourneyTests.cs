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

        // The cemetery clerk lays out a plot within the province's limit, sells it, and prints its 墓穴证.
        await page.GetByTestId("facilities").GetByRole(AriaRole.Link, new() { Name = "共青城市城市公益性公墓" }).ClickAsync();
        var area = "浏" + "甲乙丙丁戊己庚辛"[Random.Shared.Next(8)] + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        var form = page.GetByTestId("plot-form");
        await form.GetByLabel("墓区").FillAsync(area);
        await form.GetByLabel("排", new() { Exact = true }).FillAsync("1");
        await form.GetByLabel("号", new() { Exact = true }).FillAsync("1");
        await form.GetByLabel("占地面积（平方米）").FillAsync("1.5");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记墓穴" }).ClickAsync();
        Assert.Contains("超过本省", await page.GetByTestId("plot-errors").InnerTextAsync());
        form = page.GetByTestId("plot-form");
        await form.GetByLabel("墓区").FillAsync(area);
        await form.GetByLabel("排", new() { Exact = true }).FillAsync("1");
        await form.GetByLabel("号", new() { Exact = true }).FillAsync("1");
        await form.GetByLabel("占地面积（平方米）").FillAsync("0.8");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记墓穴" }).ClickAsync();
        Assert.Contains($"已登记{area}区1排1号墓穴", await page.GetByTestId("plot-saved").InnerTextAsync());
        var plot = page.GetByTestId("plots").Locator("tr", new() { HasText = $"{area}区1排1号" });
        await plot.GetByLabel("购墓人姓名").FillAsync("殡改家属");
        await plot.GetByLabel("购墓人身份证号").FillAsync(BrowserApp.NewIdNumber());
        await plot.GetByLabel("合同编号").FillAsync("浏览器合同1");
        await plot.GetByRole(AriaRole.Button, new() { Name = "出售" }).ClickAsync();
        Assert.Contains("墓穴证编号", await page.GetByTestId("plot-saved").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-plots");
        await page.GetByTestId("plots").Locator("tr", new() { HasText = $"{area}区1排1号" }).GetByTestId("plot-certificate").GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("墓证", await page.GetByTestId("plot-certificate-number").InnerTextAsync());
        Assert.Contains("殡改家属", await page.GetByTestId("plot-certificate-page").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-plot-certificate");

        // The family buries the cremated person in the plot (the cremation is linked by the ID number) and renews the tenure.
        await page.GoBackAsync();
        await page.GetByTestId("plots").Locator("tr", new() { HasText = $"{area}区1排1号" }).GetByRole(AriaRole.Link, new() { Name = $"{area}区1排1号" }).ClickAsync();
        var burial = page.GetByTestId("burial-form");
        await burial.GetByLabel("逝者姓名").FillAsync(name);
        await burial.GetByLabel("逝者身份证号").FillAsync(id);
        await burial.GetByRole(AriaRole.Button, new() { Name = "登记安葬" }).ClickAsync();
        Assert.Contains($"已登记安葬：{name}", await page.GetByTestId("plot-saved").InnerTextAsync());
        Assert.Equal("已安葬", (await page.GetByTestId("plot-status").InnerTextAsync()).Trim());
        Assert.Contains("查看", await page.GetByTestId("burials").InnerTextAsync());
        await page.GetByTestId("renewal-form").GetByLabel("续期年限").FillAsync("5");
        await page.GetByTestId("renewal-form").GetByRole(AriaRole.Button, new() { Name = "续期" }).ClickAsync();
        Assert.Contains("已续期", await page.GetByTestId("plot-saved").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-plot-detail");

        // A patrol finds a scattered grave: a deadline before the finding is refused with the input kept; then the case is penalised.
        await page.GotoAsync("/IllegalBurials");
        var place = "浏览器巡查" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + "号坟";
        var caseForm = page.GetByTestId("case-form");
        await caseForm.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "甘露镇" });
        await caseForm.Locator(".region-picker select").Nth(1).SelectOptionAsync(new SelectOptionValue { Label = "红光村" });
        await caseForm.GetByLabel("具体位置").FillAsync(place);
        await caseForm.GetByLabel("情况描述").FillAsync("村后山新建坟墓一座");
        await caseForm.GetByLabel("整改期限").FillAsync(Day(today.AddDays(-1)));
        await caseForm.GetByRole(AriaRole.Button, new() { Name = "登记案件" }).ClickAsync();
        Assert.Contains("不能早于发现日期", await page.GetByTestId("case-errors").InnerTextAsync());
        Assert.Equal(place, await page.GetByTestId("case-form").GetByLabel("具体位置").InputValueAsync());
        Assert.Equal("", await page.Locator("#Kind").InputValueAsync());
        await Shots.SaveAsync(page, "funeral-illegal-burials");
        caseForm = page.GetByTestId("case-form");
        await caseForm.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "甘露镇" });
        await caseForm.Locator(".region-picker select").Nth(1).SelectOptionAsync(new SelectOptionValue { Label = "红光村" });
        await caseForm.GetByLabel("整改期限").FillAsync(Day(today.AddDays(30)));
        await caseForm.GetByRole(AriaRole.Button, new() { Name = "登记案件" }).ClickAsync();
        Assert.Contains("已登记案件", await page.GetByTestId("case-saved").InnerTextAsync());
        var penalty = page.GetByTestId("penalised-form");
        await penalty.GetByLabel("行政处罚决定书文号").FillAsync("共民罚决字〔2026〕88号");
        await penalty.GetByLabel("罚款金额（元）").FillAsync("2000");
        await penalty.GetByRole(AriaRole.Button, new() { Name = "登记处罚" }).ClickAsync();
        Assert.Contains("已处罚", await page.GetByTestId("case-outcome").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-illegal-burial-detail");

        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/Verification?type=death&name=" + Uri.EscapeDataString(name));
        var finding = county.GetByTestId("findings").Locator("tr", new() { HasText = name });
        Assert.Contains("火化", await finding.InnerTextAsync());
        await Shots.SaveAsync(county, "funeral-county-finding");
    }
}
