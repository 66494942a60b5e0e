using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.Marriage;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>The reissue and record pages as a registrar and the registry's head use them: Chinese only, masked, forms that work.</summary>
public sealed class MarriageAmendmentPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registrar_FindsACoupleByIdNumber_AndReissuesTheMarriageCertificate_ThenThePrintablePageShowsIt()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1985), MarriageIds.Woman(1986));
        var marriage = await MarriageReissueApiTests<SqliteApp>.MarryAsync(client, "2015-09-09", man, woman);
        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);

        var found = await web.PostFormAsync("/Marriages/Reissue", new Dictionary<string, string> { ["IdNumber"] = man }, "/Marriages/Reissue?handler=Lookup");
        var html = await found.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains(marriage.GetProperty("certificateNumber").GetString()!, html);
        Assert.Contains("补发结婚证", html);
        Assert.DoesNotContain(woman, html);

        var bad = await web.PostFormAsync("/Marriages/Reissue", new Dictionary<string, string>
        {
            ["IdNumber"] = man,
            ["RecordId"] = marriage.GetProperty("id").GetString()!,
            ["Date"] = "2026-05-05",
            ["Reason"] = "",
        }, "/Marriages/Reissue?handler=Reissue");
        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("请填写补领原因", badHtml);
        Assert.DoesNotContain("（reason）", badHtml);

        var done = await web.PostFormAsync("/Marriages/Reissue", new Dictionary<string, string>
        {
            ["IdNumber"] = man,
            ["RecordId"] = marriage.GetProperty("id").GetString()!,
            ["Date"] = "2026-05-05",
            ["Reason"] = "证件遗失",
        }, "/Marriages/Reissue?handler=Reissue");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var certificate = await (await web.GetAsync(done.Headers.Location!.OriginalString)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("结婚证（补发）", certificate);
        Assert.Contains("2015年9月9日", certificate);
        Assert.Contains("2026年5月5日", certificate);
        Assert.Contains("补结字", certificate);
    }

    [Fact]
    public async Task Head_SeesTheRevocationAndCorrectionForms_ARegistrarDoesNot_AndACorrectionShowsOnTheHistory()
    {
        using var client = await app.ClientAsAsync("marriage");
        var id = (await MarriageReissueApiTests<SqliteApp>.MarryAsync(client, "2016-06-16", MarriageIds.Man(1980), MarriageIds.Woman(1982))).GetProperty("id").GetString();
        using var registrar = new WebSession(app);
        await registrar.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        var asRegistrar = await (await registrar.GetAsync($"/Marriages/Detail?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("婚姻存续", asRegistrar);
        Assert.DoesNotContain("correction-form", asRegistrar);

        using var head = new WebSession(app);
        await head.LoginAsync("marriagehead", Minzheng.Platform.Demo.DemoSeeder.Password);
        var page = await (await head.GetAsync($"/Marriages/Detail?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("revocation-form", page);
        Assert.Contains("correction-form", page);
        var corrected = await head.PostFormAsync($"/Marriages/Detail?id={id}",
            new Dictionary<string, string> { ["field"] = "partyAName", ["newValue"] = "王小强", ["reason"] = "姓名录入错误" }, $"/Marriages/Detail?id={id}&handler=Correct");
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var after = await (await head.GetAsync($"/Marriages/Detail?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("王小强", after);
        Assert.Contains("姓名录入错误", after);

        var refused = await head.PostFormAsync($"/Marriages/Detail?id={id}", new Dictionary<string, string>
        {
            ["kind"] = "void",
            ["court"] = "共青城市人民法院",
            ["caseNumber"] = "",
            ["judgmentDate"] = "2026-01-01",
            ["date"] = "2026-01-02",
        }, $"/Marriages/Detail?id={id}&handler=Revoke");
        var refusedHtml = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("请填写判决书案号", refusedHtml);
        Assert.DoesNotContain("（caseNumber）", refusedHtml);

        var denied = await registrar.PostFormAsync($"/Marriages/Detail?id={id}", new Dictionary<string, string>
        {
            ["field"] = "partyAName",
            ["newValue"] = "王大强",
            ["reason"] = "x",
        }, $"/Marriages/Detail?id={id}&handler=Correct");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("王大强", await (await head.GetAsync($"/Marriages/Detail?id={id}")).Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Registrar_UploadsAnOldRegister_SeesRowErrorsInChinese_ThenImportsIt()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        const string Header = "登记种类,登记日期,证件字号,一方姓名,一方身份证号,另一方姓名,另一方身份证号,登记机关区划代码";
        var (man, woman) = (MarriageIds.Man(1960), MarriageIds.Woman(1962));
        var bad = await web.PostFileAsync("/Marriages/Import", "/Marriages/Import?handler=Upload",
            System.Text.Encoding.UTF8.GetBytes($"{Header}\n结婚,1985-01-01,,何平,{man},许娟,{woman},\n"), "old.csv");
        var badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("第2行", badHtml);
        Assert.Contains("证件字号", badHtml);
        Assert.Contains("正确 0 行，有误 1 处", badHtml);
        Assert.DoesNotContain("data-testid=\"import-commit\"", badHtml);

        // Staging writes nothing: the register knows neither party until the registrar confirms.
        var staged = await web.PostFileAsync("/Marriages/Import", "/Marriages/Import?handler=Upload",
            System.Text.Encoding.UTF8.GetBytes($"{Header}\n结婚,1985-01-01,共青城结字第85001号,何平,{man},许娟,{woman},\n"), "old.csv");
        var stagedHtml = await staged.Content.ReadAsStringAsync(Ct);
        Assert.Contains("确认导入 1 行", stagedHtml);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>().MarriageRecords.IgnoreQueryFilters().CountAsync(r => r.CertificateNumber == "共青城结字第85001号", Ct)));
        var commit = System.Text.RegularExpressions.Regex.Match(stagedHtml, "action=\"(/Marriages/Import\\?[^\"]*handler=Commit[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var good = await web.PostFormAsync("/Marriages/Import", new Dictionary<string, string>(), commit);
        Assert.Contains("已补录 1 条登记", await good.Content.ReadAsStringAsync(Ct));
    }
}
