using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Platform.Security;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>婚姻登记预约 over HTTP on both databases: public booking, places, duplicates, cancellation, the daily list and who sees it.</summary>
public abstract class AppointmentApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    protected const string Registry = "360482000000";
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
    protected TApp App => app;

    private static int _phone = Random.Shared.Next(1000, 9000);

    protected Task ConfigureAsync() => AppointmentSetup.ConfigureAsync(app);

    protected static Task<string> BookableDayAsync(HttpClient client, int n) => AppointmentSetup.BookableDayAsync(client, n);

    protected static object Booking(string date, string slot, string a, string b, string kind = "marriage", string? phone = null) => new
    {
        registry = Registry,
        kind,
        date,
        slot,
        parties = new[] { new { name = "张伟", idNumber = a }, new { name = "李娜", idNumber = b } },
        phone = phone ?? "139" + Interlocked.Increment(ref _phone).ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
    };

    protected static Task<HttpResponseMessage> BookAsync(HttpClient client, object booking) => AppointmentSetup.BookAsync(client, booking);

    private async Task<int> CountOnAsync(string date)
    {
        using var staff = await app.ClientAsAsync("marriage");
        return (await (await staff.GetAsync($"/api/v1/marriage/appointments?date={date}", Ct)).JsonAsync()).GetProperty("appointments").GetArrayLength();
    }

    [Fact]
    public async Task PublicBooking_GivesACode_LookupAndCancelNeedTheCodeAndAPartysIdNumber_AndFreeThePlace()
    {
        await ConfigureAsync();
        using var citizen = app.CreateClient();
        var date = await BookableDayAsync(citizen, 0);
        var (man, woman) = (MarriageIds.Man(), MarriageIds.Woman());
        var booked = await (await BookAsync(citizen, Booking(date, "10:00", man, woman))).JsonAsync(HttpStatusCode.Created);
        var code = booked.GetProperty("code").GetString()!;
        Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", code);
        Assert.Equal("已预约", booked.GetProperty("statusName").GetString());
        Assert.Equal("网上", booked.GetProperty("channelName").GetString());
        Assert.Contains("********", booked.GetProperty("partyAIdMasked").GetString());
        Assert.DoesNotContain(man, booked.ToString());

        // The same submission again is the same booking (idempotent), parties in either order.
        var again = await (await BookAsync(citizen, Booking(date, "10:00", woman, man))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(code, again.GetProperty("code").GetString());

        // Another booking of one of them that day is refused, naming the booking in the way (its last characters only).
        var twice = await (await BookAsync(citizen, Booking(date, "08:00", man, MarriageIds.Woman()))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(code[^4..], twice.GetProperty("detail").GetString());

        await (await citizen.PostAsJsonAsync($"/api/v1/public/marriage/appointments/{code}/lookup", new { idNumber = MarriageIds.Man() }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var found = await (await citizen.PostAsJsonAsync($"/api/v1/public/marriage/appointments/{code.ToLowerInvariant()}/lookup", new { idNumber = woman }, Ct)).JsonAsync();
        Assert.Equal(date, found.GetProperty("date").GetString());
        await (await citizen.PostAsJsonAsync($"/api/v1/public/marriage/appointments/{code}/cancel", new { idNumber = MarriageIds.Woman() }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var cancelled = await (await citizen.PostAsJsonAsync($"/api/v1/public/marriage/appointments/{code}/cancel", new { idNumber = man }, Ct)).JsonAsync();
        Assert.Equal("已取消", cancelled.GetProperty("statusName").GetString());
        await (await citizen.PostAsJsonAsync($"/api/v1/public/marriage/appointments/{code}/cancel", new { idNumber = man }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        // Cancelled, the day is free again for both.
        await (await BookAsync(citizen, Booking(date, "08:00", man, MarriageIds.Woman()))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task FullSlot_Is409_AndTheSlotsEndpointShowsNoPlaceLeft()
    {
        await ConfigureAsync();
        using var citizen = app.CreateClient();
        var date = await BookableDayAsync(citizen, 1);
        var first = await BookAsync(citizen, Booking(date, "09:00", MarriageIds.Man(), MarriageIds.Woman(), kind: "divorce"));
        // Another test class run on this day may have taken the one place already; either way the slot is now full.
        Assert.True(first.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        var full = await (await BookAsync(citizen, Booking(date, "09:00", MarriageIds.Man(), MarriageIds.Woman()))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("约满", full.GetProperty("detail").GetString());
        var offer = await (await citizen.GetAsync($"/api/v1/public/marriage/appointments/slots?registry={Registry}&date={date}", Ct)).JsonAsync();
        var nine = offer.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("slot").GetString() == "09:00");
        Assert.Equal(0, nine.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task BadInput_Is400Or422NamingTheField_AndWritesNothing()
    {
        await ConfigureAsync();
        using var citizen = app.CreateClient();
        var date = await BookableDayAsync(citizen, 2);
        var before = await CountOnAsync(date);
        var (man, woman) = (MarriageIds.Man(), MarriageIds.Woman());
        await (await BookAsync(citizen, Booking(date, "10:00", "110105194912310021", woman))).AssertFieldErrorAsync("parties[0].idNumber");
        await (await BookAsync(citizen, Booking(date, "10:00", man, woman, phone: "1234567"))).AssertFieldErrorAsync("phone");
        await (await BookAsync(citizen, Booking(date, "07:00", man, woman))).AssertFieldErrorAsync("slot");
        await (await BookAsync(citizen, Booking(date, "10:00", man, woman, kind: "adoption"))).AssertFieldErrorAsync("kind");
        await (await BookAsync(citizen, Booking("2026-02-30", "10:00", man, woman))).AssertFieldErrorAsync("date");
        await (await BookAsync(citizen, new { registry = "360482100000", kind = "marriage", date, slot = "10:00", parties = new[] { new { name = "张伟", idNumber = man }, new { name = "李娜", idNumber = woman } }, phone = "13912345678" }))
            .AssertFieldErrorAsync("registry");
        await (await BookAsync(citizen, new { registry = Registry, kind = "marriage", date, slot = "10:00", parties = new[] { new { name = new string('张', 51), idNumber = man }, new { name = "李娜", idNumber = woman } }, phone = "13912345678" }))
            .AssertFieldErrorAsync("parties[0].name");
        await (await BookAsync(citizen, new { registry = Registry, kind = "marriage", date, slot = "10:00", parties = new[] { new { name = "张伟", idNumber = man }, new { name = "李\u0007娜", idNumber = woman } }, phone = "13912345678" }))
            .AssertFieldErrorAsync("parties[1].name");
        await (await citizen.PostAsync("/api/v1/public/marriage/appointments", new StringContent("{\"date\":", System.Text.Encoding.UTF8, "application/json"), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        foreach (var (day, says) in new[] { (today, "当天"), (today.AddDays(-3), "已过去"), (today.AddDays(45), "30天以内") })
        {
            var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var refused = await (await BookAsync(citizen, Booking(text, "10:00", man, woman))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains(says, refused.GetProperty("errors").GetProperty("date")[0].GetString());
        }

        // Same gender, or under age on the day, for 结婚登记: 422 with the reason.
        var same = await (await BookAsync(citizen, Booking(date, "10:00", man, MarriageIds.Man()))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("性别相同", same.GetProperty("detail").GetString());
        var young = await (await BookAsync(citizen, Booking(date, "10:00", MarriageIds.Man(2010), woman))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("未满22周岁", young.GetProperty("detail").GetString());
        Assert.Equal(before, await CountOnAsync(date));
    }

    [Fact]
    public async Task DailyList_IsMasked_ScopedToTheRegistrarsRegion_AndClosedToTownshipAndAnonymous()
    {
        await ConfigureAsync();
        using var citizen = app.CreateClient();
        var date = await BookableDayAsync(citizen, 3);
        var (man, woman) = (MarriageIds.Man(), MarriageIds.Woman());
        var code = (await (await BookAsync(citizen, Booking(date, "10:00", man, woman, phone: "13800138000"))).JsonAsync(HttpStatusCode.Created)).GetProperty("code").GetString();

        using var staff = await app.ClientAsAsync("marriage");
        var list = await (await staff.GetAsync($"/api/v1/marriage/appointments?date={date}", Ct)).JsonAsync();
        var text = list.ToString();
        var row = list.GetProperty("appointments").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code);
        Assert.Equal("138****8000", row.GetProperty("phoneMasked").GetString());
        Assert.DoesNotContain(man, text);
        Assert.DoesNotContain("13800138000", text);

        // The registrar books by telephone for another couple: channel recorded.
        var phoned = await (await staff.PostAsJsonAsync("/api/v1/marriage/appointments", new
        {
            kind = "reissue-marriage-certificate",
            date,
            slot = "10:00",
            channel = "phone",
            parties = new[] { new { name = "王强", idNumber = MarriageIds.Man() }, new { name = "赵敏", idNumber = MarriageIds.Woman() } },
            phone = "13700137000",
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("电话", phoned.GetProperty("channelName").GetString());

        // A registrar of a township registry sees none of the county's bookings; township and village accounts are refused.
        var (user, password) = await TestUsers.CreateAsync(app, Roles.MarriageRegistrar, "360482100000");
        using var other = await app.ClientAsAsync(user, password);
        var theirs = await (await other.GetAsync($"/api/v1/marriage/appointments?date={date}", Ct)).JsonAsync();
        Assert.Equal(0, theirs.GetProperty("appointments").GetArrayLength());
        using var township = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.Forbidden, (await township.GetAsync($"/api/v1/marriage/appointments?date={date}", Ct)).StatusCode);
        using var village = await app.ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.Forbidden, (await village.GetAsync($"/api/v1/marriage/appointments?date={date}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync($"/api/v1/marriage/appointments?date={date}", Ct)).StatusCode);

        // Check-in is for the day itself; a future booking can be cancelled by staff.
        var id = row.GetProperty("id").GetString();
        Assert.Contains("当天", (await (await staff.PostAsync($"/api/v1/marriage/appointments/{id}/check-in", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString());
        var cancelled = await (await staff.PostAsync($"/api/v1/marriage/appointments/{id}/cancel", null, Ct)).JsonAsync();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
    }
}

public sealed class SqliteAppointmentApiTests(SqliteApp app) : AppointmentApiTests<SqliteApp>(app);

public sealed class PostgresAppointmentApiTests(PostgresApp app) : AppointmentApiTests<PostgresApp>(app)
{
    [Fact]
    public async Task ConcurrentBookings_OfASlotOfThree_ExactlyThreeSucceed_TheRestAre409()
    {
        await ConfigureAsync();
        using var citizen = App.CreateClient();
        var date = await BookableDayAsync(citizen, 4);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            using var client = App.CreateClient();
            return (await BookAsync(client, Booking(date, "08:00", MarriageIds.Man(), MarriageIds.Woman()))).StatusCode;
        }, Ct)));
        Assert.Equal(3, answers.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(17, answers.Count(s => s == HttpStatusCode.Conflict));

        // The same couple submitting twice at once: one booking, both answers name it.
        var (man, woman) = (MarriageIds.Man(), MarriageIds.Woman());
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            using var client = App.CreateClient();
            var response = await BookAsync(client, Booking(date, "10:00", man, woman, phone: "13600136000"));
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, response.StatusCode.ToString());
            return (await response.JsonAsync(response.StatusCode)).GetProperty("code").GetString();
        }, Ct)));
        Assert.Equal(twice[0], twice[1]);
    }
}

public sealed class ThrottledApp : SqliteApp
{
    public ThrottledApp() => Settings["Marriage:Appointments:PublicSubmissionsPerMinute"] = "3";
}

/// <summary>The anonymous booking submissions are limited per client address, with a Chinese 429.</summary>
public sealed class AppointmentRateLimitTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    [Fact]
    public async Task PublicSubmissions_OverTheLimit_Are429InChinese_WhileReadingPlacesGoesOn()
    {
        using var citizen = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            var lookup = await citizen.PostAsJsonAsync("/api/v1/public/marriage/appointments/ABCDEFGH/lookup", new { idNumber = MarriageIds.Man() }, ct);
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        }

        var refused = await (await citizen.PostAsJsonAsync("/api/v1/public/marriage/appointments", new { }, ct)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("频繁", refused.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/api/v1/public/marriage/registries", ct)).StatusCode);
    }
}

/// <summary>The registry's timetable and the bookable days, shared by the appointment test classes.</summary>
internal static class AppointmentSetup
{
    public const string Registry = "360482000000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The county registry's timetable: a small slot for capacity tests, a large one for everything else.</summary>
    public static async Task ConfigureAsync(MinzhengApp app)
    {
        using var head = await app.ClientAsAsync("marriagehead");
        var saved = await head.PutAsJsonAsync("/api/v1/marriage/appointment-settings", new
        {
            name = "共青城市婚姻登记处",
            daysAhead = 30,
            slots = new[] { new { start = "08:00", end = "08:30", capacity = 3 }, new { start = "09:00", end = "10:00", capacity = 1 }, new { start = "10:00", end = "11:00", capacity = 150 } },
            specialDays = Array.Empty<object>(),
        }, Ct);
        await saved.JsonAsync();
    }

    /// <summary>The n-th bookable day from tomorrow (0 = the first), read from the public slots endpoint.</summary>
    public static async Task<string> BookableDayAsync(HttpClient client, int n)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        for (var day = today.AddDays(1); day <= today.AddDays(30); day = day.AddDays(1))
        {
            var text = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var offer = await (await client.GetAsync($"/api/v1/public/marriage/appointments/slots?registry={Registry}&date={text}", Ct)).JsonAsync();
            if (offer.GetProperty("bookable").GetBoolean() && n-- == 0)
            {
                return text;
            }
        }

        throw new InvalidOperationException("no bookable day");
    }

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, object booking) =>
        client.PostAsJsonAsync("/api/v1/public/marriage/appointments", booking, Ct);
}
