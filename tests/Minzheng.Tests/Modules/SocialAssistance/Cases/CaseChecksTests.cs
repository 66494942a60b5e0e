using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Platform.Kernel;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>Issue 21 item 7: exclusive programmes refused at application and decision; the amount and its warnings shown before the decision.</summary>
public abstract class CaseChecksTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private async Task<string> HouseholdOfAsync(HttpClient client, Payee payee) =>
        (await (await client.GetAsync($"/api/v1/enrollments/{payee.EnrollmentId}", Ct)).JsonAsync()).GetProperty("enrollment").GetProperty("householdId").GetString()!;

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, string program, string household) =>
        client.PostAsJsonAsync("/api/v1/cases", new { program, householdId = household, authorisationSigned = true }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task AHouseholdInOneDibao_CannotApplyForTheOther_NorTheSameAgain_NorADestitutePersonForDibao()
    {
        var village = await VillageAsync(App);
        var urban = await CaseloadAsync(App, village, "城市低保", 500m);
        var destitute = await CaseloadAsync(App, village, "特困分散供养", 900m);
        using var township = await App.ClientAsAsync("township");

        var both = await (await ApplyAsync(township, "rural-dibao", await HouseholdOfAsync(township, urban[0]))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("该家庭正在享受“城市低保”，与“农村低保”不能同时享受", both.GetProperty("detail").GetString());
        var again = await (await ApplyAsync(township, "urban-dibao", await HouseholdOfAsync(township, urban[0]))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("该家庭已在“城市低保”中保障", again.GetProperty("detail").GetString());
        var crossed = await (await ApplyAsync(township, "rural-dibao", await HouseholdOfAsync(township, destitute[0]))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("申请人正在享受“特困分散供养”", crossed.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnOpenCase_ShowsItsCalculation_WarnsOfAZeroAmount_AndIsNotApprovedOnceAnExclusiveEnrolmentAppears()
    {
        using var township = await App.ClientAsAsync("township");
        var poor = await HouseholdAsync(township, "360482100202", new { name = "测算户", idNumber = Adult(), relationship = "head", monthlyIncome = 200m });
        var rich = await HouseholdAsync(township, "360482100202", new { name = "高收入户", idNumber = Adult(), relationship = "head", monthlyIncome = 5000m });
        var poorCase = (await (await ApplyAsync(township, "rural-dibao", poor)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var richCase = (await (await ApplyAsync(township, "rural-dibao", rich)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var estimate = (await (await township.GetAsync($"/api/v1/cases/{poorCase}", Ct)).JsonAsync()).GetProperty("estimate");
        Assert.Equal(680m - 200m, estimate.GetProperty("amount").GetDecimal()); // demo rural standard 680
        Assert.Contains(estimate.GetProperty("steps").EnumerateArray(), s => s.GetProperty("description").GetString() == "基本保障金（补差）");
        Assert.Equal(0, estimate.GetProperty("warnings").GetArrayLength());
        var zero = (await (await township.GetAsync($"/api/v1/cases/{richCase}", Ct)).JsonAsync()).GetProperty("estimate");
        Assert.Equal(0m, zero.GetProperty("amount").GetDecimal());
        Assert.Contains("测算的保障金额为0", Assert.Single(zero.GetProperty("warnings").EnumerateArray()).GetString());

        // The page shows the same to the approver.
        using var county = await App.ClientAsAsync("county");
        var page = await county.GetStringAsync($"/Cases/Detail?id={richCase}", Ct);
        Assert.Contains("测算的保障金额为0", page);

        // An urban Dibao arrives for the poor household by roster import while its rural application is open: no approval.
        await EnrolAsync(poor, "城市低保");
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>();
            var c = await db.Cases.FindAsync([Guid.Parse(poorCase)], Ct);
            await services.GetRequiredService<CaseDecision>().DecideAsync(c!, new CaseActor("county", new HashSet<string> { "county" }),
                new DateOnly(2026, 12, 5), new CaseActionRequest(null, null, null, null, true, null, null, null, null, null), Ct);
            return 0;
        }));
        Assert.StartsWith("不能批准：该家庭正在享受“城市低保”", refused.Message);
        Assert.Contains("不能同时享受", (await (await township.GetAsync($"/api/v1/cases/{poorCase}", Ct)).JsonAsync()).GetProperty("estimate")
            .GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public async Task ASignatureThatArrivesLater_IsRecordedOnTheCase_InsteadOfAnotherApplication()
    {
        using var village = await App.ClientAsAsync("village");
        var household = await HouseholdAsync(village, "360482100201", new { name = "补签户", idNumber = Adult(), relationship = "head", monthlyIncome = 100m });
        var created = await village.PostAsJsonAsync("/api/v1/cases", new { program = "rural-dibao", householdId = household, authorisationSigned = false }, Ct);
        var id = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var refused = await ActAsync("township", id, "accept", status: HttpStatusCode.Conflict);
        Assert.Contains("授权书", refused.GetProperty("detail").GetString());

        var signed = await ActAsync("village", id, "record-authorisation", new { note = "户主已于村委会补签授权书" });
        Assert.True(signed.GetProperty("authorisationSigned").GetBoolean());
        Assert.Contains(signed.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "补录授权书");
        await ActAsync("village", id, "record-authorisation", status: HttpStatusCode.Conflict);
        Assert.Equal("accepted", (await ActAsync("township", id, "accept")).GetProperty("status").GetString());
    }

    /// <summary>Enrols the household's head in a programme through the county's database, as a roster migration would.</summary>
    private Task EnrolAsync(string householdId, string programName) => App.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>();
        var household = await db.Households.FindAsync([Guid.Parse(householdId)], Ct);
        db.Enrollments.Add(new Minzheng.Modules.SocialAssistance.Enrollments.Enrollment
        {
            RegionCode = household!.RegionCode,
            Program = Minzheng.Modules.SocialAssistance.Programs.AssistancePrograms.ByName(programName)!.Code,
            HouseholdId = household.Id,
            PersonId = household.HeadPersonId,
            HouseholdSize = 1,
            CoveredPersons = 1,
            MonthlyAmount = 300m,
            StartMonth = new DateOnly(2026, 1, 1),
        });
        await db.SaveChangesAsync(Ct);
        return 0;
    });
}

public sealed class SqliteCaseChecksTests(SqliteApp app) : CaseChecksTests<SqliteApp>(app);

public sealed class PostgresCaseChecksTests(PostgresApp app) : CaseChecksTests<PostgresApp>(app);
