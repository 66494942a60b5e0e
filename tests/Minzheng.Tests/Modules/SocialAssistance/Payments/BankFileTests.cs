using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>一折通 bank files byte for byte, the bank's return file, re-issue of failed transfers and the ledger.</summary>
public abstract class BankFileTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static readonly Encoding Gbk = CodePages();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TApp App => app;

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>Payees in the file's order: by enrolment (the lines' key).</summary>
    private static List<Payee> FileOrder(IEnumerable<Payee> payees) => payees.OrderBy(p => Guid.Parse(p.EnrollmentId).ToString(), StringComparer.Ordinal).ToList();

    private static string Ref(Payee p) => Guid.Parse(p.EnrollmentId).ToString("N");

    [Fact]
    public async Task CsvLayout_IsByteExact_WithFullNumbersForTheBank()
    {
        var village = await VillageAsync(app);
        var payees = FileOrder(await CaseloadAsync(app, village, "城市低保", 141.29m, 777m));
        var id = await PayrollAsync(app, "urban-dibao", village, "2026-11");
        using var finance = await app.ClientAsAsync("finance");
        var response = await finance.GetAsync($"/api/v1/payrolls/{id}/bank-file", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = "\uFEFF序号,流水号,户名,身份证号,开户银行,银行账号,金额,摘要\r\n" + string.Concat(payees.Select((p, i) =>
            $"{i + 1},{Ref(p)},{p.Name},{p.IdNumber},共青城农商银行,{p.Account},{p.Amount:0.00},2026年11月城市低保\r\n"));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task FixedWidthLayout_IsByteExactGbk_WithAControlRecord()
    {
        var village = await VillageAsync(app);
        var payees = FileOrder(await CaseloadAsync(app, village, "城市低保", 145m, 14.5m));
        var id = await PayrollAsync(app, "urban-dibao", village, "2026-10");
        using var finance = await app.ClientAsAsync("finance");
        var bytes = await (await finance.GetAsync($"/api/v1/payrolls/{id}/bank-file?layout=fixed", Ct)).Content.ReadAsByteArrayAsync(Ct);

        static string Text(string value, int width) => value + new string(' ', width - Gbk.GetByteCount(value));
        var expected = "H00000002000000000015950202610\r\n" + string.Concat(payees.Select((p, i) =>
            $"D{i + 1:D6}{Text(p.Account, 32)}{Text(p.Name, 20)}{p.IdNumber}{(long)(p.Amount * 100):D15}{Text("2026年10月城市低保", 40)}\r\n"));
        Assert.Equal(Gbk.GetBytes(expected), bytes);
        Assert.Equal(32 + 20 + 18 + 15 + 40 + 7 + 2, Gbk.GetByteCount(expected.Split("\r\n")[1] + "\r\n"));
    }

    [Fact]
    public async Task GbkCsvAndXlsxLayouts_CarryTheSameTransfers()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "城市低保", 100m, 200m);
        var id = await PayrollAsync(app, "urban-dibao", village, "2026-09");
        using var finance = await app.ClientAsAsync("finance");
        var csv = Gbk.GetString(await (await finance.GetAsync($"/api/v1/payrolls/{id}/bank-file?layout=csv-gbk", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.EndsWith("合计,,,,,,300.00,2笔\r\n", csv);
        var xlsx = await finance.GetAsync($"/api/v1/payrolls/{id}/bank-file?layout=xlsx", Ct);
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(Ct), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(payees.Select(p => p.Account).Order(), rows.Select(r => (string)r["银行账号"]).Order());
        await (await finance.GetAsync($"/api/v1/payrolls/{id}/bank-file?layout=nope", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BankFile_OnlyForApprovedPayrolls_AndOnlyTheFinanceOfficer()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "城市低保", 100m);
        var id = await PayrollAsync(app, "urban-dibao", village, "2026-08", approve: false);
        using var finance = await app.ClientAsAsync("finance");
        await (await finance.GetAsync($"/api/v1/payrolls/{id}/bank-file", Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/api/v1/payrolls/{id}/bank-file", Ct)).StatusCode);
    }

    [Fact]
    public async Task ReturnFile_MarksPaidAndFailed_FailedAreReissued_AndTheLedgerCountsEachOnce()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "城市低保", 100m, 250m, 300m);
        var id = await PayrollAsync(app, "urban-dibao", village, "2026-07");
        using var finance = await app.ClientAsAsync("finance");
        var header = "流水号,金额,处理结果,失败原因\n";
        var bad = header + $"{Ref(payees[0])},99.00,成功,\n{Ref(payees[1])},250.00,失败,\nnot-a-ref,1.00,成功,\n";
        var refused = await (await finance.UploadReturnAsync(id, bad)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = refused.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "金额"), (3, "失败原因"), (4, "流水号")], errors);
        using var county = await app.ClientAsAsync("county");
        Assert.All(await LinesAsync(county, id), l => Assert.Equal("pending", l.GetProperty("status").GetString()));
        await (await finance.UploadReturnAsync(id, "账号,金额\n1,2\n")).AssertProblemAsync(HttpStatusCode.BadRequest);
        using (var random = new MultipartFormDataContent())
        {
            random.Add(new ByteArrayContent(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096)), "file", "return.xlsx");
            await (await finance.PostAsync($"/api/v1/payrolls/{id}/returns", random, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        }


        var good = header + $"{Ref(payees[0])},100.00,成功,\n{Ref(payees[1])},250.00,失败,账户已销户\n{Ref(payees[2])},300.00,成功,\n";
        var result = (await (await finance.UploadReturnAsync(id, good)).JsonAsync()).GetProperty("result");
        Assert.Equal((2, 1, 400m, 250m), (result.GetProperty("paid").GetInt32(), result.GetProperty("failed").GetInt32(),
            result.GetProperty("paidAmount").GetDecimal(), result.GetProperty("failedAmount").GetDecimal()));
        var ledger = Assert.Single((await (await county.GetAsync($"/api/v1/payments/ledger?program=urban-dibao&region={village}&from=2026-07&to=2026-07", Ct)).JsonAsync()).EnumerateArray());
        Assert.Equal((650m, 400m, 250m), (ledger.GetProperty("due").GetDecimal(), ledger.GetProperty("paid").GetDecimal(), ledger.GetProperty("failed").GetDecimal()));

        var reissued = await (await county.PostAsync($"/api/v1/payrolls/{id}/reissue", null, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("supplementary", 250m), (reissued.GetProperty("kind").GetString(), reissued.GetProperty("totalAmount").GetDecimal()));
        await (await county.PostAsync($"/api/v1/payrolls/{id}/reissue", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var supplementary = reissued.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsync($"/api/v1/payrolls/{supplementary}/approve", null, Ct)).StatusCode);
        var file = await (await finance.GetAsync($"/api/v1/payrolls/{supplementary}/bank-file", Ct)).Content.ReadAsStringAsync(Ct);
        var row = Assert.Single(file.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Contains($",{payees[1].Account},250.00,", row);
        await (await finance.UploadReturnAsync(supplementary!, header + $"{Ref(payees[1])},250.00,成功,\n")).JsonAsync();

        ledger = Assert.Single((await (await county.GetAsync($"/api/v1/payments/ledger?program=urban-dibao&region={village}&from=2026-07&to=2026-07", Ct)).JsonAsync()).EnumerateArray());
        Assert.Equal((650m, 650m, 0m), (ledger.GetProperty("due").GetDecimal(), ledger.GetProperty("paid").GetDecimal(), ledger.GetProperty("failed").GetDecimal()));
    }

    [Fact]
    public async Task ReturnFile_RefusesADuplicate_ARerunChangesNothing_ACorrectedFileChangesWhatItCorrects()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "城市低保", 120m, 180m);
        var id = await PayrollAsync(app, "urban-dibao", village, "2026-06");
        using var finance = await app.ClientAsAsync("finance");
        using var county = await app.ClientAsAsync("county");
        async Task<List<(string?, string?)>> StatusesAsync()
        {
            var lines = (await LinesAsync(county, id)).ToDictionary(l => l.GetProperty("enrollmentId").GetString()!);
            return payees.Select(p => lines[p.EnrollmentId]).Select(l => (l.GetProperty("status").GetString(),
                l.GetProperty("failureReason").ValueKind == JsonValueKind.Null ? null : l.GetProperty("failureReason").GetString())).ToList();
        }

        var header = "流水号,金额,处理结果,失败原因\n";
        var twice = header + $"{Ref(payees[0])},120.00,成功,\n{Ref(payees[1])},180.00,成功,\n{Ref(payees[0])},120.00,成功,\n";
        var refused = await (await finance.UploadReturnAsync(id, twice)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([(4, "流水号")], refused.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())));
        Assert.Equal([("pending", null), ("pending", null)], await StatusesAsync());

        // The same file twice (a retried upload): the same answer, the same lines.
        var answer = header + $"{Ref(payees[0])},120.00,成功,\n{Ref(payees[1])},180.00,失败,账户冻结\n";
        for (var run = 0; run < 2; run++)
        {
            var result = (await (await finance.UploadReturnAsync(id, answer)).JsonAsync()).GetProperty("result");
            Assert.Equal((1, 1, 120m, 180m), (result.GetProperty("paid").GetInt32(), result.GetProperty("failed").GetInt32(),
                result.GetProperty("paidAmount").GetDecimal(), result.GetProperty("failedAmount").GetDecimal()));
            Assert.Equal([("paid", null), ("failed", "账户冻结")], await StatusesAsync());
        }

        // The bank corrects its answer: the failed transfer went through after all; its reason goes with it.
        await (await finance.UploadReturnAsync(id, header + $"{Ref(payees[0])},120.00,成功,\n{Ref(payees[1])},180.00,成功,\n")).JsonAsync();
        Assert.Equal([("paid", null), ("paid", null)], await StatusesAsync());
    }

    [Fact]
    public async Task ReturnFile_APartialAnswerChangesOnlyWhatItNames_ACompleteOneLeavesThePayeeTheFileDidNotPay()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "城市低保", [(110m, true), (130m, true), (150m, false)]);
        var id = await PayrollAsync(app, "urban-dibao", village, "2026-05");
        using var finance = await app.ClientAsAsync("finance");
        using var county = await app.ClientAsAsync("county");
        async Task<List<string?>> StatusesAsync()
        {
            var lines = (await LinesAsync(county, id)).ToDictionary(l => l.GetProperty("enrollmentId").GetString()!);
            return payees.Select(p => lines[p.EnrollmentId].GetProperty("status").GetString()).ToList();
        }

        var header = "流水号,金额,处理结果,失败原因\n";
        // The bank answers the first transfer today, the second tomorrow; the third household has no account, no transfer.
        await (await finance.UploadReturnAsync(id, header + $"{Ref(payees[0])},110.00,成功,\n")).JsonAsync();
        Assert.Equal(["paid", "pending", "pending"], await StatusesAsync());
        var result = (await (await finance.UploadReturnAsync(id, header + $"{Ref(payees[0])},110.00,失败,户名不符\n{Ref(payees[1])},130.00,成功,\n")).JsonAsync())
            .GetProperty("result");
        Assert.Equal((1, 1), (result.GetProperty("paid").GetInt32(), result.GetProperty("failed").GetInt32()));
        Assert.Equal(["failed", "paid", "pending"], await StatusesAsync());
        await (await finance.UploadReturnAsync(id, header + $"{Ref(payees[1])},130.00,成功,\n{Ref(payees[0])},110.00,成功,\n")).JsonAsync();
        Assert.Equal(["paid", "paid", "pending"], await StatusesAsync());
        var refused = await (await finance.UploadReturnAsync(id, header + $"{Ref(payees[2])},150.00,成功,\n")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("流水号", refused.GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Equal(["paid", "paid", "pending"], await StatusesAsync());
    }
}

public sealed class SqliteBankFileTests(SqliteApp app) : BankFileTests<SqliteApp>(app);

public sealed class PostgresBankFileTests(PostgresApp app) : BankFileTests<PostgresApp>(app)
{
    /// <summary>
    /// The bank's answer is recorded beside the lines, never written into them: a million-line answer stays one bulk
    /// copy (docs/performance.md, 银行回盘). Any update of a line would give it a new row version (xmin).
    /// </summary>
    [Fact]
    public async Task TheBanksAnswer_WritesNoLine_ItsStatusIsReadFromTheAnswer()
    {
        var ct = TestContext.Current.CancellationToken;
        var village = await VillageAsync(App);
        var payees = await CaseloadAsync(App, village, "城市低保", 140m, 160m);
        var id = await PayrollAsync(App, "urban-dibao", village, "2026-04");
        Task<List<string>> VersionsAsync() => App.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().Database.SqlQueryRaw<string>(
            """SELECT xmin::text AS "Value" FROM "PayrollLines" WHERE "PayrollId" = {0} ORDER BY "EnrollmentId" """, Guid.Parse(id)).ToListAsync(ct));
        var before = await VersionsAsync();
        using var finance = await App.ClientAsAsync("finance");
        var answer = $"流水号,金额,处理结果,失败原因\n{Guid.Parse(payees[0].EnrollmentId):N},140.00,成功,\n{Guid.Parse(payees[1].EnrollmentId):N},160.00,失败,账户冻结\n";
        await (await finance.UploadReturnAsync(id, answer)).JsonAsync();
        Assert.Equal(2, before.Count);
        Assert.Equal(before, await VersionsAsync());
        using var county = await App.ClientAsAsync("county");
        var statuses = (await LinesAsync(county, id)).ToDictionary(l => l.GetProperty("enrollmentId").GetString()!, l => l.GetProperty("status").GetString());
        Assert.Equal(["paid", "failed"], payees.Select(p => statuses[p.EnrollmentId]));
    }
}
