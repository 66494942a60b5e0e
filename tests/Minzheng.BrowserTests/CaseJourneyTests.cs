using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>A second app with a server clock the journey can move past the 公示 period.</summary>
public sealed class ClockedBrowserApp : BrowserApp
{
    public ClockedBrowserApp() => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
}

public sealed class CaseJourneyTests(ClockedBrowserApp app) : IClassFixture<ClockedBrowserApp>
{
    private static string AdultId(int n)
    {
        var first17 = "110105" + new DateOnly(1980, 1, 1).AddDays(n).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "731";
        return first17 + Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(first17);
    }

    private async Task<string> RegisterHouseholdAsync(string head, string spouse)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "township", password = Minzheng.Platform.Demo.DemoSeeder.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var created = await http.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = "360482100201",
            hukouType = "rural",
            address = "红光村浏览器组8号",
            members = new object[]
            {
                new { name = "浏览器申请人", idNumber = head, relationship = "head", monthlyIncome = 300m },
                new { name = "浏览器配偶", idNumber = spouse, relationship = "spouse", monthlyIncome = 100m },
            },
        });
        created.EnsureSuccessStatusCode();
        return head;
    }

    private static async Task ActAsync(IPage page, string action, Func<ILocator, Task>? fill = null)
    {
        var form = page.Locator($"form[data-action={action}]");
        if (fill is not null)
        {
            await fill(form);
        }

        await form.Locator("button[type=submit]").ClickAsync();
    }

    [Fact]
    public async Task Dibao_VillageAppliesTownshipInvestigatesAndPublicisesCountyApproves()
    {
        var head = await RegisterHouseholdAsync(AdultId(1), AdultId(2));

        var village = await app.SignedInPageAsync("village");
        await village.GotoAsync("/Cases");
        var apply = village.GetByTestId("apply-form");
        await apply.GetByLabel("或：家庭成员完整身份证号").FillAsync(head);
        await apply.GetByLabel("申请项目").SelectOptionAsync(new SelectOptionValue { Label = "农村低保" });
        await apply.GetByLabel("已签署家庭经济状况核对授权书和承诺书").CheckAsync();
        await apply.GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();
        await village.GetByTestId("case-status").WaitForAsync();
        Assert.Equal("已申请", await village.GetByTestId("case-status").InnerTextAsync());
        var caseUrl = village.Url;
        Assert.Equal(0, await village.Locator("form[data-action=accept]").CountAsync()); // a village assistant cannot accept

        var township = await app.SignedInPageAsync("township");
        await township.GotoAsync(caseUrl);
        await ActAsync(township, "accept");
        await township.Locator("form[data-action=investigate]").WaitForAsync();
        var today = app.Clock!.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ActAsync(township, "investigate", async f =>
        {
            await f.GetByLabel("调查日期").FillAsync(today);
            await f.GetByLabel("调查人员").FillAsync("王晓梅");
            await f.GetByLabel("调查情况").FillAsync("夫妻二人务农，收入低");
        });
        Assert.Contains("至少两名", await township.GetByTestId("case-error").InnerTextAsync());
        await ActAsync(township, "investigate", async f =>
        {
            await f.GetByLabel("调查日期").FillAsync(today);
            await f.GetByLabel("调查人员").FillAsync("王晓梅、刘强");
            await f.GetByLabel("调查情况").FillAsync("夫妻二人务农，收入低");
        });
        await township.Locator("form[data-action=check]").WaitForAsync();
        await ActAsync(township, "check", f => f.GetByLabel("核对说明").FillAsync("未发现车辆房产"));
        // The reviewer, not the clerk who recorded the home visit, gives the township's opinion.
        await ActAsync(township, "township-review", f => f.GetByLabel("审核理由").FillAsync("符合农村低保条件"));
        Assert.Contains("入户调查的经办人不能", await township.GetByTestId("case-error").InnerTextAsync());
        var reviewer = await app.SignedInPageAsync("reviewer");
        await reviewer.GotoAsync(caseUrl);
        await ActAsync(reviewer, "township-review", f => f.GetByLabel("审核理由").FillAsync("符合农村低保条件"));
        await township.ReloadAsync();
        await ActAsync(township, "start-publicity");
        await township.Locator("form[data-action=end-publicity]").WaitForAsync();
        Assert.Contains("第二榜：乡镇审核公示", await township.GetByTestId("case-postings").InnerTextAsync());
        await Shots.SaveAsync(township, "case-postings");
        await ActAsync(township, "end-publicity");
        Assert.Contains("期满后", await township.GetByTestId("case-error").InnerTextAsync());

        app.Clock.Advance(TimeSpan.FromDays(15)); // past the 7-day 公示, even across a holiday
        var later = await app.SignedInPageAsync("township");
        await later.GotoAsync(caseUrl);
        await ActAsync(later, "end-publicity");
        await later.GetByTestId("case-status").Filter(new() { HasText = "待县级审批" }).WaitForAsync();

        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync(caseUrl);
        await ActAsync(county, "decide");
        await county.GetByTestId("case-amount").WaitForAsync();
        // Demo rural standard 680 元: (680 − (300 + 100) / 2) × 2 = 960 元.
        Assert.Contains("960.00 元", await county.GetByTestId("case-amount").InnerTextAsync());
        // 申请、受理、入户调查、核对、乡镇审核、公示、公示期满、批准: refused attempts leave no event.
        Assert.Equal(8, await county.GetByTestId("timeline").Locator("li").CountAsync());

        await county.GotoAsync(caseUrl.Replace("/Cases/Detail", "/Cases/Notice", StringComparison.Ordinal));
        Assert.Contains("农村低保审批决定书", await county.GetByTestId("notice").InnerTextAsync());
        Assert.Contains("960.00", await county.GetByTestId("notice-decision").InnerTextAsync());
        Assert.DoesNotContain(head, await county.ContentAsync());
    }
}
