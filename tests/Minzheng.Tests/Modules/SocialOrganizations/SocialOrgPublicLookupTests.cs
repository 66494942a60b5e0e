using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>The anonymous look-up (API and page) on both databases: six fields and nothing else, bounded, hostile queries answered in Chinese.</summary>
public abstract class SocialOrgPublicLookupTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static readonly string[] PublicFields = ["name", "type", "legalRepresentative", "registeredOn", "status", "latestInspection"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Id, Dictionary<string, object?> Body)> RegisterAsync(HttpClient client, Dictionary<string, object?> body) =>
        ((await (await client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!, body);

    private static async Task<JsonElement> LookupAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"/api/v1/public/social-organizations?q={Uri.EscapeDataString(q)}", Ct)).JsonAsync();

    [Fact]
    public async Task Lookup_ByNamePartOrCode_AnswersTheSixPublicFieldsOnly_WithTheLatestConclusion()
    {
        using var staff = await app.ClientAsAsync("socialorg");
        var idNumber = SocialOrgBuilder.IdNumber();
        var (id, body) = await RegisterAsync(staff, SocialOrgBuilder.Body(name: SocialOrgBuilder.UniqueName("公开查询协会"), idNumber: idNumber));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>();
            foreach (var (year, status) in new[] { (2023, InspectionStatus.Qualified), (2024, InspectionStatus.Rectifying), (2025, InspectionStatus.Notified) })
            {
                db.Add(new InspectionEntry { CampaignId = Guid.NewGuid(), OrganizationId = Guid.Parse(id), RegionCode = "360482000000", Year = year, Status = status });
            }

            return await db.SaveChangesAsync(Ct);
        });

        using var citizen = app.CreateClient();
        var name = (string)body["name"]!;
        var byName = await LookupAsync(citizen, name[4..^2]);
        var byCode = await LookupAsync(citizen, ((string)body["creditCode"]!).ToLowerInvariant());
        foreach (var answer in new[] { byName, byCode })
        {
            Assert.Equal(["organizations", "more"], answer.EnumerateObject().Select(p => p.Name).ToArray());
            var found = Assert.Single(answer.GetProperty("organizations").EnumerateArray(), o => o.GetProperty("name").GetString() == name);
            Assert.Equal(PublicFields, found.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal("社会团体", found.GetProperty("type").GetString());
            Assert.Equal("王建华", found.GetProperty("legalRepresentative").GetString());
            Assert.Equal("2024-03-01", found.GetProperty("registeredOn").GetString());
            Assert.Equal("正常", found.GetProperty("status").GetString());
            Assert.Equal("2024年度：限期整改", found.GetProperty("latestInspection").GetString());
            var raw = answer.GetRawText();
            Assert.DoesNotContain(id, raw);
            Assert.DoesNotContain((string)body["creditCode"]!, raw);
            // Neither the number nor its masked form (the last four digits alone may occur in the generated name).
            Assert.DoesNotContain(idNumber, raw);
            Assert.DoesNotContain(idNumber[..6] + "********", raw);
            Assert.DoesNotContain("********" + idNumber[^4..], raw);
            Assert.DoesNotContain("青年大道", raw);
            Assert.DoesNotContain("民社登字", raw);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("会")]
    [InlineData("  会  ")]
    [InlineData("协会\u0000")]
    [InlineData("共青城\u202E协会")]
    [InlineData("协\n会")]
    public async Task Lookup_MissingShortOrControlCharacters_Is400OnQ(string q)
    {
        using var citizen = app.CreateClient();
        var message = await (await citizen.GetAsync($"/api/v1/public/social-organizations?q={Uri.EscapeDataString(q)}", Ct)).AssertFieldErrorAsync("q");
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", message);
    }

    [Fact]
    public async Task Lookup_OverLongOrWithoutQ_Is400_AndWildcardsOrSqlAreJustText()
    {
        using var staff = await app.ClientAsAsync("socialorg");
        await RegisterAsync(staff, SocialOrgBuilder.Body());
        using var citizen = app.CreateClient();
        await (await citizen.GetAsync("/api/v1/public/social-organizations", Ct)).AssertFieldErrorAsync("q");
        await (await citizen.GetAsync($"/api/v1/public/social-organizations?q={new string('会', 101)}", Ct)).AssertFieldErrorAsync("q");
        await (await citizen.GetAsync($"/api/v1/public/social-organizations?q={new string('会', 5000)}", Ct)).AssertFieldErrorAsync("q");
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/api/v1/public/social-organizations?q={new string('会', 100)}", Ct)).StatusCode);
        foreach (var q in new[] { "%%", "__", "共青城%协会", "共青城_测试", "' OR '1'='1", "\"; DROP TABLE \"SocialOrganizations\"; --", "[测]%" })
        {
            var answer = await LookupAsync(citizen, q);
            Assert.Empty(answer.GetProperty("organizations").EnumerateArray());
            Assert.False(answer.GetProperty("more").GetBoolean());
        }
    }

    [Fact]
    public async Task Lookup_ManyMatches_AreBoundedToTwenty_WithMoreSaid()
    {
        using var staff = await app.ClientAsAsync("socialorg");
        var common = "界" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 21; i++)
        {
            await RegisterAsync(staff, SocialOrgBuilder.Body(name: SocialOrgBuilder.UniqueName(common + "协会")));
        }

        using var citizen = app.CreateClient();
        var answer = await LookupAsync(citizen, common);
        Assert.Equal(20, answer.GetProperty("organizations").GetArrayLength());
        Assert.True(answer.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task LookupPage_WithoutAccount_ShowsTheSameFields_AndRefusesAShortQueryInChinese()
    {
        using var staff = await app.ClientAsAsync("socialorg");
        var idNumber = SocialOrgBuilder.IdNumber();
        var (_, body) = await RegisterAsync(staff, SocialOrgBuilder.Body(name: SocialOrgBuilder.UniqueName("页面查询协会"), idNumber: idNumber));
        using var citizen = app.CreateClient();
        var page = await citizen.GetAsync($"/Organizations/Lookup?q={Uri.EscapeDataString((string)body["name"]!)}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains((string)body["name"]!, html);
        Assert.Contains("尚无年检结论", html);
        Assert.DoesNotContain((string)body["creditCode"]!, html);
        Assert.DoesNotContain(idNumber[^4..] + "<", html);
        Assert.DoesNotContain("青年大道", html);
        var shortQuery = await (await citizen.GetAsync("/Organizations/Lookup?q=%25", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("至少2个字", shortQuery);
    }
}

public sealed class SqliteSocialOrgPublicLookupTests(SqliteApp app) : SocialOrgPublicLookupTests<SqliteApp>(app);

public sealed class PostgresSocialOrgPublicLookupTests(PostgresApp app) : SocialOrgPublicLookupTests<PostgresApp>(app);

public sealed class ThrottledLookupApp : SqliteApp
{
    public ThrottledLookupApp() => Settings["SocialOrganizations:PublicLookupsPerMinute"] = "3";
}

/// <summary>The public look-up shares one limit per client address across the API and the page, with a Chinese 429.</summary>
public sealed class SocialOrgPublicLookupRateLimitTests(ThrottledLookupApp app) : IClassFixture<ThrottledLookupApp>
{
    [Fact]
    public async Task Lookups_OverTheLimit_Are429InChinese()
    {
        using var citizen = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/api/v1/public/social-organizations?q=%E5%8D%8F%E4%BC%9A", ct)).StatusCode);
        }

        var refused = await (await citizen.GetAsync("/api/v1/public/social-organizations?q=%E5%8D%8F%E4%BC%9A", ct)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("频繁", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await citizen.GetAsync("/Organizations/Lookup?q=%E5%8D%8F%E4%BC%9A", ct)).StatusCode);
    }
}
