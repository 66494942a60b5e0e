using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>
/// Bookings of parties identified by a passport or a 港澳台 permit, on both databases: booked online with the entered gender
/// and birth date checked against the legal age, found again by document type and number, one booking per person per
/// day by document, and pre-filling the registration form with the whole document.
/// </summary>
public abstract class AppointmentDocumentTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Registry = AppointmentSetup.Registry;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Passport(string number, string birthDate = "1988-09-09", string? nationality = "VNM") =>
        new { name = "阮文雄", idType = "passport", idNumber = number, nationality, gender = "male", birthDate };

    private static object Booking(string date, object partyA, string woman, string slot = "10:00") => new
    {
        registry = Registry,
        kind = "marriage",
        date,
        slot,
        parties = new[] { partyA, new { name = "刘芳", idType = (string?)null, idNumber = woman, nationality = (string?)null, gender = (string?)null, birthDate = (string?)null } },
        phone = "13912345678",
    };

    [Fact]
    public async Task PassportHolder_BooksOnline_FindsTheBookingByPassport_AndTheRegistrarsFormIsPrefilledWithTheDocument()
    {
        await AppointmentSetup.ConfigureAsync(app);
        using var citizen = app.CreateClient();
        var date = await AppointmentSetup.BookableDayAsync(citizen, 5);
        var passport = MarriageForeignPartyApiTests<TApp>.Passport();
        var booked = await (await AppointmentSetup.BookAsync(citizen, Booking(date, Passport(passport.ToLowerInvariant()), MarriageIds.Woman()))).JsonAsync(HttpStatusCode.Created);
        var code = booked.GetProperty("code").GetString();
        Assert.Equal(passport[..1] + "*****" + passport[^3..], booked.GetProperty("partyAIdMasked").GetString());

        // Found by the passport; the same characters as a resident number or another document find nothing.
        var found = await citizen.PostAsJsonAsync($"/api/v1/public/marriage/appointments/{code}/lookup", new { idType = "passport", idNumber = passport }, Ct);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsJsonAsync($"/api/v1/public/marriage/appointments/{code}/lookup",
            new { idType = "taiwanPermit", idNumber = passport }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsJsonAsync($"/api/v1/public/marriage/appointments/{code}/lookup",
            new { idNumber = passport }, Ct)).StatusCode);

        // The same passport cannot hold a second booking that day, whoever the other party is.
        var second = await (await AppointmentSetup.BookAsync(citizen, Booking(date, Passport(passport), MarriageIds.Woman(), slot: "08:00"))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("同一人同一天", second.GetProperty("detail").GetString());

        // The registrar opens the registration form from the daily list: the passport, gender, birth date and nationality are filled in.
        using var staff = await app.ClientAsAsync("marriage");
        var list = await (await staff.GetAsync($"/api/v1/marriage/appointments?date={date}", Ct)).JsonAsync();
        var id = list.GetProperty("appointments").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code).GetProperty("id").GetString();
        using var web = new WebSession(app);
        await web.LoginAsync("marriage", Minzheng.Platform.Demo.DemoSeeder.Password);
        var form = await (await web.GetAsync($"/Marriages/Register?appointment={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains($"value=\"{passport}\"", form);
        Assert.Contains("value=\"1988-09-09\"", form);
        Assert.Matches("<option value=\"passport\"[^>]*selected", form);
        Assert.Matches("<option value=\"VNM\"[^>]*selected", form);
    }

    [Fact]
    public async Task DocumentHolders_BadInput_Is400NamingTheField_UnderAgeIs422_AndNothingIsBooked()
    {
        await AppointmentSetup.ConfigureAsync(app);
        using var citizen = app.CreateClient();
        var date = await AppointmentSetup.BookableDayAsync(citizen, 6);
        var woman = MarriageIds.Woman();
        await (await AppointmentSetup.BookAsync(citizen, Booking(date, Passport(MarriageForeignPartyApiTests<TApp>.Passport(), nationality: null), woman))).AssertFieldErrorAsync("parties[0].nationality");
        await (await AppointmentSetup.BookAsync(citizen, Booking(date, Passport(MarriageForeignPartyApiTests<TApp>.Passport(), nationality: "TWN"), woman))).AssertFieldErrorAsync("parties[0].nationality");
        await (await AppointmentSetup.BookAsync(citizen, Booking(date, Passport("E12$45678"), woman))).AssertFieldErrorAsync("parties[0].idNumber");
        await (await AppointmentSetup.BookAsync(citizen, Booking(date, new { name = "陈家豪", idType = "hkMacaoPermit", idNumber = "H1234567", gender = "male", birthDate = "1990-01-01" }, woman)))
            .AssertFieldErrorAsync("parties[0].idNumber");
        var young = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).AddYears(-22).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var underAge = await (await AppointmentSetup.BookAsync(citizen, Booking(date, Passport(MarriageForeignPartyApiTests<TApp>.Passport(), birthDate: young), woman)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("未满22周岁", underAge.GetProperty("detail").GetString());

        // The woman of all these attempts holds no booking: she can book that day.
        await (await AppointmentSetup.BookAsync(citizen, Booking(date, Passport(MarriageForeignPartyApiTests<TApp>.Passport()), woman))).JsonAsync(HttpStatusCode.Created);
    }
}

public sealed class SqliteAppointmentDocumentTests(SqliteApp app) : AppointmentDocumentTests<SqliteApp>(app);

public sealed class PostgresAppointmentDocumentTests(PostgresApp app) : AppointmentDocumentTests<PostgresApp>(app);
