using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.SocialAssistance.Registry;

/// <summary>Edits after registration: person profile, household details and head, merging households, assets.</summary>
public abstract class RegistryEditTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> NewHouseholdAsync(HttpClient client, params string[] relationships)
    {
        var members = relationships.Select((r, i) => new { name = $"成员{i}", idNumber = SqliteRegistryApiTests.NewIdNumber(), relationship = r, monthlyIncome = 100m });
        var created = await (await client.PostAsJsonAsync("/api/v1/households",
            new { regionCode = "360482100201", hukouType = "rural", address = "红光村三组", members }, Ct)).JsonAsync(HttpStatusCode.Created);
        return await (await client.GetAsync($"/api/v1/households/{created.GetProperty("id").GetString()}", Ct)).JsonAsync();
    }

    private static string MemberId(JsonElement household, int index) => household.GetProperty("members")[index].GetProperty("personId").GetString()!;

    [Fact]
    public async Task UpdatePerson_StoresProfile_MasksPhone_AndHidesCertificate()
    {
        using var client = await app.ClientAsAsync("township");
        var household = await NewHouseholdAsync(client, "head");
        var person = MemberId(household, 0);
        var response = await client.PutAsJsonAsync($"/api/v1/persons/{person}", new
        {
            name = "刘改名",
            phone = "13912345678",
            ethnicity = "畲族",
            hukouRegionCode = "360482100202",
            disabilityType = "intellectual",
            disabilityGrade = 3,
            disabilityCertificate = "11010519491231002X43",
            selfCare = "partial",
            seriousIllness = true,
            employment = "unable-to-work",
        }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var profile = await (await client.GetAsync($"/api/v1/persons/{person}", Ct)).JsonAsync();
        Assert.Equal("刘改名", profile.GetProperty("name").GetString());
        Assert.Equal("139****5678", profile.GetProperty("phoneMasked").GetString());
        Assert.Equal("畲族", profile.GetProperty("ethnicity").GetString());
        Assert.Equal("intellectual", profile.GetProperty("disabilityType").GetString());
        Assert.True(profile.GetProperty("hasDisabilityCertificate").GetBoolean());
        Assert.True(profile.GetProperty("seriousIllness").GetBoolean());
        Assert.Equal("unable-to-work", profile.GetProperty("employment").GetString());
        Assert.DoesNotContain("13912345678", profile.ToString());
        Assert.DoesNotContain("1231002X43", profile.ToString());
    }

    [Fact]
    public async Task UpdatePerson_BadFields_Are400NamingEach_AndNothingChanges()
    {
        using var client = await app.ClientAsAsync("township");
        var person = MemberId(await NewHouseholdAsync(client, "head"), 0);
        var response = await client.PutAsJsonAsync($"/api/v1/persons/{person}",
            new { name = "", phone = "12ab", disabilityType = "laziness", disabilityGrade = 7, employment = "astronaut", deathDate = "2999-01-01" }, Ct);
        var body = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "phone", "disabilityType", "disabilityGrade", "employment", "deathDate" })
        {
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var profile = await (await client.GetAsync($"/api/v1/persons/{person}", Ct)).JsonAsync();
        Assert.Equal("成员0", profile.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Person_OutsideScope_IsNotFound()
    {
        using var township = await app.ClientAsAsync("township");
        var person = MemberId(await NewHouseholdAsync(township, "head"), 0);
        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482200000");
        using var outsider = await app.ClientAsAsync(user, password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/persons/{person}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/v1/persons/{person}", new { name = "越权" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task ChangeHeadAndBankAccount_AreStoredMasked()
    {
        using var client = await app.ClientAsAsync("township");
        var household = await NewHouseholdAsync(client, "head", "child");
        var id = household.GetProperty("id").GetString();
        var child = MemberId(household, 1);
        var response = await client.PutAsJsonAsync($"/api/v1/households/{id}",
            new { headPersonId = child, bankName = "江西农商银行", bankAccount = "6228 4800 1234 5678 901", bankAccountHolder = "成员1" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var after = await (await client.GetAsync($"/api/v1/households/{id}", Ct)).JsonAsync();
        Assert.Equal(child, after.GetProperty("headPersonId").GetString());
        Assert.Equal("**** 8901", after.GetProperty("bankAccountMasked").GetString());
        Assert.DoesNotContain("622848001234", after.ToString());

        var bad = await client.PutAsJsonAsync($"/api/v1/households/{id}", new { headPersonId = Guid.NewGuid(), bankAccount = "12" }, Ct);
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("headPersonId", out _));
        Assert.True(errors.TryGetProperty("bankAccount", out _));
    }

    [Fact]
    public async Task Merge_MovesEveryMember_AndKeepsTheOtherHouseholdsHistory()
    {
        using var client = await app.ClientAsAsync("township");
        var target = await NewHouseholdAsync(client, "head");
        var other = await NewHouseholdAsync(client, "head", "spouse");
        var targetId = target.GetProperty("id").GetString();
        var otherId = other.GetProperty("id").GetString();
        var response = await client.PostAsJsonAsync($"/api/v1/households/{targetId}/merge", new { fromHouseholdId = otherId }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(3, (await (await client.GetAsync($"/api/v1/households/{targetId}", Ct)).JsonAsync()).GetProperty("memberCount").GetInt32());
        var emptied = await (await client.GetAsync($"/api/v1/households/{otherId}", Ct)).JsonAsync();
        Assert.Equal(0, emptied.GetProperty("memberCount").GetInt32());
        Assert.All(emptied.GetProperty("history").EnumerateArray(), h => Assert.NotEqual(JsonValueKind.Null, h.GetProperty("validTo").ValueKind));

        var self = await client.PostAsJsonAsync($"/api/v1/households/{targetId}/merge", new { fromHouseholdId = targetId }, Ct);
        await self.AssertFieldErrorAsync("fromHouseholdId");
    }

    [Fact]
    public async Task Assets_AreListedOnTheHousehold_AndValidated()
    {
        using var client = await app.ClientAsAsync("township");
        var household = await NewHouseholdAsync(client, "head");
        var person = MemberId(household, 0);
        var created = await client.PostAsJsonAsync($"/api/v1/persons/{person}/assets",
            new { type = "vehicle", description = "小型轿车 赣G·12345", value = 45000.00m, validFrom = "2025-03-01" }, Ct);
        await created.JsonAsync(HttpStatusCode.Created);
        var after = await (await client.GetAsync($"/api/v1/households/{household.GetProperty("id").GetString()}", Ct)).JsonAsync();
        var asset = Assert.Single(after.GetProperty("assets").EnumerateArray());
        Assert.Equal("vehicle", asset.GetProperty("type").GetString());
        Assert.Equal(45000m, asset.GetProperty("value").GetDecimal());

        var bad = await client.PostAsJsonAsync($"/api/v1/persons/{person}/assets", new { type = "spaceship", description = "", value = -1m }, Ct);
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "type", "description", "value", "validFrom" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }
}

public sealed class SqliteRegistryEditTests(SqliteApp app) : RegistryEditTests<SqliteApp>(app);

public sealed class PostgresRegistryEditTests(PostgresApp app) : RegistryEditTests<PostgresApp>(app);
