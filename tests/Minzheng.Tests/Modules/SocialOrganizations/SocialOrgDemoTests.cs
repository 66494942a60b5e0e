using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialOrganizations;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Organizations;
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
    public async Task WorkSummary_OfTheCounty_HasTheRegistrationAndInspectionSentences_WithFiguresOnly()
    {
        using var leader = await app.ClientAsAsync("leader");
        var today = DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var draft = await (await leader.GetAsync($"/api/v1/reports/work-summary?region=360482&from=2000-01-01&to={today}", Ct)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("社会组织管理", StringComparison.Ordinal));
        var sentences = section.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.Matches(@"^新成立社会组织\d+家，其中社会团体\d+家、民办非企业单位\d+家、基金会\d+家；注销登记2家，撤销登记1家；现有登记在册社会组织\d+家。$", sentences[0]);
        Assert.Matches(@$"^开展{DateTime.Today.Year - 1}年度社会组织年检，通知\d+家，参检\d+家，通过\d+家，整改[1-9]\d*家，不合格\d+家。$", sentences[1]);
        Assert.Matches(@"^推进行业协会商会与行政机关脱钩，列入名单\d+家，其中已脱钩[1-9]\d*家、拟脱钩[1-9]\d*家、暂不脱钩[1-9]\d*家。$", sentences[2]);
    }
}
