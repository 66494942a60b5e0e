using System.Net;
using Minzheng.Platform.Demo;
using static Minzheng.Tests.Platform.Attachments.AttachmentFixtures;

namespace Minzheng.Tests.Platform.Attachments;

/// <summary>The attachments panel on the case and household pages, and its forms posting to the platform's /Attachments page.</summary>
public abstract class AttachmentPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CasePage_ListsTheFiles_AndUploadsAndRemovesThemThroughItsForms()
    {
        using var township = await app.ClientAsAsync("township");
        var caseId = await CaseAsync(township, await HouseholdAsync(township));
        var detail = $"/Cases/Detail?id={caseId}";
        using var web = new WebSession(app);
        await web.LoginAsync("township", DemoSeeder.Password);
        var html = await (await web.GetAsync(detail)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("暂无附件", html);
        Assert.Contains("data-testid=\"attachment-upload\"", html);
        Assert.Contains("办理记录", html); // the page's own content is still there

        var fields = new Dictionary<string, string> { ["ownerType"] = "case", ["ownerId"] = caseId, ["returnUrl"] = detail + "#attachments", ["note"] = "入户调查照片" };
        var uploaded = await web.PostFileAsync(detail, "/Attachments?handler=Upload", Png, "入户照片.png", fields);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(detail + "#attachments", uploaded.Headers.Location!.OriginalString);
        html = await (await web.GetAsync(detail)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("入户照片.png", html);
        Assert.Contains("入户调查照片", html);
        Assert.Contains("1 KB", html);
        var id = Assert.Single(await township.ListAsync("case", caseId)).GetProperty("id").GetString()!;
        var link = System.Text.RegularExpressions.Regex.Match(html, $"href=\"(/Attachments[^\"]*{id}[^\"]*)\"");
        Assert.True(link.Success, "no download link");
        var file = await web.GetAsync(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal((HttpStatusCode.OK, "image/png"), (file.StatusCode, file.Content.Headers.ContentType?.MediaType));
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync(Ct));

        var refused = await web.PostFileAsync(detail, "/Attachments?handler=Upload", Html, "通知.pdf", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不支持该文件类型", await refused.Content.ReadAsStringAsync(Ct));

        var delete = $"/Attachments?handler=Delete&id={id}";
        var back = new Dictionary<string, string> { ["ownerType"] = "case", ["ownerId"] = caseId, ["returnUrl"] = detail };
        var noReason = await web.PostFormAsync(detail, new Dictionary<string, string>(back) { ["reason"] = "" }, delete);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("删除附件须填写原因", await noReason.Content.ReadAsStringAsync(Ct));
        var removed = await web.PostFormAsync(detail, new Dictionary<string, string>(back) { ["reason"] = "照片模糊，重新拍摄" }, delete);
        Assert.Equal((HttpStatusCode.Redirect, detail), (removed.StatusCode, removed.Headers.Location!.OriginalString));
        Assert.Empty(await township.ListAsync("case", caseId));
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Attachments?handler=Content&id={id}")).StatusCode);
    }

    [Fact]
    public async Task HouseholdPage_OffersUploadToTheVillageAssistant_NotToTheLeader_AndNeverReturnsOffSite()
    {
        using var township = await app.ClientAsAsync("township");
        var household = await HouseholdAsync(township);
        await township.UploadedAsync("household", household, Pdf, "残疾证.pdf");
        var page = $"/Registry/Household?id={household}";

        using var village = new WebSession(app);
        await village.LoginAsync("village", DemoSeeder.Password);
        var html = await (await village.GetAsync(page)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("残疾证.pdf", html);
        Assert.Contains("data-testid=\"attachment-upload\"", html);
        var offSite = await village.PostFileAsync(page, "/Attachments?handler=Upload", Pdf, "低保证.pdf",
            new Dictionary<string, string> { ["ownerType"] = "household", ["ownerId"] = household, ["returnUrl"] = "https://example.com/phish" });
        Assert.Equal(HttpStatusCode.Redirect, offSite.StatusCode);
        Assert.Equal($"/Attachments?ownerType=household&ownerId={household}", offSite.Headers.Location!.OriginalString);
        Assert.Contains("低保证.pdf", await (await village.GetAsync(offSite.Headers.Location!.OriginalString)).Content.ReadAsStringAsync(Ct));

        using var leader = new WebSession(app);
        await leader.LoginAsync("leader", DemoSeeder.Password);
        html = await (await leader.GetAsync(page)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("残疾证.pdf", html);
        Assert.DoesNotContain("data-testid=\"attachment-upload\"", html);
        Assert.DoesNotContain("删除原因", html);
        var forbidden = await leader.PostFileAsync(page, "/Attachments?handler=Upload", Pdf, "x.pdf",
            new Dictionary<string, string> { ["ownerType"] = "household", ["ownerId"] = household });
        Assert.StartsWith("/Account/AccessDenied", forbidden.Headers.Location!.AbsolutePath);
        Assert.Equal(2, (await township.ListAsync("household", household)).Count);
    }
}

public sealed class SqliteAttachmentPageTests(SqliteAttachmentApp app) : AttachmentPageTests<SqliteAttachmentApp>(app);

public sealed class PostgresAttachmentPageTests(PostgresAttachmentApp app) : AttachmentPageTests<PostgresAttachmentApp>(app);
