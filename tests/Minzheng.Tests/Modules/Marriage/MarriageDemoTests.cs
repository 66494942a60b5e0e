using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.Marriage;
using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Modules.Marriage;

public sealed class MarriageDemoApp : SqliteApp
{
    public MarriageDemoApp() => WithMarriageRegister = true;
}

/// <summary>The demo county's register, made through the module's services: registrations and divorce applications in every state.</summary>
public sealed class MarriageDemoTests(MarriageDemoApp app) : IClassFixture<MarriageDemoApp>
{
    [Fact]
    public async Task DemoRegister_HasMarriages_Divorces_AndApplicationsInEveryState()
    {
        var list = await app.WithScopeAsync(sp =>
            sp.GetRequiredService<MinzhengDbContext>().DivorceApplications.Select(a => a.Status).ToListAsync(TestContext.Current.CancellationToken));
        foreach (var status in Enum.GetValues<DivorceApplicationStatus>())
        {
            Assert.Contains(status, list);
        }

        using var client = await app.ClientAsAsync("marriage");
        var page = await client.GetAsync("/api/v1/marriage/statistics?region=360482&from=2000-01-01&to=2099-12-31", TestContext.Current.CancellationToken);
        var figures = await page.JsonAsync();
        Assert.True(figures.GetProperty("marriages").GetInt32() >= 36);
        Assert.True(figures.GetProperty("divorces").GetInt32() >= 3);
        Assert.True(figures.GetProperty("reissuedMarriageCertificates").GetInt32() >= 1);
        Assert.True(figures.GetProperty("reissuedDivorceCertificates").GetInt32() >= 1);
        Assert.Equal(1, figures.GetProperty("revocations").GetInt32());
        // The demo's cross-border couples: two foreign passports, a 华侨, a 香港 and a 台湾 permit holder.
        var crossBorder = figures.GetProperty("crossBorder");
        Assert.True(crossBorder.GetProperty("foreignMarriages").GetInt32() >= 2);
        Assert.True(crossBorder.GetProperty("overseasChineseMarriages").GetInt32() >= 1);
        Assert.True(crossBorder.GetProperty("hongKongMacaoTaiwanMarriages").GetInt32() >= 2);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task WorkSummary_OfTheCounty_HasTheRegisterSentence_WithFiguresOnly()
    {
        using var leader = await app.ClientAsAsync("leader");
        var draft = await (await leader.GetAsync("/api/v1/reports/work-summary?region=360482&from=2000-01-01&to=2099-12-31", TestContext.Current.CancellationToken)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("、婚姻登记", StringComparison.Ordinal));
        var sentence = section.GetProperty("sentences")[0].GetProperty("text").GetString()!;
        Assert.Matches(@"^婚姻登记\d+对，其中结婚登记\d+对，离婚登记\d+对，补发结婚证\d+对，补发离婚证\d+对，撤销婚姻1对。结婚登记当事人\d+人，其中初婚\d+人，再婚\d+人。$", sentence);
    }
}
