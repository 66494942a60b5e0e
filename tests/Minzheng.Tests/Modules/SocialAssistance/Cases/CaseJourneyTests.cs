using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>
/// Village → township → county over HTTP, on a fake clock that starts on Monday 2026-09-21 (10:00 Beijing time). The
/// clock only moves forward and is shared by the tests of a fixture, so tests that assert calendar dates have a fixture of their own.
/// </summary>
public abstract class CaseJourneyBase<TApp>(TApp app)
    where TApp : MinzhengApp
{
    public static FakeTimeProvider StartClock() => new(new DateTimeOffset(2026, 9, 21, 2, 0, 0, TimeSpan.Zero));

    protected TApp App => app;

    protected CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Today in Beijing on the fake clock, as YYYY-MM-DD.</summary>
    protected string Today => App.Clock!.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected static string Adult() => SqliteRegistryApiTests.NewAdultIdNumber();

    protected async Task<string> HouseholdAsync(HttpClient client, string region, params object[] members)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/households",
            new { regionCode = region, hukouType = "rural", address = "红光村五组", members }, Ct)).JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>A case of a one-off programme taken through 公示 to the county.</summary>
    protected async Task<string> OneOffAtCountyAsync(string program, string household, decimal? emergency = null)
    {
        using var township = await App.ClientAsAsync("township");
        var created = await township.PostAsJsonAsync("/api/v1/cases",
            new { program, householdId = household, authorisationSigned = true, emergencyAmount = emergency }, Ct);
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await ActAsync("township", id, "accept");
        await ActAsync("township", id, "investigate", new { date = Today, investigators = new[] { "甲", "乙" }, findings = "突发重病，医疗支出大" });
        await ActAsync("township", id, "check", new { passed = true });
        await ActAsync("reviewer", id, "township-review", new { approve = true, note = "符合" });
        await ActAsync("township", id, "start-publicity");
        App.AdvanceDays(14);
        await ActAsync("township", id, "end-publicity");
        return id;
    }

    protected async Task<JsonElement> ActAsync(string user, string caseId, string action, object? body = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var client = await App.ClientAsAsync(user);
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/{action}", body ?? new { }, Ct);
        return status == HttpStatusCode.OK ? await response.JsonAsync() : await response.AssertProblemAsync(status);
    }
}

public abstract class DibaoJourneyTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    [Fact]
    public async Task Dibao_VillageToTownshipToCounty_WithPublicityObjectionAndDeadlines()
    {
        using (var county = await App.ClientAsAsync("county"))
        {
            var standard = await county.PutAsJsonAsync("/api/v1/standards",
                new { program = "rural-dibao", regionCode = "360482100201", effectiveFrom = "2026-01-01", amount = 700, rounding = "yuan" }, Ct);
            Assert.True(standard.IsSuccessStatusCode);
        }

        using var village = await App.ClientAsAsync("village");
        using var township = await App.ClientAsAsync("township");
        var household = await HouseholdAsync(township, "360482100201",
            new { name = "赵有田", idNumber = Adult(), relationship = "head", monthlyIncome = 300m },
            new { name = "钱桂花", idNumber = Adult(), relationship = "spouse", monthlyIncome = 100m });

        var created = await (await township.PostAsJsonAsync("/api/v1/cases",
            new { program = "rural-dibao", householdId = household, authorisationSigned = true }, Ct)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var duplicate = await township.PostAsJsonAsync("/api/v1/cases", new { program = "rural-dibao", householdId = household, authorisationSigned = true }, Ct);
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict);

        var applied = await (await township.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync();
        Assert.Equal("2026-09-24", applied.GetProperty("dueOn").GetString()); // 3 wd after Monday

        await ActAsync("village", id, "accept", status: HttpStatusCode.Conflict);
        await ActAsync("township", id, "accept");
        await ActAsync("township", id, "investigate", new { date = "2026-09-21", investigators = new[] { "王晓梅" }, findings = "家中无稳定收入" }, HttpStatusCode.Conflict);
        await ActAsync("township", id, "investigate", new { date = "2026-09-21", investigators = new[] { "王晓梅", "刘强" }, findings = "家中无稳定收入" });
        await ActAsync("county", id, "decide", new { approve = true }, HttpStatusCode.Conflict);
        await ActAsync("reviewer", id, "township-review", new { approve = true, note = "符合条件" }, HttpStatusCode.Conflict);
        await ActAsync("township", id, "check", new { passed = true, note = "未发现车辆、房产" });
        // The clerk who recorded the home visit may not review the case (separation of duties).
        var own = await ActAsync("township", id, "township-review", new { approve = true, note = "符合条件" }, HttpStatusCode.Conflict);
        Assert.Contains("入户调查的经办人不能再对同一案件提出乡镇审核意见", own.GetProperty("detail").GetString());
        await ActAsync("reviewer", id, "township-review", new { approve = true, note = "符合条件" });
        var publicity = await ActAsync("township", id, "start-publicity", new { date = "2026-09-21" });
        Assert.Equal("2026-09-28", publicity.GetProperty("publicityUntil").GetString());
        await ActAsync("township", id, "end-publicity", status: HttpStatusCode.Conflict);
        await ActAsync("village", id, "object", new { note = "村民反映有外出务工收入" });
        await ActAsync("township", id, "resolve-objection", new { upheld = false, note = "核实为短期零工，已计入收入" });

        App.AdvanceDays(8); // Tuesday 2026-09-29
        var submitted = await ActAsync("township", id, "end-publicity");
        Assert.Equal("awaiting-decision", submitted.GetProperty("status").GetString());
        Assert.Equal("2026-10-19", submitted.GetProperty("dueOn").GetString()); // 10 wd across National Day and the 10-10 swap

        await ActAsync("township", id, "decide", new { approve = true }, HttpStatusCode.Conflict);
        var decided = await ActAsync("county", id, "decide", new { approve = true });
        Assert.Equal("approved", decided.GetProperty("status").GetString());
        Assert.Equal("2026-10", decided.GetProperty("startMonth").GetString()); // the month after the decision
        Assert.Equal(1000m, decided.GetProperty("amount").GetDecimal()); // (700 − 200) × 2
        Assert.Contains("\"standardId\"", decided.GetProperty("calculationJson").GetString());
        var events = decided.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["申请", "受理", "入户调查", "经济状况核对", "乡镇审核", "公示", "公示异议", "异议不成立", "公示期满，报县级审批", "批准"], events);

        using var countyClient = await App.ClientAsAsync("county");
        var after = await (await countyClient.GetAsync($"/api/v1/households/{household}", Ct)).JsonAsync();
        var enrollment = Assert.Single(after.GetProperty("enrollments").EnumerateArray());
        Assert.Equal(1000m, enrollment.GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal("2026-10", enrollment.GetProperty("startMonth").GetString());
        await ActAsync("county", id, "withdraw", new { reason = "办结后" }, HttpStatusCode.Conflict);
    }
}

public abstract class CaseJourneyTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    [Fact]
    public async Task Destitute_JourneyWithRelativeOfStaff_AndRefusalWithReasons()
    {
        using var township = await App.ClientAsAsync("township");
        var single = await HouseholdAsync(township, "360482100201", new { name = "孙老汉", idNumber = Adult(), relationship = "head", monthlyIncome = 0m, selfCare = "partial" });
        var id = (await (await township.PostAsJsonAsync("/api/v1/cases",
            new { program = "destitute-dispersed", householdId = single, authorisationSigned = true, relativeOfStaff = true }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await ActAsync("township", id, "accept");
        await ActAsync("township", id, "investigate", new { date = Today, investigators = new[] { "王晓梅", "刘强" }, findings = "无劳动能力、无生活来源、无法定赡养人" });
        await ActAsync("township", id, "democratic-review", new { note = "特困不适用" }, HttpStatusCode.Conflict);
        await ActAsync("township", id, "check", new { passed = true });
        await ActAsync("reviewer", id, "township-review", new { approve = true, note = "符合特困认定条件" });
        await ActAsync("township", id, "start-publicity");
        App.AdvanceDays(14); // past the 7-day 公示 even when its last day falls in a holiday
        await ActAsync("township", id, "end-publicity");
        await ActAsync("county", id, "decide", new { approve = true }, HttpStatusCode.Conflict);
        await ActAsync("county", id, "relative-review", new { note = "县级入户核查，系村干部堂叔，情况属实" });
        var decided = await ActAsync("county", id, "decide", new { approve = true });
        // Demo standard: basic living 1105 + care for 半失能 300.
        Assert.Equal(1405m, decided.GetProperty("amount").GetDecimal());

        using var later = await App.ClientAsAsync("township");
        var other = await HouseholdAsync(later, "360482100201", new { name = "周某", idNumber = Adult(), relationship = "head", monthlyIncome = 3000m });
        var refusedId = (await (await later.PostAsJsonAsync("/api/v1/cases",
            new { program = "rural-dibao", householdId = other, authorisationSigned = true }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await ActAsync("township", refusedId, "accept");
        await ActAsync("township", refusedId, "investigate", new { date = Today, investigators = new[] { "甲", "乙" }, findings = "有稳定工资" });
        await ActAsync("township", refusedId, "check", new { passed = false, note = "工资收入高于标准" });
        await ActAsync("reviewer", refusedId, "township-review", new { approve = false, note = "收入超标" });
        await ActAsync("county", refusedId, "decide", new { approve = false }, HttpStatusCode.Conflict);
        var refused = await ActAsync("county", refusedId, "decide", new { approve = false, reason = "家庭人均收入高于当地低保标准" });
        Assert.Equal("refused", refused.GetProperty("status").GetString());
    }

    private static int _child;

    /// <summary>An orphan-allowance case (no 公示) taken to the county with the given check result.</summary>
    private async Task<string> AtCountyAsync(bool passes)
    {
        using var township = await App.ClientAsAsync("township");
        var child = $"110105{App.Clock!.GetUtcNow().Year - 10}0101{Interlocked.Increment(ref _child) + 100}";
        child += Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(child);
        var household = await HouseholdAsync(township, "360482100203", new { name = "孤儿甲", idNumber = child, relationship = "head", monthlyIncome = 0m });
        var id = (await (await township.PostAsJsonAsync("/api/v1/cases", new { program = "orphan", householdId = household, authorisationSigned = true }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await ActAsync("township", id, "accept");
        await ActAsync("township", id, "investigate", new { date = Today, investigators = new[] { "甲", "乙" }, findings = "父母双亡" });
        await ActAsync("township", id, "check", new { passed = passes });
        await ActAsync("reviewer", id, "township-review", new { approve = passes, note = passes ? "符合" : "不符合" });
        return id;
    }

    [Fact]
    public async Task BatchApproval_ApprovesOnlyCasesThatPassedEveryCheck()
    {
        var good = await AtCountyAsync(passes: true);
        var bad = await AtCountyAsync(passes: false);
        using var county = await App.ClientAsAsync("county");
        var results = await (await county.PostAsJsonAsync("/api/v1/cases/batch-approval", new { ids = new[] { good, bad } }, Ct)).JsonAsync();
        Assert.True(results.EnumerateArray().Single(r => r.GetProperty("id").GetString() == good).GetProperty("approved").GetBoolean());
        var refused = results.EnumerateArray().Single(r => r.GetProperty("id").GetString() == bad);
        Assert.False(refused.GetProperty("approved").GetBoolean());
        Assert.Contains("逐件审批", refused.GetProperty("message").GetString());
        Assert.Equal("approved", (await (await county.GetAsync($"/api/v1/cases/{good}", Ct)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("awaiting-decision", (await (await county.GetAsync($"/api/v1/cases/{bad}", Ct)).JsonAsync()).GetProperty("status").GetString());
    }


    [Fact]
    public async Task Temporary_EmergencyFromTheReserve_CeilingNeedsCaseByCaseReason_MedicalStopsAtTheAnnualCap()
    {
        using (var county = await App.ClientAsAsync("county"))
        {
            var allocated = await county.PostAsJsonAsync("/api/v1/reserve-funds", new { regionCode = "360482100000", amount = 3000m }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, allocated.StatusCode);
        }

        using var township = await App.ClientAsAsync("township");
        var household = await HouseholdAsync(township, "360482100202", new { name = "急难户", idNumber = Adult(), relationship = "head", monthlyIncome = 0m });
        var tooMuch = await township.PostAsJsonAsync("/api/v1/cases",
            new { program = "temporary", householdId = household, authorisationSigned = true, emergencyAmount = 999999m }, Ct);
        Assert.Contains("余额", (await tooMuch.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var temporary = await OneOffAtCountyAsync("temporary", household, emergency: 1000m);
        using var fresh = await App.ClientAsAsync("township"); // the clock moved: earlier tokens have expired
        var before = await (await fresh.GetAsync($"/api/v1/cases/{temporary}", Ct)).JsonAsync();
        Assert.Equal(1000m, before.GetProperty("emergencyAmount").GetDecimal());
        // Demo rural standard 680 × 6 = 4080: above it the county must give a case-by-case reason.
        await ActAsync("county", temporary, "decide", new { approve = true, amount = 5000m }, HttpStatusCode.Conflict);
        var decided = await ActAsync("county", temporary, "decide", new { approve = true, amount = 5000m, reason = "一事一议：火灾致房屋全毁" });
        Assert.Equal(5000m, decided.GetProperty("amount").GetDecimal());

        var first = await OneOffAtCountyAsync("medical", household);
        var paid = await ActAsync("county", first, "decide", new { approve = true, amount = 10000m });
        Assert.Equal(6000m, paid.GetProperty("amount").GetDecimal()); // 因病致贫 60% (demo)
        var second = await OneOffAtCountyAsync("medical", household);
        var capped = await ActAsync("county", second, "decide", new { approve = true, amount = 100000m });
        Assert.Equal(paid.GetProperty("startMonth").GetString()![..4], capped.GetProperty("startMonth").GetString()![..4]); // same year on this clock
        Assert.Equal(44000m, capped.GetProperty("amount").GetDecimal()); // 50,000 cap − 6,000 already paid this year
    }

    [Fact]
    public async Task CaseOutsideScope_IsNotFound_AndWorkListsShowUrgency()
    {
        using var township = await App.ClientAsAsync("township");
        // In the demo village 红光村, so its village assistant sees the case too.
        var household = await HouseholdAsync(township, "360482100201", new { name = "吴某", idNumber = Adult(), relationship = "head", monthlyIncome = 0m });
        var id = (await (await township.PostAsJsonAsync("/api/v1/cases",
            new { program = "rural-dibao", householdId = household, authorisationSigned = true }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        // The steps on offer come from the declared procedure: the township may accept or record a withdrawal, the village neither.
        var offered = (await (await township.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync()).GetProperty("availableActions");
        Assert.Equal(["accept", "withdraw"], offered.EnumerateArray().Select(a => a.GetString()));
        using var village = await App.ClientAsAsync("village");
        Assert.Empty((await (await village.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync()).GetProperty("availableActions").EnumerateArray());
        var (user, password) = await TestUsers.CreateAsync(App, "township", "360482200000");
        using var outsider = await App.ClientAsAsync(user, password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/cases/{id}", Ct)).StatusCode);
        await (await outsider.PostAsJsonAsync($"/api/v1/cases/{id}/accept", new { }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, (await outsider.GetStringAsync("/api/v1/cases", Ct)));

        App.AdvanceDays(20); // far past the 3 wd acceptance limit, whatever holidays fall in between
        using var again = await App.ClientAsAsync("township");
        var overdue = await (await again.GetAsync("/api/v1/cases?due=overdue", Ct)).JsonAsync();
        Assert.Contains(overdue.EnumerateArray(), c => c.GetProperty("id").GetString() == id && c.GetProperty("urgency").GetString() == "overdue");
        var board = await (await again.GetAsync("/api/v1/cases/deadline-board", Ct)).JsonAsync();
        Assert.True(board.EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "360482100000").GetProperty("overdue").GetInt32() >= 1);

        // The platform's work list and board carry the same case, among every module's deadlines, within the region only.
        var work = await (await again.GetAsync("/api/v1/deadlines?due=overdue", Ct)).JsonAsync();
        var item = Assert.Single(work.EnumerateArray(), i => i.GetProperty("href").GetString() == $"/Cases/Detail?id={id}");
        Assert.Equal("救助申请", item.GetProperty("kind").GetString());
        Assert.Equal("overdue", item.GetProperty("urgency").GetString());
        var township100 = (await (await again.GetAsync("/api/v1/deadlines/board", Ct)).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("regionCode").GetString() == "360482100000");
        Assert.True(township100.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "救助申请").GetProperty("overdue").GetInt32() >= 1);
        using var outsiderLater = await App.ClientAsAsync(user, password);
        Assert.DoesNotContain(id, await outsiderLater.GetStringAsync("/api/v1/deadlines", Ct));
        await (await again.GetAsync("/api/v1/deadlines?due=someday", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

public class SqliteClockApp : SqliteApp
{
    public SqliteClockApp() => Clock = CaseJourneyBase<SqliteApp>.StartClock();
}

public class PostgresClockApp : PostgresApp
{
    public PostgresClockApp() => Clock = CaseJourneyBase<PostgresApp>.StartClock();
}

/// <summary>A second clock-driven app per database, so the date-asserting journey has a clock nobody else moves.</summary>
public sealed class SqliteDibaoClockApp : SqliteClockApp;

public sealed class PostgresDibaoClockApp : PostgresClockApp;

public sealed class SqliteDibaoJourneyTests(SqliteDibaoClockApp app) : DibaoJourneyTests<SqliteDibaoClockApp>(app);

public sealed class PostgresDibaoJourneyTests(PostgresDibaoClockApp app) : DibaoJourneyTests<PostgresDibaoClockApp>(app);

public sealed class SqliteCaseJourneyTests(SqliteClockApp app) : CaseJourneyTests<SqliteClockApp>(app);

public sealed class PostgresCaseJourneyTests(PostgresClockApp app) : CaseJourneyTests<PostgresClockApp>(app);
