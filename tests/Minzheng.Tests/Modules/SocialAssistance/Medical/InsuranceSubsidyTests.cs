using System.Net;
using System.Net.Http.Json;
using MiniExcelLibs;
using static Minzheng.Tests.Modules.SocialAssistance.Medical.MedicalFixtures;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Medical;

/// <summary>资助参保 lists (issue 21 item 4): 特困 in full, 低保 and 低保边缘 by a fixed amount, each person once in the best category.</summary>
public abstract class InsuranceSubsidyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int NextYear => Today.Year + 1;

    [Fact]
    public async Task AList_CountsEachPersonOnceInTheBestCategory_IsApprovedByASecondPerson_AndExportsMaskedOrInFull()
    {
        var village = await VillageAsync(app);
        var destitute = (await CaseloadAsync(app, village, "特困分散供养", 1105m))[0];
        var dibao = (await CaseloadAsync(app, village, "农村低保", 500m))[0];
        var marginal = await HouseholdAsync(app, village, "边缘户丙", "边缘户丁");
        await MonitorAsync(app, marginal.Id);
        using var county = await app.ClientAsAsync("county");
        await MonitorAsync(app, await HouseholdOfAsync(county, village, dibao.Name)); // also 低保边缘: counted once, as 低保
        var request = new { year = NextYear, regionCode = village, premium = 400m, dibaoSubsidy = 350m, nearDibaoSubsidy = 200m, citation = "赣医保发〔2026〕3号" };
        var list = await (await county.PostAsJsonAsync("/api/v1/insurance-subsidies", request, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((1, 1, 2, 4, 400m + 350m + 400m, "proposed"), (list.GetProperty("destitute").GetInt32(), list.GetProperty("dibao").GetInt32(),
            list.GetProperty("nearDibao").GetInt32(), list.GetProperty("persons").GetInt32(), list.GetProperty("total").GetDecimal(), list.GetProperty("status").GetString()));
        var id = list.GetProperty("id").GetString()!;
        var entries = (await (await county.GetAsync($"/api/v1/insurance-subsidies/{id}/entries", Ct)).JsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => (e.GetProperty("category").GetString(), e.GetProperty("subsidy").GetDecimal()));
        Assert.Equal(("destitute", 400m), entries[destitute.Name]);
        Assert.Equal(("dibao", 350m), entries[dibao.Name]);
        Assert.Equal(("near-dibao", 200m), entries["边缘户丁"]);
        await (await county.PostAsJsonAsync("/api/v1/insurance-subsidies", request, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        // Not yet approved: the full list cannot go to the 医保 bureau.
        await (await county.GetAsync($"/api/v1/insurance-subsidies/{id}/export.xlsx?full=true&reason=报送医保局", Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await county.PostAsync($"/api/v1/insurance-subsidies/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var approver = await app.ClientAsAsync("approver");
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync($"/api/v1/insurance-subsidies/{id}/approve", null, Ct)).StatusCode);

        var masked = await ExportAsync(county, $"/api/v1/insurance-subsidies/{id}/export.xlsx");
        Assert.Equal(5, masked.Count); // four people, then the 合计 row with the list's total
        Assert.Equal(("合计", entries.Values.Sum(e => e.Item2)),
            ((string?)masked[^1]["序号"], Convert.ToDecimal(masked[^1]["资助金额（元）"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(masked, r => (string)r["身份证号"]! == dibao.IdNumber);
        await (await county.GetAsync($"/api/v1/insurance-subsidies/{id}/export.xlsx?full=true", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var full = await ExportAsync(county, $"/api/v1/insurance-subsidies/{id}/export.xlsx?full=true&reason=报送县医保局参保登记");
        Assert.Contains(full, r => (string)r["身份证号"]! == dibao.IdNumber && (string)r["资助类别"]! == "低保对象");
        using var leader = await app.ClientAsAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/v1/insurance-subsidies/{id}/export.xlsx?full=true&reason=看看", Ct)).StatusCode);
        using var auditor = await app.ClientAsAsync("auditor");
        var audit = await (await auditor.GetAsync("/api/v1/audit?action=privacy.revealed&entity=InsuranceSubsidyList&pageSize=200", Ct)).JsonAsync();
        Assert.Contains("报送县医保局参保登记", audit.GetRawText());
    }

    [Fact]
    public async Task BadLists_AreRefusedFieldByField_AndApprovalRecountsWhenPeopleChanged()
    {
        var village = await VillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        var bad = await (await county.PostAsJsonAsync("/api/v1/insurance-subsidies",
            new { year = 1999, regionCode = "110101", premium = 0m, dibaoSubsidy = 500m, nearDibaoSubsidy = -1m }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "year", "regionCode", "premium", "dibaoSubsidy", "nearDibaoSubsidy" }, bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList());
        await (await county.PostAsJsonAsync("/api/v1/insurance-subsidies",
            new { year = NextYear, regionCode = village, premium = 400m, dibaoSubsidy = 450m, nearDibaoSubsidy = 0m }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        using var villager = await app.ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.Forbidden, (await villager.PostAsJsonAsync("/api/v1/insurance-subsidies", new { year = NextYear }, Ct)).StatusCode);

        await CaseloadAsync(app, village, "农村低保", 500m);
        var list = await (await county.PostAsJsonAsync("/api/v1/insurance-subsidies",
            new { year = NextYear, regionCode = village, premium = 400m, dibaoSubsidy = 350m, nearDibaoSubsidy = 200m }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, list.GetProperty("persons").GetInt32());
        var marginal = await HouseholdAsync(app, village, "新增边缘户");
        await MonitorAsync(app, marginal.Id);
        using var approver = await app.ClientAsAsync("approver");
        var id = list.GetProperty("id").GetString()!;
        var changed = await (await approver.PostAsync($"/api/v1/insurance-subsidies/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 人 → 2 人", changed.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync($"/api/v1/insurance-subsidies/{id}/approve", null, Ct)).StatusCode);
        Assert.Equal((2, 550m), await CountAsync(county, id));
    }

    private async Task<(int, decimal)> CountAsync(HttpClient client, string id)
    {
        var list = await (await client.GetAsync($"/api/v1/insurance-subsidies/{id}", Ct)).JsonAsync();
        return (list.GetProperty("persons").GetInt32(), list.GetProperty("total").GetDecimal());
    }

    private async Task<List<IDictionary<string, object?>>> ExportAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }
}

public sealed class SqliteInsuranceSubsidyTests(SqliteApp app) : InsuranceSubsidyTests<SqliteApp>(app);

public sealed class PostgresInsuranceSubsidyTests(PostgresApp app) : InsuranceSubsidyTests<PostgresApp>(app);
