using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>
/// 走访慰问 and the care of 困难优抚对象 in the browser: the township opens this year's campaign, uploads a signed receipt for
/// a person it visited and sees it counted; the 优抚 officer reads the aid its people got through social assistance.
/// </summary>
public sealed class VeteranCareJourneyTests(BrowserApp app)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Township_UploadsASignedReceipt_AndTheOfficerSeesTheAidOfHisPeople()
    {
        var page = await app.SignedInPageAsync("township");
        await page.GotoAsync("/Veterans/Visits");
        var campaign = page.GetByTestId("campaigns").Locator("tbody a").First;
        var title = await campaign.InnerTextAsync();
        await campaign.ClickAsync();
        var rows = page.GetByTestId("visits").Locator("tbody tr");
        var visited = rows.Filter(new() { HasNotText = "登记" }).First;
        var name = await visited.Locator("td").First.InnerTextAsync();
        await visited.GetByTestId("visit-receipts").ClickAsync();
        await page.WaitForURLAsync("**/Veterans/VisitReceipt?id=*");
        Assert.Contains(name, await page.GetByTestId("visit-receipt").InnerTextAsync());
        await page.Locator("#attachmentFile").SetInputFilesAsync(new FilePayload { Name = "签收单.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByLabel("备注").FillAsync("本人签收");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传附件" }).ClickAsync();
        await page.WaitForURLAsync("**/Veterans/VisitReceipt?id=*");
        Assert.Contains("签收单.pdf", await page.GetByTestId("attachments").InnerTextAsync());
        await Shots.SaveAsync(page, "veterans-visit-receipt");

        await page.GetByRole(AriaRole.Link, new() { Name = "返回" }).ClickAsync();
        var row = page.GetByTestId("visits").Locator("tbody tr", new() { HasText = name }).First;
        Assert.Contains("已上传 1 份", await row.InnerTextAsync());
        Assert.Matches(@"已上传签收单 [1-9]\d* 人", await page.Locator("h2", new() { HasText = title }).InnerTextAsync());
        await Shots.SaveAsync(page, "veterans-visits-receipts");

        var officer = await app.SignedInPageAsync("veterans");
        await officer.GotoAsync("/Veterans/Statistics?From=2000-01-01&To=2099-12-31");
        Assert.Matches(@"临时救助 [1-9]\d* 人次", await officer.GetByTestId("veteran-aid").InnerTextAsync());
        await Shots.SaveAsync(officer, "veterans-statistics-aid");
    }
}
