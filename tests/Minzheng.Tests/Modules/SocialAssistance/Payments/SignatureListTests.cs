using System.Net;
using Minzheng.Platform.Demo;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>发放签领表 per village, and the payroll pages as a township sees a county payroll: its slice, its failures, no actions.</summary>
public abstract class SignatureListTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Ref(string enrollmentId) => Guid.Parse(enrollmentId).ToString("N");

    [Fact]
    public async Task SignatureList_HasOnlyTheVillagesPayees_Masked_WithTotals_AndEveryViewIsAudited()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 321m, 654m, 987m);
        var neighbour = (await CaseloadAsync(app, await VillageAsync(app), "农村低保", 111m)).Single();
        var id = await PayrollAsync(app, "rural-dibao", "360482", "2026-02");
        using var county = await app.ClientAsAsync("county");
        var expected = (await LinesAsync(county, id)).Where(l => l.GetProperty("regionCode").GetString() == village).Sum(l => l.GetProperty("amount").GetDecimal());

        using var township = await app.ClientAsAsync("township");
        var response = await township.GetAsync($"/api/v1/payrolls/{id}/signature-list?village={village}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var sheet = await response.JsonAsync();
        var rows = sheet.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(payees.Select(p => p.Name).Order(), rows.Select(r => r.GetProperty("name").GetString()).Order());
        Assert.All(rows, r => Assert.Matches(@"^\d{6}\*{8}\d{3}[\dX]$", r.GetProperty("idNumberMasked").GetString()));
        Assert.All(payees, p => Assert.DoesNotContain(p.IdNumber, body));
        Assert.DoesNotContain(neighbour.Name, body);
        Assert.Equal([1, 2, 3], rows.Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal((3, 6, expected), (sheet.GetProperty("households").GetInt32(), sheet.GetProperty("persons").GetInt32(), sheet.GetProperty("totalAmount").GetDecimal()));
        Assert.Equal(expected, rows.Sum(r => r.GetProperty("amount").GetDecimal()));
        Assert.Equal(("甘露镇", $"发放测试村{village[^3..]}"), (sheet.GetProperty("townshipName").GetString(), sheet.GetProperty("villageName").GetString()));
        Assert.Equal("2026年2月农村低保发放签领表", sheet.GetProperty("title").GetString());
        Assert.Contains("2026年2月", rows[0].GetProperty("months").GetString());
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/payrolls/{id}/signature-list?village={village}", Ct)).StatusCode);

        using var web = new WebSession(app);
        await web.LoginAsync("township", DemoSeeder.Password);
        var page = await web.GetAsync($"/Payments/SignatureList?id={id}&village={village}");
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var text in new[] { "2026年2月农村低保发放签领表", "户主/领取人姓名", "签名/手印", "村（社区）经办人（签字）", "乡镇审核人（签字）", payees[0].Name, rows[0].GetProperty("idNumberMasked").GetString()! })
        {
            Assert.Contains(text, html);
        }

        Assert.DoesNotContain(village, html);
        Assert.All(payees, p => Assert.DoesNotContain(p.IdNumber, html));

        using var auditor = await app.ClientAsAsync("auditor");
        var viewed = await (await auditor.GetAsync("/api/v1/audit?action=data.viewed&entity=PayrollSignatureList&pageSize=200", Ct)).JsonAsync();
        var entries = viewed.EnumerateArray().Where(e => e.GetProperty("entityId").GetString() == id).ToList();
        Assert.Equal(3, entries.Count); // the township's and the county's API reads, and the township's page
        Assert.Contains(entries, e => e.GetProperty("userName").GetString() == "township");
    }

    [Fact]
    public async Task SignatureList_WithABadOrForeignVillage_Is400Or404_NeverA500()
    {
        var village = await VillageAsync(app);
        await CaseloadAsync(app, village, "城市低保", 222m);
        var empty = await VillageAsync(app);
        var id = await PayrollAsync(app, "urban-dibao", "360482", "2026-02");
        using var township = await app.ClientAsAsync("township");
        foreach (var bad in new[] { "abc", "3604821002", "", "36048210020a", "000000000000" })
        {
            await (await township.GetAsync($"/api/v1/payrolls/{id}/signature-list?village={bad}", Ct)).AssertFieldErrorAsync("village");
        }

        await (await township.GetAsync($"/api/v1/payrolls/{id}/signature-list", Ct)).AssertFieldErrorAsync("village");
        foreach (var missing in new[] { "360482100999", "360482101201", "360482000000", empty })
        {
            await (await township.GetAsync($"/api/v1/payrolls/{id}/signature-list?village={missing}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        await (await township.GetAsync($"/api/v1/payrolls/{Guid.NewGuid()}/signature-list?village={village}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        using var otherVillage = await app.ClientAsAsync("village");
        await (await otherVillage.GetAsync($"/api/v1/payrolls/{id}/signature-list?village={village}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        using var web = new WebSession(app);
        await web.LoginAsync("township", DemoSeeder.Password);
        var badPage = await web.GetAsync($"/Payments/SignatureList?id={id}&village=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("12位区划代码", await badPage.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/Payments/SignatureList?id={id}&village=360482101201")).StatusCode);
    }

    [Fact]
    public async Task DetailPage_ForTheTownship_ShowsItsSlice_ItsFailedAccounts_AndNoAction()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "城市低保", 260m, 270m);
        var id = await PayrollAsync(app, "urban-dibao", "360482", "2026-03");
        using var county = await app.ClientAsAsync("county");
        var lines = (await LinesAsync(county, id)).Where(l => l.GetProperty("regionCode").GetString() == village).ToList();
        var failing = lines.Where(l => l.GetProperty("enrollmentId").GetString() == payees[0].EnrollmentId).ToList();
        var amount = failing.Sum(l => l.GetProperty("amount").GetDecimal());
        using var finance = await app.ClientAsAsync("finance");
        await (await finance.UploadReturnAsync(id, $"流水号,金额,处理结果,失败原因\n{Ref(payees[0].EnrollmentId)},{amount:0.00},失败,账户已销户\n")).JsonAsync();

        using var township = await app.ClientAsAsync("township");
        var listed = (await (await township.GetAsync("/api/v1/payrolls?program=urban-dibao", Ct)).JsonAsync()).EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        Assert.Equal((failing.Count, amount), (listed.GetProperty("failedLines").GetInt32(), listed.GetProperty("failedAmount").GetDecimal()));
        var row = (await (await township.GetAsync($"/api/v1/payrolls/{id}/signature-list?village={village}", Ct)).JsonAsync())
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == payees[0].Name);
        Assert.Contains("银行发放失败（账户已销户）", row.GetProperty("note").GetString());

        using var web = new WebSession(app);
        await web.LoginAsync("township", DemoSeeder.Password);
        var html = await (await web.GetAsync($"/Payments/Detail?id={id}")).Content.ReadAsStringAsync(Ct);
        foreach (var text in new[] { "这里只显示其中甘露镇的发放对象", "本辖区合计", "按村（社区）汇总", "发放失败待处理", "账户已销户",
            $"/Registry/Household?id={failing[0].GetProperty("householdId").GetString()}", $"/Payments/SignatureList?id={id}&amp;village={village}" })
        {
            Assert.Contains(text, html);
        }

        foreach (var action in new[] { "审核通过", "导入银行回盘", "发放失败的记录生成补发名册", "bank-file", "correction-form" })
        {
            Assert.DoesNotContain(action, html);
        }

        Assert.Contains("甘露镇部分 · 只读", await (await web.GetAsync("/Payments?program=urban-dibao")).Content.ReadAsStringAsync(Ct));
        Assert.Contains("<th>村（社区）</th>", await (await web.GetAsync("/Payments/Ledger?from=2026-03&to=2026-03")).Content.ReadAsStringAsync(Ct));

        using var countyWeb = new WebSession(app);
        await countyWeb.LoginAsync("county", DemoSeeder.Password);
        var countyHtml = await (await countyWeb.GetAsync($"/Payments/Detail?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("发放失败的记录生成补发名册", countyHtml);
        Assert.Contains("乡镇汇总", countyHtml);
        Assert.Contains($"<option value=\"{village}\">", countyHtml);
    }
}

public sealed class SqliteSignatureListTests(SqliteApp app) : SignatureListTests<SqliteApp>(app);

public sealed class PostgresSignatureListTests(PostgresApp app) : SignatureListTests<PostgresApp>(app);
