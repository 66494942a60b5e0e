using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>医疗救助 through the hospital: a 低保边缘 household is registered, the county imports the settlement file, a second person approves it in batch.</summary>
public sealed class MedicalJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task County_ImportsAHospitalSettlementFile_Approver_ApprovesTheBatch_AndFinanceRecordsTheTransfer()
    {
        var township = await app.SignedInPageAsync("township");
        await township.GotoAsync("/Registry/New");
        await township.Locator(".region-picker select").First.SelectOptionAsync(new SelectOptionValue { Label = "东风村" });
        await township.GetByLabel("家庭住址").FillAsync("东风村医疗组5号");
        var head = BrowserApp.NewIdNumber();
        await township.GetByLabel("第1行姓名").FillAsync("住院户主");
        await township.GetByLabel("第1行身份证号").FillAsync(head);
        await township.GetByLabel("第1行月收入").FillAsync("900");
        await township.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await township.Locator("h1", new() { HasText = "住院户主 户" }).WaitForAsync();
        await township.GetByLabel("纳入低收入人口监测").SelectOptionAsync("marginal");
        await township.GetByLabel("原因", new() { Exact = true }).FillAsync("人均收入略高于低保标准");
        await township.GetByRole(AriaRole.Button, new() { Name = "纳入监测" }).ClickAsync();

        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8));
        string Day(int back) => today.AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = "结算单号,医疗机构,姓名,身份证号,入院日期,结算日期,医疗总费用,基本医保支付,大病保险支付,政策范围内个人自付\n"
            + $"ZY{Guid.NewGuid().ToString("N")[..12]},共青城市人民医院,住院户主,{head},{Day(12)},{Day(3)},26000.00,15000.00,2000.00,6000.00\n"
            + $"ZY{Guid.NewGuid().ToString("N")[..12]},共青城市人民医院,外地患者,{BrowserApp.NewIdNumber()},{Day(9)},{Day(2)},5000.00,3000.00,0.00,1500.00\n";
        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/Medical");
        await county.GetByLabel("结算文件").SetInputFilesAsync(new FilePayload { Name = "settlements.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await county.GetByRole(AriaRole.Button, new() { Name = "导入并核算" }).ClickAsync();
        Assert.Equal("待审批", await county.GetByTestId("settlement-status").InnerTextAsync());
        var rows = await county.GetByTestId("settlement-rows").InnerTextAsync();
        Assert.Contains("低保边缘家庭成员（70%）", rows);
        Assert.Contains("4,200.00", rows); // 6,000 × 70%
        Assert.Contains("未在本辖区登记", rows);
        Assert.DoesNotContain(head, await county.ContentAsync());
        await county.GetByText("计算过程").First.ClickAsync();
        await Shots.SaveAsync(county, "medical-settlement-batch");

        var approver = await app.SignedInPageAsync("approver");
        await approver.GotoAsync(county.Url);
        await approver.GetByRole(AriaRole.Button, new() { Name = "批量审批通过（4,200.00 元）" }).ClickAsync();
        Assert.Equal("已审批", await approver.GetByTestId("settlement-status").InnerTextAsync());

        var finance = await app.SignedInPageAsync("finance");
        await finance.GotoAsync(county.Url);
        var reimburse = finance.GetByTestId("reimburse-form");
        await reimburse.GetByLabel("拨付日期").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await reimburse.GetByLabel("拨付凭证号").FillAsync("共财拨〔2026〕77号");
        await reimburse.GetByRole(AriaRole.Button, new() { Name = "登记已拨付医疗机构" }).ClickAsync();
        Assert.Contains("共财拨〔2026〕77号", await finance.GetByTestId("settlement-summary").InnerTextAsync());
        await finance.GotoAsync("/Medical");
        await Shots.SaveAsync(finance, "medical-settlements");
    }

    [Fact]
    public async Task County_GeneratesTheYearlyInsuranceSubsidyList_PerTownship()
    {
        var county = await app.SignedInPageAsync("county");
        await county.GotoAsync("/Medical");
        var form = county.GetByTestId("subsidy-form");
        await form.GetByLabel("个人缴费标准（元/人）").FillAsync("400");
        await form.GetByLabel("低保对象资助（元/人）").FillAsync("350");
        await form.GetByLabel("低保边缘资助（元/人）").FillAsync("200");
        await form.GetByLabel("政策依据").FillAsync("赣医保发〔2026〕3号");
        await form.GetByRole(AriaRole.Button, new() { Name = "生成名单" }).ClickAsync();
        Assert.Equal("待审批", await county.GetByTestId("subsidy-status").InnerTextAsync());
        var areas = await county.GetByTestId("subsidy-areas").InnerTextAsync();
        Assert.Contains("甘露镇", areas);
        Assert.DoesNotMatch(@"\d{17}[\dX]", await county.GetByTestId("subsidy-entries").InnerTextAsync());
        await Shots.SaveAsync(county, "insurance-subsidy-list");
    }
}
