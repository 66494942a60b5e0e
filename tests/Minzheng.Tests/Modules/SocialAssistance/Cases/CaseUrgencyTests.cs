using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>
/// A case registered today is not "即将到期" at once (its 3-working-day acceptance step has just begun); it becomes so
/// when one working day is left, on the case, the case list, the platform's work list and the board alike.
/// Own fixture: the test moves the fake clock (Monday 2026-09-21).
/// </summary>
public abstract class CaseUrgencyTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static bool Lists(JsonElement items, string id) =>
        items.EnumerateArray().Any(i => (i.TryGetProperty("id", out var x) ? x.GetString() : i.GetProperty("href").GetString()!.Split('=')[1]) == id);

    [Fact]
    public async Task NewCase_NotDueSoonUntilOneWorkingDayIsLeft()
    {
        using var township = await App.ClientAsAsync("township");
        var household = await HouseholdAsync(township, "360482100201", new { name = "邱某", idNumber = Adult(), relationship = "head", monthlyIncome = 0m });
        var id = (await (await township.PostAsJsonAsync("/api/v1/cases",
            new { program = "rural-dibao", householdId = household, authorisationSigned = true }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var fresh = await (await township.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync();
        Assert.Equal("2026-09-24", fresh.GetProperty("dueOn").GetString()); // 3 working days
        Assert.Equal("on-time", fresh.GetProperty("urgency").GetString());
        Assert.False(Lists(await (await township.GetAsync("/api/v1/cases?due=soon", Ct)).JsonAsync(), id));
        Assert.False(Lists(await (await township.GetAsync("/api/v1/deadlines?due=soon", Ct)).JsonAsync(), id));
        var listed = (await (await township.GetAsync("/api/v1/cases", Ct)).JsonAsync()).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal("on-time", listed.GetProperty("urgency").GetString());

        App.AdvanceDays(2); // Wednesday: one working day left
        using var later = await App.ClientAsAsync("township");
        Assert.Equal("due-soon", (await (await later.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync()).GetProperty("urgency").GetString());
        Assert.True(Lists(await (await later.GetAsync("/api/v1/cases?due=soon", Ct)).JsonAsync(), id));
        Assert.True(Lists(await (await later.GetAsync("/api/v1/deadlines?due=soon", Ct)).JsonAsync(), id));
        var board = await (await later.GetAsync("/api/v1/cases/deadline-board", Ct)).JsonAsync();
        Assert.True(board.EnumerateArray().Single(r => r.GetProperty("regionCode").GetString() == "360482100000").GetProperty("dueSoon").GetInt32() >= 1);
    }
}

public sealed class SqliteCaseUrgencyTests(SqliteClockApp app) : CaseUrgencyTests<SqliteClockApp>(app);

public sealed class PostgresCaseUrgencyTests(PostgresClockApp app) : CaseUrgencyTests<PostgresClockApp>(app);
