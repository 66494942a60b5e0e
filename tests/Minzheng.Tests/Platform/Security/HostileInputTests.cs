using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Platform.Security;

/// <summary>
/// Hostile values over HTTP (security issue, items 3, 6, 7, 8): absurd amounts, control and direction characters,
/// megabyte notes, wrong JSON types and impossible dates are refused with 400 naming the field; nothing is stored.
/// </summary>
public abstract class HostileInputTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient County, string Id, decimal Amount)> ActiveEnrollmentAsync()
    {
        var county = await app.ClientAsAsync("county");
        var list = await (await county.GetAsync("/api/v1/enrollments?region=360482&status=active", Ct)).JsonAsync();
        var items = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items");
        var first = items.EnumerateArray().First(e => e.GetProperty("status").GetString() == "active");
        return (county, first.GetProperty("id").GetString()!, first.GetProperty("monthlyAmount").GetDecimal());
    }

    [Theory]
    [InlineData("100000000000000000000")]
    [InlineData("10000000000000000000000000000")]
    [InlineData("20000.01")]
    [InlineData("-1")]
    [InlineData("850.001")]
    public async Task Adjust_AmountOutsideTheRange_Is400NamingTheField_AndNothingChanges(string amount)
    {
        var (county, id, before) = await ActiveEnrollmentAsync();
        using var body = new StringContent($"{{\"fromMonth\":\"2026-11\",\"monthlyAmount\":{amount}}}", System.Text.Encoding.UTF8, "application/json");
        var message = await (await county.PostAsync($"/api/v1/enrollments/{id}/adjust", body, Ct)).AssertFieldErrorAsync("monthlyAmount");
        Assert.Contains("元", message);
        var after = await (await county.GetAsync($"/api/v1/enrollments/{id}", Ct)).JsonAsync();
        Assert.Equal(before, after.GetProperty("enrollment").GetProperty("monthlyAmount").GetDecimal());
    }

    [Fact]
    public async Task Adjust_WithinTheCeiling_IsAccepted()
    {
        var (county, id, _) = await ActiveEnrollmentAsync();
        var response = await county.PostAsJsonAsync($"/api/v1/enrollments/{id}/adjust", new { fromMonth = "2026-11", monthlyAmount = 19999.99m, note = "测试上限内" }, Ct);
        Assert.Equal(19999.99m, (await response.JsonAsync()).GetProperty("enrollment").GetProperty("monthlyAmount").GetDecimal());
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u000B")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    public async Task ControlOrDirectionCharacter_InANote_Is400NamingTheField(string hostile)
    {
        var (county, id, _) = await ActiveEnrollmentAsync();
        var response = await county.PostAsJsonAsync($"/api/v1/enrollments/{id}/suspend", new { fromMonth = "2026-11", note = $"暂停{hostile}原因" }, Ct);
        Assert.Contains("控制字符", await response.AssertFieldErrorAsync("note"));
    }

    [Fact]
    public async Task ControlCharacter_InANestedName_IsNamedWithItsPath()
    {
        using var village = await app.ClientAsAsync("village");
        var response = await village.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = "360482100201",
            hukouType = "rural",
            address = "红光村",
            members = new[] { new { name = "张\u202E三", idNumber = "11010519491231002X", relationship = "head" } },
        }, Ct);
        Assert.Contains("控制字符", await response.AssertFieldErrorAsync("members[0].name"));
    }

    [Fact]
    public async Task MegabyteNote_Is400_AndACodeOverFiveHundredCharacters()
    {
        var (county, id, _) = await ActiveEnrollmentAsync();
        var note = new string('注', 1_000_000);
        var response = await county.PostAsJsonAsync($"/api/v1/enrollments/{id}/suspend", new { fromMonth = "2026-11", note }, Ct);
        Assert.Contains("2000", await response.AssertFieldErrorAsync("note"));
        using var reserve = await app.ClientAsAsync("county");
        var allocation = await reserve.PostAsJsonAsync("/api/v1/reserve-funds", new { regionCode = new string('3', 600), amount = 100m }, Ct);
        Assert.Contains("500", await allocation.AssertFieldErrorAsync("regionCode"));
    }

    [Fact]
    public async Task WrongJsonType_NamesTheField()
    {
        var (county, id, _) = await ActiveEnrollmentAsync();
        using var body = new StringContent("{\"fromMonth\":\"2026-11\",\"monthlyAmount\":\"很多\"}", System.Text.Encoding.UTF8, "application/json");
        var message = await (await county.PostAsync($"/api/v1/enrollments/{id}/adjust", body, Ct)).AssertFieldErrorAsync("monthlyAmount");
        Assert.Contains("monthlyAmount", message);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task ImpossibleDate_IsRefused(string date)
    {
        using var county = await app.ClientAsAsync("county");
        await (await county.GetAsync($"/api/v1/calendar/add-working-days?from={date}&days=5", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var (client, id, _) = await ActiveEnrollmentAsync();
        var month = date[..7];
        var response = await client.PostAsJsonAsync($"/api/v1/enrollments/{id}/suspend", new { fromMonth = month, note = "测试" }, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, response.StatusCode.ToString());
        Assert.Contains("fromMonth", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task VillageAssistant_CannotWithdrawACase()
    {
        using var village = await app.ClientAsAsync("village");
        var cases = await (await village.GetAsync("/api/v1/cases", Ct)).JsonAsync();
        var items = cases.ValueKind == JsonValueKind.Array ? cases : cases.GetProperty("items");
        var open = items.EnumerateArray().FirstOrDefault(c => c.GetProperty("status").GetString() is not ("approved" or "refused" or "withdrawn"));
        Assert.NotEqual(JsonValueKind.Undefined, open.ValueKind);
        var id = open.GetProperty("id").GetString();
        var refused = await (await village.PostAsJsonAsync($"/api/v1/cases/{id}/withdraw", new { reason = "申请人撤回" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("只有乡镇", refused.GetProperty("detail").GetString());
        var after = await (await village.GetAsync($"/api/v1/cases/{id}", Ct)).JsonAsync();
        Assert.Equal(open.GetProperty("status").GetString(), after.GetProperty("status").GetString());
    }
}

public sealed class SqliteHostileInputTests(SqliteApp app) : HostileInputTests<SqliteApp>(app);

public sealed class PostgresHostileInputTests(PostgresApp app) : HostileInputTests<PostgresApp>(app);
