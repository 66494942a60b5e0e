using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Platform.Demo;
using static Minzheng.Tests.Modules.SocialAssistance.Reports.ReportFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Reports;

/// <summary>The drafted work summary, the xlsx and docx exports, and the statistics pages.</summary>
public abstract class WorkSummaryTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Draft_ForAFixtureVillage_MatchesTheExpectedParagraph_AndNamesItsSources()
    {
        var (village, ids) = await HalfYearVillageAsync(app);
        await OneOffCaseAsync(app, ids[0], "temporary", new DateOnly(2026, 3, 10), 3, 2000m, fromReserve: 1500m);
        using var county = await app.ClientAsAsync("county");
        var draft = await (await county.GetAsync($"/api/v1/reports/work-summary?region={village}&from=2026-01-01&to=2026-06-30", Ct)).JsonAsync();

        Assert.Equal($"统计测试村{village[^3..]}2026年上半年民政工作总结（初稿）", draft.GetProperty("title").GetString());
        var section = Assert.Single(draft.GetProperty("sections").EnumerateArray()); // no payrolls or findings in this village
        Assert.Equal("一、社会救助", section.GetProperty("heading").GetString());
        var sentences = section.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(
            [
                "截至6月底，农村低保共4户8人，月发放1650元。",
                "2026年上半年，新增农村低保3户4人；停保农村低保2户3人，其中因家庭收入超过保障标准停保1户2人、因保障对象死亡停保1户1人。",
                "临时救助困难群众3人次，发放金额2000元，其中通过备用金救助3人1500元。",
            ], sentences.Select(s => s.GetProperty("text").GetString()));
        var source = sentences[0].GetProperty("source").GetString()!;
        Assert.Equal($"/api/v1/reports/assistance-summary?region={village}&from=2026-01-01&to=2026-06-30", source);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync(source, Ct)).StatusCode);
        Assert.StartsWith(draft.GetProperty("title").GetString() + "\n一、社会救助\n截至6月底", draft.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Draft_WithPaymentsInThePeriod_HasAPaymentSection()
    {
        var village = await VillageAsync(app);
        var payees = await Payments.PaymentFixtures.CaseloadAsync(app, village, "农村低保", 500m, 700m);
        await Payments.PaymentFixtures.PayrollAsync(app, "rural-dibao", village, "2026-02");
        using var county = await app.ClientAsAsync("county");
        var draft = await (await county.GetAsync($"/api/v1/reports/work-summary?region={village}&from=2026-01-01&to=2026-06-30", Ct)).JsonAsync();
        var payments = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString() == "二、救助资金发放");
        Assert.Equal("2026年上半年，经审核发放各类救助资金1200元，其中待银行回盘1200元。",
            payments.GetProperty("sentences")[0].GetProperty("text").GetString());
        Assert.Equal(2, payees.Count);
    }

    [Fact]
    public async Task SummaryXlsx_HasChineseHeadings_TheRegionTotal_AndEachVillage()
    {
        var (village, _) = await HalfYearVillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        var response = await county.GetAsync($"/api/v1/reports/assistance-summary.xlsx?region=360482100000&from=2026-01-01&to=2026-06-30", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true, sheetName: "救助统计").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains("期末在保户数", rows[0].Keys);
        Assert.Equal("甘露镇（合计）", rows[0]["区划名称"]);
        var mine = rows.Single(r => (string?)r["区划代码"] == village && (string?)r["项目"] == "农村低保");
        Assert.Equal(4, Convert.ToInt32(mine["期末在保户数"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1650m, Convert.ToDecimal(mine["月保障金额（元）"], System.Globalization.CultureInfo.InvariantCulture));
        stream.Position = 0;
        var reasons = stream.Query(useHeaderRow: true, sheetName: "停保原因").Cast<IDictionary<string, object?>>()
            .Where(r => (string?)r["区划代码"] == village).Select(r => (string?)r["停保原因"]).ToList();
        Assert.Equal(["家庭收入超过保障标准", "保障对象死亡"], reasons);
    }

    [Fact]
    public async Task Docx_HoldsTheEditedText_AndBadInputIs400()
    {
        using var county = await app.ClientAsAsync("county");
        var text = "共青城市2026年上半年民政工作总结\n一、社会救助\n截至6月底，城市低保共200户296人，月发放14.129万元。\n\n二、下半年工作打算\n继续做好兜底保障。";
        var response = await county.PostAsJsonAsync("/api/v1/reports/work-summary.docx", new { title = "共青城市2026年上半年民政工作总结", text }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["共青城市2026年上半年民政工作总结", "一、社会救助", "截至6月底，城市低保共200户296人，月发放14.129万元。", "二、下半年工作打算", "继续做好兜底保障。"], paragraphs);

        var empty = await county.PostAsJsonAsync("/api/v1/reports/work-summary.docx", new { title = "", text = new string('字', 50_001) }, Ct);
        var problem = await empty.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Dashboard_ShowsThisYearsFigures_TwelveMonthTrend_AndTheTownshipsCompared()
    {
        var village = await VillageAsync(app);
        await EnrolAsync(app, village, new Enrolment("城市低保", 2, 2, 600m, "2026-01"));
        using var county = await app.ClientAsAsync("county");
        var dashboard = await (await county.GetAsync("/api/v1/reports/dashboard?region=360482100000", Ct)).JsonAsync();
        var months = dashboard.GetProperty("months").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(12, months.Count);
        var urban = dashboard.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("program").GetString() == "urban-dibao");
        var households = urban.GetProperty("households").EnumerateArray().Select(h => h.GetInt32()).ToList();
        var stockNow = Program(dashboard.GetProperty("summary"), "urban-dibao").GetProperty("households").GetInt32();
        Assert.Equal(stockNow, households[^1]); // the trend ends at the summary's stock
        var january = months.IndexOf("2026-01");
        Assert.True(january < 0 || households[january] >= 1);
        Assert.Contains(dashboard.GetProperty("regions").EnumerateArray(), r => r.GetProperty("regionCode").GetString() == village && r.GetProperty("households").GetInt32() == 1);
    }

    [Fact]
    public async Task Pages_RenderForTheCounty_AndRefuseAnotherTownship()
    {
        var (village, _) = await HalfYearVillageAsync(app);
        using var county = new WebSession(app);
        await county.LoginAsync("county", DemoSeeder.Password);
        var statistics = await (await county.GetAsync($"/Reports?region={village}&from=2026-01-01&to=2026-06-30")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"summary-table\"", statistics);
        Assert.Contains("1,650.00", statistics);
        var summary = await (await county.GetAsync($"/Reports/Summary?region={village}&from=2026-01-01&to=2026-06-30")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("截至6月底，农村低保共4户8人，月发放1650元。", summary);
        var dashboard = await (await county.GetAsync("/Reports/Dashboard")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"dashboard-data\"", dashboard);
        Assert.Contains("/lib/echarts/echarts.min.js", dashboard);

        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482200000");
        using var other = new WebSession(app);
        await other.LoginAsync(user, password);
        var refused = await (await other.GetAsync($"/Reports?region={village}&from=2026-01-01&to=2026-06-30")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("不在您的管辖范围内", refused);
        Assert.DoesNotContain("1,650.00", refused);
    }
}

public sealed class SqliteWorkSummaryTests(SqliteApp app) : WorkSummaryTests<SqliteApp>(app);

public sealed class PostgresWorkSummaryTests(PostgresApp app) : WorkSummaryTests<PostgresApp>(app);
