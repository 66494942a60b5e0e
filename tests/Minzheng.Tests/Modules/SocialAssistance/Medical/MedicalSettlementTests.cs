using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Medical.MedicalFixtures;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Medical;

/// <summary>The 一站式 hospital path of 医疗救助 (issue 21 item 4): import, aid by category and annual cap, batch approval, reimbursement.</summary>
public abstract class MedicalSettlementTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> RowsAsync(HttpClient client, string batch) =>
        (await (await client.GetAsync($"/api/v1/medical-settlements/{batch}/rows", Ct)).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task AFile_IsAidedByCategoryAndAnnualCap_ApprovedInBatchByASecondPerson_CountedAndReimbursed()
    {
        var village = await VillageAsync(app);
        var dibao = (await CaseloadAsync(app, village, "农村低保", 500m))[0];
        var marginal = await HouseholdAsync(app, village, "边缘户甲");
        await MonitorAsync(app, marginal.Id);
        var plain = await HouseholdAsync(app, village, "普通户乙");
        var csv = Csv(
            new(NewNumber(), "共青城市人民医院", dibao.Name, dibao.IdNumber, 80000m, 30000m, 10000m, 40000m),
            new(NewNumber(), "九江市第一人民医院", dibao.Name, dibao.IdNumber, 60000m, 25000m, 5000m, 30000m),
            new(NewNumber(), "共青城市人民医院", "边缘户甲", marginal.Members[0].IdNumber, 3000m, 1800m, 0m, 1000m),
            new(NewNumber(), "共青城市人民医院", "普通户乙", plain.Members[0].IdNumber, 3000m, 1800m, 0m, 1000m),
            new(NewNumber(), "共青城市人民医院", "外县患者", SqliteRegistryApiTests.NewAdultIdNumber(), 3000m, 1800m, 0m, 1000m));
        using var county = await app.ClientAsAsync("county");
        var batch = await (await county.UploadSettlementsAsync(csv)).JsonAsync(HttpStatusCode.Created);
        var id = batch.GetProperty("id").GetString()!;
        // 低保 80%: 40,000 → 32,000, then 30,000 → 24,000 capped at 50,000 − 32,000; 低保边缘 70% of 1,000.
        Assert.Equal((5, 3, 32000m + 18000m + 700m, "proposed"), (batch.GetProperty("rows").GetInt32(), batch.GetProperty("aided").GetInt32(),
            batch.GetProperty("total").GetDecimal(), batch.GetProperty("status").GetString()));
        var rows = await RowsAsync(county, id);
        Assert.Equal(new[] { 32000m, 18000m, 700m, 0m, 0m }, rows.Select(r => r.GetProperty("amount").GetDecimal()));
        Assert.Equal(new[] { "dibao", "dibao", "near-dibao", "", "" }, rows.Select(r => r.GetProperty("category").GetString()));
        Assert.Contains("年度救助限额剩余 18000.00 元", rows[1].GetProperty("note").GetString());
        Assert.Contains("不属于医疗救助对象", rows[3].GetProperty("note").GetString());
        Assert.Contains("未在本辖区登记", rows[4].GetProperty("note").GetString());
        Assert.Equal(4, rows[0].GetProperty("steps").GetArrayLength());
        Assert.DoesNotContain(dibao.IdNumber, rows[0].GetRawText()); // masked
        var hospitals = (await (await county.GetAsync($"/api/v1/medical-settlements/{id}", Ct)).JsonAsync()).GetProperty("hospitals");
        Assert.Equal(32700m, hospitals.EnumerateArray().Single(h => h.GetProperty("hospital").GetString() == "共青城市人民医院").GetProperty("amount").GetDecimal());

        // The same settlements cannot be aided twice, whoever sends them again.
        var again = await (await county.UploadSettlementsAsync(csv)).AssertProblemAsync((HttpStatusCode)422);
        Assert.Contains("已导入过", again.GetProperty("errors")[0].GetProperty("message").GetString());

        await (await county.PostAsync($"/api/v1/medical-settlements/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var approver = await app.ClientAsAsync("approver");
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync($"/api/v1/medical-settlements/{id}/approve", null, Ct)).StatusCode);
        await (await approver.PostAsync($"/api/v1/medical-settlements/{id}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        var settled = Today.AddDays(-5);
        var summary = await Reports.ReportFixtures.SummaryAsync(county, village, Day(new DateOnly(settled.Year, 1, 1)), Day(settled));
        Assert.Equal((3, 50700m), (Reports.ReportFixtures.Program(summary, "medical").GetProperty("newPersons").GetInt32(), Reports.ReportFixtures.Program(summary, "medical").GetProperty("periodAmount").GetDecimal()));

        var reimburse = new { on = Day(Today), voucher = "拨付凭证2026-118" };
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsJsonAsync($"/api/v1/medical-settlements/{id}/reimburse", reimburse, Ct)).StatusCode);
        using var finance = await app.ClientAsAsync("finance");
        await (await finance.PostAsJsonAsync($"/api/v1/medical-settlements/{id}/reimburse", new { on = Day(Today.AddDays(3)), voucher = "x" }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsJsonAsync($"/api/v1/medical-settlements/{id}/reimburse", reimburse, Ct)).StatusCode);
        await (await finance.PostAsJsonAsync($"/api/v1/medical-settlements/{id}/reimburse", reimburse, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("拨付凭证2026-118", (await (await county.GetAsync($"/api/v1/medical-settlements/{id}", Ct)).JsonAsync()).GetProperty("reimbursementVoucher").GetString());
    }

    [Fact]
    public async Task APendingFile_SpendsTheCap_AndApprovalRecountsOnceAnEarlierFileIsReturned()
    {
        var village = await VillageAsync(app);
        var patient = (await CaseloadAsync(app, village, "农村低保", 450m))[0];
        using var county = await app.ClientAsAsync("county");
        var first = (await (await county.UploadSettlementsAsync(Csv(new Settlement(NewNumber(), "共青城市人民医院", patient.Name, patient.IdNumber, 90000m, 20000m, 10000m, 60000m))))
            .JsonAsync(HttpStatusCode.Created));
        Assert.Equal(48000m, first.GetProperty("total").GetDecimal());
        var second = await (await county.UploadSettlementsAsync(Csv(new Settlement(NewNumber(), "共青城市人民医院", patient.Name, patient.IdNumber, 20000m, 5000m, 0m, 10000m))))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2000m, second.GetProperty("total").GetDecimal()); // 8,000 at 80%, but only 2,000 of the cap is left

        using var approver = await app.ClientAsAsync("approver");
        var firstId = first.GetProperty("id").GetString()!;
        await (await approver.PostAsJsonAsync($"/api/v1/medical-settlements/{firstId}/reject", new { reason = "" }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsJsonAsync($"/api/v1/medical-settlements/{firstId}/reject", new { reason = "自付金额有误" }, Ct)).StatusCode);
        var secondId = second.GetProperty("id").GetString()!;
        var changed = await (await approver.PostAsync($"/api/v1/medical-settlements/{secondId}/approve", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("8000.00", changed.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync($"/api/v1/medical-settlements/{secondId}/approve", null, Ct)).StatusCode);
        Assert.Equal(8000m, (await (await county.GetAsync($"/api/v1/medical-settlements/{secondId}", Ct)).JsonAsync()).GetProperty("total").GetDecimal());

        // The returned file's settlements may come again, corrected.
        var corrected = Csv(new Settlement(NewNumber(), "共青城市人民医院", patient.Name, patient.IdNumber, 90000m, 20000m, 10000m, 50000m));
        Assert.Equal(40000m, (await (await county.UploadSettlementsAsync(corrected)).JsonAsync(HttpStatusCode.Created)).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task BadFiles_AreRefusedWhole_NamingRowAndColumn()
    {
        var village = await VillageAsync(app);
        var patient = (await CaseloadAsync(app, village, "农村低保", 300m))[0];
        using var county = await app.ClientAsAsync("county");
        var before = (await (await county.GetAsync("/api/v1/medical-settlements", Ct)).JsonAsync()).GetArrayLength();
        var number = NewNumber();
        var csv = Csv(
            new(number, "共青城市人民医院", patient.Name, patient.IdNumber, 1000m, 500m, 0m, 400m),
            new(number, "共青城市人民医院", patient.Name, patient.IdNumber, 1000m, 500m, 0m, 400m),
            new(NewNumber(), "共青城市人民医院", patient.Name, "123456789012345678", 1000m, 500m, 0m, 400m),
            new(NewNumber(), "共青城市人民医院", patient.Name, patient.IdNumber, 1000m, 800m, 100m, 400m),
            new(NewNumber(), "共青城市人民医院", patient.Name, patient.IdNumber, 1000m, 500m, 0m, 400m, Settled: Day(Today.AddDays(-30)), Admitted: Day(Today.AddDays(-10))),
            new(NewNumber(), "=HYPERLINK(\"x\")", patient.Name, patient.IdNumber, 1000m, 500m, 0m, 400m, Settled: Day(Today.AddDays(2))));
        var problem = await (await county.UploadSettlementsAsync(csv.Replace("=HYPERLINK(\"x\")", "医院\u0007", StringComparison.Ordinal)))
            .AssertProblemAsync((HttpStatusCode)422);
        var messages = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, m => m.StartsWith("第3行“结算单号”", StringComparison.Ordinal) && m.Contains("与第2行重复"));
        Assert.Contains(messages, m => m.StartsWith("第4行“身份证号”", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第5行“政策范围内个人自付”", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第6行“结算日期”", StringComparison.Ordinal) && m.Contains("不能早于入院日期"));
        Assert.Contains(messages, m => m.StartsWith("第7行“医疗机构”", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("第7行“结算日期”", StringComparison.Ordinal));
        Assert.Equal(before, (await (await county.GetAsync("/api/v1/medical-settlements", Ct)).JsonAsync()).GetArrayLength());

        await (await county.UploadSettlementsAsync("姓名,身份证号\n张三,1")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await county.UploadSettlementsAsync("", "empty.csv")).AssertProblemAsync(HttpStatusCode.BadRequest);
        using var villager = await app.ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.Forbidden, (await villager.UploadSettlementsAsync(Csv(new Settlement(NewNumber(), "医院", patient.Name, patient.IdNumber, 1m, 0m, 0m, 1m)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/v1/medical-settlements/{Guid.NewGuid()}", Ct)).StatusCode);
    }
}

public sealed class SqliteMedicalSettlementTests(SqliteApp app) : MedicalSettlementTests<SqliteApp>(app);

public sealed class PostgresMedicalSettlementTests(PostgresApp app) : MedicalSettlementTests<PostgresApp>(app);
