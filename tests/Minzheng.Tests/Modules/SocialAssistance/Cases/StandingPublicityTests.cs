using System.Net;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>长期公示 (issue 21 item 9): the current beneficiaries of a village, only what may be published, children never.</summary>
public abstract class StandingPublicityTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVillagesList_ShowsItsBeneficiariesMasked_WithoutChildrensProgrammes_AndOnlyInScope()
    {
        var village = await VillageAsync(app);
        var dibao = await CaseloadAsync(app, village, "农村低保", 520m);
        var orphan = await CaseloadAsync(app, village, "孤儿", 1200m);
        using var township = await app.ClientAsAsync("township");
        var list = await (await township.GetAsync($"/api/v1/publicity/standing?region={village}", Ct)).JsonAsync();
        var line = Assert.Single(list.GetProperty("lines").EnumerateArray());
        Assert.Equal((dibao[0].Name, "农村低保", 520m), (line.GetProperty("name").GetString(), line.GetProperty("programName").GetString(), line.GetProperty("monthlyAmount").GetDecimal()));
        Assert.DoesNotContain(dibao[0].IdNumber, line.GetProperty("idNumberMasked").GetString());

        var page = await township.GetStringAsync($"/Cases/StandingPublicity?region={village}", Ct);
        Assert.Contains(dibao[0].Name, page);
        Assert.DoesNotContain(orphan[0].Name, page);
        Assert.DoesNotContain(dibao[0].IdNumber, page);
        Assert.DoesNotContain(dibao[0].Account, page);

        await (await township.GetAsync("/api/v1/publicity/standing?region=3604", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482201000");
        using var other = await app.ClientAsAsync(user, password);
        Assert.Empty((await (await other.GetAsync($"/api/v1/publicity/standing?region={village}", Ct)).JsonAsync()).GetProperty("lines").EnumerateArray());
    }
}

public sealed class SqliteStandingPublicityTests(SqliteApp app) : StandingPublicityTests<SqliteApp>(app);

public sealed class PostgresStandingPublicityTests(PostgresApp app) : StandingPublicityTests<PostgresApp>(app);
