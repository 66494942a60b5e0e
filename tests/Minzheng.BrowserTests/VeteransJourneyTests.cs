using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>
/// Issue 27's journey: the 优抚 officer registers a disabled veteran (a grade the illness nature cannot have is refused, the
/// input kept), two months are paid, the officer raises the standard back into them (refused until back-pay is ticked), and
/// the county's next payroll shows the explained back-pay lines.
/// </summary>
public sealed class VeteransJourneyTests(BrowserApp app)
{
    private async Task<HttpClient> ApiAsync(string user)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = Minzheng.Platform.Demo.DemoSeeder.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    private async Task PayAsync(string month)
    {
        using var county = await ApiAsync("county");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payrolls")
        {
            Content = JsonContent.Create(new { program = "veterans-pension", regionCode = "360482", period = month }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await (await county.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        using var finance = await ApiAsync("finance");
        (await finance.PostAsJsonAsync($"/api/v1/payrolls/{created.GetProperty("id").GetString()}/approve",
            new { confirmTotal = created.GetProperty("totalAmount").GetDecimal() })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Officer_RegistersADisabledVeteran_RaisesTheStandardWithBackPay_AndTheNextPayrollBackPaysExplained()
    {
        var today = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var name = "伤残" + "春夏秋冬梅兰竹菊"[Random.Shared.Next(8)] + "兵";

        var page = await app.SignedInPageAsync("veterans");
        await page.GotoAsync("/Veterans/Register");
        await page.GetByLabel("姓名").FillAsync(name);
        await page.GetByLabel("身份证号").FillAsync(BrowserApp.NewIdNumber());
        await page.GetByLabel("类别", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "残疾军人" });
        await page.GetByLabel("残疾等级").SelectOptionAsync(new SelectOptionValue { Label = "七级" });
        await page.GetByLabel("残疾性质").SelectOptionAsync(new SelectOptionValue { Label = "因病" });
        await page.GetByLabel("入伍日期").FillAsync("1979-02-01");
        await page.GetByLabel("退伍日期").FillAsync("1984-01-10");
        await page.GetByLabel("享受起始月份").FillAsync(Month(thisMonth.AddMonths(-2)));
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        Assert.Contains("因病致残的残疾军人只评定一级至六级", await page.GetByTestId("entitlement-errors").InnerTextAsync());
        Assert.Equal(name, await page.GetByLabel("姓名").InputValueAsync());
        await Shots.SaveAsync(page, "veterans-register-refused");

        await page.GetByLabel("残疾性质").SelectOptionAsync(new SelectOptionValue { Label = "因战" });
        await page.GetByLabel("残疾等级").SelectOptionAsync(new SelectOptionValue { Label = "七级" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        Assert.Contains("纳入发放名册", await page.GetByTestId("entitlement-saved").InnerTextAsync());
        Assert.Equal("残疾军人（七级，因战）", await page.GetByTestId("entitlement-category").InnerTextAsync());
        Assert.Contains("令第788号", await page.GetByTestId("entitlement-steps").InnerTextAsync());
        await Shots.SaveAsync(page, "veterans-detail");

        await PayAsync(Month(thisMonth.AddMonths(-2)));
        await PayAsync(Month(thisMonth.AddMonths(-1)));

        await page.GotoAsync("/Veterans/Standards");
        await page.GetByLabel("优抚类别").SelectOptionAsync(new SelectOptionValue { Label = "残疾军人" });
        await page.GetByLabel("残疾等级").SelectOptionAsync(new SelectOptionValue { Label = "七级" });
        await page.GetByLabel("残疾性质").SelectOptionAsync(new SelectOptionValue { Label = "因战" });
        await page.GetByLabel("执行月份").FillAsync(Month(thisMonth.AddMonths(-2)));
        await page.GetByLabel("标准单位").SelectOptionAsync("year");
        await page.GetByLabel("国家标准").FillAsync("48000");
        await page.GetByLabel("地方增发").FillAsync("1200");
        await page.GetByRole(AriaRole.Button, new() { Name = "执行新标准" }).ClickAsync();
        Assert.Contains("追溯补发", await page.GetByTestId("standard-errors").InnerTextAsync());
        await page.GetByLabel("追溯补发").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "执行新标准" }).ClickAsync();
        Assert.Contains("月发放 4100.00 元", await page.GetByTestId("standard-saved").InnerTextAsync());
        await Shots.SaveAsync(page, "veterans-standards");

        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/Payments");
        await county.GetByLabel("保障项目").SelectOptionAsync("veterans-pension");
        await county.GetByLabel("发放期间").FillAsync(Month(thisMonth));
        await county.GetByRole(AriaRole.Button, new() { Name = "生成名册" }).ClickAsync();
        Assert.Equal("待审核", await county.GetByTestId("payroll-status").InnerTextAsync());
        await county.GotoAsync(county.Url + "&kind=arrears");
        var arrears = await county.GetByTestId("payroll-lines").InnerTextAsync();
        Assert.Contains($"补发{thisMonth.AddMonths(-2).Year}年{thisMonth.AddMonths(-2).Month}月优抚对象抚恤金", arrears);
        Assert.Contains("提标追溯至该月（残疾军人（七级，因战）标准调整为 4100.00 元/月", arrears);
        await Shots.SaveAsync(county, "veterans-arrears");
    }
}
