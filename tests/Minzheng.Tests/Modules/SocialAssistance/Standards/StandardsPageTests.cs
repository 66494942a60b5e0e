using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.SocialAssistance.Standards;

/// <summary>The standards page and the benefit breakdown on the household page, through real forms.</summary>
public sealed class StandardsPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task County_SavesAStandardInTheForm_AndTheHouseholdPageExplainsTheBenefit()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        var saved = await web.PostFormAsync("/Standards", new Dictionary<string, string>
        {
            ["Program"] = "rural-dibao",
            ["RegionCode"] = "360482101201",
            ["EffectiveFrom"] = "2026-02-01",
            ["Amount"] = "7200",
            ["Per"] = "year",
            ["Rounding"] = "yuan",
            ["Supplements[minor]"] = "10",
            ["Citation"] = "测试文号〔2026〕1号",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await saved.Content.ReadAsStringAsync(Ct), "alert-danger[^<]*<?[^<]*").Value);
        var list = await (await web.GetAsync("/Standards")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("测试文号〔2026〕1号", list);
        Assert.Contains("7200.00 元/年", list);

        using var api = await app.ClientAsAsync("county");
        var created = await (await api.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = "360482101201",
            hukouType = "rural",
            address = "页面测试",
            members = new[] { new { name = "页面户主", idNumber = SqliteRegistryApiTests.NewIdNumber(), relationship = "head", monthlyIncome = 100m } },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var page = await (await web.GetAsync($"/Registry/Household?id={created.GetProperty("id").GetString()}&program=rural-dibao&month=2026-03"))
            .Content.ReadAsStringAsync(Ct);
        // 7200 / 12 = 600; (600 − 100) × 1 = 500 元.
        Assert.Contains("data-testid=\"benefit-total\">500.00 元", page);
        Assert.Contains("测试文号〔2026〕1号", page);
    }

    [Fact]
    public async Task BadNumbers_AreShownInChinese_AndNothingIsSaved()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        var response = await web.PostFormAsync("/Standards", new Dictionary<string, string>
        {
            ["Program"] = "orphan",
            ["RegionCode"] = "360482101202",
            ["EffectiveFrom"] = "2026-02-01",
            ["Amount"] = "一千",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("不是有效的数值", html);
        Assert.DoesNotContain("<code>360482101202</code>", await (await web.GetAsync("/Standards")).Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Township_SeesStandardsButNoForm()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("township", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await web.GetAsync("/Standards")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("保障标准", html);
        Assert.DoesNotContain("保存标准", html);
    }
}
