using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialOrganizations;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Modules.SocialOrganizations.Revocations;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Modules.SocialOrganizations;

public sealed class SocialOrgDemoApp : SqliteApp
{
    public SocialOrgDemoApp() => WithSocialOrganizations = true;
}

/// <summary>The demo county's register, made through the module's services: every kind and status, last year's inspection in every state.</summary>
public sealed class SocialOrgDemoTests(SocialOrgDemoApp app) : IClassFixture<SocialOrgDemoApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoRegister_HasEveryKindAndStatus_AndAnInspectionInEveryState()
    {
        var (organizations, inspections) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            return (await db.SocialOrganizations.Select(o => new { o.Kind, o.Status }).ToListAsync(Ct), await db.InspectionEntries.Select(e => e.Status).ToListAsync(Ct));
        });
        Assert.True(organizations.Count >= 30);
        Assert.All(Enum.GetValues<SocialOrganizationKind>(), k => Assert.Contains(organizations, o => o.Kind == k));
        Assert.All(Enum.GetValues<SocialOrganizationStatus>(), s => Assert.Contains(organizations, o => o.Status == s));
        Assert.All(Enum.GetValues<InspectionStatus>(), s => Assert.Contains(s, inspections));
    }

    [Fact]
    public async Task DemoPublicNotice_ListsTheYearBeforeLast_WithEveryFinalResult_AndNoOneStillRectifying()
    {
        using var citizen = app.CreateClient();
        var notice = await (await citizen.GetAsync("/api/v1/public/social-organizations/inspection-results", Ct)).JsonAsync();
        Assert.Equal(DateTime.Today.Year - 2, notice.GetProperty("year").GetInt32()); // last year's inspection is still under way
        var results = notice.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("result").GetString()).ToList();
        Assert.All(new[] { "合格", "基本合格", "不合格", "未参加年检" }, r => Assert.Contains(r, results));
        Assert.DoesNotContain("限期整改", results);
    }

    [Fact]
    public async Task DemoSpotCheckResults_ArePublic_WithEveryConclusion_AndThePendingPicksCountedOnly()
    {
        using var citizen = app.CreateClient();
        var draw = (await (await citizen.GetAsync("/api/v1/public/social-organizations/spot-check-results", Ct)).JsonAsync()).GetProperty("draws").EnumerateArray().Single();
        var results = draw.GetProperty("checked").EnumerateArray().Select(c => c.GetProperty("result").GetString()!).ToList();
        Assert.Equal((8, 6), (draw.GetProperty("picked").GetInt32(), results.Count));
        Assert.Contains("未发现问题", results);
        Assert.Contains(results, r => r.StartsWith("发现问题，责令限期整改", StringComparison.Ordinal));
        Assert.Contains(results, r => r.EndsWith("整改完毕", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoRevocations_AreInEveryState_OneRunningAndOneLapsedOnTheBoard_AndOnlyTheRevokedOneEndedItsOrganization()
    {
        var cases = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            return await db.RevocationCases.Join(db.SocialOrganizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c.Status, Organization = o.Status })
                .ToListAsync(Ct);
        });
        Assert.All(Enum.GetValues<RevocationStatus>(), s => Assert.Contains(cases, c => c.Status == s));
        Assert.All(cases, c => Assert.Equal(c.Status == RevocationStatus.Revoked ? SocialOrganizationStatus.Revoked : SocialOrganizationStatus.Active, c.Organization));
        using var client = await app.ClientAsAsync("socialorg");
        Assert.Contains("/Organizations/Revocation?id=", await client.GetStringAsync("/api/v1/deadlines?due=overdue&take=1000", Ct));
        var board = await client.GetStringAsync("/api/v1/deadlines?take=1000", Ct);
        Assert.Equal(2, board.Split("/Organizations/Revocation?id=").Length - 1);
    }

    [Fact]
    public async Task DemoApplications_AreOfEveryKindAndInEveryState_SomeOverdue()
    {
        var applications = await app.WithScopeAsync(async sp =>
            await sp.GetRequiredService<MinzhengDbContext>().RegistrationApplications.Select(a => new { a.Kind, a.Status }).ToListAsync(Ct));
        Assert.True(applications.Count >= 25);
        Assert.All(Enum.GetValues<ApplicationKind>(), k => Assert.Contains(applications, a => a.Kind == k));
        Assert.All(Enum.GetValues<ApplicationStatus>(), s => Assert.Contains(applications, a => a.Status == s));
        using var client = await app.ClientAsAsync("socialorg");
        var overdue = await client.GetAsync("/api/v1/social-organizations/applications?overdue=true", Ct);
        Assert.True(int.Parse(overdue.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture) >= 2);
        Assert.Contains("/Organizations/Application?id=", await client.GetStringAsync("/api/v1/deadlines?due=overdue&take=1000", Ct));
    }

    [Fact]
    public async Task DemoSupervision_HasOpenAndHandledComplaints_EveryPenaltyKind_AndOpenAndClosedStaysInBothLists()
    {
        var (complaints, penalties, listings) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            return (await db.SocialOrganizationComplaints.Select(c => c.HandledOn).ToListAsync(Ct),
                await db.SocialOrganizationPenalties.Select(p => p.Kind).ToListAsync(Ct),
                await db.SocialOrganizationListings.Select(l => new { l.List, l.RemovedOn }).ToListAsync(Ct));
        });
        Assert.True(complaints.Count >= 10);
        Assert.Contains(complaints, c => c is null);
        Assert.Contains(complaints, c => c is not null);
        Assert.All(Enum.GetValues<Minzheng.Modules.SocialOrganizations.Supervision.PenaltyKind>(), k => Assert.Contains(k, penalties));
        Assert.All(Enum.GetValues<Minzheng.Modules.SocialOrganizations.Supervision.SupervisionList>(), l => Assert.Contains(listings, x => x.List == l && x.RemovedOn == null));
        Assert.Contains(listings, x => x.RemovedOn != null);
    }

    [Fact]
    public async Task DemoDecoupling_HasAssociationsWithAllFiveSeparations_AndSomeWithPart()
    {
        using var leader = await app.ClientAsAsync("leader");
        var progress = await (await leader.GetAsync($"/api/v1/social-organizations/decoupling/progress", Ct)).JsonAsync();
        var counts = progress.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("completed").GetArrayLength()).ToList();
        Assert.True(progress.GetProperty("allFive").GetInt32() > 0);
        Assert.Contains(counts, c => c is > 0 and < 5);
        Assert.Contains(0, counts);
    }

    [Fact]
    public async Task WorkSummary_OfTheCounty_HasTheRegistrationInspectionAndSupervisionSentences_WithFiguresOnly()
    {
        using var leader = await app.ClientAsAsync("leader");
        var today = DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var draft = await (await leader.GetAsync($"/api/v1/reports/work-summary?region=360482&from=2000-01-01&to={today}", Ct)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("社会组织管理", StringComparison.Ordinal));
        var sentences = section.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.Matches(@"^新成立社会组织\d+家，其中社会团体\d+家、民办非企业单位\d+家、基金会\d+家；注销登记3家，撤销登记1家；现有登记在册社会组织\d+家。$", sentences[0]);
        Assert.Matches(@"^接收社会组织登记申请[1-9]\d*件，受理[1-9]\d*件，准予登记[1-9]\d*件，不予登记[1-9]\d*件，不予受理[1-9]\d*件，申请人撤回[1-9]\d*件，逾期作出决定或逾期未决定\d+件；目前在办[1-9]\d*件。$",
            sentences[1]);
        Assert.Matches(@$"^开展{DateTime.Today.Year - 1}年度社会组织年检，通知\d+家，参检\d+家，通过\d+家，整改[1-9]\d*家，不合格\d+家。$", sentences[2]);
        Assert.Matches(@"^开展社会组织监督检查[1-9]\d*次，其中责令整改[1-9]\d*次；作出行政处罚[1-9]\d*件，其中罚款[1-9]\d*件、金额[\d,]+\.\d{2}元(，没收违法所得[1-9]\d*件、金额[\d,]+\.\d{2}元)?。$", sentences[3]);
        Assert.Matches(@"^推进行业协会商会与行政机关脱钩，列入名单\d+家，其中已脱钩[1-9]\d*家、拟脱钩[1-9]\d*家、暂不脱钩[1-9]\d*家。$", sentences[4]);
    }
}
