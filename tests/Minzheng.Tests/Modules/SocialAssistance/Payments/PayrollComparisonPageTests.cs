using System.Net;
using System.Text;
using MiniExcelLibs;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Privacy;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.ComparisonFixtures;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>与原系统比对 as the county reads it: the page from the payroll, the export of every difference, masked, and each view audited.</summary>
public abstract class PayrollComparisonPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_ShowsTheFiguresAndDifferences_InChinese_Masked_AndExportsThemAll_EachViewAudited()
    {
        var village = await VillageAsync(app);
        var p = await CaseloadAsync(app, village, "农村低保", 300m, 400m);
        var id = await PayrollAsync(app, "rural-dibao", village, "2026-01", approve: false);
        using var county = await app.ClientAsAsync("county");
        var paid = await PaidAsync(county, id);
        var stranger = SqliteRegistryApiTests.NewAdultIdNumber();
        var csv = Encoding.UTF8.GetBytes(Csv(
            new OldRow(p[0].IdNumber, p[0].Name, "农村低保", Money(paid[p[0].EnrollmentId] + 20m), "2", village),
            new OldRow(stranger, "外来户", "农村低保", "250", "1")));
        var ids = new[] { p[0].IdNumber, p[1].IdNumber, stranger };

        using var web = new WebSession(app);
        await web.LoginAsync("county", DemoSeeder.Password);
        var detail = await (await web.GetAsync($"/Payments/Detail?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"href=\"/Payments/Comparison?id={id}\"", detail);
        var picker = await (await web.GetAsync("/Payments/Comparison")).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"value=\"{id}\"", picker);

        var page = await web.PostFileAsync($"/Payments/Comparison?id={id}", $"/Payments/Comparison?id={id}", csv, "原系统名单.csv");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        foreach (var text in new[] { "共发现 <strong>3</strong> 处差异", "原系统有、本系统名册无", "本系统名册有、原系统无", "金额不一致", "甘露镇", "外来户", p[1].Name,
                     Mask.IdNumber(stranger), Mask.IdNumber(p[1].IdNumber), "-20.00", "+" + Money(paid[p[1].EnrollmentId]) })
        {
            Assert.Contains(text, html);
        }

        Assert.All(ids, x => Assert.DoesNotContain(x, html));
        Assert.DoesNotContain(village, html);
        Assert.DoesNotContain("rural-dibao", html);

        var export = await web.PostFileAsync($"/Payments/Comparison?id={id}", $"/Payments/Comparison?id={id}&handler=Export", csv, "原系统名单.csv");
        Assert.Equal(Minzheng.Platform.Web.SpreadsheetFile.XlsxType, export.Content.Headers.ContentType?.MediaType);
        var fromPage = await export.Content.ReadAsByteArrayAsync(Ct);
        var fromApi = await (await CompareAsync(county, id, csv, "old.csv", "comparison.xlsx")).Content.ReadAsByteArrayAsync(Ct);
        foreach (var workbook in new[] { fromPage, fromApi })
        {
            var rows = MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: "差异清单").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(["原系统有、本系统名册无", "本系统名册有、原系统无", "金额不一致"], rows.Select(r => r["差异类型"]?.ToString()));
            Assert.Equal([Mask.IdNumber(stranger), Mask.IdNumber(p[1].IdNumber), Mask.IdNumber(p[0].IdNumber)], rows.Select(r => r["身份证号"]?.ToString()));
            Assert.Equal(-20m, Convert.ToDecimal(rows[2]["差额（元）"], System.Globalization.CultureInfo.InvariantCulture));
            var text = string.Join("|", MiniExcel.GetSheetNames(new MemoryStream(workbook))
                .SelectMany(s => MiniExcel.Query(new MemoryStream(workbook), sheetName: s).Cast<IDictionary<string, object?>>()).SelectMany(r => r.Values).Select(v => v?.ToString()));
            Assert.All(ids, x => Assert.DoesNotContain(x, text));
            Assert.Contains("甘露镇", text);
        }

        using var auditor = await app.ClientAsAsync("auditor");
        var viewed = (await (await auditor.GetAsync("/api/v1/audit?action=data.viewed&entity=PayrollComparison&pageSize=200", Ct)).JsonAsync()).EnumerateArray()
            .Where(e => e.GetProperty("entityId").GetString() == id).ToList();
        var exported = (await (await auditor.GetAsync("/api/v1/audit?action=data.exported&entity=PayrollComparison&pageSize=200", Ct)).JsonAsync()).EnumerateArray()
            .Where(e => e.GetProperty("entityId").GetString() == id).ToList();
        Assert.Single(viewed);
        Assert.Equal(2, exported.Count);
        Assert.All(viewed.Concat(exported), e => Assert.Equal("county", e.GetProperty("userName").GetString()));
    }
}

public sealed class SqlitePayrollComparisonPageTests(SqliteApp app) : PayrollComparisonPageTests<SqliteApp>(app);

public sealed class PostgresPayrollComparisonPageTests(PostgresApp app) : PayrollComparisonPageTests<PostgresApp>(app);
