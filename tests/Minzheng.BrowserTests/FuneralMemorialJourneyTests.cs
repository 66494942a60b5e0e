using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>
/// The funeral officer books a 代祭扫 for a demo person whose ashes rest in the county's 骨灰堂, uploads the photo and
/// records the service; the funeral home's claim of last month, waiting for finance, is approved and paid by finance.
/// </summary>
public sealed class FuneralMemorialJourneyTests(BrowserApp app)
{
    // A 1×1 PNG: the server checks the bytes, not the name.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task FuneralOfficer_BooksAndServesAProxySweepWithAPhoto_FinanceApprovesAndPaysTheMonthsClaim()
    {
        var page = await app.SignedInPageAsync("funeral");
        Assert.Equal(1, await page.Locator("a.dropdown-item[href='/Memorials']").CountAsync());
        await page.GotoAsync("/Memorials?Name=" + Uri.EscapeDataString("德福"));
        await Shots.SaveAsync(page, "funeral-memorials");
        await page.GetByTestId("resting-found").GetByRole(AriaRole.Link, new() { Name = "预约" }).First.ClickAsync();
        await page.WaitForURLAsync("**/Memorials/Book?*");
        var form = page.GetByTestId("memorial-form");
        await form.GetByLabel("家属联系人").FillAsync("王家属");
        await form.GetByLabel("联系电话").FillAsync("12345");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记预约" }).ClickAsync();
        Assert.Contains("联系电话", await page.GetByTestId("memorial-errors").InnerTextAsync());
        Assert.Equal("王家属", await page.GetByTestId("memorial-form").GetByLabel("家属联系人").InputValueAsync());
        await Shots.SaveAsync(page, "funeral-memorial-book-refused");
        await page.GetByTestId("memorial-form").GetByLabel("联系电话").FillAsync("13907921234");
        await page.GetByTestId("memorial-form").GetByRole(AriaRole.Button, new() { Name = "登记预约" }).ClickAsync();
        await page.WaitForURLAsync("**/Memorials/Detail?id=*");
        Assert.Contains("已预约", await page.GetByTestId("memorial-state").InnerTextAsync());

        await page.Locator("#attachmentFile").SetInputFilesAsync(new FilePayload { Name = "墓前照片.png", MimeType = "image/png", Buffer = Png });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传附件" }).ClickAsync();
        await page.WaitForURLAsync("**/Memorials/Detail?id=*");
        Assert.Contains("墓前照片.png", await page.GetByTestId("attachments").InnerTextAsync());
        await page.GetByTestId("memorial-deliver").GetByLabel("服务人员").FillAsync("李师傅");
        await page.GetByTestId("memorial-deliver").GetByRole(AriaRole.Button, new() { Name = "登记完成" }).ClickAsync();
        Assert.Contains("已完成", await page.GetByTestId("memorial-state").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("memorial-deliver").CountAsync());
        await Shots.SaveAsync(page, "funeral-memorial-detail");

        // An earlier month is already claimed: nothing left to claim is said in Chinese, nothing is written.
        await page.GotoAsync("/WaiverClaims");
        await page.GetByTestId("claim-form").GetByLabel("申报月份").FillAsync(DateTime.UtcNow.AddMonths(-8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("claim-form").GetByRole(AriaRole.Button, new() { Name = "建立申报" }).ClickAsync();
        Assert.Contains("没有尚未申报的减免", await page.GetByTestId("claim-errors").InnerTextAsync());
        await Shots.SaveAsync(page, "funeral-claims");

        var finance = await app.SignedInPageAsync("finance");
        await finance.GotoAsync("/WaiverClaims?Status=submitted");
        await finance.GetByTestId("claims").Locator("tbody tr a").First.ClickAsync();
        await finance.WaitForURLAsync("**/WaiverClaims/Detail?id=*");
        Assert.Contains("待财政审核", await finance.GetByTestId("claim-state").InnerTextAsync());
        await finance.GetByTestId("claim-approve").GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
        Assert.Contains("已审核待拨付", await finance.GetByTestId("claim-state").InnerTextAsync());
        await finance.GetByTestId("claim-pay").GetByLabel("凭证号").FillAsync("共财社〔2026〕99号");
        await finance.GetByTestId("claim-pay").GetByRole(AriaRole.Button, new() { Name = "登记拨付" }).ClickAsync();
        Assert.Contains("已拨付", await finance.GetByTestId("claim-state").InnerTextAsync());
        await Shots.SaveAsync(finance, "funeral-claim-detail");
        await finance.GotoAsync(finance.Url.Replace("/Detail?", "/Print?", StringComparison.Ordinal));
        Assert.Contains("减免资金申报表", await finance.GetByTestId("claim-print").InnerTextAsync());
        await Shots.SaveAsync(finance, "funeral-claim-print");
    }
}
