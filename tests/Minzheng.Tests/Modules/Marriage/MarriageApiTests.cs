using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>DESIGN §5 "Marriage" over HTTP on both databases: every contract case, refusals that write nothing, who may call.</summary>
public abstract class MarriageApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Marriage(string date, string man, string woman, bool noSpouse = true, bool noKinship = true) => new
    {
        kind = "marriage",
        date,
        parties = new[] { new { name = "张伟", idNumber = man }, new { name = "李娜", idNumber = woman } },
        declarations = new { noSpouse, noProhibitedKinship = noKinship },
    };

    private static object Parties(string a, string b) => new[] { new { name = "张伟", idNumber = a }, new { name = "李娜", idNumber = b } };

    private async Task<JsonElement> RegisterAsync(HttpClient client, string date, string man, string woman) =>
        await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage(date, man, woman), Ct)).JsonAsync(HttpStatusCode.Created);

    private async Task<int> MarriagesAsync(HttpClient client, string from, string to) =>
        (await (await client.GetAsync($"/api/v1/marriage/statistics?region=360482&from={from}&to={to}", Ct)).JsonAsync()).GetProperty("marriages").GetInt32();

    [Fact]
    public async Task Register_ValidCouple_Answers201WithAUniqueCertificateNumber_AndARepeatIsAConflict()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(), MarriageIds.Woman());
        var first = await RegisterAsync(client, "2026-02-14", man, woman);
        Assert.True(Guid.TryParse(first.GetProperty("id").GetString(), out _));
        var number = first.GetProperty("certificateNumber").GetString()!;
        Assert.Contains("结字", number);
        var other = await RegisterAsync(client, "2026-02-14", MarriageIds.Man(), MarriageIds.Woman());
        Assert.NotEqual(number, other.GetProperty("certificateNumber").GetString());

        // Idempotent by parties and date: the double submission is refused with the number already given, parties in either order.
        var again = await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2026-02-14", man, woman), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(number, again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Register_UnderAge_SameGender_Married_OrWithoutDeclarations_Is422_AndWritesNothing()
    {
        using var client = await app.ClientAsAsync("marriage");
        var before = await MarriagesAsync(client, "2025-01-01", "2025-12-31");
        // Born 2003-06-15: 22 on 2025-06-15; a woman born 2005-06-15 is 20 that day.
        var man = MarriageIds.Of(new DateOnly(2003, 6, 15), Minzheng.Platform.Privacy.Gender.Male);
        var woman = MarriageIds.Of(new DateOnly(2005, 6, 15), Minzheng.Platform.Privacy.Gender.Female);
        var young = await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2025-06-14", man, woman), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("未满22周岁", young.GetProperty("detail").GetString());
        Assert.Contains("未满20周岁", young.GetProperty("detail").GetString());
        var same = await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2025-07-01", MarriageIds.Man(), MarriageIds.Man()), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("性别相同", same.GetProperty("detail").GetString());
        var undeclared = await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2025-07-01", MarriageIds.Man(), MarriageIds.Woman(), noKinship: false), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("noProhibitedKinship", undeclared.GetProperty("detail").GetString());
        Assert.Equal(before, await MarriagesAsync(client, "2025-01-01", "2025-12-31"));

        // On the birthdays both are of age.
        await RegisterAsync(client, "2025-06-15", man, woman);
        var bigamy = await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2025-08-01", man, MarriageIds.Woman()), Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("有配偶", bigamy.GetProperty("detail").GetString());
        Assert.Equal(before + 1, await MarriagesAsync(client, "2025-01-01", "2025-12-31"));
    }

    [Fact]
    public async Task Register_BadIdNumbers_FutureDates_AndMissingFields_Are400NamingTheField()
    {
        using var client = await app.ClientAsAsync("marriage");
        var badId = await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2026-01-05", "110105194912310021", MarriageIds.Woman()), Ct))
            .AssertFieldErrorAsync("parties[0].idNumber");
        Assert.Contains("身份证号", badId);
        var future = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("不能晚于今天", await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage(future, MarriageIds.Man(), MarriageIds.Woman()), Ct))
            .AssertFieldErrorAsync("date"));
        await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", new { kind = "marriage", date = "2026-13-40" }, Ct)).AssertFieldErrorAsync("date");
        await (await client.PostAsJsonAsync("/api/v1/marriage/registrations", new { kind = "divorce", date = "2026-01-05", parties = Parties(MarriageIds.Man(), MarriageIds.Woman()) }, Ct))
            .AssertFieldErrorAsync("kind");
        await (await client.PostAsync("/api/v1/marriage/registrations", new StringContent("{\"date\":", System.Text.Encoding.UTF8, "application/json"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Divorce_CoolingOff_WithdrawAndRegisterWindows_FollowTheCalendar_AndFreeBothToMarryAgain()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1980), MarriageIds.Woman(1982));
        await RegisterAsync(client, "2020-05-20", man, woman);

        // Received Monday 2026-03-02: the cooling-off period ends Wednesday 2026-04-01; 30 days later is 2026-05-01, 劳动节 (1–5 May), so 2026-05-06.
        var applied = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { receivedOn = "2026-03-02", parties = Parties(woman, man) }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-04-01", applied.GetProperty("coolingOffEnds").GetString());
        Assert.Equal("2026-05-06", applied.GetProperty("collectBy").GetString());
        var id = applied.GetProperty("id").GetString();
        await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { receivedOn = "2026-03-05", parties = Parties(man, woman) }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/withdraw", new { date = "2026-04-02", idNumber = man }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/register", new { date = "2026-04-01" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/register", new { date = "2026-05-07" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var divorce = await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/register", new { date = "2026-05-06" }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Contains("离字", divorce.GetProperty("certificateNumber").GetString());
        await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/register", new { date = "2026-05-06" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        // Both may marry again: each other, or someone else.
        await RegisterAsync(client, "2026-06-01", man, MarriageIds.Woman(1985));
        await RegisterAsync(client, "2026-06-01", MarriageIds.Man(1984), woman);
    }

    [Fact]
    public async Task Divorce_Withdrawal_ByEitherPartyUntilTheLastDay_ThenANewApplicationIsPossible()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1975), MarriageIds.Woman(1976));
        await RegisterAsync(client, "2001-10-01", man, woman);
        var id = (await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { receivedOn = "2026-03-02", parties = Parties(man, woman) }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/withdraw", new { date = "2026-04-01", idNumber = MarriageIds.Man() }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/withdraw", new { date = "2026-04-01", idNumber = "bad" }, Ct)).AssertFieldErrorAsync("idNumber");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/withdraw", new { date = "2026-04-01", idNumber = woman }, Ct)).StatusCode);
        await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/register", new { date = "2026-04-10" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{Guid.NewGuid()}/withdraw", new { date = "2026-04-01", idNumber = woman }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { receivedOn = "2026-04-20", parties = Parties(man, woman) }, Ct)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Divorce_OfTwoPeopleNotMarriedToEachOther_Is422()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1970), MarriageIds.Woman(1971));
        await RegisterAsync(client, "1999-01-08", man, woman);
        var refused = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { receivedOn = "2026-03-02", parties = Parties(man, MarriageIds.Woman()) }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("婚姻", refused.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { receivedOn = "1998-03-02", parties = Parties(man, woman) }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Register_OnePersonWithTwoPartnersAtTheSameMoment_OnlyOneMarriageIsRegistered()
    {
        using var first = await app.ClientAsAsync("marriage");
        using var second = await app.ClientAsAsync("marriage");
        for (var round = 0; round < 6; round++)
        {
            // Two registries (全国通办) submit at once for the same man: the checks run before either is stored.
            var man = MarriageIds.Man(1985);
            var answers = await Task.WhenAll(
                first.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2026-05-20", man, MarriageIds.Woman(1987)), Ct),
                second.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2026-05-20", man, MarriageIds.Woman(1988)), Ct));
            var statuses = answers.Select(a => a.StatusCode).Order().ToList();
            Assert.Equal(HttpStatusCode.Created, statuses[0]);
            Assert.Contains(statuses[1], new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity });
            var loser = answers.Single(a => a.StatusCode != HttpStatusCode.Created);
            Assert.StartsWith("不予登记", (await loser.AssertProblemAsync(loser.StatusCode)).GetProperty("detail").GetString());

            // Whichever woman lost may marry someone else; the man stays married once.
            var again = await first.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2026-05-21", man, MarriageIds.Woman(1989)), Ct);
            await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        }
    }

    [Fact]
    public async Task Statistics_CountByRegistrationDate_AndCheckTheirInput()
    {
        using var client = await app.ClientAsAsync("marriage");
        var before = await (await client.GetAsync("/api/v1/marriage/statistics?region=360482&from=2019-01-01&to=2019-12-31", Ct)).JsonAsync();
        await RegisterAsync(client, "2019-03-03", MarriageIds.Man(1960), MarriageIds.Woman(1960));
        var after = await (await client.GetAsync("/api/v1/marriage/statistics?region=360482&from=2019-01-01&to=2019-12-31", Ct)).JsonAsync();
        Assert.Equal(before.GetProperty("marriages").GetInt32() + 1, after.GetProperty("marriages").GetInt32());
        foreach (var field in new[] { "divorces", "reissuedMarriageCertificates", "reissuedDivorceCertificates", "revocations" })
        {
            Assert.Equal(before.GetProperty(field).GetInt32(), after.GetProperty(field).GetInt32());
        }

        await (await client.GetAsync("/api/v1/marriage/statistics?region=36x&from=2019-01-01&to=2019-12-31", Ct)).AssertFieldErrorAsync("region");
        await (await client.GetAsync("/api/v1/marriage/statistics?region=360482&from=2019-12-01&to=2019-01-01", Ct)).AssertFieldErrorAsync("to");
        await (await client.GetAsync("/api/v1/marriage/statistics?region=3604&from=2019-01-01&to=2019-12-31", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        using var leader = await app.ClientAsAsync("leader");
        Assert.True((await (await leader.GetAsync("/api/v1/marriage/statistics?region=360482&from=2019-01-01&to=2019-12-31", Ct)).JsonAsync()).GetProperty("marriages").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("village")]
    [InlineData("township")]
    [InlineData("county")]
    [InlineData("admin")]
    public async Task OtherRoles_CannotTouchTheRegister(string role)
    {
        using var client = await app.ClientAsAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/marriage/registrations", Marriage("2026-01-05", MarriageIds.Man(), MarriageIds.Woman()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/marriage/statistics?region=360482&from=2026-01-01&to=2026-01-31", Ct)).StatusCode);
    }
}

public sealed class SqliteMarriageApiTests(SqliteApp app) : MarriageApiTests<SqliteApp>(app);

public sealed class PostgresMarriageApiTests(PostgresApp app) : MarriageApiTests<PostgresApp>(app);
