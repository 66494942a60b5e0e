using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>DESIGN §5 "Funeral" over HTTP on both databases: the exact contract, every refusal writing nothing, the waiver, the figures, who may call.</summary>
public abstract class FuneralApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Contract(string name, string id, string died, string cremated, string home = "共青城市殡仪馆") =>
        new { name, idNumber = id, deathDate = died, cremationDate = cremated, funeralHome = home };

    private static async Task<JsonElement> FieldError422Async(HttpResponseMessage response, string field)
    {
        var body = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var message = body.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        return body;
    }

    private static async Task<int> TotalAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/funeral/cremations?" + query, Ct);
        await response.JsonAsync();
        return int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Register_TheContractFields_Answers201WithAnId_AndListsTheRecordMasked()
    {
        using var client = await app.ClientAsAsync("funeral");
        var id = Elder();
        var response = await client.PostAsJsonAsync("/api/v1/funeral/cremations", Contract("甲契约", id, "2026-03-01", "2026-03-03"), Ct);
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["id"], created.EnumerateObject().Select(p => p.Name));
        var recordId = created.GetProperty("id").GetString()!;
        Assert.True(Guid.TryParse(recordId, out _));

        var detail = await (await client.GetAsync($"/api/v1/funeral/cremations/{recordId}", Ct)).JsonAsync();
        Assert.Equal(("甲契约", "2026-03-01", "2026-03-03", "共青城市殡仪馆"), (detail.GetProperty("name").GetString(), detail.GetProperty("deathDate").GetString(),
            detail.GetProperty("cremationDate").GetString(), detail.GetProperty("funeralHome").GetString()));
        Assert.Contains("****", detail.GetProperty("idNumberMasked").GetString());
        var list = await client.GetStringAsync("/api/v1/funeral/cremations?name=甲契约", Ct);
        Assert.Contains(recordId, list);
        Assert.DoesNotContain(id, list);
    }

    [Fact]
    public async Task Register_SameIdNumberTwice_Is409NamingTheFirst_AndWritesNothing()
    {
        using var client = await app.ClientAsAsync("funeral");
        var id = Elder(1938);
        await (await client.PostAsJsonAsync("/api/v1/funeral/cremations", Contract("乙重复", id, "2026-04-01", "2026-04-02"), Ct)).JsonAsync(HttpStatusCode.Created);
        var again = await (await client.PostAsJsonAsync("/api/v1/funeral/cremations", Contract("乙重复", id, "2026-04-01", "2026-04-03", "别处殡仪馆"), Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("2026-04-02", again.GetProperty("detail").GetString());
        Assert.Contains("共青城市殡仪馆", again.GetProperty("detail").GetString());
        Assert.Equal(1, await TotalAsync(client, "name=乙重复"));
    }

    [Fact]
    public async Task Register_BadDates_BadIds_LongOrControlText_AndNonBasicItems_Are422PerField_AndWriteNothing()
    {
        using var client = await app.ClientAsAsync("funeral");
        var future = Day(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)));
        async Task Refused(object body, string field) => await FieldError422Async(await client.PostAsJsonAsync("/api/v1/funeral/cremations", body, Ct), field);

        await Refused(Contract("丙坏值", Elder(), "2026-05-10", "2026-05-09"), "cremationDate");
        await Refused(Contract("丙坏值", Elder(), future, future), "deathDate");
        await Refused(Contract("丙坏值", Elder(), "2026-05-10", future), "cremationDate");
        await Refused(Contract("丙坏值", Elder(), "0001-01-01", "2026-05-10"), "deathDate");
        await Refused(Contract("丙坏值", Elder(1940), "1939-12-31", "2026-05-10"), "deathDate");
        var id = Elder();
        await Refused(Contract("丙坏值", id[..17] + (id[17] == '0' ? '1' : '0'), "2026-05-10", "2026-05-11"), "idNumber");
        await Refused(Contract("丙坏值", "12345", "2026-05-10", "2026-05-11"), "idNumber");
        await Refused(Contract(new string('长', 51), Elder(), "2026-05-10", "2026-05-11"), "name");
        // Control characters are refused by the platform's text filter before the module runs (400, naming the field).
        await (await client.PostAsJsonAsync("/api/v1/funeral/cremations", Contract("丙坏值", Elder(), "2026-05-10", "2026-05-11", "殡仪馆\u202E"), Ct))
            .AssertFieldErrorAsync("funeralHome");
        await Refused(Contract("丙坏值", Elder(), "2026-05-10", "2026-05-11", ""), "funeralHome");
        await Refused(new
        {
            name = "丙坏值",
            idNumber = Elder(),
            deathDate = "2026-05-10",
            cremationDate = "2026-05-11",
            funeralHome = "馆",
            residentStatus = "dibao",
            waiverItems = new[] { "cremation", "coffin" }
        }, "waiverItems[1]");
        await Refused(new
        {
            name = "丙坏值",
            idNumber = Elder(),
            deathDate = "2026-05-10",
            cremationDate = "2026-05-11",
            funeralHome = "馆",
            residentStatus = "dibao",
            waiverItems = new[] { "storage" }
        }, "storageDays");
        await Refused(new { name = "丙坏值", idNumber = Elder(), deathDate = "2026-05-10", cremationDate = "2026-05-11", funeralHome = "馆", regionCode = "360399000000" }, "regionCode");
        await (await client.PostAsync("/api/v1/funeral/cremations", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await TotalAsync(client, "name=丙坏值"));
    }

    [Fact]
    public async Task Waiver_ForAQualifyingStatus_IsComputedFromTheItems_AndRefusedForOthers()
    {
        using var client = await app.ClientAsAsync("funeral");
        var body = new
        {
            name = "丁减免",
            idNumber = Elder(1935),
            deathDate = "2026-06-01",
            cremationDate = "2026-06-04",
            funeralHome = "共青城市殡仪馆",
            residentStatus = "entitled-group",
            hukouType = "rural",
            deathCause = "natural",
            deathCertificateNumber = "J2026060001",
            familyContactName = "丁家属",
            familyContactPhone = "13900001111",
            waiverItems = new[] { "transport", "storage", "cremation", "ashes-storage" },
            storageDays = 5,
        };
        var id = (await (await client.PostAsJsonAsync("/api/v1/funeral/cremations", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var detail = await (await client.GetAsync($"/api/v1/funeral/cremations/{id}", Ct)).JsonAsync();
        Assert.Equal(1580m, detail.GetProperty("waiverAmount").GetDecimal());
        Assert.Equal(3, detail.GetProperty("waiverItems").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "storage").GetProperty("quantity").GetInt32());
        Assert.Equal(("entitled-group", true, "natural"), (detail.GetProperty("residentStatus").GetString(), detail.GetProperty("agricultural").GetBoolean(),
            detail.GetProperty("deathCause").GetString()));

        var resident = new { name = "丁普通", idNumber = Elder(1936), deathDate = "2026-06-01", cremationDate = "2026-06-02", funeralHome = "共青城市殡仪馆", waiverItems = new[] { "cremation" } };
        var refused = await (await client.PostAsJsonAsync("/api/v1/funeral/cremations", resident, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不属于", refused.GetProperty("detail").GetString());
        Assert.Equal(0, await TotalAsync(client, "name=丁普通"));
    }

    [Fact]
    public async Task Statistics_CountByCremationDate_WithinTheRegion_AndCheckTheirInput()
    {
        using var client = await app.ClientAsAsync("funeral");
        const string Url = "/api/v1/funeral/statistics?region=360482&from=2019-01-01&to=2019-12-31";
        var before = await (await client.GetAsync(Url, Ct)).JsonAsync();
        // Died on the last day of 2018, cremated in 2019: counted in 2019 by the cremation date.
        await (await client.PostAsJsonAsync("/api/v1/funeral/cremations", new
        {
            name = "戊统计",
            idNumber = Elder(1930),
            deathDate = "2018-12-31",
            cremationDate = "2019-01-02",
            funeralHome = "共青城市殡仪馆",
            regionCode = "360482100201",
            hukouType = "rural",
            residentStatus = "dibao",
            waiverItems = new[] { "cremation" },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var after = await (await client.GetAsync(Url, Ct)).JsonAsync();
        Assert.Equal(before.GetProperty("cremations").GetInt32() + 1, after.GetProperty("cremations").GetInt32());
        Assert.Equal(before.GetProperty("agriculturalCremations").GetInt32() + 1, after.GetProperty("agriculturalCremations").GetInt32());
        Assert.Equal(before.GetProperty("waiverCases").GetInt32() + 1, after.GetProperty("waiverCases").GetInt32());
        Assert.Equal(before.GetProperty("waiverAmount").GetDecimal() + 600m, after.GetProperty("waiverAmount").GetDecimal());
        Assert.Contains(after.GetProperty("months").EnumerateArray(), m => m.GetProperty("month").GetString() == "2019-01");
        var village = await (await client.GetAsync("/api/v1/funeral/statistics?region=360482100201&from=2019-01-01&to=2019-12-31", Ct)).JsonAsync();
        Assert.True(village.GetProperty("cremations").GetInt32() >= 1);
        var elsewhere = await (await client.GetAsync("/api/v1/funeral/statistics?region=360482200&from=2019-01-01&to=2019-12-31", Ct)).JsonAsync();
        Assert.Equal(0, elsewhere.GetProperty("cremations").GetInt32());

        await FieldError422Async(await client.GetAsync("/api/v1/funeral/statistics?region=36x&from=2019-01-01&to=2019-12-31", Ct), "region");
        await FieldError422Async(await client.GetAsync("/api/v1/funeral/statistics?region=360482&from=2019-12-01&to=2019-01-01", Ct), "to");
        await (await client.GetAsync("/api/v1/funeral/statistics?region=3604&from=2019-01-01&to=2019-12-31", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        using var leader = await app.ClientAsAsync("leader");
        Assert.True((await (await leader.GetAsync(Url, Ct)).JsonAsync()).GetProperty("cremations").GetInt32() >= 1);
    }

    [Fact]
    public async Task AnotherTownshipsClerk_NeitherSeesNorChangesTheRecords()
    {
        var (user, password) = await TestUsers.CreateAsync(app, "funeral-clerk", "360482100000");
        using var township = await app.ClientAsAsync(user, password);
        using var county = await app.ClientAsAsync("funeral");
        var own = await (await township.PostAsJsonAsync("/api/v1/funeral/cremations", new
        {
            name = "己本镇",
            idNumber = Elder(),
            deathDate = "2026-07-01",
            cremationDate = "2026-07-02",
            funeralHome = "甘露镇殡仪服务站",
            regionCode = "360482100202",
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var other = await (await county.PostAsJsonAsync("/api/v1/funeral/cremations", new
        {
            name = "己他乡",
            idNumber = Elder(),
            deathDate = "2026-07-01",
            cremationDate = "2026-07-02",
            funeralHome = "共青城市殡仪馆",
            regionCode = "360482200201",
        }, Ct)).JsonAsync(HttpStatusCode.Created);

        await (await township.GetAsync($"/api/v1/funeral/cremations/{other.GetProperty("id").GetString()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await TotalAsync(township, "name=己他乡"));
        Assert.Equal(1, await TotalAsync(county, "name=己本镇"));
        await FieldError422Async(await township.PostAsJsonAsync("/api/v1/funeral/cremations", new
        {
            name = "己越界",
            idNumber = Elder(),
            deathDate = "2026-07-01",
            cremationDate = "2026-07-02",
            funeralHome = "馆",
            regionCode = "360482200201",
        }, Ct), "regionCode");
        await (await township.GetAsync("/api/v1/funeral/statistics?region=360482&from=2026-01-01&to=2026-12-31", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync($"/api/v1/funeral/cremations/{own.GetProperty("id").GetString()}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("village")]
    [InlineData("township")]
    [InlineData("county")]
    [InlineData("admin")]
    [InlineData("marriage")]
    public async Task OtherRoles_CannotTouchTheRegister(string role)
    {
        using var client = await app.ClientAsAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/funeral/cremations", Contract("庚", Elder(), "2026-01-05", "2026-01-06"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/funeral/cremations", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/funeral/statistics?region=360482&from=2026-01-01&to=2026-01-31", Ct)).StatusCode);
    }
}

public sealed class SqliteFuneralApiTests(SqliteApp app) : FuneralApiTests<SqliteApp>(app);

public sealed class PostgresFuneralApiTests(PostgresApp app) : FuneralApiTests<PostgresApp>(app);
