using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using static Minzheng.Tests.Platform.Attachments.AttachmentFixtures;

namespace Minzheng.Tests.Platform.Attachments;

/// <summary>Files on records over HTTP: sealed at rest, region and permission of the owning record, type by content, limits, removal with a reason.</summary>
public abstract class AttachmentApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_List_Download_RoundTrip_SealedAtRest_AndTheViewIsAudited()
    {
        using var township = await app.ClientAsAsync("township");
        var caseId = await CaseAsync(township, await HouseholdAsync(township));

        var created = await (await township.UploadAsync("case", caseId, Pdf, "..\\申请材料/入户\u202Egpj调查.pdf", "申请人签字的核对授权书"))
            .JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("入户gpj调查.pdf", created.GetProperty("fileName").GetString()); // no path, no direction override
        Assert.Equal("application/pdf", created.GetProperty("contentType").GetString());
        Assert.Equal(Pdf.Length, created.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), created.GetProperty("sha256").GetString());

        var listed = Assert.Single(await township.ListAsync("case", caseId));
        Assert.Equal((id, "入户gpj调查.pdf", "申请人签字的核对授权书", "township"),
            (listed.GetProperty("id").GetString(), listed.GetProperty("fileName").GetString(), listed.GetProperty("note").GetString(), listed.GetProperty("uploadedBy").GetString()));
        Assert.False(listed.TryGetProperty("content", out _));

        var download = await township.GetAsync($"/api/v1/attachments/{id}/content", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("入户gpj调查.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // In the database the file is sealed: not the plaintext, not containing it, and opened only with the key and purpose.
        var stored = await app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().Attachments.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(id), Ct));
        Assert.NotEqual(Pdf, stored.Content);
        Assert.True(stored.Content.AsSpan().IndexOf(Pdf.AsSpan(0, 16)) < 0);
        Assert.Equal(Pdf, app.Service(sp => sp.GetRequiredService<PersonalDataProtector>().DecryptBytes(stored.Content, DataPurpose.Attachment)));
        Assert.Equal((Village, "case"), (stored.RegionCode, stored.OwnerType)); // the case's region, so the region filter applies

        var viewed = Assert.Single(await AuditAsync(app, "attachment.viewed", id));
        Assert.DoesNotContain("入户", viewed.GetProperty("details").GetString() ?? ""); // the file name is sealed
    }

    [Fact]
    public async Task AnotherTownship_GetsNotFound_ForListDownloadUploadAndDelete()
    {
        using var township = await app.ClientAsAsync("township");
        var household = await HouseholdAsync(township);
        var id = await township.UploadedAsync("household", household, Png, "户口簿.png");

        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482101000"); // 江益镇
        using var outsider = await app.ClientAsAsync(user, password);
        await (await outsider.GetAsync($"/api/v1/attachments/household/{household}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.GetAsync($"/api/v1/attachments/{id}/content", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.UploadAsync("household", household, Pdf, "x.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsJsonAsync($"/api/v1/attachments/{id}/delete", new { reason = "误传" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await township.ListAsync("household", household));
    }

    [Fact]
    public async Task TipOffAttachments_AreHiddenFromTheVillageAssistant_WhoStillSeesTheHouseholdsOfTheVillage()
    {
        using var township = await app.ClientAsAsync("township");
        var tipOff = await TipOffAsync(township);
        var letter = await township.UploadedAsync("tip-off", tipOff, Pdf, "举报信.pdf");
        var household = await HouseholdAsync(township);
        var page = await township.UploadedAsync("household", household, Png, "户口簿.png");

        using var village = await app.ClientAsAsync("village");
        await (await village.GetAsync($"/api/v1/attachments/tip-off/{tipOff}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await village.GetAsync($"/api/v1/attachments/{letter}/content", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await village.UploadAsync("tip-off", tipOff, Pdf, "补充.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await village.PostAsJsonAsync($"/api/v1/attachments/{letter}/delete", new { reason = "删除举报材料" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(Png, await village.GetByteArrayAsync($"/api/v1/attachments/{page}/content", Ct));
        Assert.Equal(Pdf, await township.GetByteArrayAsync($"/api/v1/attachments/{letter}/content", Ct));
    }

    [Fact]
    public async Task Files_AreRecognisedByTheirBytes_AndTheLimitsAnswerInChinese()
    {
        using var township = await app.ClientAsAsync("township");
        var household = await HouseholdAsync(township);

        var html = await (await township.UploadAsync("household", household, Html, "扫描件.pdf")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("PDF、JPEG、PNG", html.GetProperty("detail").GetString());
        await (await township.UploadAsync("household", household, Exe, "scan.pdf")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await township.UploadAsync("household", household, Zip("word/document.xml"), "材料.ofd")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await township.UploadAsync("household", household, [], "空.pdf")).AssertFieldErrorAsync("file");

        var big = new byte[(1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);
        var tooBig = await township.UploadAsync("household", household, big, "大文件.pdf");
        Assert.Contains("不能超过1MB", await tooBig.AssertFieldErrorAsync("file"));

        await (await township.UploadAsync("grave", household, Pdf, "x.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await township.UploadAsync("household", Guid.NewGuid().ToString(), Pdf, "x.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await township.GetAsync($"/api/v1/attachments/grave/{household}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        // A program renamed as a PDF is refused; a PDF named like a program is kept as a PDF, with the extension of what it is.
        var ofd = await (await township.UploadAsync("household", household, Zip("OFD.xml", "Doc_0/Document.xml"), "证明.ofd")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("证明.ofd", "application/ofd"), (ofd.GetProperty("fileName").GetString(), ofd.GetProperty("contentType").GetString()));
        var renamed = await (await township.UploadAsync("household", household, Pdf, "setup.exe")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("setup.exe.pdf", renamed.GetProperty("fileName").GetString());
        await township.UploadedAsync("household", household, Png, "照片.PNG");

        var full = await (await township.UploadAsync("household", household, Pdf, "第四个.pdf")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("上限3个", full.GetProperty("detail").GetString());
        Assert.Equal(3, (await township.ListAsync("household", household)).Count);
    }

    [Fact]
    public async Task Delete_NeedsAReason_ThenTheFileIsNeitherListedNorServed_ButKept_AndTheRemovalIsAudited()
    {
        using var township = await app.ClientAsAsync("township");
        var caseId = await CaseAsync(township, await HouseholdAsync(township));
        var id = await township.UploadedAsync("case", caseId, Pdf, "公示照片.pdf");

        await (await township.PostAsJsonAsync($"/api/v1/attachments/{id}/delete", new { reason = " " }, Ct)).AssertFieldErrorAsync("reason");
        await (await township.PostAsync($"/api/v1/attachments/{id}/delete", JsonContent.Create(new { }), Ct)).AssertFieldErrorAsync("reason");
        Assert.Single(await township.ListAsync("case", caseId));

        Assert.Equal(HttpStatusCode.NoContent, (await township.PostAsJsonAsync($"/api/v1/attachments/{id}/delete", new { reason = "上传错了案件" }, Ct)).StatusCode);
        Assert.Empty(await township.ListAsync("case", caseId));
        await (await township.GetAsync($"/api/v1/attachments/{id}/content", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await township.PostAsJsonAsync($"/api/v1/attachments/{id}/delete", new { reason = "再删一次" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        var kept = await app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().Attachments.AsNoTracking().SingleAsync(a => a.Id == Guid.Parse(id), Ct));
        Assert.Equal(("上传错了案件", "township"), (kept.DeleteReason, kept.DeletedBy));
        Assert.NotNull(kept.DeletedAt);
        Assert.NotEmpty(kept.Content);

        var deleted = Assert.Single(await AuditAsync(app, "attachment.deleted", id));
        Assert.DoesNotContain("上传错了案件", deleted.GetProperty("details").GetString() ?? ""); // the reason is sealed with the business values
        Assert.Empty(await AuditAsync(app, "attachment.viewed", id));
    }
}

public sealed class SqliteAttachmentApiTests(SqliteAttachmentApp app) : AttachmentApiTests<SqliteAttachmentApp>(app);

public sealed class PostgresAttachmentApiTests(PostgresAttachmentApp app) : AttachmentApiTests<PostgresAttachmentApp>(app);
