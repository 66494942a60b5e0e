using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Modules.SocialAssistance.Registry;

public abstract class RegistryApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static int _sequence;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid ID number nobody else in this test run has (birth year 1950–1999, test-only address code 110105).</summary>
    public static string NewIdNumber(bool male = true)
    {
        // Each call gets its own birth date (18,000 days from 1950), so numbers never repeat within a run.
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1950, 1, 1).AddDays(n % 18000);
        var order = ((n / 18000 % 450) * 2) + (male ? 1 : 2);
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>A fresh ID number of an adult born 1960 or later: no age-based supplement applies to them in 2026.</summary>
    public static string NewAdultIdNumber()
    {
        string id;
        do
        {
            id = NewIdNumber();
        }
        while (string.CompareOrdinal(id[6..10], "1960") < 0);

        return id;
    }

    private static object Household(string region, params (string Name, string Id, string Relationship)[] members) => new
    {
        regionCode = region,
        hukouType = "rural",
        address = "测试住址1号",
        members = members.Select(m => new { name = m.Name, idNumber = m.Id, relationship = m.Relationship, monthlyIncome = 300.5m, disabilityGrade = (int?)null, selfCare = "full" }),
    };

    private async Task<string> CreateAsync(string user, string region, params (string, string, string)[] members)
    {
        using var client = await app.ClientAsAsync(user);
        var body = await (await client.PostAsJsonAsync("/api/v1/households", Household(region, members), Ct)).JsonAsync(HttpStatusCode.Created);
        return body.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Create_ThenGet_ShowsMembersMaskedWithDerivedFields()
    {
        var head = NewIdNumber(male: true);
        var spouse = NewIdNumber(male: false);
        var id = await CreateAsync("township", "360482100202", ("王大山", head, "head"), ("李秀英", spouse, "spouse"));
        using var client = await app.ClientAsAsync("county");
        var household = await (await client.GetAsync($"/api/v1/households/{id}", Ct)).JsonAsync();
        Assert.Equal(2, household.GetProperty("memberCount").GetInt32());
        Assert.Equal(601.0m, household.GetProperty("householdIncome").GetDecimal());
        var members = household.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal("王大山", members[0].GetProperty("name").GetString());
        Assert.Equal(head[..6] + "********" + head[14..], members[0].GetProperty("idNumberMasked").GetString());
        Assert.Equal("male", members[0].GetProperty("gender").GetString());
        Assert.Equal("female", members[1].GetProperty("gender").GetString());
        Assert.DoesNotContain(head, household.ToString());
    }

    [Fact]
    public async Task Create_DuplicateIdNumber_Is409AndNothingWritten()
    {
        var known = NewIdNumber();
        await CreateAsync("township", "360482100201", ("张一", known, "head"));
        var fresh = NewIdNumber();
        using var client = await app.ClientAsAsync("county");
        var body = await (await client.PostAsJsonAsync("/api/v1/households", Household("360482101201", ("张二", fresh, "head"), ("张一", known, "child")), Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已在系统中登记", body.GetProperty("detail").GetString());
        var search = await (await client.GetAsync($"/api/v1/households?idNumber={fresh}", Ct)).JsonAsync();
        Assert.Empty(search.EnumerateArray());
    }

    [Theory]
    [InlineData("members[1].idNumber", "110105194912310021")]
    [InlineData("members[1].idNumber", "12345")]
    public async Task Create_InvalidIdNumber_Is400NamingTheMember(string field, string badId)
    {
        using var client = await app.ClientAsAsync("county");
        var message = await (await client.PostAsJsonAsync("/api/v1/households", Household("360482100201", ("甲", NewIdNumber(), "head"), ("乙", badId, "child")), Ct))
            .AssertFieldErrorAsync(field);
        Assert.StartsWith("第2位成员", message);
    }

    [Fact]
    public async Task Create_BadShape_NamesEveryField()
    {
        using var client = await app.ClientAsAsync("county");
        var body = new
        {
            regionCode = "3604821002",
            hukouType = "city",
            address = new string('址', 201),
            members = new[] { new { name = "", idNumber = NewIdNumber(), relationship = "child", monthlyIncome = -1.234m, disabilityGrade = 7, selfCare = "x" } },
        };
        var problem = await (await client.PostAsJsonAsync("/api/v1/households", body, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "regionCode", "hukouType", "address", "members", "members[0].name", "members[0].monthlyIncome", "members[0].disabilityGrade", "members[0].selfCare" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Create_OutsideOwnScope_IsRefused()
    {
        using var township = await app.ClientAsAsync("township"); // 甘露镇
        var message = await (await township.PostAsJsonAsync("/api/v1/households", Household("360482101201", ("越权", NewIdNumber(), "head")), Ct))
            .AssertFieldErrorAsync("regionCode");
        Assert.Contains("管辖范围", message);
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("finance")]
    [InlineData("admin")]
    public async Task Create_RoleWithoutWriteRight_Is403(string role)
    {
        using var client = await app.ClientAsAsync(role);
        await (await client.PostAsJsonAsync("/api/v1/households", Household("360482100201", ("无权", NewIdNumber(), "head")), Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Idor_OtherTownshipOrVillage_IsNotFound_LeaderReadsButCannotWrite()
    {
        var jiangyi = await CreateAsync("county", "360482101201", ("江益户", NewIdNumber(), "head"));
        var dongfeng = await CreateAsync("county", "360482100202", ("东风户", NewIdNumber(), "head"));
        var hongguang = await CreateAsync("county", "360482100201", ("红光户", NewIdNumber(), "head"));

        using var township = await app.ClientAsAsync("township"); // 甘露镇
        await (await township.GetAsync($"/api/v1/households/{jiangyi}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await township.GetAsync($"/api/v1/households/{dongfeng}", Ct)).StatusCode);

        using var village = await app.ClientAsAsync("village"); // 红光村
        await (await village.GetAsync($"/api/v1/households/{dongfeng}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await village.GetAsync($"/api/v1/households/{hongguang}", Ct)).StatusCode);
        var villageSearch = await (await village.GetAsync("/api/v1/households?region=360482", Ct)).JsonAsync();
        Assert.All(villageSearch.EnumerateArray(), h => Assert.StartsWith("360482100201", h.GetProperty("regionCode").GetString()));

        var member = await MemberIdAsync(jiangyi);
        await (await township.PostAsJsonAsync($"/api/v1/persons/{member}/reveal", new { reason = "核对信息" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        using var leader = await app.ClientAsAsync("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/v1/households/{jiangyi}", Ct)).StatusCode);
        await (await leader.PostAsJsonAsync($"/api/v1/persons/{member}/reveal", new { reason = "核对信息" }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<string> MemberIdAsync(string householdId)
    {
        using var county = await app.ClientAsAsync("county");
        var household = await (await county.GetAsync($"/api/v1/households/{householdId}", Ct)).JsonAsync();
        return household.GetProperty("members")[0].GetProperty("personId").GetString()!;
    }

    [Fact]
    public async Task Search_ByFullIdNumberAndName_FindsTheHousehold()
    {
        var idNumber = NewIdNumber();
        var name = "查找" + Guid.NewGuid().ToString("N")[..4];
        var id = await CreateAsync("county", "360482200201", (name, idNumber, "head"));
        using var client = await app.ClientAsAsync("county");
        var byId = await (await client.GetAsync($"/api/v1/households?idNumber={idNumber}", Ct)).JsonAsync();
        Assert.Equal(id, Assert.Single(byId.EnumerateArray()).GetProperty("id").GetString());
        var byName = await (await client.GetAsync($"/api/v1/households?name={Uri.EscapeDataString(name)}&region=360482200", Ct)).JsonAsync();
        Assert.Equal(id, Assert.Single(byName.EnumerateArray()).GetProperty("id").GetString());
        await (await client.GetAsync("/api/v1/households?region=36048", Ct)).AssertFieldErrorAsync("region");
    }

    [Fact]
    public async Task Reveal_WithReason_ReturnsFullNumberAndIsAudited()
    {
        var idNumber = NewIdNumber();
        var member = await MemberIdAsync(await CreateAsync("township", "360482100203", ("揭示", idNumber, "head")));
        using var township = await app.ClientAsAsync("township");
        await (await township.PostAsJsonAsync($"/api/v1/persons/{member}/reveal", new { reason = "" }, Ct)).AssertFieldErrorAsync("reason");
        var revealed = await (await township.PostAsJsonAsync($"/api/v1/persons/{member}/reveal", new { reason = "入户核对身份" }, Ct)).JsonAsync();
        Assert.Equal(idNumber, revealed.GetProperty("idNumber").GetString());

        using var auditor = await app.ClientAsAsync("auditor");
        var entries = await (await auditor.GetAsync("/api/v1/audit?action=privacy.revealed&user=township", Ct)).JsonAsync();
        var entry = entries.EnumerateArray().First(e => e.GetProperty("entityId").GetString() == member);
        Assert.Contains("入户核对身份", entry.GetProperty("details").GetString());
        Assert.DoesNotContain(idNumber, entries.ToString());

        using var village = await app.ClientAsAsync("village");
        await (await village.PostAsJsonAsync($"/api/v1/persons/{member}/reveal", new { reason = "想看看" }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Get_AsOfBeforeRegistration_HasNoMembers()
    {
        var id = await CreateAsync("county", "360482201201", ("历史", NewIdNumber(), "head"));
        using var client = await app.ClientAsAsync("county");
        var before = await (await client.GetAsync($"/api/v1/households/{id}?asOf=2000-01-01", Ct)).JsonAsync();
        Assert.Equal(0, before.GetProperty("memberCount").GetInt32());
        await (await client.GetAsync($"/api/v1/households/{id}?asOf=2000-13-01", Ct)).AssertFieldErrorAsync("asOf");
    }

    [Fact]
    public async Task MoveMember_ToAnotherHousehold_ThenSplit_KeepsHistory()
    {
        var (head, child, other) = (NewIdNumber(), NewIdNumber(), NewIdNumber());
        var a = await CreateAsync("township", "360482100203", ("迁出户主", head, "head"), ("迁出子女", child, "child"));
        var b = await CreateAsync("township", "360482100203", ("迁入户主", other, "head"));
        using var township = await app.ClientAsAsync("township");
        var household = await (await township.GetAsync($"/api/v1/households/{a}", Ct)).JsonAsync();
        var headId = household.GetProperty("headPersonId").GetString();
        var childId = household.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("relationship").GetString() == "child").GetProperty("personId").GetString();

        // The head cannot leave while others remain.
        await (await township.PostAsJsonAsync($"/api/v1/households/{a}/members/{headId}/move", new { }, Ct)).AssertFieldErrorAsync("personId");

        var moved = await (await township.PostAsJsonAsync($"/api/v1/households/{a}/members/{childId}/move", new { toHouseholdId = b, relationship = "grandchild" }, Ct)).JsonAsync();
        Assert.Equal(b, moved.GetProperty("id").GetString());
        var afterA = await (await township.GetAsync($"/api/v1/households/{a}", Ct)).JsonAsync();
        Assert.Equal(1, afterA.GetProperty("memberCount").GetInt32());
        var left = afterA.GetProperty("history").EnumerateArray().Single(m => m.GetProperty("personId").GetString() == childId);
        Assert.NotEqual(JsonValueKind.Null, left.GetProperty("validTo").ValueKind);
        var afterB = await (await township.GetAsync($"/api/v1/households/{b}", Ct)).JsonAsync();
        Assert.Contains(afterB.GetProperty("members").EnumerateArray(), m => m.GetProperty("personId").GetString() == childId && m.GetProperty("relationship").GetString() == "grandchild");

        // 分户: the head, now alone, moves into a new household of their own.
        var split = await (await township.PostAsJsonAsync($"/api/v1/households/{a}/members/{headId}/move", new { }, Ct)).JsonAsync();
        var created = await (await township.GetAsync($"/api/v1/households/{split.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal(headId, created.GetProperty("headPersonId").GetString());
        Assert.Equal(0, (await (await township.GetAsync($"/api/v1/households/{a}", Ct)).JsonAsync()).GetProperty("memberCount").GetInt32());

        await (await township.PostAsJsonAsync($"/api/v1/households/{b}/members/{childId}/move", new { date = "2999-01-01" }, Ct)).AssertFieldErrorAsync("date");
        using var village = await app.ClientAsAsync("village"); // 红光村, not 新华村
        await (await village.PostAsJsonAsync($"/api/v1/households/{b}/members/{childId}/move", new { }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Incomes_ByPeriod_CountUnderPolicyAsDefaulted()
    {
        var id = await CreateAsync("township", "360482100201", ("收入户主", NewIdNumber(), "head"));
        var person = await MemberIdAsync(id);
        using var township = await app.ClientAsAsync("township");
        async Task Add(object body) => await (await township.PostAsJsonAsync($"/api/v1/persons/{person}/incomes", body, Ct)).JsonAsync(HttpStatusCode.Created);
        await Add(new { type = "wages", monthlyAmount = 1200.50m, validFrom = "2026-01-01", evidence = "务工证明" });
        await Add(new { type = "resident-pension", monthlyAmount = 150m, validFrom = "2026-01-01" }); // excluded by default
        await Add(new { type = "farming", monthlyAmount = 300m, validFrom = "2025-01-01", validTo = "2025-12-31" }); // ended

        var household = await (await township.GetAsync($"/api/v1/households/{id}", Ct)).JsonAsync();
        Assert.Equal(2, household.GetProperty("incomes").GetArrayLength());
        Assert.Equal(1200.50m, household.GetProperty("countedIncome").GetDecimal());
        // The farming income ended last year: it is not in force today.
        Assert.Equal(["wages", "resident-pension"], household.GetProperty("incomes").EnumerateArray().Select(i => i.GetProperty("type").GetString() ?? "").ToArray());

        var bad = await (await township.PostAsJsonAsync($"/api/v1/persons/{person}/incomes",
            new { type = "salary", monthlyAmount = -1m, validFrom = "2026-02-30", validTo = "x" }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "type", "monthlyAmount", "validFrom", "validTo" })
        {
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var (other, password) = await TestUsers.CreateAsync(app, "township", "360482101000");
        using var otherTownship = await app.ClientAsAsync(other, password);
        await (await otherTownship.PostAsJsonAsync($"/api/v1/persons/{person}/incomes", new { type = "wages", monthlyAmount = 1m, validFrom = "2026-01-01" }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DemoCounty_HasACaseload()
    {
        using var client = await app.ClientAsAsync("county");
        var rows = await (await client.GetAsync("/api/v1/households?region=360482&take=500", Ct)).JsonAsync();
        Assert.True(rows.GetArrayLength() >= 100, $"only {rows.GetArrayLength()} demo households");
        Assert.All(rows.EnumerateArray(), r => Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", r.GetProperty("headIdNumberMasked").GetString()));
        var roster = await client.GetByteArrayAsync("/api/v1/exports/assistance-roster.xlsx?region=360482", Ct);
        var programs = MiniExcelLibs.MiniExcel.Query(new MemoryStream(roster), useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r["保障类别"]?.ToString()).ToList();
        Assert.True(programs.Count >= 80, $"only {programs.Count} demo enrolments");
        Assert.Contains("农村低保", programs);
        Assert.Contains("城市低保", programs);
    }
}

public sealed class SqliteRegistryApiTests(SqliteApp app) : RegistryApiTests<SqliteApp>(app);

public sealed class PostgresRegistryApiTests(PostgresApp app) : RegistryApiTests<PostgresApp>(app);
