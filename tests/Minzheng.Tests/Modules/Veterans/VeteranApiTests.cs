using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Minzheng.Tests.Modules.Veterans.VeteranFixtures;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>优抚对象 over HTTP on both databases: registration, every refusal writing nothing, region scope, who may call.</summary>
public abstract class VeteranApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task FieldError422Async(HttpResponseMessage response, string field)
    {
        var body = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var message = body.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
    }

    [Fact]
    public async Task Register_ADisabledVeteran_Answers201_AndListsHimMasked_WithTheTotal()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        using var client = await app.ClientAsAsync("veterans");
        var body = Disabled("甲伤残", village);
        var created = await RegisterAsync(client, body);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(JsonValueKind.Null, created.GetProperty("enrollmentId").ValueKind); // no standard yet: 待核定标准

        var detail = await (await client.GetAsync($"/api/v1/veterans/entitlements/{id}", Ct)).JsonAsync();
        Assert.Equal(("disabled", 5, "war", "1982-01-15"), (detail.GetProperty("category").GetString(), detail.GetProperty("disabilityGrade").GetInt32(),
            detail.GetProperty("disabilityNature").GetString(), detail.GetProperty("dischargedOn").GetString()));
        Assert.Equal("残疾军人（五级，因战）", detail.GetProperty("categoryName").GetString());
        var list = await client.GetStringAsync($"/api/v1/veterans/entitlements?region={village}", Ct);
        Assert.Contains(id, list);
        Assert.Contains("****", list);
        Assert.DoesNotContain((string)body.GetType().GetProperty("idNumber")!.GetValue(body)!, list);
        Assert.Equal(1, await TotalAsync(client, $"region={village}&category=disabled"));
    }

    [Fact]
    public async Task Register_BadGrade_IllnessAboveSix_DischargeBeforeEnlistment_AndUnknownCategory_Are422PerField_AndWriteNothing()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        using var client = await app.ClientAsAsync("veterans");
        async Task Refused(object body, string field) => await FieldError422Async(await client.PostAsJsonAsync("/api/v1/veterans/entitlements", body, Ct), field);
        var id = Funeral.FuneralIds.Elder(1960);
        object Body(string category = "disabled", int? grade = 5, string? nature = "war", string enlisted = "1978-03-01", string discharged = "1982-01-15") => new
        {
            name = "乙坏值",
            idNumber = id,
            regionCode = village,
            category,
            disabilityGrade = grade,
            disabilityNature = nature,
            enlistedOn = enlisted,
            dischargedOn = discharged,
        };

        await Refused(Body(grade: 11), "disabilityGrade");
        await Refused(Body(grade: 0), "disabilityGrade");
        await Refused(Body(grade: 7, nature: "illness"), "disabilityGrade");
        await Refused(Body(grade: null), "disabilityGrade");
        await Refused(Body(nature: null), "disabilityNature");
        await Refused(Body(discharged: "1977-12-31"), "dischargedOn");
        await Refused(Body(category: "general"), "category");
        await Refused(Body(category: "demobilized"), "disabilityGrade");
        await Refused(new { name = "乙坏值", idNumber = "123", regionCode = village, category = "demobilized" }, "idNumber");
        Assert.Equal(0, await TotalAsync(client, "name=乙坏值"));

        // 因病 grades 1–6 are accepted.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/veterans/entitlements", Body(grade: 6, nature: "illness"), Ct)).StatusCode);
    }

    [Fact]
    public async Task Register_ASecondActiveEntitlementInTheSameCategory_Is409_AndWritesNothing()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        using var client = await app.ClientAsAsync("veterans");
        var id = Funeral.FuneralIds.Elder(1958);
        var body = new { name = "丙复员", idNumber = id, regionCode = village, category = "demobilized", enlistedOn = "1976-01-01", dischargedOn = "1980-01-01" };
        await RegisterAsync(client, body);
        var again = await (await client.PostAsJsonAsync("/api/v1/veterans/entitlements", body, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("在乡复员军人", again.GetProperty("detail").GetString());
        Assert.Equal(1, await TotalAsync(client, "name=丙复员"));

        // Another category of the same person is a separate entitlement.
        await RegisterAsync(client, body with { category = "war-participant" });
        Assert.Equal(2, await TotalAsync(client, "name=丙复员"));
    }

    [Fact]
    public async Task ATownshipOfficer_SeesOnlyHisTownship()
    {
        var own = await PaymentFixtures.VillageAsync(app, "360482200");
        var other = await PaymentFixtures.VillageAsync(app, "360482100");
        var (user, password) = await TestUsers.CreateAsync(app, "veterans-officer", "360482200000");
        using var township = await app.ClientAsAsync(user, password);
        using var county = await app.ClientAsAsync("veterans");
        var elsewhere = (await RegisterAsync(county, Disabled("丁外乡", other))).GetProperty("id").GetString();
        var mine = (await RegisterAsync(township, Disabled("丁本乡", own))).GetProperty("id").GetString();

        await (await township.GetAsync($"/api/v1/veterans/entitlements/{elsewhere}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync($"/api/v1/veterans/entitlements/{mine}", Ct)).StatusCode);
        Assert.Equal(0, await TotalAsync(township, "name=丁外乡"));
        await FieldError422Async(await township.PostAsJsonAsync("/api/v1/veterans/entitlements", Disabled("丁越界", other), Ct), "regionCode");
        await (await township.PostAsJsonAsync($"/api/v1/veterans/entitlements/{elsewhere}/death", new { deathDate = "2026-11-01" }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await TotalAsync(county, "name=丁外乡"));
    }

    [Theory]
    [InlineData("county")]
    [InlineData("township")]
    [InlineData("finance")]
    [InlineData("funeral")]
    [InlineData("admin")]
    public async Task OtherRoles_CannotTouchTheRegister(string role)
    {
        using var client = await app.ClientAsAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/veterans/entitlements", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/veterans/entitlements", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/veterans/standards", new { }, Ct)).StatusCode);
    }
}

public sealed class SqliteVeteranApiTests(SqliteApp app) : VeteranApiTests<SqliteApp>(app);

public sealed class PostgresVeteranApiTests(PostgresApp app) : VeteranApiTests<PostgresApp>(app);
