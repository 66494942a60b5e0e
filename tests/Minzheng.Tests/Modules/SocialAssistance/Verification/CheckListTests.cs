using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Verification;

/// <summary>
/// 家庭经济状况核对 lists and the 近亲属备案 register: matched against beneficiaries and applicants, blocking findings stop
/// an approval until dismissed, confirmed ones stop payment; relatives flag the application for the separate review.
/// </summary>
public abstract class CheckListTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string EconomicHeader = "身份证号,姓名,数据类别,明细,金额,数据日期,数据来源\n";

    private async Task<JsonElement> ImportAsync(HttpClient county, string kind, string csv, bool skipInvalid = false)
    {
        var staged = await (await county.UploadImportAsync(kind, Encoding.UTF8.GetBytes(csv), "list.csv")).JsonAsync();
        return await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit?skipInvalid={skipInvalid}", null, Ct)).JsonAsync();
    }

    private async Task<List<JsonElement>> FindingsAsync(HttpClient client, string type, string region) =>
        (await (await client.GetAsync($"/api/v1/verification/findings?type={type}&region={region}", Ct)).JsonAsync()).EnumerateArray().ToList();

    [Fact]
    public async Task EconomicList_BadRowsNamed_VehicleOfABeneficiaryBlocks_AndConfirmStopsPayment()
    {
        var village = await VillageAsync(App);
        var payee = (await CaseloadAsync(App, village, "农村低保", 450m)).Single();
        using var county = await App.ClientAsAsync("county");
        var csv = EconomicHeader + $"{payee.IdNumber},{payee.Name},车辆,赣G12345 小型轿车,,2026-05-01,公安交管\n" + $"{payee.IdNumber},{payee.Name},游艇,某船,,2026-05-01,海事\n"
            + $"{Adult()},某甲,大额存款,工商银行,-1,2026-05-01,银行\n" + $"{Adult()},某乙,房产,,,2099-01-01,不动产登记中心\n";
        var staged = await (await county.UploadImportAsync("economic-records", Encoding.UTF8.GetBytes(csv), "list.csv")).JsonAsync();
        var errors = staged.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "数据类别"), (4, "金额"), (5, "明细"), (5, "数据日期")], errors);
        var url = $"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit";
        await (await county.PostAsync(url, null, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var committed = await (await county.PostAsync(url + "?skipInvalid=true", null, Ct)).JsonAsync();
        Assert.Equal((1, 1), (committed.GetProperty("imported").GetInt32(), committed.GetProperty("matched").GetInt32()));

        var finding = Assert.Single(await FindingsAsync(county, "economic", village));
        Assert.Equal(("vehicle", "车辆", true, payee.EnrollmentId), (finding.GetProperty("category").GetString(), finding.GetProperty("categoryName").GetString(),
            finding.GetProperty("blocking").GetBoolean(), finding.GetProperty("enrollmentId").GetString()));
        Assert.Contains("赣G12345", finding.GetProperty("evidence").GetString());
        var again = await ImportAsync(county, "economic-records", EconomicHeader + $"{payee.IdNumber},{payee.Name},车辆,赣G12345 小型轿车,,2026-05-01,公安交管\n");
        Assert.Equal(1, again.GetProperty("matched").GetInt32());
        Assert.Single(await FindingsAsync(county, "economic", village)); // the same fact twice is one piece of work

        var resolve = $"/api/v1/verification/findings/{finding.GetProperty("id").GetString()}/resolve";
        await (await county.PostAsJsonAsync(resolve, new { decision = "confirm" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync(resolve, new { decision = "confirm", fromMonth = "2026-12" }, Ct)).StatusCode);
        var enrollment = await (await county.GetAsync($"/api/v1/enrollments/{payee.EnrollmentId}", Ct)).JsonAsync();
        Assert.Equal(("terminated", "核对发现隐瞒收入或财产"), (enrollment.GetProperty("enrollment").GetProperty("status").GetString(),
            enrollment.GetProperty("events")[0].GetProperty("reasonName").GetString()));
    }

    [Fact]
    public async Task Application_OfARegisteredRelativeWithADeposit_IsFlaggedAndBlockedUntilTheFindingIsDismissed()
    {
        var (head, spouse) = (Adult(), Adult());
        using var county = await App.ClientAsAsync("county");
        var added = await (await county.PostAsJsonAsync("/api/v1/verification/relatives", new
        {
            regionCode = "360482100201",
            staffName = "王主任",
            position = "村委会主任",
            relativeName = "吴大山",
            relativeIdNumber = head,
            relationship = "兄弟姐妹",
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, added.GetProperty("matched").GetInt32()); // not yet applying or enrolled
        await ImportAsync(county, "economic-records", EconomicHeader + $"{spouse},吴妻,大额存款,定期存款,200000.00,2026-06-30,农商银行\n");

        using var township = await App.ClientAsAsync("township");
        var household = await HouseholdAsync(township, "360482100201", new { name = "吴大山", idNumber = head, relationship = "head", monthlyIncome = 0m },
            new { name = "吴妻", idNumber = spouse, relationship = "spouse", monthlyIncome = 0m });
        var id = (await (await township.PostAsJsonAsync("/api/v1/cases", new { program = "rural-dibao", householdId = household, authorisationSigned = true }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        Assert.True((await (await township.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync()).GetProperty("relativeOfStaff").GetBoolean());
        var onCase = (await (await county.GetAsync("/api/v1/verification/findings?region=360482100201&status=open", Ct)).JsonAsync()).EnumerateArray()
            .Where(f => f.GetProperty("caseId").GetString() == id).ToList();
        Assert.Equal(["economic", "relative"], onCase.Select(f => f.GetProperty("type").GetString()).Order());
        var report = await (await county.GetAsync("/api/v1/verification/relatives/report?region=360482100000", Ct)).JsonAsync();
        var line = Assert.Single(report.EnumerateArray());
        Assert.True(line.GetProperty("registered").GetInt32() >= 1 && line.GetProperty("open").GetInt32() >= 1);

        await ActAsync("township", id, "accept");
        await ActAsync("township", id, "investigate", new { date = Today, investigators = new[] { "王晓梅", "刘强" }, findings = "无劳动能力" });
        await ActAsync("township", id, "check", new { passed = true });
        await ActAsync("reviewer", id, "township-review", new { approve = true, note = "同意" });
        await ActAsync("township", id, "start-publicity");
        App.AdvanceDays(14);
        await ActAsync("township", id, "end-publicity");
        await ActAsync("county", id, "relative-review", new { note = "县级入户核查，系村干部兄弟" });
        var blocked = await ActAsync("county", id, "decide", new { approve = true }, HttpStatusCode.Conflict);
        Assert.Contains("大额存款", blocked.GetProperty("detail").GetString());

        var deposit = onCase.Single(f => f.GetProperty("type").GetString() == "economic");
        var resolve = $"/api/v1/verification/findings/{deposit.GetProperty("id").GetString()}/resolve";
        using var reviewer = await App.ClientAsAsync("county"); // the first token expired while the clock moved
        await (await reviewer.PostAsJsonAsync(resolve, new { decision = "dismiss" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.PostAsJsonAsync(resolve, new { decision = "dismiss", note = "系代管的集体征地补偿款，已核实" }, Ct)).StatusCode);
        Assert.Equal("approved", (await ActAsync("county", id, "decide", new { approve = true })).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RelativeRegister_BadInputPerField_HitOnABeneficiaryNeedsARecordedReview_AndWithdrawalKeepsHistory()
    {
        var village = await VillageAsync(App);
        var payee = (await CaseloadAsync(App, village, "农村低保", 300m)).Single();
        using var county = await App.ClientAsAsync("county");
        var bad = await (await county.PostAsJsonAsync("/api/v1/verification/relatives", new
        {
            regionCode = "1100",
            staffName = "王",
            position = "",
            relativeName = "某",
            relativeIdNumber = "123",
            relationship = "表亲",
        }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["position", "regionCode", "relationship", "relativeIdNumber"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        await (await county.PostAsJsonAsync("/api/v1/verification/relatives", new
        {
            regionCode = "360482100999",
            staffName = "王",
            position = "主任",
            relativeName = "某",
            relativeIdNumber = payee.IdNumber,
            relationship = "配偶",
        }, Ct)).AssertFieldErrorAsync("regionCode"); // well-formed, but no such region

        var added = await (await county.PostAsJsonAsync("/api/v1/verification/relatives", new
        {
            regionCode = village,
            staffName = "李会计",
            position = "村报账员",
            relativeName = payee.Name,
            relativeIdNumber = payee.IdNumber,
            relationship = "配偶",
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, added.GetProperty("matched").GetInt32());
        var finding = Assert.Single(await FindingsAsync(county, "relative", village));
        Assert.Contains("村报账员李会计的配偶", finding.GetProperty("evidence").GetString());
        var resolve = $"/api/v1/verification/findings/{finding.GetProperty("id").GetString()}/resolve";
        await (await county.PostAsJsonAsync(resolve, new { decision = "confirm" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync(resolve, new { decision = "confirm", note = "单独审核：收入核实无误，维持保障" }, Ct)).StatusCode);
        var enrollment = await (await county.GetAsync($"/api/v1/enrollments/{payee.EnrollmentId}", Ct)).JsonAsync();
        Assert.Equal("active", enrollment.GetProperty("enrollment").GetProperty("status").GetString()); // a relative is reviewed, not stopped

        var entryId = added.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsync($"/api/v1/verification/relatives/{entryId}/end", null, Ct)).StatusCode);
        var entry = (await (await county.GetAsync($"/api/v1/verification/relatives?region={village}", Ct)).JsonAsync()).EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == entryId);
        Assert.Equal((Today, 1, "******"), (entry.GetProperty("endedOn").GetString(), entry.GetProperty("hits").GetInt32(),
            entry.GetProperty("relativeIdNumberMasked").GetString()![6..12]));
        await (await county.PostAsync($"/api/v1/verification/relatives/{Guid.NewGuid()}/end", null, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteCheckClockApp : SqliteClockApp;

public sealed class PostgresCheckClockApp : PostgresClockApp;

public sealed class SqliteCheckListTests(SqliteCheckClockApp app) : CheckListTests<SqliteCheckClockApp>(app);

public sealed class PostgresCheckListTests(PostgresCheckClockApp app) : CheckListTests<PostgresCheckClockApp>(app);
