using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>A batch subsidy as a county runs it, and the standing publicity list a township posts.</summary>
public sealed class OneOffJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task County_ProposesAHolidaySubsidy_Approver_Approves_AndItsPayrollPaysEachHouseholdOnce()
    {
        var month = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/OneOffs");
        var form = county.GetByTestId("one-off-form");
        await form.GetByLabel("补贴名称").FillAsync("元旦一次性生活补贴");
        await form.GetByLabel("发放月份").FillAsync(month);
        await form.GetByLabel("发放方式").SelectOptionAsync("per-household");
        await form.GetByLabel("标准（元/户或元/人）").FillAsync("300");
        await form.GetByLabel("特困分散供养").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "统计名单" }).ClickAsync();
        var row = county.GetByTestId("one-off-batches").Locator("tr", new() { HasText = "元旦一次性生活补贴" });
        Assert.Contains("待审批", await row.InnerTextAsync());
        Assert.Equal(0, await row.GetByRole(AriaRole.Button, new() { Name = "审批通过" }).CountAsync()); // not the maker's to approve
        await Shots.SaveAsync(county, "one-off-proposed");

        var approver = await app.SignedInPageAsync("approver");
        await approver.GotoAsync("/OneOffs");
        await approver.GetByTestId("one-off-batches").Locator("tr", new() { HasText = "元旦一次性生活补贴" })
            .GetByRole(AriaRole.Button, new() { Name = "审批通过" }).ClickAsync();
        Assert.Contains("已审批", await approver.GetByTestId("one-off-batches").Locator("tr", new() { HasText = "元旦一次性生活补贴" }).InnerTextAsync());

        await county.GotoAsync("/Payments");
        await county.GetByLabel("保障项目").SelectOptionAsync("one-off-subsidy");
        await county.GetByLabel("发放期间").FillAsync(month);
        await county.GetByRole(AriaRole.Button, new() { Name = "生成名册" }).ClickAsync();
        Assert.Equal("待审核", await county.GetByTestId("payroll-status").InnerTextAsync());
        var lines = await county.GetByTestId("payroll-lines").InnerTextAsync();
        Assert.Contains("元旦一次性生活补贴：每户 300.00 元", lines);
        await Shots.SaveAsync(county, "one-off-payroll");
    }

    [Fact]
    public async Task Township_PrintsTheStandingPublicityListOfAVillage()
    {
        var township = await app.SignedInPageAsync("township");
        await township.GotoAsync("/Cases/StandingPublicity?region=360482100201");
        var text = await township.GetByTestId("standing-publicity").InnerTextAsync();
        Assert.Contains("甘露镇红光村社会救助对象长期公示", text);
        Assert.DoesNotMatch(@"\d{17}[\dX]", text);
        Assert.Matches(@"甘露镇救助长期公示〔\d{4}〕\d{3}号", text);
        Assert.Contains("甘露镇人民政府（盖章）", text);
        // The demo village has 优抚 pensions paid alongside: not social assistance, so not on its notice board.
        Assert.DoesNotContain("veterans", text);
        Assert.DoesNotContain("优抚", text);
        await Shots.SaveAsync(township, "standing-publicity");
    }
}
