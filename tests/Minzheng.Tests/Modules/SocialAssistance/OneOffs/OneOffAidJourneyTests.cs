using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialAssistance.OneOffs;

/// <summary>One-off aid reaching the bank; a fixture of its own, since every 公示 moves the clock 14 days.</summary>
public abstract class OneOffAidJourneyTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    [Fact]
    public async Task OneOffAid_IsPaidOnceByItsProgrammesPayroll_LessTheReserveFundAdvance()
    {
        using (var county = await App.ClientAsAsync("county"))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync("/api/v1/reserve-funds", new { regionCode = "360482100000", amount = 2000m }, Ct)).StatusCode);
        }

        using var township = await App.ClientAsAsync("township");
        var household = await HouseholdAsync(township, "360482100203", new { name = "一次性救助户", idNumber = Adult(), relationship = "head", monthlyIncome = 0m },
            new { name = "一次性救助户妻", idNumber = Adult(), relationship = "spouse", monthlyIncome = 0m });
        var temporary = await OneOffAtCountyAsync("temporary", household, emergency: 800m);
        var decided = await ActAsync("county", temporary, "decide", new { approve = true, amount = 3000m });
        var month = decided.GetProperty("startMonth").GetString()!;
        var medical = await OneOffAtCountyAsync("medical", household);
        var medicalAmount = (await ActAsync("county", medical, "decide", new { approve = true, amount = 5000m })).GetProperty("amount").GetDecimal();

        using var county2 = await App.ClientAsAsync("county");
        async Task<List<JsonElement>> PayrollLinesAsync(string program, string period)
        {
            var created = await (await county2.PostPayrollAsync(new { program, regionCode = "360482100203", period }, Guid.NewGuid().ToString())).JsonAsync(HttpStatusCode.Created);
            return await PaymentFixtures.LinesAsync(county2, created.GetProperty("id").GetString()!);
        }

        var line = Assert.Single(await PayrollLinesAsync("temporary", month), l => l.GetProperty("personName").GetString() == "一次性救助户");
        Assert.Equal((3000m - 800m, month), (line.GetProperty("amount").GetDecimal(), line.GetProperty("month").GetString()));
        Assert.Equal(2, line.GetProperty("coveredPersons").GetInt32()); // household aid covers both members
        Assert.Contains("已先行救助 800.00 元（备用金），本次发放 2200.00 元", line.GetProperty("explanation").GetString());
        Assert.Equal(medicalAmount, Assert.Single(await PayrollLinesAsync("medical", month), l => l.GetProperty("personName").GetString() == "一次性救助户")
            .GetProperty("amount").GetDecimal());

        // Paid once: next month's payroll of the programme does not pay it again.
        var next = DateOnly.ParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(await PayrollLinesAsync("temporary", next), l => l.GetProperty("personName").GetString() == "一次性救助户");
    }
}

public sealed class SqliteOneOffClockApp : SqliteClockApp;

public sealed class PostgresOneOffClockApp : PostgresClockApp;

public sealed class SqliteOneOffAidJourneyTests(SqliteOneOffClockApp app) : OneOffAidJourneyTests<SqliteOneOffClockApp>(app);

public sealed class PostgresOneOffAidJourneyTests(PostgresOneOffClockApp app) : OneOffAidJourneyTests<PostgresOneOffClockApp>(app);
