using System.Globalization;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>
/// The funeral officer registers an old grave (a slip refused with the input kept), relocates it and finds it on the
/// list as moved; then appoints a village information officer and generates a year's subsidy roster.
/// </summary>
public sealed class FuneralGraveJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task FuneralOfficer_RegistersAndRelocatesAGrave_ThenGeneratesTheOfficersRoster()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var occupant = "迁坟" + "春夏秋冬梅兰竹菊"[Random.Shared.Next(8)] + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "公";
        var page = await app.SignedInPageAsync("funeral");
        Assert.Equal(1, await page.Locator("a.dropdown-item[href='/ExistingGraves']").CountAsync());
        await page.GotoAsync("/ExistingGraves");
        var form = page.GetByTestId("grave-form");
        await form.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "甘露镇" });
        await form.Locator(".region-picker select").Nth(1).SelectOptionAsync(new SelectOptionValue { Label = "红光村" });
        await form.GetByLabel("坟墓类型").SelectOptionAsync(new SelectOptionValue { Label = "砖石墓" });
        await form.GetByLabel("位置描述").FillAsync("红光村后山松树林");
        // Latitude and longitude swapped: outside China, refused, nothing typed is lost.
        await form.GetByLabel("纬度（北纬，度）").FillAsync("115.812345");
        await form.GetByLabel("经度（东经，度）").FillAsync("29.247512");
        await form.GetByLabel("墓主姓名").FillAsync(occupant);
        await form.GetByLabel("家属联系人").FillAsync("迁坟家属");
        await form.GetByLabel("联系电话").FillAsync("13912345678");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记坟墓" }).ClickAsync();
        Assert.Contains("我国境内", await page.GetByTestId("grave-errors").InnerTextAsync());
        Assert.Equal(occupant, await page.GetByTestId("grave-form").GetByLabel("墓主姓名").InputValueAsync());
        await Shots.SaveAsync(page, "funeral-graves-refused");

        form = page.GetByTestId("grave-form");
        await form.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "甘露镇" });
        await form.Locator(".region-picker select").Nth(1).SelectOptionAsync(new SelectOptionValue { Label = "红光村" });
        await form.GetByLabel("纬度（北纬，度）").FillAsync("29.247512");
        await form.GetByLabel("经度（东经，度）").FillAsync("115.812345");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记坟墓" }).ClickAsync();
        Assert.Contains("已登记坟墓", await page.GetByTestId("grave-saved").InnerTextAsync());
        Assert.Equal("在册", (await page.GetByTestId("grave-status").InnerTextAsync()).Trim());
        await page.GetByTestId("certificate-form").GetByRole(AriaRole.Button, new() { Name = "发放墓穴证" }).ClickAsync();
        Assert.Contains("墓证", await page.GetByTestId("grave-certificate").InnerTextAsync());

        var move = page.GetByTestId("relocate-form");
        await move.GetByLabel("迁移原因").SelectOptionAsync(new SelectOptionValue { Label = "建设征地" });
        await move.GetByLabel("迁入地点（未选安葬记录时必填）").FillAsync("红光村公益性墓地");
        await move.GetByLabel("迁移补偿金额（元，选填）").FillAsync("2800");
        await move.GetByRole(AriaRole.Button, new() { Name = "登记迁移" }).ClickAsync();
        Assert.Contains("已登记迁移", await page.GetByTestId("grave-saved").InnerTextAsync());
        Assert.Equal("已迁移", (await page.GetByTestId("grave-status").InnerTextAsync()).Trim());
        Assert.Contains("建设征地", await page.GetByTestId("grave-outcome").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("relocate-form").CountAsync());
        await Shots.SaveAsync(page, "funeral-grave-detail");

        await page.GotoAsync("/ExistingGraves?Name=" + Uri.EscapeDataString(occupant));
        var row = page.GetByTestId("graves").Locator("tr", new() { HasText = occupant });
        Assert.Contains("已迁移", await row.InnerTextAsync());
        Assert.Contains("139****5678", await row.InnerTextAsync());
        Assert.DoesNotContain("13912345678", await page.ContentAsync());
        await page.GotoAsync("/ExistingGraves");
        await Shots.SaveAsync(page, "funeral-graves");

        // A village information officer appointed three years ago; the roster of the year before last pays a full year.
        var year = today.Year - 2;
        await page.GotoAsync("/InformationOfficers");
        var officer = page.GetByTestId("officer-form");
        var name = "信息员" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        await officer.GetByLabel("姓名").FillAsync(name);
        await officer.GetByLabel("身份证号").FillAsync(BrowserApp.NewIdNumber());
        await officer.GetByLabel("电话").FillAsync("13800001234");
        await officer.GetByLabel("聘任日期").FillAsync($"{year - 1}-03-01");
        await officer.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "甘露镇" });
        await officer.Locator(".region-picker select").Nth(1).SelectOptionAsync(new SelectOptionValue { Label = "东风村" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "聘任" }).ClickAsync();
        Assert.Contains($"已聘任殡改信息员：{name}", await page.GetByTestId("officer-saved").InnerTextAsync());
        Assert.Contains("甘露镇", await page.GetByTestId("officers-by-township").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-officers");

        await page.GotoAsync($"/InformationOfficers/Roster?Year={year}");
        await page.GetByTestId("roster-form").GetByRole(AriaRole.Button, new() { Name = "生成发放表" }).ClickAsync();
        Assert.Contains($"已生成{year}年度补贴发放表", await page.GetByTestId("roster-saved").InnerTextAsync());
        // By the name's own cell: a row's text runs its cells together, so "吴信息员4" before a masked ID "3604…" also
        // contains "信息员436".
        var line = page.GetByTestId("roster").Locator("tr").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });
        Assert.Contains("600.00 × 12/12", await line.InnerTextAsync());
        Assert.Contains("600.00", await line.InnerTextAsync());
        await line.GetByRole(AriaRole.Button, new() { Name = "已发放" }).ClickAsync();
        Assert.Contains($"已登记发放：{name}", await page.GetByTestId("roster-saved").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("roster-form").CountAsync());
        await Shots.SaveAsync(page, "funeral-officer-roster");
    }
}
