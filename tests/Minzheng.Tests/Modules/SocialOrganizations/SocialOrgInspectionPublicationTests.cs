using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>
/// 年检结果公告 on both databases: published once and only when every received report is reviewed and the report
/// deadline has passed; anyone then reads the year's final results — four public fields, nothing personal.
/// </summary>
public abstract class SocialOrgInspectionPublicationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const int Year = 2013;
    private const string Publication = "/api/v1/social-organizations/inspections/2013/publication";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(string id, string step) => $"/api/v1/social-organizations/inspections/{Year}/entries/{id}/{step}";

    private static async Task<(string Id, string Name)> RegisterAsync(HttpClient client)
    {
        var body = SocialOrgBuilder.Body(name: SocialOrgBuilder.UniqueName("年检公告协会"), establishedOn: "2012-03-01");
        var created = await (await client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)).JsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, (string)body["name"]!);
    }

    private static async Task<JsonElement> PublicResultsAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/public/social-organizations/inspection-results?{query}", Ct)).JsonAsync();

    [Fact]
    public async Task Results_ArePublishedOnce_AfterEveryReportIsReviewed_AndAnyoneReadsTheFinalResults()
    {
        using var staff = await app.ClientAsAsync("socialorg");
        using var citizen = app.CreateClient();
        Assert.DoesNotContain(Year, (await PublicResultsAsync(citizen, $"year={Year}")).GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        await (await staff.PostAsJsonAsync(Publication, new { }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        var (a, b, c, d, absent) = (await RegisterAsync(staff), await RegisterAsync(staff), await RegisterAsync(staff), await RegisterAsync(staff), await RegisterAsync(staff));
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = Year, openedOn = "2014-01-10" }, Ct)).StatusCode);
        var early = await (await staff.PostAsJsonAsync(Publication, new { publishedOn = "2014-03-01" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("报送截止日期（2014-05-31）前尚有", early.GetProperty("detail").GetString());

        var report = new { submittedOn = "2014-03-15", income = 1_000m, expenditure = 800m, netAssets = 200m, staff = 1, activities = "开展会员活动两次。" };
        foreach (var (id, _) in new[] { a, b, c, d })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync(Url(id, "report"), report, Ct)).StatusCode);
        }

        var unreviewed = await (await staff.PostAsJsonAsync(Publication, new { }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("尚有4家", unreviewed.GetProperty("detail").GetString());
        foreach (var (id, review) in new (string, object)[]
        {
            (a.Id, new { reviewedOn = "2014-06-10", result = "qualified" }),
            (b.Id, new { reviewedOn = "2014-06-10", result = "basically-qualified", reason = "档案不全" }),
            (c.Id, new { reviewedOn = "2014-06-10", result = "rectify", reason = "财务制度不健全", rectifyBy = "2014-08-31" }),
            (d.Id, new { reviewedOn = "2014-06-10", result = "unqualified", reason = "未开展活动" }),
        })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync(Url(id, "review"), review, Ct)).StatusCode);
        }

        await (await staff.PostAsJsonAsync(Publication, new { publishedOn = "2014-01-01" }, Ct)).AssertFieldErrorAsync("publishedOn");
        await (await staff.PostAsJsonAsync(Publication, new { publishedOn = "2099-01-01" }, Ct)).AssertFieldErrorAsync("publishedOn");
        Assert.DoesNotContain(Year, (await PublicResultsAsync(citizen, "")).GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));

        // Two registrars press "publish" at once: one publication, the other is told it is done.
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => staff.PostAsJsonAsync(Publication, new { publishedOn = "2014-07-01" }, Ct)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order().ToArray());
        var again = await (await staff.PostAsJsonAsync(Publication, new { }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已于2014-07-01公告", again.GetProperty("detail").GetString());
        Assert.Equal("2014-07-01", (await (await staff.GetAsync($"/api/v1/social-organizations/inspections/{Year}", Ct)).JsonAsync()).GetProperty("publishedOn").GetString());

        var published = await PublicResultsAsync(citizen, $"year={Year}");
        Assert.Equal(["years", "year", "authorities", "authority", "results"], published.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("360482", published.GetProperty("authority").GetProperty("code").GetString());
        Assert.Equal("2014-07-01", published.GetProperty("authority").GetProperty("publishedOn").GetString());
        var results = published.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Equal(["name", "creditCode", "type", "result"], r.EnumerateObject().Select(p => p.Name).ToArray()));
        // The class's other test may have registered an organisation due this year too: only this test's five are compared.
        string[] names = [a.Name, b.Name, c.Name, d.Name, absent.Name];
        var ours = results.Where(r => names.Contains(r.GetProperty("name").GetString()))
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("result").GetString());
        Assert.Equal(new Dictionary<string, string?> { [a.Name] = "合格", [b.Name] = "基本合格", [d.Name] = "不合格", [absent.Name] = "未参加年检" }, ours);
        Assert.DoesNotContain("王建华", published.GetRawText()); // the legal representative is on the look-up, not on the notice

        await (await citizen.GetAsync("/api/v1/public/social-organizations/inspection-results?authority=36x482", Ct)).AssertFieldErrorAsync("authority");
        var elsewhere = await PublicResultsAsync(citizen, $"year={Year}&authority=110101");
        Assert.Equal(JsonValueKind.Null, elsewhere.GetProperty("authority").ValueKind);
        Assert.Empty(elsewhere.GetProperty("results").EnumerateArray());

        var page = await citizen.GetStringAsync($"/Organizations/InspectionResults?year={Year}", Ct);
        Assert.Contains("关于2013年度社会组织年检结果的公告", page);
        Assert.Contains(a.Name, page);
        Assert.DoesNotContain(c.Name, page); // still rectifying: no final result yet
        Assert.Contains("已于 2014-07-01 公告", await staff.GetStringAsync($"/Organizations/Inspections?year={Year}", Ct));
    }

    [Fact]
    public async Task APublicationByTheRegistrarPage_IsRefusedInChinese_WhileReportsAwaitReview()
    {
        using var web = new WebSession(app);
        await web.LoginAsync("socialorg", Minzheng.Platform.Demo.DemoSeeder.Password);
        using var staff = await app.ClientAsAsync("socialorg");
        var org = await RegisterAsync(staff);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync("/api/v1/social-organizations/inspections", new { year = 2012, openedOn = "2013-01-10", reportBy = "2013-05-31" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/v1/social-organizations/inspections/2012/entries/{org.Id}/report",
            new { submittedOn = "2013-03-15", income = 1m, expenditure = 1m, netAssets = 1m, staff = 1, activities = "无" }, Ct)).StatusCode);

        // No date posted: today's.
        const string Page = "/Organizations/Inspections?year=2012";
        var refused = await (await web.PostFormAsync(Page, new Dictionary<string, string>(), Page + "&handler=Publish")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("未审查，全部审查后才能公告", refused);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsJsonAsync($"/api/v1/social-organizations/inspections/2012/entries/{org.Id}/review",
            new { reviewedOn = "2013-06-10", result = "qualified" }, Ct)).StatusCode);
        var done = await web.PostFormAsync(Page, new Dictionary<string, string>(), Page + "&handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("done=published", done.Headers.Location!.ToString());
        Assert.Contains("data-testid=\"inspection-published\"", await (await web.GetAsync(done.Headers.Location.ToString())).Content.ReadAsStringAsync(Ct));
    }
}

public sealed class SqliteSocialOrgInspectionPublicationTests(SqliteApp app) : SocialOrgInspectionPublicationTests<SqliteApp>(app);

public sealed class PostgresSocialOrgInspectionPublicationTests(PostgresApp app) : SocialOrgInspectionPublicationTests<PostgresApp>(app);
