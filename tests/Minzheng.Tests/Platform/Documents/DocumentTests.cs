using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;

namespace Minzheng.Tests.Platform.Documents;

/// <summary>Numbered documents: one series per kind, county and year, never reused; voids explain gaps; a public QR check.</summary>
public abstract class DocumentTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> InScopeAsync<T>(Func<DocumentService, MinzhengDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DocumentService>(), scope.ServiceProvider.GetRequiredService<MinzhengDbContext>());
    }

    [Fact]
    public async Task ASeries_CountsUp_PerCounty_TheSameRecordKeepsItsNumber_AndAVoidLeavesAnExplainedGap()
    {
        var county = UniqueCodes.County() + "000000";
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var a = await InScopeAsync((d, _) => d.IssueAsync(CaseDocuments.DecisionKind, county, "case", first, Ct));
        var b = await InScopeAsync((d, _) => d.IssueAsync(CaseDocuments.DecisionKind, county, "case", second, Ct));
        var again = await InScopeAsync((d, _) => d.IssueAsync(CaseDocuments.DecisionKind, county, "case", first, Ct));
        Assert.Equal((1, 2), (a.Sequence, b.Sequence));
        Assert.Equal(a.Id, again.Id);
        Assert.EndsWith("民救决〔" + a.Year + "〕0001号", a.Number);

        Assert.Equal(Outcome.Invalid, (await InScopeAsync((d, _) => d.VoidAsync(a.Id, " ", Ct))).Outcome);
        Assert.Equal(Outcome.Done, (await InScopeAsync((d, _) => d.VoidAsync(a.Id, "当事人姓名错误，重新出具", Ct))).Outcome);
        Assert.Equal(Outcome.Conflict, (await InScopeAsync((d, _) => d.VoidAsync(a.Id, "再次作废", Ct))).Outcome);
        var reissued = await InScopeAsync((d, _) => d.IssueAsync(CaseDocuments.DecisionKind, county, "case", first, Ct));
        Assert.Equal(3, reissued.Sequence);
        var history = await InScopeAsync((d, _) => d.OfAsync("case", first, Ct));
        Assert.Equal([3, 1], history.Select(h => h.Sequence));
        Assert.Equal("当事人姓名错误，重新出具", history[1].VoidReason);
    }

    [Fact]
    public async Task ConcurrentIssues_GetDistinctContiguousNumbers()
    {
        var county = UniqueCodes.County() + "000000";
        var issued = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            InScopeAsync((d, _) => d.IssueAsync(CaseDocuments.DecisionKind, county, "case", Guid.CreateVersion7(), Ct))));
        Assert.Equal([1, 2, 3, 4, 5, 6], issued.Select(d => d.Sequence).Order());
        Assert.Equal(6, issued.Select(d => d.VerificationCode).Distinct().Count());
    }

    [Fact]
    public async Task ADecidedCase_PrintsWithItsNumberAndQr_ReprintsAreCounted_AndAnyoneCanVerifyIt()
    {
        using var county = await app.ClientAsAsync("county");
        var decided = (await (await county.GetAsync("/api/v1/cases?status=approved&take=1", Ct)).JsonAsync()).EnumerateArray().First();
        var id = Guid.Parse(decided.GetProperty("id").GetString()!);
        var document = await InScopeAsync((d, _) => d.CurrentAsync(CaseDocuments.DecisionKind, CaseDocuments.OwnerType, id, Ct));
        Assert.NotNull(document); // numbered when the county decided, before anyone printed it

        using var page = new WebSession(app);
        await page.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await page.GetAsync($"/Cases/Notice?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains(document!.Number, html);
        Assert.Contains("<svg", html);
        Assert.Contains($"/Verify?code={document.VerificationCode}", html);
        await page.GetAsync($"/Cases/Notice?id={id}");
        var printed = await InScopeAsync((_, db) => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.Id == document.Id, Ct));
        Assert.Equal(document.PrintCount + 2, printed.PrintCount);

        // The public check needs no account and names the document, never the person.
        using var anonymous = app.CreateClient();
        var check = await anonymous.GetAsync($"/Verify?code={document.VerificationCode}", Ct);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var shown = await check.Content.ReadAsStringAsync(Ct);
        Assert.Contains(document.Number, shown);
        Assert.Contains("真实有效", shown);
        Assert.Contains("共青城市民政局", shown); // the issuing office is named for a caller with no region at all
        Assert.DoesNotContain(decided.GetProperty("applicantName").GetString()!, shown);
        Assert.Contains("未找到", await anonymous.GetStringAsync("/Verify?code=NOTAREALCODE2345", Ct));
        Assert.Contains("未找到", await anonymous.GetStringAsync("/Verify?code=%27%3Cscript%3E", Ct));
    }
}

public sealed class SqliteDocumentTests(SqliteApp app) : DocumentTests<SqliteApp>(app);

public sealed class PostgresDocumentTests(PostgresApp app) : DocumentTests<PostgresApp>(app);
