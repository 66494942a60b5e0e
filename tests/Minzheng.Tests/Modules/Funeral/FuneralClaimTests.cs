using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Calendar;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>Monthly fee-waiver claims to finance on both databases: what a claim gathers, late waivers, exactly-once, the steps and who takes them, concurrency.</summary>
public abstract class FuneralClaimTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.Today();

    private static DateOnly MonthStart(int back) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-back);

    private static string Month(int back) => MonthStart(back).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static async Task<(string Id, string Name)> FuneralHomeAsync(HttpClient client)
    {
        var name = $"申报测试殡仪馆{Guid.NewGuid():N}"[..16];
        var id = (await (await client.PostAsJsonAsync("/api/v1/funeral/facilities", new
        {
            name,
            kind = "funeral-home",
            approvalDocument = "赣民字〔2012〕35号",
            approvedOn = "2012-06-30",
            capacity = 2000,
            regionCode = "360482001000"
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        return (id, name);
    }

    private static async Task CremateAsync(HttpClient client, string home, DateOnly on, string status, string[] items, int? days = null) =>
        await (await client.PostAsJsonAsync("/api/v1/funeral/cremations", new
        {
            name = "申报逝者",
            idNumber = Elder(1938),
            deathDate = Day(on.AddDays(-1)),
            cremationDate = Day(on),
            funeralHome = home,
            residentStatus = status,
            waiverItems = items,
            storageDays = days
        }, Ct)).JsonAsync(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> OpenAsync(HttpClient client, string facility, string month) =>
        client.PostAsJsonAsync("/api/v1/funeral/waiver-claims", new { facilityId = facility, month }, Ct);

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string claim, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/funeral/waiver-claims/{claim}/{action}", body ?? new { }, Ct);

    [Fact]
    public async Task AClaim_GathersTheMonthsWaivers_ALateOneGoesToTheNextClaim_EachWaiverOnce()
    {
        using var funeral = await app.ClientAsAsync("funeral");
        var (home, name) = await FuneralHomeAsync(funeral);
        await CremateAsync(funeral, name, MonthStart(2).AddDays(9), "dibao", ["transport", "cremation"]);
        await CremateAsync(funeral, name, MonthStart(2).AddDays(19), "destitute", ["transport", "storage", "cremation", "ashes-storage"], 2);

        var first = await (await OpenAsync(funeral, home, Month(2))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((2, 6, 2480m, "open"), (first.GetProperty("cases").GetInt32(), first.GetProperty("lines").GetInt32(), first.GetProperty("total").GetDecimal(),
            first.GetProperty("status").GetString()));
        var id = first.GetProperty("id").GetString()!;
        var detail = await (await funeral.GetAsync($"/api/v1/funeral/waiver-claims/{id}", Ct)).JsonAsync();
        var byItem = detail.GetProperty("byItem").EnumerateArray().ToDictionary(x => x.GetProperty("code").GetString()!, x => x.GetProperty("amount").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["transport"] = 800m, ["storage"] = 200m, ["cremation"] = 1200m, ["ashes-storage"] = 280m }, byItem);
        var byStatus = detail.GetProperty("byStatus").EnumerateArray().ToDictionary(x => x.GetProperty("code").GetString()!, x => x.GetProperty("amount").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["destitute"] = 1480m, ["dibao"] = 1000m }, byStatus);
        Assert.DoesNotMatch(@"\d{17}[\dX]", detail.GetRawText());

        // The same month again is a conflict; a waiver of that month recorded late joins the next month's claim, once.
        await (await OpenAsync(funeral, home, Month(2))).AssertProblemAsync(HttpStatusCode.Conflict);
        await CremateAsync(funeral, name, MonthStart(2).AddDays(24), "dibao", ["cremation"]);
        await CremateAsync(funeral, name, MonthStart(1).AddDays(4), "entitled-group", ["ashes-storage"]);
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => OpenAsync(funeral, home, Month(1))));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var second = await answers.Single(a => a.StatusCode == HttpStatusCode.Created).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((2, 880m), (second.GetProperty("cases").GetInt32(), second.GetProperty("total").GetDecimal()));
        var again = await (await funeral.GetAsync($"/api/v1/funeral/waiver-claims/{id}", Ct)).JsonAsync();
        Assert.Equal(2480m, again.GetProperty("claim").GetProperty("total").GetDecimal());

        // Nothing left to claim: an empty claim is refused.
        var empty = await (await OpenAsync(funeral, home, Month(3))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("没有尚未申报的减免", empty.GetProperty("detail").GetString());
        var xlsx = await funeral.GetAsync($"/api/v1/funeral/waiver-claims/{id}/export.xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BadClaims_FutureOrCurrentMonth_NotAFuneralHome_Are422_AndWriteNothing()
    {
        using var funeral = await app.ClientAsAsync("funeral");
        var (home, name) = await FuneralHomeAsync(funeral);
        await CremateAsync(funeral, name, Today, "dibao", ["cremation"]);
        foreach (var month in new[] { Month(0), Month(-1), "2026-13", "" })
        {
            var errors = (await (await OpenAsync(funeral, home, month)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", errors.GetProperty("month")[0].GetString());
        }

        var cemetery = (await (await funeral.PostAsJsonAsync("/api/v1/funeral/facilities", new
        {
            name = $"非殡仪馆{Guid.NewGuid():N}"[..12],
            kind = "urban-public-cemetery",
            approvalDocument = "赣民字〔2015〕102号",
            approvedOn = "2015-01-01",
            capacity = 10,
            regionCode = "360482100000"
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        Assert.True((await (await OpenAsync(funeral, cemetery, Month(1))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("facilityId", out _));
        var list = await (await funeral.GetAsync("/api/v1/funeral/waiver-claims", Ct)).JsonAsync();
        Assert.DoesNotContain(list.EnumerateArray(), c => c.GetProperty("facilityId").GetString() == home || c.GetProperty("facilityId").GetString() == cemetery);

        using var finance = await app.ClientAsAsync("finance");
        Assert.Equal(HttpStatusCode.Forbidden, (await OpenAsync(finance, home, Month(1))).StatusCode);
    }

    [Fact]
    public async Task Steps_SubmitReturnResubmit_ExactlyOneOfConcurrentApprovalsWins_ThenPaid()
    {
        using var funeral = await app.ClientAsAsync("funeral");
        using var finance = await app.ClientAsAsync("finance");
        var (home, name) = await FuneralHomeAsync(funeral);
        await CremateAsync(funeral, name, MonthStart(1).AddDays(2), "dibao", ["transport", "cremation"]);
        var id = (await (await OpenAsync(funeral, home, Month(1))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        await (await ActAsync(finance, id, "approve")).AssertProblemAsync(HttpStatusCode.Conflict);
        var clerkApproves = await (await ActAsync(funeral, id, "approve")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("财政", clerkApproves.GetProperty("detail").GetString());
        Assert.Equal("submitted", (await (await ActAsync(funeral, id, "submit")).JsonAsync(HttpStatusCode.Created)).GetProperty("status").GetString());
        await (await ActAsync(funeral, id, "submit")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True((await (await ActAsync(finance, id, "return", new { reason = "" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("reason", out _));
        var returned = await (await ActAsync(finance, id, "return", new { reason = "缺少死亡证明复印件" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("returned", "缺少死亡证明复印件"), (returned.GetProperty("status").GetString(), returned.GetProperty("returnReason").GetString()));
        await (await ActAsync(funeral, id, "submit")).JsonAsync(HttpStatusCode.Created);

        var approvals = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ActAsync(finance, id, "approve")));
        Assert.Equal(1, approvals.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, approvals.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        await (await ActAsync(finance, id, "approve")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.True((await (await ActAsync(finance, id, "pay", new { paidOn = Day(Today) })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors")
            .TryGetProperty("voucherNumber", out _));
        Assert.True((await (await ActAsync(finance, id, "pay", new { paidOn = Day(Today.AddDays(1)), voucherNumber = "付2026-88" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("errors").TryGetProperty("paidOn", out _));
        var paid = await (await ActAsync(finance, id, "pay", new { paidOn = Day(Today), voucherNumber = "付2026-88" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("paid", "付2026-88"), (paid.GetProperty("status").GetString(), paid.GetProperty("voucherNumber").GetString()));
        var detail = await (await finance.GetAsync($"/api/v1/funeral/waiver-claims/{id}", Ct)).JsonAsync();
        Assert.Empty(detail.GetProperty("actions").EnumerateArray());
        Assert.Equal(1000m, detail.GetProperty("claim").GetProperty("total").GetDecimal());
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/api/v1/funeral/waiver-claims/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Finance_OpensTheRecordBehindEachClaimLine_ReadOnlyMaskedAudited_ButNotTheRegister()
    {
        using var funeral = await app.ClientAsAsync("funeral");
        using var finance = await app.ClientAsAsync("finance");
        var (home, name) = await FuneralHomeAsync(funeral);
        await CremateAsync(funeral, name, MonthStart(1).AddDays(3), "destitute", ["transport", "storage", "cremation"], 2);
        var id = (await (await OpenAsync(funeral, home, Month(1))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var cremation = (await (await finance.GetAsync($"/api/v1/funeral/waiver-claims/{id}", Ct)).JsonAsync()).GetProperty("lines")[0].GetProperty("cremationId").GetString()!;

        var record = await (await finance.GetAsync($"/api/v1/funeral/waiver-claims/{id}/cremations/{cremation}", Ct)).JsonAsync();
        Assert.Equal(("申报逝者", "特困人员", 3, 1200m), (record.GetProperty("name").GetString(), record.GetProperty("residentStatusName").GetString(),
            record.GetProperty("waivers").GetArrayLength(), record.GetProperty("waiverAmount").GetDecimal()));
        Assert.All(record.GetProperty("waivers").EnumerateArray(), w => Assert.True(w.GetProperty("inThisClaim").GetBoolean()));
        Assert.Matches(@"^\d{6}\*+\d{3}[\dX]$", record.GetProperty("idNumberMasked").GetString());
        Assert.DoesNotMatch(@"\d{17}[\dX]", record.GetRawText());
        Assert.False(record.TryGetProperty("familyContactPhone", out _));

        // The register stays closed to finance; a record that is not on the claim is not found through it.
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync($"/api/v1/funeral/cremations/{cremation}", Ct)).StatusCode);
        await CremateAsync(funeral, name, Today, "dibao", ["cremation"]);
        var other = (await funeral.GetPageAsync($"/api/v1/funeral/cremations?funeralHome={Uri.EscapeDataString(name)}&pageSize=50")).Items
            .Select(r => r.GetProperty("id").GetString()!).Single(x => x != cremation);
        await (await finance.GetAsync($"/api/v1/funeral/waiver-claims/{id}/cremations/{other}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await finance.GetAsync($"/api/v1/funeral/waiver-claims/{Guid.NewGuid()}/cremations/{cremation}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        using var county = await app.ClientAsAsync("county");
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/api/v1/funeral/waiver-claims/{id}/cremations/{cremation}", Ct)).StatusCode);
        var views = await app.WithScopeAsync(async s => await s.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>().AuditEntries
            .CountAsync(e => e.Action == Minzheng.Platform.Auditing.AuditActions.RecordViewed && e.EntityId == cremation && e.UserName == "finance", Ct));
        Assert.Equal(1, views);

        // The claim page links each line to the claim's read-only view for finance, which opens; the funeral staff keep the register link.
        using var web = new WebSession(app);
        await web.LoginAsync("finance", Minzheng.Platform.Demo.DemoSeeder.Password);
        var page = await (await web.GetAsync($"/WaiverClaims/Detail?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"/WaiverClaims/Record?id={id}&amp;cremationId={cremation}", page);
        Assert.DoesNotContain("/Cremations/Detail", page);
        var view = await web.GetAsync($"/WaiverClaims/Record?id={id}&cremationId={cremation}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Contains("申报逝者", await view.Content.ReadAsStringAsync(Ct));
        using var clerk = new WebSession(app);
        await clerk.LoginAsync("funeral", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.Contains($"/Cremations/Detail?id={cremation}", await (await clerk.GetAsync($"/WaiverClaims/Detail?id={id}")).Content.ReadAsStringAsync(Ct));
    }
}

public sealed class SqliteFuneralClaimTests(SqliteApp app) : FuneralClaimTests<SqliteApp>(app);

public sealed class PostgresFuneralClaimTests(PostgresApp app) : FuneralClaimTests<PostgresApp>(app);
