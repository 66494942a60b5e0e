using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;

namespace Minzheng.Tests.Modules.SocialOrganizations;

/// <summary>
/// The printable 撤销登记决定书 on both databases: issued at 决定撤销 under the decision number entered, with facts, basis and
/// remedies, verifiable by its QR code, every view an audited print; none for an undecided case or another county's.
/// </summary>
public abstract class SocialOrgRevocationDecisionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Cases = "/api/v1/social-organizations/revocations";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, string id, string action, string date, string? response = null,
        string? decisionNumber = null, string? reason = null) =>
        client.PostAsJsonAsync($"{Cases}/{id}/{action}", new { date, response, decisionNumber, reason }, Ct);

    private static async Task<string> NotifiedCaseAsync(HttpClient client, string kind = "association", string ground = "inactive")
    {
        var body = SocialOrgBuilder.Body(kind: kind, capital: kind == "foundation" ? 2_000_000m : 50_000m);
        var org = (await (await client.PostAsJsonAsync("/api/v1/social-organizations", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var id = (await (await client.PostAsJsonAsync($"/api/v1/social-organizations/{org}/revocations",
            new { openedOn = "2025-09-22", ground, facts = "自取得登记证书之日起一年未开展任何活动，未参加2024年度年检" }, Ct)).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "notify", "2025-09-29")).StatusCode);
        return id;
    }

    [Fact]
    public async Task RevokedCase_PrintsItsNumberedDecision_WithBasisAndRemedies_VerifiableAndAudited()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await NotifiedCaseAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Organizations/RevocationDecision?id={id}", Ct)).StatusCode);
        var number = $"共民罚决字〔2025〕第{Guid.NewGuid().ToString("N")[..8]}号";
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "revoke", "2025-10-14", decisionNumber: number)).StatusCode);

        var detail = await (await client.GetAsync($"{Cases}/{id}", Ct)).JsonAsync();
        Assert.Equal(number, detail.GetProperty("decision").GetProperty("number").GetString());
        Assert.Equal("2025-10-14", detail.GetProperty("decision").GetProperty("issuedOn").GetString());
        var page = await client.GetStringAsync($"/Organizations/RevocationDecision?id={id}", Ct);
        Assert.Contains(number, page);
        Assert.Contains("撤销登记决定书", page);
        Assert.Contains("一年未开展任何活动", page);
        Assert.Contains("《社会团体登记管理条例》第二十九条", page);
        Assert.Contains("未提出陈述、申辩或听证要求", page);
        Assert.Contains("六十日内", page);
        Assert.Contains("行政复议", page);
        Assert.Contains("六个月内", page);
        Assert.Contains("行政诉讼", page);
        Assert.Contains("民社告字", page);
        Assert.Contains("/Organizations/RevocationDecision?id=", await client.GetStringAsync($"/Organizations/Revocation?id={id}", Ct));

        var code = Regex.Match(page, @"/Verify\?code=([A-Z0-9]{16})").Groups[1].Value;
        using var anonymous = app.CreateClient();
        var check = await anonymous.GetStringAsync($"/Verify?code={code}", Ct);
        Assert.Contains(number, check);
        Assert.Contains("撤销登记决定书", check);

        await client.GetStringAsync($"/Organizations/RevocationDecision?id={id}", Ct);
        var prints = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MinzhengDbContext>();
            var document = await db.IssuedDocuments.IgnoreQueryFilters().SingleAsync(d => d.Kind == RevocationProcedure.DecisionKind && d.OwnerId == Guid.Parse(id), Ct);
            var audited = await db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.Action == DocumentService.Printed && e.EntityId == document.Id.ToString(), Ct);
            return (document.PrintCount, audited);
        });
        Assert.Equal((2, 2), prints);
    }

    [Fact]
    public async Task TheDecision_CitesTheFoundationRegulation_AndThePartysWaiver()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var id = await NotifiedCaseAsync(client, kind: "foundation", ground: "serious-violation");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "respond", "2025-09-30", response: "waived")).StatusCode);
        var number = $"共民罚决字〔2025〕第{Guid.NewGuid().ToString("N")[..8]}号";
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "revoke", "2025-10-09", decisionNumber: number, reason: "违规使用公益资金，情节严重")).StatusCode);
        var page = await client.GetStringAsync($"/Organizations/RevocationDecision?id={id}", Ct);
        Assert.Contains("《基金会管理条例》第四十二条", page);
        Assert.Contains("放弃陈述、申辩和要求听证的权利", page);
        Assert.Contains("违规使用公益资金，情节严重", page);
    }

    [Fact]
    public async Task NoDecision_ForADismissedCase_OrAnotherRole_OrAnotherCounty()
    {
        using var client = await app.ClientAsAsync("socialorg");
        var dismissed = await NotifiedCaseAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, dismissed, "dismiss", "2025-10-14", reason: "已恢复开展活动")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Organizations/RevocationDecision?id={dismissed}", Ct)).StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await (await client.GetAsync($"{Cases}/{dismissed}", Ct)).JsonAsync()).GetProperty("decision").ValueKind);

        var revoked = await NotifiedCaseAsync(client);
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, revoked, "revoke", "2025-10-14", decisionNumber: $"共民罚决字〔2025〕第{Guid.NewGuid().ToString("N")[..8]}号")).StatusCode);
        using var county = await app.ClientAsAsync("county");
        var denied = await county.GetAsync($"/Organizations/RevocationDecision?id={revoked}", Ct);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);

        var elsewhere = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MinzhengDbContext>();
            var c = new RevocationCase
            {
                RegionCode = "360402000000",
                AuthorityCode = "360402",
                OrganizationId = Guid.NewGuid(),
                OrganizationName = SocialOrgBuilder.UniqueName(),
                Status = RevocationStatus.Revoked,
                Ground = RevocationGround.Fraud,
                Facts = "骗取登记",
                OpenedOn = new DateOnly(2025, 1, 6),
                DecidedOn = new DateOnly(2025, 3, 3),
                DecisionNumber = "濂民罚决字〔2025〕第1号",
            };
            db.Add(c);
            await db.SaveChangesAsync(Ct);
            return c.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Organizations/RevocationDecision?id={elsewhere}", Ct)).StatusCode);
    }
}

public sealed class SqliteSocialOrgRevocationDecisionTests(SqliteApp app) : SocialOrgRevocationDecisionTests<SqliteApp>(app);

public sealed class PostgresSocialOrgRevocationDecisionTests(PostgresApp app) : SocialOrgRevocationDecisionTests<PostgresApp>(app);
