using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Minzheng.Tests.Modules.Veterans.VeteranFixtures;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>
/// 年度确认 on both databases: the county lists every allowance holder of the region (not the pensioners), the township
/// records outcomes, nothing applies while anyone is unheard, and the apply ends the allowances — the next payroll pays
/// only those confirmed — once, whatever races.
/// </summary>
public abstract class VeteranConfirmationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Allowance = "veterans-allowance";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Holder(string name, string village, string category = "war-participant") => new
    {
        name,
        idNumber = Funeral.FuneralIds.Elder(1955),
        regionCode = village,
        category,
        enlistedOn = "1978-03-01",
        dischargedOn = "1981-01-15",
        startMonth = "2026-10",
        rural = true,
        bankName = "共青城农商银行",
        bankAccount = "6217000011113333",
    };

    /// <summary>A village with an allowance standard from October 2026, three allowance holders and one pensioner.</summary>
    private async Task<(string Village, List<JsonElement> Holders)> VillageAsync(HttpClient veterans)
    {
        var village = await PaymentFixtures.VillageAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await veterans.PostAsJsonAsync("/api/v1/veterans/standards", new
        {
            category = "war-participant",
            regionCode = village,
            effectiveMonth = "2026-10",
            nationalAmount = 800m,
            localAmount = 0m,
            per = "month",
            citation = "测试标准",
        }, Ct)).StatusCode);
        var holders = new List<JsonElement>();
        foreach (var name in new[] { "癸参战甲", "癸参战乙", "癸参战丙" })
        {
            holders.Add(await RegisterAsync(veterans, Holder(name, village)));
        }

        await RegisterAsync(veterans, Disabled("癸伤残", village, start: "2026-10"));
        return (village, holders);
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string region, string dueOn = "2026-10-31", string effectiveMonth = "2026-11") =>
        await client.PostAsJsonAsync("/api/v1/veterans/confirmations", new { year = 2026, regionCode = region, dueOn, effectiveMonth }, Ct);

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, string campaign, JsonElement item, object body) =>
        await client.PutAsJsonAsync($"/api/v1/veterans/confirmations/{campaign}/items/{item.GetProperty("id").GetString()}", body, Ct);

    [Fact]
    public async Task TheTownshipRecordsOutcomes_TheCountyApplies_AndTheNextPayrollPaysOnlyThoseConfirmed()
    {
        using var veterans = await app.ClientAsAsync("veterans");
        using var county = await app.ClientAsAsync("county");
        var (village, holders) = await VillageAsync(veterans);
        var opened = await (await OpenAsync(veterans, village)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, opened.GetProperty("persons").GetInt32());
        var campaign = opened.GetProperty("id").GetString()!;
        await (await OpenAsync(veterans, village)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await OpenAsync(veterans, village[..9])).AssertProblemAsync(HttpStatusCode.Conflict);
        await PaymentFixtures.PayrollAsync(app, Allowance, village, "2026-10");

        using var township = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.Forbidden, (await OpenAsync(township, village, "2026-12-31", "2027-01")).StatusCode);
        var items = (await (await township.GetAsync($"/api/v1/veterans/confirmations/{campaign}", Ct)).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["癸参战丙", "癸参战乙", "癸参战甲"], items.Select(i => i.GetProperty("name").GetString()).Order());
        Assert.All(items, i => Assert.Equal(("pending", "待确认"), (i.GetProperty("outcome").GetString(), i.GetProperty("outcomeName").GetString())));
        Assert.All(items, i => Assert.Contains("****", i.GetProperty("idNumberMasked").GetString()));
        var byName = items.ToDictionary(i => i.GetProperty("name").GetString()!);

        // Bad outcomes write nothing: an unknown outcome, an end without its reason, a control character in the note.
        await (await RecordAsync(township, campaign, byName["癸参战甲"], new { outcome = "maybe" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await RecordAsync(township, campaign, byName["癸参战甲"], new { outcome = "pending" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var noReason = await (await RecordAsync(township, campaign, byName["癸参战甲"], new { outcome = "ended" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("终止须选择原因", noReason.GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.NotEqual(HttpStatusCode.NoContent, (await RecordAsync(township, campaign, byName["癸参战甲"], new { outcome = "confirmed", note = "正常\u0007" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await RecordAsync(township, campaign, byName["癸参战甲"], new { outcome = "confirmed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await RecordAsync(township, campaign, byName["癸参战乙"], new { outcome = "ended", reason = "moved-away", note = "迁往外省" })).StatusCode);
        var early = await (await veterans.PostAsync($"/api/v1/veterans/confirmations/{campaign}/apply", null, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("尚有 1 人未登记", early.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsync($"/api/v1/veterans/confirmations/{campaign}/apply", null, Ct)).StatusCode);
        // An outcome may change until the apply: 丙 was first ended, then confirmed.
        Assert.Equal(HttpStatusCode.NoContent, (await RecordAsync(township, campaign, byName["癸参战丙"], new { outcome = "ended", reason = "other", note = "待核" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await RecordAsync(township, campaign, byName["癸参战丙"], new { outcome = "confirmed" })).StatusCode);

        var applied = await (await veterans.PostAsync($"/api/v1/veterans/confirmations/{campaign}/apply", null, Ct)).JsonAsync();
        Assert.Equal((2, 1, "2026-11"), (applied.GetProperty("confirmed").GetInt32(), applied.GetProperty("ended").GetInt32(), applied.GetProperty("effectiveMonth").GetString()));
        await (await veterans.PostAsync($"/api/v1/veterans/confirmations/{campaign}/apply", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await RecordAsync(township, campaign, byName["癸参战甲"], new { outcome = "ended", reason = "other" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var ended = holders[1];
        var detail = await (await veterans.GetAsync($"/api/v1/veterans/entitlements/{ended.GetProperty("id").GetString()}", Ct)).JsonAsync();
        Assert.Equal("ended", detail.GetProperty("status").GetString());
        var ended2 = await (await veterans.GetAsync($"/api/v1/veterans/confirmations/{campaign}?outcome=ended", Ct)).JsonAsync();
        Assert.Equal("户籍迁出本地", Assert.Single(ended2.GetProperty("items").EnumerateArray()).GetProperty("reasonName").GetString());
        Assert.Equal("applied", ended2.GetProperty("campaign").GetProperty("status").GetString());

        var november = await PaymentFixtures.LinesAsync(county, await PaymentFixtures.PayrollAsync(app, Allowance, village, "2026-11"));
        Assert.Equal(2, november.Count);
        Assert.DoesNotContain(november, l => l.GetProperty("enrollmentId").GetString() == ended.GetProperty("enrollmentId").GetString());
    }

    [Fact]
    public async Task AnotherTownshipSeesNothing_APaidEffectiveMonthIsRefused_AndBadRequestsWriteNothing()
    {
        using var veterans = await app.ClientAsAsync("veterans");
        var (village, _) = await VillageAsync(veterans);
        await PaymentFixtures.PayrollAsync(app, Allowance, village, "2026-10");
        var paid = await (await OpenAsync(veterans, village, "2026-10-15", "2026-10")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("2026-10", paid.GetProperty("errors").GetProperty("effectiveMonth")[0].GetString());
        await (await OpenAsync(veterans, village, "2026-12-15", "2026-11")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await OpenAsync(veterans, "999999")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await veterans.PostAsJsonAsync("/api/v1/veterans/confirmations", new { year = 1900, regionCode = village, dueOn = "2026-10-31", effectiveMonth = "2026-11" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await OpenAsync(veterans, village, "not-a-date", "11/2026")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.DoesNotContain((await (await veterans.GetAsync("/api/v1/veterans/confirmations", Ct)).JsonAsync()).EnumerateArray(),
            c => c.GetProperty("regionPrefix").GetString() == village);

        var campaign = (await (await OpenAsync(veterans, village, "2026-11-30", "2026-12")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var item = (await (await veterans.GetAsync($"/api/v1/veterans/confirmations/{campaign}", Ct)).JsonAsync()).GetProperty("items")[0];
        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482200000");
        using var other = await app.ClientAsAsync(user, password);
        await (await other.GetAsync($"/api/v1/veterans/confirmations/{campaign}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await RecordAsync(other, campaign!, item, new { outcome = "confirmed" })).AssertProblemAsync(HttpStatusCode.NotFound);
        using var marriage = await app.ClientAsAsync("marriage");
        Assert.Equal(HttpStatusCode.Forbidden, (await marriage.GetAsync("/api/v1/veterans/confirmations", Ct)).StatusCode);
    }

    [Fact]
    public async Task TwoClerksApplyingAtOnce_ApplyItOnce_AndTheBoardShowsTheUnheardToTheTownship()
    {
        using var veterans = await app.ClientAsAsync("veterans");
        var (village, _) = await VillageAsync(veterans);
        var campaign = (await (await OpenAsync(veterans, village, "2026-11-15", "2026-12")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        using var township = await app.ClientAsAsync("township");
        var board = await township.GetStringAsync("/api/v1/deadlines?take=1000", Ct);
        Assert.Contains($"/Veterans/Confirmations?id={campaign}", board);
        Assert.Contains("2026年度优抚对象年度确认：待确认3人", board);

        var items = (await (await township.GetAsync($"/api/v1/veterans/confirmations/{campaign}", Ct)).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        foreach (var item in items)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await RecordAsync(township, campaign, item, new { outcome = "ended", reason = "not-confirmed" })).StatusCode);
        }

        Assert.DoesNotContain($"/Veterans/Confirmations?id={campaign}", await township.GetStringAsync("/api/v1/deadlines?take=1000", Ct));
        using var second = await app.ClientAsAsync("veterans");
        var responses = await Task.WhenAll(veterans.PostAsync($"/api/v1/veterans/confirmations/{campaign}/apply", null, Ct),
            second.PostAsync($"/api/v1/veterans/confirmations/{campaign}/apply", null, Ct));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(0, await TotalAsync(veterans, $"region={village}&category=war-participant&status=active"));
        Assert.Equal(3, await TotalAsync(veterans, $"region={village}&category=war-participant&status=ended"));
    }
}

public sealed class SqliteVeteranConfirmationTests(SqliteApp app) : VeteranConfirmationTests<SqliteApp>(app);

public sealed class PostgresVeteranConfirmationTests(PostgresApp app) : VeteranConfirmationTests<PostgresApp>(app);
