using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>
/// Corrections of what the registrar typed from a passport or permit (gender, birth date, nationality), on both databases:
/// applied and on the history, refused for a resident party (the ID number decides), and never making a marriage unlawful.
/// </summary>
public abstract class MarriageForeignPartyCorrectionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A man with a Vietnamese passport born 1990-06-15 marries a resident woman on 2026-03-03.</summary>
    private static async Task<(HttpClient Head, string Id)> RegisterAsync(TApp app)
    {
        var head = await app.ClientAsAsync("marriagehead");
        var registered = await (await head.PostAsJsonAsync("/api/v1/marriage/registrations", new
        {
            kind = "marriage",
            date = "2026-03-03",
            parties = new object[]
            {
                new { name = "阮文雄", idType = "passport", idNumber = MarriageForeignPartyApiTests<TApp>.Passport(), nationality = "VNM", gender = "male", birthDate = "1990-06-15" },
                new { name = "刘芳", idNumber = MarriageIds.Woman(1992) },
            },
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        return (head, registered.GetProperty("id").GetString()!);
    }

    private static Task<HttpResponseMessage> CorrectAsync(HttpClient head, string id, string field, string? newValue) =>
        head.PostAsJsonAsync($"/api/v1/marriage/records/{id}/corrections", new { field, newValue, reason = "护照信息录入错误，据护照原件更正" }, Ct);

    private static async Task<JsonElement> PartyAAsync(HttpClient head, string id) =>
        (await (await head.GetAsync($"/api/v1/marriage/records/{id}", Ct)).JsonAsync()).GetProperty("parties")[0];

    [Fact]
    public async Task BirthDateGenderOfAPassportHolder_AndNationality_AreCorrected_AndShownOnTheHistory()
    {
        var (head, id) = await RegisterAsync(app);
        using var _ = head;
        var birth = await (await CorrectAsync(head, id, "partyABirthDate", "1990-05-16")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("1990-06-15", birth.GetProperty("oldValue").GetString());
        var nationality = await (await CorrectAsync(head, id, "partyANationality", "lao")).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("越南", "老挝"), (nationality.GetProperty("oldValue").GetString(), nationality.GetProperty("newValue").GetString()));

        var party = await PartyAAsync(head, id);
        Assert.Equal("1990-05-16", party.GetProperty("birthDate").GetString());
        Assert.Equal("LAO", party.GetProperty("nationality").GetString());
        var history = (await (await head.GetAsync($"/api/v1/marriage/records/{id}", Ct)).JsonAsync()).GetProperty("corrections");
        Assert.Equal(["一方出生日期", "一方国籍"], history.EnumerateArray().Select(c => c.GetProperty("fieldName").GetString()!).ToArray());

        // The detail page offers exactly the fields this couple's documents allow.
        using var web = new WebSession(app);
        await web.LoginAsync("marriagehead", Minzheng.Platform.Demo.DemoSeeder.Password);
        var page = await (await web.GetAsync($"/Marriages/Detail?id={id}")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("value=\"partyANationality\"", page);
        Assert.Contains("value=\"partyAGender\"", page);
        Assert.DoesNotContain("value=\"partyBGender\"", page);
        Assert.DoesNotContain("value=\"partyBNationality\"", page);
    }

    [Fact]
    public async Task Corrections_ThatBreakTheMarriageConditions_OrDoNotApplyToTheDocument_AreRefused_AndChangeNothing()
    {
        var (head, id) = await RegisterAsync(app);
        using var _ = head;
        Assert.Contains("性别相同", await DetailAsync(await CorrectAsync(head, id, "partyAGender", "女")));
        Assert.Contains("未满22周岁", await DetailAsync(await CorrectAsync(head, id, "partyABirthDate", "2004-03-04")));
        Assert.Contains("晚于登记日期", await DetailAsync(await CorrectAsync(head, id, "partyABirthDate", "2026-03-04")));
        Assert.Contains("请更正身份证号", await DetailAsync(await CorrectAsync(head, id, "partyBBirthDate", "1992-01-01")));
        Assert.Contains("持护照", await DetailAsync(await CorrectAsync(head, id, "partyBNationality", "USA")));
        Assert.Contains("相同", await DetailAsync(await CorrectAsync(head, id, "partyANationality", "VNM")));

        await (await CorrectAsync(head, id, "partyAGender", "雄")).AssertFieldErrorAsync("newValue");
        await (await CorrectAsync(head, id, "partyABirthDate", "1990-02-30")).AssertFieldErrorAsync("newValue");
        await (await CorrectAsync(head, id, "partyANationality", "YUG")).AssertFieldErrorAsync("newValue");
        await (await CorrectAsync(head, id, "partyANationality", "HKG")).AssertFieldErrorAsync("newValue");

        var party = await PartyAAsync(head, id);
        Assert.Equal(("male", "1990-06-15", "VNM"), (party.GetProperty("gender").GetString(), party.GetProperty("birthDate").GetString(), party.GetProperty("nationality").GetString()));
        Assert.Empty((await (await head.GetAsync($"/api/v1/marriage/records/{id}", Ct)).JsonAsync()).GetProperty("corrections").EnumerateArray());
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!;
}

public sealed class SqliteMarriageForeignPartyCorrectionTests(SqliteApp app) : MarriageForeignPartyCorrectionTests<SqliteApp>(app);

public sealed class PostgresMarriageForeignPartyCorrectionTests(PostgresApp app) : MarriageForeignPartyCorrectionTests<PostgresApp>(app);
