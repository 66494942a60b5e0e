using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>补领 over HTTP on both databases: the original found by ID number, a new number of the 补发 series, the refusals that write nothing.</summary>
public abstract class MarriageReissueApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> MarryAsync(HttpClient client, string date, string man, string woman) =>
        await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", new
        {
            kind = "marriage",
            date,
            parties = new[] { new { name = "王强", idNumber = man }, new { name = "赵敏", idNumber = woman } },
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        }, Ct)).JsonAsync(HttpStatusCode.Created);

    private static async Task<int> FigureAsync(HttpClient client, string field, string day) =>
        (await (await client.GetAsync($"/api/v1/marriage/statistics?region=360482&from={day}&to={day}", Ct)).JsonAsync()).GetProperty(field).GetInt32();

    private static Task<HttpResponseMessage> ReissueAsync(HttpClient client, string? recordId, string? idNumber, string? date, string? reason = "证件遗失") =>
        client.PostAsJsonAsync("/api/v1/marriage/reissues", new { recordId, idNumber, date, reason }, Ct);

    [Fact]
    public async Task Reissue_OfAMarriageCertificate_FoundByIdNumber_GetsANumberOfThe补发Series_AndIsCounted()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1979), MarriageIds.Woman(1981));
        var marriage = await MarryAsync(client, "2010-10-10", man, woman);
        var found = await (await client.PostAsJsonAsync("/api/v1/marriage/records/lookup", new { idNumber = woman }, Ct)).JsonAsync();
        var row = Assert.Single(found.EnumerateArray());
        Assert.Equal(marriage.GetProperty("id").GetString(), row.GetProperty("id").GetString());
        Assert.True(row.GetProperty("mayReissue").GetBoolean());
        Assert.DoesNotContain(woman, found.GetRawText());

        var before = await FigureAsync(client, "reissuedMarriageCertificates", "2026-02-03");
        var reissued = await (await ReissueAsync(client, row.GetProperty("id").GetString(), woman, "2026-02-03")).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("补结字", reissued.GetProperty("certificateNumber").GetString());
        Assert.Equal(marriage.GetProperty("certificateNumber").GetString(), reissued.GetProperty("originalCertificateNumber").GetString());
        Assert.Equal(before + 1, await FigureAsync(client, "reissuedMarriageCertificates", "2026-02-03"));

        var again = await (await ReissueAsync(client, row.GetProperty("id").GetString(), man, "2026-02-03")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(reissued.GetProperty("certificateNumber").GetString()!, again.GetProperty("detail").GetString());
        Assert.Equal(before + 1, await FigureAsync(client, "reissuedMarriageCertificates", "2026-02-03"));

        // The reissue is on the original's history, and still one marriage binds the couple.
        var detail = await (await client.GetAsync($"/api/v1/marriage/records/{row.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "reissued-marriage-certificate");
        Assert.True(detail.GetProperty("inForce").GetBoolean());
        await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", new
        {
            kind = "marriage",
            date = "2026-02-04",
            parties = new[] { new { name = "王强", idNumber = man }, new { name = "孙丽", idNumber = MarriageIds.Woman() } },
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Reissue_OfADivorceCertificate_GetsA补离Number_AndAMarriageEndedByItCannotBeReissued()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1972), MarriageIds.Woman(1973));
        var marriage = await MarryAsync(client, "2000-05-01", man, woman);
        var applied = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications",
            new { receivedOn = "2026-03-02", parties = new[] { new { name = "王强", idNumber = man }, new { name = "赵敏", idNumber = woman } } }, Ct)).JsonAsync(HttpStatusCode.Created);
        var divorce = await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{applied.GetProperty("id").GetString()}/register",
            new { date = "2026-04-10" }, Ct)).JsonAsync(HttpStatusCode.Created);

        var refused = await (await ReissueAsync(client, marriage.GetProperty("id").GetString(), man, "2026-04-20")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("离婚登记", refused.GetProperty("detail").GetString());
        var before = await FigureAsync(client, "reissuedDivorceCertificates", "2026-04-20");
        var reissued = await (await ReissueAsync(client, divorce.GetProperty("id").GetString(), man, "2026-04-20")).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("补离字", reissued.GetProperty("certificateNumber").GetString());
        Assert.Equal(before + 1, await FigureAsync(client, "reissuedDivorceCertificates", "2026-04-20"));
        var rows = (await (await client.PostAsJsonAsync("/api/v1/marriage/records/lookup", new { idNumber = man }, Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.False(rows.Single(r => r.GetProperty("kind").GetString() == "marriage").GetProperty("mayReissue").GetBoolean());
        Assert.True(rows.Single(r => r.GetProperty("kind").GetString() == "divorce").GetProperty("mayReissue").GetBoolean());

        // A reissue is not itself a certificate to reissue again from.
        await (await ReissueAsync(client, reissued.GetProperty("id").GetString(), man, "2026-04-21")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Reissue_BadInput_IsRefusedNamingTheField_AndWritesNothing()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1983), MarriageIds.Woman(1984));
        var id = (await MarryAsync(client, "2012-12-12", man, woman)).GetProperty("id").GetString();
        var before = await FigureAsync(client, "reissuedMarriageCertificates", "2026-01-15");
        var future = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("身份证号", await (await ReissueAsync(client, id, "110105194912310021", "2026-01-15")).AssertFieldErrorAsync("idNumber"));
        Assert.Contains("不能晚于今天", await (await ReissueAsync(client, id, man, future)).AssertFieldErrorAsync("date"));
        Assert.Contains("补领原因", await (await ReissueAsync(client, id, man, "2026-01-15", reason: " ")).AssertFieldErrorAsync("reason"));
        Assert.Contains("控制字符", await (await ReissueAsync(client, id, man, "2026-01-15", reason: "遗失\u202E")).AssertFieldErrorAsync("reason"));
        Assert.Contains("补领原因", await (await ReissueAsync(client, id, man, "2026-01-15", reason: new string('丢', 501))).AssertFieldErrorAsync("reason"));
        await (await ReissueAsync(client, null, man, "2026-01-15")).AssertFieldErrorAsync("recordId");
        Assert.Contains("原登记日期", await (await ReissueAsync(client, id, man, "2011-01-15")).AssertFieldErrorAsync("date"));
        await (await ReissueAsync(client, Guid.NewGuid().ToString(), man, "2026-01-15")).AssertProblemAsync(HttpStatusCode.NotFound);
        var stranger = await (await ReissueAsync(client, id, MarriageIds.Man(), "2026-01-15")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("当事人", stranger.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync("/api/v1/marriage/records/lookup", new { idNumber = "12345" }, Ct)).AssertFieldErrorAsync("idNumber");
        Assert.Equal(before, await FigureAsync(client, "reissuedMarriageCertificates", "2026-01-15"));
    }

    [Theory]
    [InlineData("village")]
    [InlineData("township")]
    [InlineData("county")]
    [InlineData("leader")]
    public async Task OtherRoles_CannotLookUpOrReissue(string role)
    {
        using var client = await app.ClientAsAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/marriage/records/lookup", new { idNumber = MarriageIds.Man() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReissueAsync(client, Guid.NewGuid().ToString(), MarriageIds.Man(), "2026-01-15")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/marriage/records/{Guid.NewGuid()}", Ct)).StatusCode);
    }
}

public sealed class SqliteMarriageReissueApiTests(SqliteApp app) : MarriageReissueApiTests<SqliteApp>(app);

public sealed class PostgresMarriageReissueApiTests(PostgresApp app) : MarriageReissueApiTests<PostgresApp>(app);
