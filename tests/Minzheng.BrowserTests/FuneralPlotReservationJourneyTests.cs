using System.Globalization;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>A village 公益性墓地 clerk reserves a plot for a family of the village, then sells it to them; the village is chosen from a list.</summary>
public sealed class FuneralPlotReservationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Clerk_ReservesAPlotForAVillageFamily_ThenSellsItToThem()
    {
        var page = await app.SignedInPageAsync("funeral");
        await page.GotoAsync("/FuneralFacilities");
        await page.GetByTestId("facilities").GetByRole(AriaRole.Link, new() { Name = "甘露镇红光村公益性墓地" }).ClickAsync();
        var area = "留" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        var form = page.GetByTestId("plot-form");
        await form.GetByLabel("墓区").FillAsync(area);
        await form.GetByLabel("排", new() { Exact = true }).FillAsync("1");
        await form.GetByLabel("号", new() { Exact = true }).FillAsync("1");
        await form.GetByLabel("占地面积（平方米）").FillAsync("0.8");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记墓穴" }).ClickAsync();
        await page.GetByTestId("plot-saved").WaitForAsync();

        var family = BrowserApp.NewIdNumber();
        var until = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var row = page.GetByTestId("plots").Locator("tr", new() { HasText = $"{area}区1排1号" });
        await row.Locator("summary", new() { HasText = "预留" }).ClickAsync();
        await row.GetByLabel("预留人姓名").FillAsync("预留家属");
        await row.GetByLabel("预留人身份证号").FillAsync(family);
        await row.GetByLabel("预留人户籍所在村（居）").SelectOptionAsync(new SelectOptionValue { Label = "红光村" });
        await row.GetByLabel("预留至").FillAsync(until);
        await row.GetByRole(AriaRole.Button, new() { Name = "确认预留" }).ClickAsync();
        Assert.Contains($"已预留给预留家属，至{until}", await page.GetByTestId("plot-saved").InnerTextAsync());
        row = page.GetByTestId("plots").Locator("tr", new() { HasText = $"{area}区1排1号" });
        Assert.Contains($"已预留（至{until}）", await row.GetByTestId("plot-status").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-plot-reserved");

        // Another family is refused while the reservation runs; the reserving family buys it.
        await row.GetByLabel("购墓人姓名").FillAsync("他人");
        await row.GetByLabel("购墓人身份证号").FillAsync(BrowserApp.NewIdNumber());
        await row.GetByLabel("购墓人户籍所在村（居）").SelectOptionAsync(new SelectOptionValue { Label = "红光村" });
        await row.GetByLabel("合同编号").FillAsync("预留合同0");
        await row.GetByRole(AriaRole.Button, new() { Name = "出售" }).ClickAsync();
        Assert.Contains("只能售给预留人", await page.GetByTestId("plot-errors").InnerTextAsync());
        row = page.GetByTestId("plots").Locator("tr", new() { HasText = $"{area}区1排1号" });
        await row.GetByLabel("购墓人姓名").FillAsync("预留家属");
        await row.GetByLabel("购墓人身份证号").FillAsync(family);
        await row.GetByLabel("购墓人户籍所在村（居）").SelectOptionAsync(new SelectOptionValue { Label = "红光村" });
        await row.GetByLabel("合同编号").FillAsync("预留合同1");
        await row.GetByRole(AriaRole.Button, new() { Name = "出售" }).ClickAsync();
        Assert.Contains("墓穴证编号", await page.GetByTestId("plot-saved").InnerTextAsync());
        Assert.Contains("已售出", await page.GetByTestId("plots").Locator("tr", new() { HasText = $"{area}区1排1号" }).GetByTestId("plot-status").InnerTextAsync());
    }
}
