using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Minzheng.Modules.SocialAssistance.Imports;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>
/// A cremation of a person covered by social assistance is the same death finding as an imported death list (DESIGN §5),
/// at once and without a manual step: one per affected enrolment, and on confirmation the payroll stops and recovers.
/// </summary>
public abstract class FuneralDeathLinkTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> FindingsAsync(string region, string status = "open")
    {
        using var county = await app.ClientAsAsync("county");
        return (await (await county.GetAsync($"/api/v1/verification/findings?type=death&region={region}&status={status}", Ct)).JsonAsync()).EnumerateArray().ToList();
    }

    private async Task<JsonElement> CremateAsync(object body)
    {
        using var funeral = await app.ClientAsAsync("funeral");
        var id = (await (await funeral.PostAsJsonAsync("/api/v1/funeral/cremations", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        return await (await funeral.GetAsync($"/api/v1/funeral/cremations/{id}", Ct)).JsonAsync();
    }

    [Fact]
    public async Task Cremation_OfAnEnrolledBeneficiary_OpensTheDeathFinding_DetectsTheStatus_AndThePayrollStopsAndRecovers()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 400m, 420m);
        await PayrollAsync(app, "rural-dibao", village, "2026-06");
        await PayrollAsync(app, "rural-dibao", village, "2026-07");

        // No status declared: the enrolment makes the deceased a 低保对象, so the waiver asked for is granted.
        var record = await CremateAsync(new
        {
            name = payees[1].Name,
            idNumber = payees[1].IdNumber,
            deathDate = "2026-06-15",
            cremationDate = "2026-06-17",
            funeralHome = "共青城市殡仪馆",
            waiverItems = new[] { "transport", "cremation" },
        });
        Assert.Equal(("dibao", 1000m, 1), (record.GetProperty("residentStatus").GetString(), record.GetProperty("waiverAmount").GetDecimal(),
            record.GetProperty("findingsOpened").GetInt32()));

        var finding = Assert.Single(await FindingsAsync(village));
        Assert.Equal(("death", "rural-dibao", payees[1].EnrollmentId, "2026-06-15", payees[1].Name), (finding.GetProperty("type").GetString(),
            finding.GetProperty("program").GetString(), finding.GetProperty("enrollmentId").GetString(), finding.GetProperty("deathDate").GetString(),
            finding.GetProperty("personName").GetString()));
        Assert.Equal(420m, finding.GetProperty("paidAfterDeath").GetDecimal());

        using var county = await app.ClientAsAsync("county");
        var url = $"/api/v1/verification/findings/{finding.GetProperty("id").GetString()}/resolve";
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync(url, new { decision = "confirm" }, Ct)).StatusCode);
        var august = await PayrollAsync(app, "rural-dibao", village, "2026-08", approve: false);
        var lines = await LinesAsync(county, august);
        Assert.DoesNotContain(lines, l => l.GetProperty("enrollmentId").GetString() == payees[1].EnrollmentId && l.GetProperty("kind").GetString() != "recovery");
        var recovery = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "recovery");
        Assert.Equal((payees[1].EnrollmentId, "2026-07", -420m),
            (recovery.GetProperty("enrollmentId").GetString(), recovery.GetProperty("month").GetString(), recovery.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Cremation_OfAMemberOfAnEnrolledHousehold_OpensAFindingOnTheHouseholdsEnrolment_AndAnImportedListAddsNoSecond()
    {
        var (head, spouse) = (SqliteRegistryApiTests.NewAdultIdNumber(), SqliteRegistryApiTests.NewAdultIdNumber());
        var village = await VillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        await (await county.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = village,
            hukouType = "rural",
            address = "火化核查组1号",
            members = new object[]
            {
                new { name = "火化户主", idNumber = head, relationship = "head", monthlyIncome = 100m },
                new { name = "火化配偶", idNumber = spouse, relationship = "spouse", monthlyIncome = 0m },
            },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var csv = Encoding.UTF8.GetBytes(string.Join(",", AssistanceRoster.Headers) + $"\n{village},农村低保,火化户主,{head},2,2,600.00,2026-01,,,,\n");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, csv, "r.csv")).JsonAsync();
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();

        var record = await CremateAsync(new { name = "火化配偶", idNumber = spouse, deathDate = "2026-09-03", cremationDate = "2026-09-05", funeralHome = "共青城市殡仪馆" });
        Assert.Equal("dibao", record.GetProperty("residentStatus").GetString());
        var finding = Assert.Single(await FindingsAsync(village));
        Assert.Equal(("火化配偶", false), (finding.GetProperty("personName").GetString(), finding.GetProperty("isBeneficiary").GetBoolean()));

        // The same death arriving later on the 卫健 list is evidence, not a second piece of work.
        var list = Encoding.UTF8.GetBytes($"身份证号,姓名,死亡日期,数据来源\n{spouse},火化配偶,2026-09-03,卫健\n");
        var deaths = await (await county.UploadImportAsync("death-records", list, "d.csv")).JsonAsync();
        await (await county.PostAsync($"/api/v1/imports/{deaths.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        Assert.Single(await FindingsAsync(village));
    }

    [Fact]
    public async Task Cremation_OfSomeoneNotEnrolled_OpensNoFinding()
    {
        var record = await CremateAsync(new { name = "未在保", idNumber = FuneralIds.Elder(1933), deathDate = "2026-02-01", cremationDate = "2026-02-02", funeralHome = "共青城市殡仪馆" });
        Assert.Equal((0, "resident"), (record.GetProperty("findingsOpened").GetInt32(), record.GetProperty("residentStatus").GetString()));
        Assert.Empty(record.GetProperty("assistancePrograms").EnumerateArray());
    }
}

public sealed class SqliteFuneralDeathLinkTests(SqliteApp app) : FuneralDeathLinkTests<SqliteApp>(app);

public sealed class PostgresFuneralDeathLinkTests(PostgresApp app) : FuneralDeathLinkTests<PostgresApp>(app);
