using System.Net;
using System.Text.RegularExpressions;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Platform.Demo;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>The payment pages through their forms: a double-submitted form makes one payroll; the finance officer approves; the ledger.</summary>
public sealed partial class PaymentPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateForm_SubmittedTwice_MakesOnePayroll_FinanceApproves_LedgerShowsIt()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        await PaymentFixtures.CaseloadAsync(app, village, "城市低保", 182m, 145m);
        using var county = new WebSession(app);
        await county.LoginAsync("county", DemoSeeder.Password);
        var form = await (await county.GetAsync("/Payments")).Content.ReadAsStringAsync(Ct);
        var key = KeyPattern().Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string> { ["program"] = "urban-dibao", ["regionCode"] = village, ["period"] = "2026-11", ["key"] = key };
        var first = await county.PostFormAsync("/Payments", fields, "/Payments?handler=Create");
        var second = await county.PostFormAsync("/Payments", fields, "/Payments?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var detailUrl = first.Headers.Location!.OriginalString;
        var detail = await (await county.GetAsync(detailUrl)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("327.00", detail);
        Assert.Contains("待审核", detail);
        Assert.DoesNotContain("审核通过", detail);

        var overlap = new Dictionary<string, string>(fields) { ["key"] = Guid.NewGuid().ToString() };
        var refused = await county.PostFormAsync("/Payments", overlap, "/Payments?handler=Create");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("重叠", await refused.Content.ReadAsStringAsync(Ct));

        using var finance = new WebSession(app);
        await finance.LoginAsync("finance", DemoSeeder.Password);
        var id = detailUrl[(detailUrl.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        // The page names what is approved; the click counts only with the total ticked, and only the total as it is now.
        var page = await (await finance.GetAsync(detailUrl)).Content.ReadAsStringAsync(Ct);
        Assert.Matches("我已核对：本期合计 327.00 元，2 户 \\d+ 人，2 条明细", page);
        var unticked = await finance.PostFormAsync(detailUrl, new Dictionary<string, string>(), $"/Payments/Detail?handler=Approve&id={id}");
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("请先核对并勾选本期合计（327.00 元）", await unticked.Content.ReadAsStringAsync(Ct));
        var stale = await finance.PostFormAsync(detailUrl, new Dictionary<string, string> { ["confirmTotal"] = "300" }, $"/Payments/Detail?handler=Approve&id={id}");
        Assert.Contains("名册合计已变为 327.00 元", await stale.Content.ReadAsStringAsync(Ct));
        Assert.Contains("待审核", await (await finance.GetAsync(detailUrl)).Content.ReadAsStringAsync(Ct));
        var approved = await finance.PostFormAsync(detailUrl, new Dictionary<string, string> { ["confirmTotal"] = "327.00" }, $"/Payments/Detail?handler=Approve&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await (await finance.GetAsync(detailUrl)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("已审核", after);
        Assert.Contains($"/api/v1/payrolls/{id}/bank-file?layout=fixed", after);

        var ledger = await (await county.GetAsync($"/Payments/Ledger?program=urban-dibao&region={village}&from=2026-11&to=2026-11")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("327.00", ledger);
    }

    [GeneratedRegex("name=\"key\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex KeyPattern();
}
