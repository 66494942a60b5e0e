using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.Administration.Calendar;

public abstract class CalendarApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2026-09-28", 5, "2026-10-10")]
    [InlineData("2026-11-20", 1, "2026-11-23")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    public async Task AddWorkingDays_BuiltIn2026(string from, int days, string expected)
    {
        using var client = await app.ClientAsAsync("township");
        var body = await (await client.GetAsync($"/api/v1/calendar/add-working-days?from={from}&days={days}", Ct)).JsonAsync();
        Assert.Equal(expected, body.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("from=2026-13-01&days=5", "from")]
    [InlineData("from=2026-09-28&days=-1", "days")]
    [InlineData("from=2026-09-28&days=abc", "days")]
    [InlineData("days=5", "from")]
    [InlineData("from=2026-09-28", "days")]
    public async Task AddWorkingDays_BadInput_Is400NamingField(string query, string field)
    {
        using var client = await app.ClientAsAsync("township");
        await (await client.GetAsync($"/api/v1/calendar/add-working-days?{query}", Ct)).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task PutYear_ThenAddWorkingDays_UsesTheNewHolidays()
    {
        using var admin = await app.ClientAsAsync("admin");
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/2031",
            new { holidays = new[] { "2031-10-01", "2031-10-02", "2031-10-03" }, workdays = new[] { "2031-10-04" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        // 2031-09-30 is a Tuesday: Oct 1–3 off, Oct 4 (Saturday) worked.
        var body = await (await admin.GetAsync("/api/v1/calendar/add-working-days?from=2031-09-30&days=1", Ct)).JsonAsync();
        Assert.Equal("2031-10-04", body.GetProperty("date").GetString());
        Assert.True(body.GetProperty("confirmed").GetBoolean());

        // Setting the year again replaces it: the old holidays are gone.
        (await admin.PutAsJsonAsync("/api/v1/calendar/2031", new { holidays = Array.Empty<string>(), workdays = Array.Empty<string>() }, Ct)).EnsureSuccessStatusCode();
        var after = await (await admin.GetAsync("/api/v1/calendar/add-working-days?from=2031-09-30&days=1", Ct)).JsonAsync();
        Assert.Equal("2031-10-01", after.GetProperty("date").GetString());
    }

    [Fact]
    public async Task AddWorkingDays_UnconfirmedYear_SaysSo()
    {
        using var client = await app.ClientAsAsync("county");
        var body = await (await client.GetAsync("/api/v1/calendar/add-working-days?from=2044-03-01&days=3", Ct)).JsonAsync();
        Assert.False(body.GetProperty("confirmed").GetBoolean());
        Assert.Equal("2044-03-04", body.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("{\"holidays\":[\"2032-02-30\"],\"workdays\":[]}", "holidays")]
    [InlineData("{\"holidays\":[\"2031-10-01\"],\"workdays\":[]}", "holidays")]
    [InlineData("{\"holidays\":[\"2032-10-02\"],\"workdays\":[\"2032-10-02\"]}", "workdays")]
    public async Task PutYear_BadDates_Is400AndNothingChanged(string json, string field)
    {
        using var admin = await app.ClientAsAsync("admin");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await (await admin.PutAsync("/api/v1/calendar/2032", content, Ct)).AssertFieldErrorAsync(field);
        var year = await (await admin.GetAsync("/api/v1/calendar/2032", Ct)).JsonAsync();
        Assert.False(year.GetProperty("confirmed").GetBoolean());
    }

    [Fact]
    public async Task PutYear_NotAdministrator_Is403()
    {
        using var county = await app.ClientAsAsync("county");
        await (await county.PutAsJsonAsync("/api/v1/calendar/2033", new { holidays = Array.Empty<string>(), workdays = Array.Empty<string>() }, Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteCalendarApiTests(SqliteApp app) : CalendarApiTests<SqliteApp>(app);

public sealed class PostgresCalendarApiTests(PostgresApp app) : CalendarApiTests<PostgresApp>(app);
