using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using static Minzheng.Tests.Modules.SocialAssistance.Reports.ReportFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Reports;

/// <summary>民政事业统计 period tables and the township → county submission chain.</summary>
public abstract class StatisticsTableTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static int _birth;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A unique valid ID number of someone born on the day given (a different sequence number each call).</summary>
    private static string IdBornOn(DateOnly birth)
    {
        var order = (Interlocked.Increment(ref _birth) % 499 * 2) + 1;
        var first17 = "110108" + birth.AddDays(_birth / 499).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    private static JsonElement Row(JsonElement table, string program) =>
        table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("program").GetString() == program);

    [Fact]
    public async Task Table_CountsTheElderlyDisabledAndMinors_AndWhatPayrollsPaidInThePeriodAndYear()
    {
        var village = await VillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        var head = IdBornOn(new DateOnly(1980, 3, 1));
        var created = await county.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = village,
            hukouType = "rural",
            address = "统计组",
            members = new object[]
            {
                new { name = "统计户主", idNumber = head, relationship = "head", monthlyIncome = 0m },
                new { name = "统计老人", idNumber = IdBornOn(new DateOnly(1950, 5, 1)), relationship = "parent", monthlyIncome = 0m },
                new { name = "统计儿童", idNumber = IdBornOn(new DateOnly(2015, 7, 1)), relationship = "child", monthlyIncome = 0m },
                new { name = "统计残疾", idNumber = IdBornOn(new DateOnly(1985, 1, 1)), relationship = "spouse", monthlyIncome = 0m, disabilityGrade = 2 },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await app.WithScopeAsync(async services =>
        {
            // 重病患者 is recorded on the person page; set here directly for the old member.
            var db = services.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>();
            var elder = await db.Persons.SingleAsync(p => p.Name == "统计老人" && p.RegionCode == village, Ct);
            elder.SeriousIllness = true;
            return await db.SaveChangesAsync(Ct);
        });
        var csv = Encoding.UTF8.GetBytes($"{string.Join(",", [.. AssistanceRoster.Headers, AssistanceRoster.PaidThroughHeader])}\n{village},农村低保,统计户主,{head},4,4,900.00,2026-01,农商银行,6217000000001,,统计组,2025-12");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, csv, "table.csv")).JsonAsync();
        Assert.Equal(0, staged.GetProperty("errors").GetArrayLength());
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        await Payments.PaymentFixtures.PayrollAsync(app, "rural-dibao", village, "2026-10");
        await Payments.PaymentFixtures.PayrollAsync(app, "rural-dibao", village, "2026-11");

        var november = await (await county.GetAsync($"/api/v1/statistics/table?region={village}&period=2026-11", Ct)).JsonAsync();
        var rural = Row(november, "rural-dibao");
        Assert.Equal((1, 4), (rural.GetProperty("households").GetInt32(), rural.GetProperty("persons").GetInt32()));
        Assert.Equal((1, 1, 1), (rural.GetProperty("elderly").GetInt32(), rural.GetProperty("disabled").GetInt32(), rural.GetProperty("minors").GetInt32()));
        Assert.Equal((1, 1), (rural.GetProperty("severeDisabled").GetInt32(), rural.GetProperty("seriouslyIll").GetInt32()));
        Assert.Equal(900m, rural.GetProperty("paidInPeriod").GetDecimal());
        Assert.Equal(1800m, rural.GetProperty("paidYearToDate").GetDecimal());
        var quarter = await (await county.GetAsync($"/api/v1/statistics/table?region={village}&period=2026-q4", Ct)).JsonAsync();
        Assert.Equal("2026-Q4", quarter.GetProperty("period").GetString());
        Assert.Equal(1800m, Row(quarter, "rural-dibao").GetProperty("paidInPeriod").GetDecimal());

        await (await county.GetAsync($"/api/v1/statistics/table?region={village}&period=2026-13", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var xlsx = await county.GetAsync($"/api/v1/statistics/table.xlsx?region={village}&period=2026-11", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Fact]
    public async Task Township_Submits_CountyReturnsWithComments_TownshipResubmits_CountyAccepts_ThenLocked()
    {
        using var township = await app.ClientAsAsync("township");
        using var county = await app.ClientAsAsync("county");
        var body = new { regionCode = "360482100000", period = "2026-10" };
        await (await township.PostAsJsonAsync("/api/v1/statistics/reports", body with { period = "2099-01" }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await township.PostAsJsonAsync("/api/v1/statistics/reports", new { regionCode = "360482200000", period = "2026-10" }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var submitted = await (await township.PostAsJsonAsync("/api/v1/statistics/reports", body, Ct)).JsonAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("id").GetString();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        var frozen = submitted.GetProperty("rows").GetRawText();
        await (await township.PostAsJsonAsync("/api/v1/statistics/reports", body, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        // New data after the submission does not change what was reported.
        var village = await VillageAsync(app);
        await EnrolAsync(app, village, new Enrolment("农村低保", 2, 2, 480m, "2026-05"));
        Assert.Equal(frozen, (await (await county.GetAsync($"/api/v1/statistics/reports/{id}", Ct)).JsonAsync()).GetProperty("rows").GetRawText());

        await (await county.PostAsJsonAsync($"/api/v1/statistics/reports/{id}/return", new { comment = "" }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var returned = await (await county.PostAsJsonAsync($"/api/v1/statistics/reports/{id}/return", new { comment = "农村低保人数与花名册不符，请核实" }, Ct)).JsonAsync();
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        var list = await (await township.GetAsync("/api/v1/statistics/reports?period=2026-10", Ct)).JsonAsync();
        var mine = list.EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "360482100000");
        Assert.Equal("农村低保人数与花名册不符，请核实", mine.GetProperty("reviewComment").GetString());

        var again = await (await township.PostAsJsonAsync("/api/v1/statistics/reports", body, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(id, again.GetProperty("id").GetString());
        Assert.NotEqual(frozen, again.GetProperty("rows").GetRawText()); // refreshed with the corrected data
        var accepted = await (await county.PostAsJsonAsync($"/api/v1/statistics/reports/{id}/accept", new { }, Ct)).JsonAsync();
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        await (await township.PostAsJsonAsync("/api/v1/statistics/reports", body, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await county.PostAsJsonAsync($"/api/v1/statistics/reports/{id}/return", new { comment = "再看看" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        var counties = await (await county.GetAsync("/api/v1/statistics/reports?period=2026-10", Ct)).JsonAsync();
        Assert.Contains(counties.EnumerateArray(), r => r.GetProperty("regionCode").GetString() == "360482200000" && r.GetProperty("status").GetString() == "not-submitted");
    }
}

public sealed class SqliteStatisticsTableTests(SqliteApp app) : StatisticsTableTests<SqliteApp>(app);

public sealed class PostgresStatisticsTableTests(PostgresApp app) : StatisticsTableTests<PostgresApp>(app);
