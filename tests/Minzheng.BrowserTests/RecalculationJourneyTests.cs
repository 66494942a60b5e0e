using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>提标 as a county runs it: raise the standard, preview, a second person applies, the next payroll back-pays it explained.</summary>
public sealed class RecalculationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task County_RaisesUrbanDibao_Previews_Approver_Applies_NextPayroll_BackPaysExplained()
    {
        var today = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        // The demo paid urban Dibao two months ago and has the last month's payroll made: the raise reaches back over both.
        var raisedFrom = thisMonth.AddMonths(-2);
        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/Standards");
        await county.GetByLabel("项目", new() { Exact = true }).SelectOptionAsync("urban-dibao");
        await county.GetByLabel("生效日期").FillAsync(raisedFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await county.GetByLabel("标准金额（元）").FillAsync("950");
        await county.GetByRole(AriaRole.Button, new() { Name = "保存标准" }).ClickAsync();
        Assert.Contains("按此标准重算", await county.GetByTestId("standard-saved").InnerTextAsync());

        var row = county.GetByTestId("standards").Locator("tr", new() { HasText = raisedFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })
            .Filter(new() { HasText = "城市低保" });
        await row.GetByText("按此标准重算").ClickAsync();
        await county.GetByRole(AriaRole.Button, new() { Name = "预览重算" }).ClickAsync();
        Assert.Equal("待审批", await county.GetByTestId("recalculation-status").InnerTextAsync());
        Assert.True(int.Parse(await county.GetByTestId("recalculation-changed").InnerTextAsync(), CultureInfo.InvariantCulture) > 0);
        var lines = await county.GetByTestId("recalculation-lines").InnerTextAsync();
        Assert.Contains("标准调整 (950.00 − 850.00)", lines);
        Assert.DoesNotMatch(@"\d{17}[\dX]", lines);
        Assert.Contains("须由另一名审批人员审批", await county.Locator("main").InnerTextAsync());
        await Shots.SaveAsync(county, "recalculation-preview");
        var detailUrl = county.Url;

        var approver = await app.SignedInPageAsync("approver");
        await approver.GotoAsync(detailUrl);
        await approver.GetByTestId("recalculation-approve").ClickAsync();
        await approver.GetByTestId("recalculation-status").Filter(new() { HasText = "已应用" }).WaitForAsync();
        await Shots.SaveAsync(approver, "recalculation-applied");

        await county.GotoAsync("/Payments");
        await county.GetByLabel("保障项目").SelectOptionAsync("urban-dibao");
        await county.GetByLabel("发放期间").FillAsync(thisMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await county.GetByRole(AriaRole.Button, new() { Name = "生成名册" }).ClickAsync();
        Assert.Equal("待审核", await county.GetByTestId("payroll-status").InnerTextAsync());
        Assert.Contains("补发", await county.GetByTestId("payroll-change-warning").InnerTextAsync());
        await county.GotoAsync(county.Url + "&kind=arrears");
        var arrears = await county.GetByTestId("payroll-lines").InnerTextAsync();
        Assert.Contains($"补发{raisedFrom.Year}年{raisedFrom.Month}月城市低保", arrears);
        Assert.Contains("提标追溯至该月（城市低保保障标准调整为 950.00 元/月", arrears);
        await Shots.SaveAsync(county, "recalculation-arrears");
    }
}
