using System.Net;
using System.Net.Http.Json;
using Minzheng.Modules.SocialAssistance.Registry;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Registry;

/// <summary>The household page says where each figure comes from and flags, in Chinese, the figures that disagree — without changing them (issue 22).</summary>
public sealed class HouseholdFiguresTests
{
    private static HouseholdDto Household(int members, decimal memberIncome, decimal detailed, params (int Size, string Status)[] enrolments) => new(Guid.NewGuid(),
        "360482100201", "rural", "红光路1号", Guid.NewGuid(), "户主", members, memberIncome, [], [.. enrolments.Select(e => new EnrollmentDto(Guid.NewGuid(), "rural-dibao",
            "农村低保", 1, 300m, "2026-01", e.Status, e.Size))], [],
        detailed == 0 ? [] : [new IncomeDto(Guid.NewGuid(), Guid.NewGuid(), "wages", true, detailed, new DateOnly(2026, 1, 1), null, null)], detailed, [], null, null, null);

    [Fact]
    public void AnImportedHousehold_OfThreeWithOneMemberRegistered_AndAnIncomeWithoutRecords_IsFlaggedTwice()
    {
        var figures = HouseholdFigures.Of(Household(1, 797.43m, 0m, (3, "active")));
        Assert.Equal([3], figures.RecordedSizes);
        Assert.StartsWith("家庭人口登记为3人（在保记录，多为花名册导入），已录入成员1人。", figures.SizeWarning);
        Assert.StartsWith("成员月收入合计797.43元（登记或导入时填写），收入明细中计入政策的月收入合计0.00元，尚未登记收入明细。", figures.IncomeWarning);
    }

    [Fact]
    public void FiguresThatAgree_OrEndedEnrolments_RaiseNoWarning()
    {
        var figures = HouseholdFigures.Of(Household(2, 500m, 500m, (2, "active"), (5, "terminated")));
        Assert.Empty(figures.RecordedSizes);
        Assert.Null(figures.SizeWarning);
        Assert.Null(figures.IncomeWarning);
        Assert.Contains("二者不一致", HouseholdFigures.Of(Household(2, 500m, 650m)).IncomeWarning);
    }
}

public abstract class HouseholdFiguresPageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheHouseholdPage_NamesTheSourceOfEachFigure_AndWarnsWhereTheyDisagree_WithoutChangingThem()
    {
        var village = await VillageAsync(app);
        var payee = (await CaseloadAsync(app, village, "农村低保", 300m))[0]; // 家庭人口 2 on the roster, the head alone registered
        using var township = await app.ClientAsAsync("township");
        var enrollment = await (await township.GetAsync($"/api/v1/enrollments/{payee.EnrollmentId}", Ct)).JsonAsync();
        var householdId = enrollment.GetProperty("enrollment").GetProperty("householdId").GetString()!;
        var before = await (await township.GetAsync($"/api/v1/households/{householdId}", Ct)).JsonAsync();
        var head = before.GetProperty("members")[0].GetProperty("personId").GetString();
        await (await township.PostAsJsonAsync($"/api/v1/persons/{head}/incomes", new { type = "wages", monthlyAmount = 120.5m, validFrom = "2026-01-01" }, Ct))
            .JsonAsync(HttpStatusCode.Created);

        using var session = new WebSession(app);
        await session.LoginAsync("township", Minzheng.Platform.Demo.DemoSeeder.Password);
        var html = await (await session.GetAsync($"/Registry/Household?id={householdId}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("已登记成员 1 人", html);
        Assert.Contains("在保记录登记 2 人", html);
        Assert.Contains("家庭人口登记为2人（在保记录，多为花名册导入），已录入成员1人", html);
        Assert.Contains("成员月收入合计0.00元（登记或导入时填写），收入明细中计入政策的月收入合计120.50元，二者不一致", html);

        var after = await (await township.GetAsync($"/api/v1/households/{householdId}", Ct)).JsonAsync();
        Assert.Equal((1, 0m, 2), (after.GetProperty("memberCount").GetInt32(), after.GetProperty("householdIncome").GetDecimal(),
            after.GetProperty("enrollments")[0].GetProperty("householdSize").GetInt32()));
    }
}

public sealed class SqliteHouseholdFiguresPageTests(SqliteApp app) : HouseholdFiguresPageTests<SqliteApp>(app);

public sealed class PostgresHouseholdFiguresPageTests(PostgresApp app) : HouseholdFiguresPageTests<PostgresApp>(app);
