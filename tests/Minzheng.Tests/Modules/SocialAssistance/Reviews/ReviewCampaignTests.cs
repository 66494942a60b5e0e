using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Reviews;

/// <summary>复核 campaigns and the enrolment lifecycle: outcomes by township, applied from a month, cancellations with reasons.</summary>
public abstract class ReviewCampaignTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static int _village = 40;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new village of 甘露镇 with three rural Dibao households imported by roster; returns the village code and the enrolment ids.</summary>
    private async Task<(string Village, List<string> Enrollments)> CaseloadAsync()
    {
        var village = $"360482100{Interlocked.Increment(ref _village) + 200}";
        using (var admin = await app.ClientAsAsync("admin"))
        {
            var created = await admin.PostAsJsonAsync("/api/v1/regions", new { code = village, name = $"复核测试村{village[^3..]}", parentCode = "360482100000" }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var county = await app.ClientAsAsync("county");
        var rows = Enumerable.Range(0, 3).Select(i =>
            $"{village},农村低保,复核户{i},{SqliteRegistryApiTests.NewIdNumber()},2,2,{500 + (i * 10)}.00,2026-01,,,,复核村{i}号");
        var csv = Encoding.UTF8.GetBytes(string.Join("\n", [string.Join(",", AssistanceRoster.Headers), .. rows]));
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, csv, "review.csv")).JsonAsync();
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        var list = await (await county.GetAsync($"/api/v1/enrollments?region={village}", Ct)).JsonAsync();
        return (village, list.EnumerateArray().OrderBy(e => e.GetProperty("monthlyAmount").GetDecimal()).Select(e => e.GetProperty("id").GetString()!).ToList());
    }

    [Fact]
    public async Task Campaign_ListsEveryEnrolment_RecordsOutcomes_AndAppliesThemFromTheMonth()
    {
        var (village, enrollments) = await CaseloadAsync();
        using var county = await app.ClientAsAsync("county");
        var opened = await (await county.PostAsJsonAsync("/api/v1/reviews",
            new { program = "rural-dibao", regionCode = village, name = "2027年1月农村低保复核", dueOn = "2099-01-31", effectiveMonth = "2027-01" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetString();
        var detail = await (await county.GetAsync($"/api/v1/reviews/{id}", Ct)).JsonAsync();
        var items = detail.GetProperty("items").EnumerateArray().OrderBy(i => i.GetProperty("monthlyAmount").GetDecimal()).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(0, detail.GetProperty("campaign").GetProperty("done").GetInt32());

        using var township = await app.ClientAsAsync("township");
        string Item(int i) => $"/api/v1/reviews/{id}/items/{items[i].GetProperty("id").GetString()}";
        Assert.Equal(HttpStatusCode.NoContent, (await township.PostAsJsonAsync(Item(0), new { outcome = "continue" }, Ct)).StatusCode);
        await (await township.PostAsJsonAsync(Item(1), new { outcome = "adjust" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await township.PostAsJsonAsync(Item(1), new { outcome = "adjust", monthlyAmount = 300m, note = "收入增加" }, Ct)).StatusCode);

        var early = await county.PostAsync($"/api/v1/reviews/{id}/apply", null, Ct);
        Assert.Contains("尚有 1 户", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.NoContent,
            (await township.PostAsJsonAsync(Item(2), new { outcome = "cancel", reason = "income-above-standard", note = "子女就业" }, Ct)).StatusCode);
        var progress = (await (await county.GetAsync("/api/v1/reviews", Ct)).JsonAsync()).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(3, progress.GetProperty("done").GetInt32());
        Assert.Equal(3, progress.GetProperty("townships").EnumerateArray().Single().GetProperty("done").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsync($"/api/v1/reviews/{id}/apply", null, Ct)).StatusCode);
        var kept = await (await county.GetAsync($"/api/v1/enrollments/{enrollments[0]}", Ct)).JsonAsync();
        Assert.Equal("reviewed", Assert.Single(kept.GetProperty("events").EnumerateArray()).GetProperty("kind").GetString());
        var adjusted = await (await county.GetAsync($"/api/v1/enrollments/{enrollments[1]}", Ct)).JsonAsync();
        Assert.Equal(300m, adjusted.GetProperty("enrollment").GetProperty("monthlyAmount").GetDecimal());
        Assert.Equal(510m, adjusted.GetProperty("events")[0].GetProperty("oldAmount").GetDecimal());
        var cancelled = await (await county.GetAsync($"/api/v1/enrollments/{enrollments[2]}", Ct)).JsonAsync();
        Assert.Equal("terminated", cancelled.GetProperty("enrollment").GetProperty("status").GetString());
        Assert.Equal("2026-12", cancelled.GetProperty("enrollment").GetProperty("endMonth").GetString());
        Assert.Equal("家庭收入超过保障标准", cancelled.GetProperty("events")[0].GetProperty("reasonName").GetString());

        await (await township.PostAsJsonAsync(Item(0), new { outcome = "cancel", reason = "death" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await county.PostAsync($"/api/v1/reviews/{id}/apply", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ATownshipCampaign_IsSeenByEachVillage_AsItsOwnPart()
    {
        var (village, _) = await CaseloadAsync();
        var (other, _) = await CaseloadAsync();
        using var county = await app.ClientAsAsync("county");
        var id = (await (await county.PostAsJsonAsync("/api/v1/reviews",
            new { program = "rural-dibao", regionCode = "360482100000", name = "甘露镇农村低保复核", dueOn = "2099-01-31", effectiveMonth = "2027-06" }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var (user, password) = await TestUsers.CreateAsync(app, "village", village);
        using var assistant = await app.ClientAsAsync(user, password);
        var listed = (await (await assistant.GetAsync("/api/v1/reviews", Ct)).JsonAsync()).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(3, listed.GetProperty("total").GetInt32()); // its own three households, not the township's
        var items = (await (await assistant.GetAsync($"/api/v1/reviews/{id}", Ct)).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal(village, i.GetProperty("regionCode").GetString()));
        Assert.DoesNotContain(items, i => i.GetProperty("regionCode").GetString() == other);
        // Seeing is not recording: outcomes stay with the township and county reviewers.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await assistant.PostAsJsonAsync($"/api/v1/reviews/{id}/items/{items[0].GetProperty("id").GetString()}", new { outcome = "continue" }, Ct)).StatusCode);

        // A village of another township has nothing in it: the campaign stays invisible.
        var (outsider, outsiderPassword) = await TestUsers.CreateAsync(app, "village", "360482201201");
        using var stranger = await app.ClientAsAsync(outsider, outsiderPassword);
        Assert.DoesNotContain((await (await stranger.GetAsync("/api/v1/reviews", Ct)).JsonAsync()).EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/reviews/{id}", Ct)).StatusCode);
    }

    [Theory]
    // Enrolments started 2026-01: due for a 12-month cycle effective 2027-01, not yet for a 13-month one.
    [InlineData(12, 3)]
    [InlineData(13, 0)]
    public async Task Campaign_WithACycle_ListsOnlyEnrolmentsDue(int months, int expected)
    {
        var (village, _) = await CaseloadAsync();
        using var county = await app.ClientAsAsync("county");
        var opened = await (await county.PostAsJsonAsync("/api/v1/reviews", new
        {
            program = "rural-dibao",
            regionCode = village,
            name = "周期复核",
            dueOn = "2099-01-31",
            effectiveMonth = "2027-01",
            monthsSinceReview = months,
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var detail = await (await county.GetAsync($"/api/v1/reviews/{opened.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal(expected, detail.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Lookback_RandomSampleTakesTheShare_RiskSampleTakesHouseholdsWithATipOff_AndCountsTheCancelled()
    {
        var (village, enrollments) = await CaseloadAsync();
        using var county = await app.ClientAsAsync("county");
        object Campaign(string sample, int? percent) => new
        {
            program = "rural-dibao",
            regionCode = village,
            name = $"回头看{sample}",
            dueOn = "2099-01-31",
            effectiveMonth = "2027-01",
            sample,
            percent,
        };
        await (await county.PostAsJsonAsync("/api/v1/reviews", Campaign("random", null), Ct)).AssertFieldErrorAsync("percent");
        await (await county.PostAsJsonAsync("/api/v1/reviews", Campaign("lucky", null), Ct)).AssertFieldErrorAsync("sample");
        var random = await (await county.PostAsJsonAsync("/api/v1/reviews", Campaign("random", 50), Ct)).JsonAsync(HttpStatusCode.Created);
        var drawn = await (await county.GetAsync($"/api/v1/reviews/{random.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal(2, drawn.GetProperty("items").GetArrayLength()); // ⌈3 × 50%⌉

        var household = (await (await county.GetAsync($"/api/v1/enrollments/{enrollments[1]}", Ct)).JsonAsync()).GetProperty("enrollment").GetProperty("householdId").GetString();
        await (await county.PostAsJsonAsync("/api/v1/verification/tip-offs", new { channel = "letter", householdId = household, subjectName = "复核户", content = "反映有经营收入" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var risk = await (await county.PostAsJsonAsync("/api/v1/reviews", Campaign("risk", null), Ct)).JsonAsync(HttpStatusCode.Created);
        var riskId = risk.GetProperty("id").GetString();
        var item = Assert.Single((await (await county.GetAsync($"/api/v1/reviews/{riskId}", Ct)).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(enrollments[1], item.GetProperty("enrollmentId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync($"/api/v1/reviews/{riskId}/items/{item.GetProperty("id").GetString()}",
            new { outcome = "cancel", reason = "income-above-standard", note = "查实经营收入" }, Ct)).StatusCode);
        var listed = (await (await county.GetAsync("/api/v1/reviews", Ct)).JsonAsync()).EnumerateArray().Single(c => c.GetProperty("id").GetString() == riskId);
        Assert.Equal(("risk", 1, 2), (listed.GetProperty("sample").GetString(), listed.GetProperty("cancelledHouseholds").GetInt32(), listed.GetProperty("cancelledPersons").GetInt32()));
    }

    [Fact]
    public async Task Enrollment_SuspendResumeTerminate_WithReasons_AndOnlyTheCountyActs()
    {
        var (_, enrollments) = await CaseloadAsync();
        var id = enrollments[0];
        using var township = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsJsonAsync($"/api/v1/enrollments/{id}/suspend", new { fromMonth = "2026-12", note = "x" }, Ct)).StatusCode);

        using var county = await app.ClientAsAsync("county");
        async Task<HttpResponseMessage> Act(string action, object body) => await county.PostAsJsonAsync($"/api/v1/enrollments/{id}/{action}", body, Ct);
        await (await Act("suspend", new { fromMonth = "2026-12" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var suspended = await (await Act("suspend", new { fromMonth = "2026-12", note = "外出务工待核实" })).JsonAsync();
        Assert.Equal("suspended", suspended.GetProperty("enrollment").GetProperty("status").GetString());
        await (await Act("adjust", new { fromMonth = "2026-12", monthlyAmount = 100m })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await Act("resume", new { fromMonth = "2027-01" })).JsonAsync();
        await (await Act("terminate", new { fromMonth = "2027-02", reason = "bored" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await Act("terminate", new { fromMonth = "13-2027", reason = "moved-away" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var ended = await (await Act("terminate", new { fromMonth = "2027-02", reason = "moved-away", note = "迁往外省" })).JsonAsync();
        Assert.Equal("2027-01", ended.GetProperty("enrollment").GetProperty("endMonth").GetString());
        Assert.Equal(["suspended", "resumed", "terminated"], ended.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        await (await Act("terminate", new { fromMonth = "2027-03", reason = "other" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class SqliteReviewCampaignTests(SqliteApp app) : ReviewCampaignTests<SqliteApp>(app);

public sealed class PostgresReviewCampaignTests(PostgresApp app) : ReviewCampaignTests<PostgresApp>(app);
