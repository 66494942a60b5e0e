using System.Globalization;
using Microsoft.Playwright;
using Minzheng.Platform.People;

namespace Minzheng.BrowserTests;

/// <summary>
/// The window's 成立登记: receive an application (too few members refused with the form kept), file its 章程, accept it and
/// see the decision's due day on the shared deadline board, print the 受理通知书, approve it and print the certificate.
/// </summary>
public sealed class SocialOrgApplicationJourneyTests(BrowserApp app)
{
    private static string Code()
    {
        var body = "8" + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
        var first17 = "51360482" + body + CreditCode.ComputeOrganizationCheckCharacter(body);
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    [Fact]
    public async Task Registrar_ReceivesAcceptsAndApproves_AnApplication_WithItsDeadlineOnTheBoard()
    {
        var page = await app.SignedInPageAsync("socialorg");
        var name = $"共青城市申请旅程{Random.Shared.Next(100_000, 999_999)}协会";
        // The menu's 成立登记 now receives an application; the direct form stays as 补录.
        Assert.Equal(1, await page.Locator("a.dropdown-item[href='/Organizations/Receive']").CountAsync());
        await page.GotoAsync("/Organizations/Receive");
        Assert.Equal(1, await page.GetByTestId("backfill-link").CountAsync());
        var today = await page.GetByLabel("收件日期").InputValueAsync();
        await page.GetByLabel("拟成立组织名称").FillAsync(name);
        await page.GetByLabel("组织类型").SelectOptionAsync(new SelectOptionValue { Label = "社会团体" });
        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(Code());
        await page.GetByLabel("业务主管单位（直接登记的可不填）").FillAsync("共青城市体育局");
        await page.GetByLabel("住所").FillAsync("共青城市茶山街道青年大道18号");
        await page.GetByLabel("注册资金（元）").FillAsync("60000");
        await page.GetByLabel("法定代表人姓名").FillAsync("邹海涛");
        await page.GetByLabel("法定代表人身份证号").FillAsync(BrowserApp.NewIdNumber());
        await page.GetByLabel("个人会员数（社会团体）").FillAsync("40");
        await page.GetByLabel("理事会人数").FillAsync("11");
        await page.GetByRole(AriaRole.Button, new() { Name = "接收申请" }).ClickAsync();
        Assert.Contains("不得少于50个", await page.GetByTestId("application-errors").InnerTextAsync());
        Assert.Equal(name, await page.GetByLabel("拟成立组织名称").InputValueAsync());
        await Shots.SaveAsync(page, "socialorg-application-receive-error");

        await page.GetByLabel("个人会员数（社会团体）").FillAsync("86");
        await page.GetByRole(AriaRole.Button, new() { Name = "接收申请" }).ClickAsync();
        Assert.Contains("申请已接收", await page.GetByTestId("application-done").InnerTextAsync());
        Assert.Equal("已接收", await page.GetByTestId("application-status").InnerTextAsync());
        await page.Locator("#attachmentFile").SetInputFilesAsync(new FilePayload
        {
            Name = "章程草案.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传附件" }).ClickAsync();
        Assert.Contains("章程草案.pdf", await page.GetByTestId("attachments").InnerTextAsync());

        await page.GetByTestId("step-accept").Locator("summary").ClickAsync();
        await page.GetByLabel("受理日期", new() { Exact = true }).FillAsync(today);
        await page.GetByTestId("step-accept").GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        Assert.Equal("已受理", await page.GetByTestId("application-status").InnerTextAsync());
        // The cell may add a note when the due day's year has no holiday notice loaded yet; the day itself comes first.
        var due = (await page.GetByTestId("application-due").InnerTextAsync())[..10];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", due);
        await Shots.SaveAsync(page, "socialorg-application-accepted");

        await page.GetByRole(AriaRole.Link, new() { Name = "社会组织登记申请受理通知书" }).ClickAsync();
        Assert.Contains("决定予以受理", await page.GetByTestId("application-notice").InnerTextAsync());
        Assert.Contains("民社受字", await page.GetByTestId("notice-number").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-application-notice");

        await page.GotoAsync("/Deadlines");
        var row = page.GetByTestId("work-list").Locator("tr", new() { HasText = name });
        Assert.Contains(due, await row.InnerTextAsync());
        Assert.Contains("社会组织登记申请", await row.InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-application-board");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await page.GetByTestId("step-approve").Locator("summary").ClickAsync();
        await page.GetByLabel("准予登记日期").FillAsync(today);
        await page.GetByTestId("step-approve").GetByRole(AriaRole.Button, new() { Name = "准予登记" }).ClickAsync();
        Assert.Equal("准予登记", await page.GetByTestId("application-status").InnerTextAsync());
        await page.GetByTestId("application-certificate").ClickAsync();
        Assert.Contains(name, await page.GetByTestId("certificate").InnerTextAsync());
        Assert.Contains("社会团体法人登记证书", await page.GetByTestId("certificate").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-application-certificate");

        await page.GotoAsync("/Organizations/Applications");
        Assert.Contains(name, await page.GetByTestId("applications").InnerTextAsync());
        await Shots.SaveAsync(page, "socialorg-applications");
        await page.GotoAsync("/Organizations/Statistics");
        await Shots.SaveAsync(page, "socialorg-application-statistics");
    }
}
