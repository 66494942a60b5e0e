using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Platform.Attachments;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>年检 over HTTP on both databases: who is due, reports, reviews, the year's figures, and refusals that write nothing.</summary>
public abstract class SocialOrgInspectionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const int Year = 2019;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RegisterAsync(HttpClient client, string establishedOn) =>
        (await (await client.PostAsJsonAsync("/api/v1/social-organizations", SocialOrgBuilder.Body(establishedOn: establishedOn), Ct)).JsonAsync(HttpStatusCode.Created))
        .GetProperty("id").GetString()!;

    private static async Task<JsonElement> SummaryAsync(HttpClient client) =>
        await (await client.GetAsync($"/api/v1/social-organizations/inspections/{Year}?region=360482", Ct)).JsonAsync();

    private static string Url(string id, string step) => $"/api/v1/social-organizations/inspections/{Year}/entries/{id}/{step}";

    private static object Report(string on = "2020-03-15") => new
    {
        submittedOn = on,
        income = 120_000.50m,
        expenditure = 98_000m,
        netAssets = -5_000m,
        staff = 3,
        activities = "召开会员大会一次，开展行业培训两次。",
    };

    [Fact]
    public async Task AYearsInspection_NotifiesThoseDue_ReceivesReports_ReviewsThem_AndCountsEachState()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var (a, b, c, d) = (await RegisterAsync(client, "2018-05-01"), await RegisterAsync(client, "2019-06-30"), await RegisterAsync(client, "2019-03-01"),
            await RegisterAsync(client, "2017-01-01"));
        var late = await RegisterAsync(client, "2019-07-01");
        var ended = await RegisterAsync(client, "2016-01-01");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/social-organizations/{ended}/deregister",
            new { date = "2019-12-01", reason = "解散" }, Ct)).StatusCode);

        var opened = await (await client.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = Year, openedOn = "2020-01-10" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2020-05-31", opened.GetProperty("reportBy").GetString());
        await (await client.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = Year, openedOn = "2020-01-11" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var notified = (await SummaryAsync(client)).GetProperty("notified").GetInt32();
        Assert.Equal(opened.GetProperty("notified").GetInt32(), notified);

        // Registered after 30 June, or deregistered: not due, and its report is refused.
        var notDue = await (await client.PostAsJsonAsync(Url(late, "report"), Report(), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不在2019年度年检名单内", notDue.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync(Url(ended, "report"), Report(), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await (await client.PostAsJsonAsync(Url(a, "review"), new { reviewedOn = "2020-04-01", result = "qualified" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync(Url(a, "report"), new { submittedOn = "2020-03-15", income = -1m, expenditure = 1m, netAssets = 1m, staff = 1, activities = "x" }, Ct))
            .AssertFieldErrorAsync("income");
        await (await client.PostAsJsonAsync(Url(a, "report"), new { submittedOn = "2019-12-31", income = 1m, expenditure = 1m, netAssets = 1m, staff = 1, activities = "x" }, Ct))
            .AssertFieldErrorAsync("submittedOn");
        foreach (var id in new[] { a, b, c })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(Url(id, "report"), Report(), Ct)).StatusCode);
        }

        await (await client.PostAsJsonAsync(Url(a, "report"), Report(), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync(Url(a, "review"), new { reviewedOn = "2020-04-01", result = "rectify", reason = "财务制度不健全" }, Ct)).AssertFieldErrorAsync("rectifyBy");
        await (await client.PostAsJsonAsync(Url(a, "review"), new { reviewedOn = "2020-04-01", result = "unqualified" }, Ct)).AssertFieldErrorAsync("reason");
        await (await client.PostAsJsonAsync(Url(a, "review"), new { reviewedOn = "2020-04-01", result = "excellent" }, Ct)).AssertFieldErrorAsync("result");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(Url(a, "review"),
            new { reviewedOn = "2020-04-01", result = "rectify", reason = "财务制度不健全", rectifyBy = "2020-06-30" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(Url(b, "review"), new { reviewedOn = "2020-04-02", result = "basically-qualified", reason = "档案不全" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(Url(c, "review"), new { reviewedOn = "2020-04-02", result = "unqualified", reason = "未开展活动" }, Ct)).StatusCode);
        await (await client.PostAsJsonAsync(Url(c, "review"), new { reviewedOn = "2020-04-03", result = "qualified" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        using var leader = await app.ClientAsAsync("leader");
        var summary = await SummaryAsync(leader);
        Assert.Equal(notified, summary.GetProperty("notified").GetInt32());
        Assert.Equal(3, summary.GetProperty("submitted").GetInt32());
        Assert.Equal(1, summary.GetProperty("passed").GetInt32());
        Assert.Equal(1, summary.GetProperty("rectifying").GetInt32());
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());

        var rectifying = await (await client.GetAsync($"/api/v1/social-organizations/inspections/{Year}/entries?status=rectifying", Ct)).JsonAsync();
        var row = Assert.Single(rectifying.EnumerateArray());
        Assert.Equal(a, row.GetProperty("organizationId").GetString());
        Assert.Equal("2020-06-30", row.GetProperty("rectifyBy").GetString());
        Assert.True(row.GetProperty("overdue").GetBoolean());
        var entries = await (await client.GetAsync($"/api/v1/social-organizations/inspections/{Year}/entries?pageSize=500", Ct)).JsonAsync();
        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("organizationId").GetString() == d && e.GetProperty("status").GetString() == "notified");
        var detail = await (await client.GetAsync($"/api/v1/social-organizations/{a}", Ct)).JsonAsync();
        Assert.Equal("限期整改", detail.GetProperty("inspections")[0].GetProperty("statusName").GetString());

        // The registrar follows 整改 deadlines on the inspection board; the shared work list of county staff, who cannot
        // open an organisation, does not send them there.
        using var county = await app.ClientAsAsync("county");
        Assert.DoesNotContain("/Organizations/Detail", await county.GetStringAsync("/api/v1/deadlines?take=1000", Ct));
    }

    [Fact]
    public async Task Open_BadYearOrDates_Is400_AndOtherRolesAreForbidden()
    {
        using var client = await app.ClientAsAsync("socialorg");
        await (await client.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = 1999 }, Ct)).AssertFieldErrorAsync("year");
        await (await client.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = 2099 }, Ct)).AssertFieldErrorAsync("year");
        await (await client.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = 2018, openedOn = "2019-03-01", reportBy = "2019-01-01" }, Ct))
            .AssertFieldErrorAsync("reportBy");
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = 2018 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/api/v1/social-organizations/inspections/{Year}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AnnualReportFiles_AreAttachedToTheYearsEntry_ForTheRegistrarOnly()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var org = await RegisterAsync(client, "2016-01-01");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = 2017, openedOn = "2018-01-10" }, Ct)).StatusCode);
        var entries = await (await client.GetAsync("/api/v1/social-organizations/inspections/2017/entries?pageSize=500", Ct)).JsonAsync();
        var entry = entries.EnumerateArray().Single(e => e.GetProperty("organizationId").GetString() == org).GetProperty("entryId").GetString()!;
        await client.UploadedAsync("social-organization-inspection", entry, AttachmentFixtures.Pdf, "2017年度财务报表.pdf");
        Assert.Single(await client.ListAsync("social-organization-inspection", entry));
        using var county = await app.ClientAsAsync("county");
        await (await county.GetAsync($"/api/v1/attachments/social-organization-inspection/{entry}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.UploadAsync("social-organization-inspection", Guid.NewGuid().ToString(), AttachmentFixtures.Pdf, "x.pdf")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InspectionPage_OffersTheUploadControl_ForTheSelectedEntry_AndListsItsFiles()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var org = await RegisterAsync(client, "2015-01-01");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = 2016, openedOn = "2017-01-10" }, Ct)).StatusCode);
        var entries = await (await client.GetAsync("/api/v1/social-organizations/inspections/2016/entries?pageSize=500", Ct)).JsonAsync();
        var entry = entries.EnumerateArray().Single(e => e.GetProperty("organizationId").GetString() == org).GetProperty("entryId").GetString()!;

        // Without a selected organisation there is no upload form; with one, the form posts to that entry.
        Assert.DoesNotContain("attachment-upload", await client.GetStringAsync("/Organizations/Inspections?year=2016", Ct));
        var page = await client.GetStringAsync($"/Organizations/Inspections?year=2016&act={org}", Ct);
        Assert.Contains("data-testid=\"attachment-upload\"", page);
        Assert.Contains("value=\"social-organization-inspection\"", page);
        Assert.Contains($"value=\"{entry}\"", page);
        Assert.Contains("暂无附件", page);

        await client.UploadedAsync("social-organization-inspection", entry, AttachmentFixtures.Pdf, "2016年度审计报告.pdf");
        page = await client.GetStringAsync($"/Organizations/Inspections?year=2016&act={org}", Ct);
        Assert.Contains("2016年度审计报告.pdf", page);
        Assert.DoesNotContain("暂无附件", page);
    }
}

public sealed class SqliteSocialOrgInspectionTests(SqliteApp app) : SocialOrgInspectionTests<SqliteApp>(app);

public sealed class PostgresSocialOrgInspectionTests(PostgresApp app) : SocialOrgInspectionTests<PostgresApp>(app);
