using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialAssistance.Benefits;

/// <summary>PUT /api/v1/standards and GET /api/v1/households/{id}/benefit as DESIGN §5 specifies them.</summary>
public abstract class BenefitApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static int _program;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each test works in its own village so standards of one test never apply to another's households.</summary>
    private static string Village(int n) => $"3604821002{n:D2}";

    private async Task<string> HouseholdAsync(HttpClient client, string region, params object[] members)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/households",
            new { regionCode = region, hukouType = "urban", address = "测试", members }, Ct)).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    private static object M(string relationship, decimal income, int? grade = null) =>
        new { name = "成员" + relationship, idNumber = SqliteRegistryApiTests.NewAdultIdNumber(), relationship, monthlyIncome = income, disabilityGrade = grade };

    private async Task PutAsync(HttpClient client, object body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.PutAsJsonAsync("/api/v1/standards", body, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created || status != HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Benefit_FollowsTheContract_WithMostSpecificPrefixAndEffectiveDate()
    {
        using var county = await app.ClientAsAsync("county");
        var village = Village(1);
        // County-wide 2026-01 standard, then a more specific township one, then a village raise from 2026-12.
        await PutAsync(county, new { program = "urban-dibao", regionCode = "360482", effectiveFrom = "2026-01-01", amount = 700, per = "month", rounding = "fen" });
        await PutAsync(county, new
        {
            program = "urban-dibao",
            regionCode = "360482100",
            effectiveFrom = "2026-01-01",
            amount = 9600,
            per = "year",
            rounding = "yuan",
            supplements = new[] { new { category = "severe-disability", percentOfStandard = 20 }, new { category = "elderly-70", percentOfStandard = 10 } },
        });
        await PutAsync(county, new { program = "urban-dibao", regionCode = village, effectiveFrom = "2026-12-01", amount = 1000, per = "month", rounding = "fen" });
        var id = await HouseholdAsync(county, village, M("head", 300, grade: 1), M("spouse", 100));

        var body = await (await county.GetAsync($"/api/v1/households/{id}/benefit?program=urban-dibao&month=2026-11", Ct)).JsonAsync();
        // 9600/12 = 800; per capita 200; (800 − 200) × 2 = 1200; head severe disability 20% → 160.
        Assert.Equal(800m, body.GetProperty("standard").GetDecimal());
        Assert.Equal(400m, body.GetProperty("householdIncome").GetDecimal());
        Assert.Equal(200m, body.GetProperty("perCapitaIncome").GetDecimal());
        Assert.Equal(2, body.GetProperty("coveredPersons").GetInt32());
        Assert.Equal(1200m, body.GetProperty("baseAmount").GetDecimal());
        var supplement = Assert.Single(body.GetProperty("supplements").EnumerateArray());
        Assert.Equal("severe-disability", supplement.GetProperty("category").GetString());
        Assert.Equal(160m, supplement.GetProperty("amount").GetDecimal());
        Assert.Equal(1360m, body.GetProperty("total").GetDecimal());
        Assert.All(body.GetProperty("steps").EnumerateArray(), s =>
        {
            foreach (var field in new[] { "description", "formula", "value", "policy" })
            {
                Assert.True(s.TryGetProperty(field, out _), field);
            }
        });

        // From December the village standard (more specific) applies.
        var december = await (await county.GetAsync($"/api/v1/households/{id}/benefit?program=urban-dibao&month=2026-12", Ct)).JsonAsync();
        Assert.Equal(1000m, december.GetProperty("standard").GetDecimal());
        Assert.Equal(1600m, december.GetProperty("baseAmount").GetDecimal());
        Assert.Empty(december.GetProperty("supplements").EnumerateArray());
    }

    [Fact]
    public async Task PutSameProgramRegionAndDate_Replaces_OtherDatesStayAsHistory()
    {
        using var county = await app.ClientAsAsync("county");
        var region = Village(2);
        var program = Interlocked.Increment(ref _program) % 2 == 0 ? "orphan" : "unattended-child";
        var first = await county.PutAsJsonAsync("/api/v1/standards", new { program, regionCode = region, effectiveFrom = "2025-01-01", amount = 1500 }, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await county.PutAsJsonAsync("/api/v1/standards", new { program, regionCode = region, effectiveFrom = "2026-01-01", amount = 1600 }, Ct)).StatusCode);
        var replaced = await county.PutAsJsonAsync("/api/v1/standards", new { program, regionCode = region, effectiveFrom = "2026-01-01", amount = 1651, citation = "赣民字〔2026〕1号" }, Ct);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var list = await (await county.GetAsync($"/api/v1/standards?program={program}&region={region}", Ct)).JsonAsync();
        var mine = list.EnumerateArray().Where(s => s.GetProperty("regionCode").GetString() == region).ToList();
        Assert.Equal([1651m, 1500m], mine.Select(s => s.GetProperty("amount").GetDecimal()));
        Assert.Equal("赣民字〔2026〕1号", mine[0].GetProperty("citation").GetString());
    }

    [Fact]
    public async Task Put_BadInput_Is400NamingEachField_AndOutsideScopeIsRefused()
    {
        using var county = await app.ClientAsAsync("county");
        var response = await county.PutAsJsonAsync("/api/v1/standards", new
        {
            program = "lottery",
            regionCode = "36048",
            effectiveFrom = "2026-13-01",
            amount = -1,
            per = "week",
            rounding = "mao",
            supplements = new[] { new { category = "tall", percentOfStandard = 10 } },
        }, Ct);
        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "program", "regionCode", "effectiveFrom", "amount", "per", "rounding", "supplements[0].category" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var province = await county.PutAsJsonAsync("/api/v1/standards", new { program = "urban-dibao", regionCode = "36", effectiveFrom = "2026-01-01", amount = 1 }, Ct);
        Assert.Contains("管辖范围", await province.AssertFieldErrorAsync("regionCode"));
    }

    [Theory]
    [InlineData("township")]
    [InlineData("finance")]
    [InlineData("leader")]
    public async Task Put_OnlyTheCountyRole(string role)
    {
        using var client = await app.ClientAsAsync(role);
        var response = await client.PutAsJsonAsync("/api/v1/standards", new { program = "urban-dibao", regionCode = "360482", effectiveFrom = "2020-01-01", amount = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Benefit_NoStandardOrBadQuery_IsExplained_AndOtherRegionIsNotFound()
    {
        using var county = await app.ClientAsAsync("county");
        var id = await HouseholdAsync(county, Village(3), M("head", 0));
        var none = await county.GetAsync($"/api/v1/households/{id}/benefit?program=rural-dibao&month=1990-01", Ct);
        Assert.Contains("尚无", (await none.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await (await county.GetAsync($"/api/v1/households/{id}/benefit?program=urban-dibao&month=2026-13", Ct)).AssertFieldErrorAsync("month");
        await (await county.GetAsync($"/api/v1/households/{id}/benefit?program=temporary&month=2026-01", Ct)).AssertFieldErrorAsync("program");

        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482200000");
        using var outsider = await app.ClientAsAsync(user, password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/households/{id}/benefit?program=urban-dibao&month=2026-11", Ct)).StatusCode);
    }
}

public sealed class SqliteBenefitApiTests(SqliteApp app) : BenefitApiTests<SqliteApp>(app);

public sealed class PostgresBenefitApiTests(PostgresApp app) : BenefitApiTests<PostgresApp>(app);
