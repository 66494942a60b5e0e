using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using static Minzheng.Tests.Modules.SocialAssistance.Medical.MedicalFixtures;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Registry;

/// <summary>Lists page on the server with their total, sort by a column, filter by URL and export what is filtered (issue 22).</summary>
public abstract class ListPagingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(List<JsonElement> Items, int Total)> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var items = (await response.JsonAsync()).EnumerateArray().ToList();
        return (items, int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheRegister_PagesWithItsTotal_SortsByAColumn_AndExportsTheFilteredList()
    {
        var village = await VillageAsync(app);
        foreach (var name in new[] { "分页甲", "分页乙", "分页丙", "分页丁", "分页戊" })
        {
            await HouseholdAsync(app, village, name);
        }

        using var county = await app.ClientAsAsync("county");
        var (first, total) = await GetPageAsync(county, $"/api/v1/households?region={village}&pageSize=2&sort=head");
        Assert.Equal(5, total);
        Assert.Equal(2, first.Count);
        var (last, _) = await GetPageAsync(county, $"/api/v1/households?region={village}&pageSize=2&page=3&sort=head");
        Assert.Single(last);
        var all = (await GetPageAsync(county, $"/api/v1/households?region={village}&sort=head")).Items.Select(h => h.GetProperty("headName").GetString()).ToList();
        var descending = (await GetPageAsync(county, $"/api/v1/households?region={village}&sort=head&dir=desc")).Items.Select(h => h.GetProperty("headName").GetString()).ToList();
        Assert.Equal(all.AsEnumerable().Reverse(), descending);
        Assert.Equal(all.Take(2), first.Select(h => h.GetProperty("headName").GetString()));
        Assert.All(first, h => Assert.Equal("发放测试村" + village[^3..], h.GetProperty("regionName").GetString()));
        Assert.Equal(1, (await GetPageAsync(county, $"/api/v1/households?region={village}&name={Uri.EscapeDataString("分页丙")}")).Total);
        Assert.Equal(0, (await GetPageAsync(county, $"/api/v1/households?region={village}&hukou=urban")).Total);

        var export = await county.GetAsync($"/api/v1/households/export.xlsx?region={village}&sort=head&dir=desc", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(descending, rows.Select(r => (string?)r["户主姓名"]));
        Assert.All(rows, r => Assert.Contains("*", (string)r["户主身份证号"]!));
    }

    [Fact]
    public async Task ThePicker_FindsHouseholdsByAnyMembersName_OnlyWithinTheCallersRegion()
    {
        var ours = await HouseholdAsync(app, "360482100201", "选户户主", "选户配偶");
        var theirs = await HouseholdAsync(app, await VillageAsync(app), "选户户主");
        using var villager = await app.ClientAsAsync("village");
        var found = (await (await villager.GetAsync($"/api/v1/households/pick?term={Uri.EscapeDataString("选户配偶")}", Ct)).JsonAsync()).EnumerateArray().ToList();
        var only = Assert.Single(found);
        Assert.Equal((ours.Id, "选户户主", 2), (only.GetProperty("id").GetString(), only.GetProperty("headName").GetString(), only.GetProperty("memberCount").GetInt32()));
        Assert.DoesNotContain(ours.Members[0].IdNumber, only.GetRawText());
        var byHead = (await (await villager.GetAsync($"/api/v1/households/pick?term={Uri.EscapeDataString("选户户主")}", Ct)).JsonAsync()).EnumerateArray();
        Assert.DoesNotContain(byHead, h => h.GetProperty("id").GetString() == theirs.Id);
        Assert.Equal(0, (await (await villager.GetAsync("/api/v1/households/pick?term=", Ct)).JsonAsync()).GetArrayLength());
        Assert.Equal(0, (await (await villager.GetAsync($"/api/v1/households/pick?term={new string('甲', 60)}", Ct)).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task TheCaseList_FindsByApplicantNameMemberIdNumberAndHousehold_WithTotalAndExport()
    {
        var village = await VillageAsync(app);
        var household = await HouseholdAsync(app, village, "案件查找户", "案件查找妻");
        using var township = await app.ClientAsAsync("township");
        foreach (var program in new[] { "rural-dibao", "temporary" })
        {
            var created = await township.PostAsJsonAsync("/api/v1/cases", new { program, householdId = household.Id, authorisationSigned = true }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var (byName, total) = await GetPageAsync(township, $"/api/v1/cases?name={Uri.EscapeDataString("案件查找户")}&sort=program");
        Assert.Equal(2, total);
        Assert.Equal(new[] { "rural-dibao", "temporary" }, byName.Select(c => c.GetProperty("program").GetString()));
        Assert.Equal(2, (await GetPageAsync(township, $"/api/v1/cases?idNumber={household.Members[1].IdNumber}")).Total);
        Assert.Equal(1, (await GetPageAsync(township, $"/api/v1/cases?householdId={household.Id}&program=temporary&pageSize=1")).Total);
        Assert.Equal(0, (await GetPageAsync(township, $"/api/v1/cases?idNumber={SqliteRegistryApiTests.NewAdultIdNumber()}")).Total);

        var export = await township.GetAsync($"/api/v1/cases/export.xlsx?householdId={household.Id}", Ct);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("案件查找户", r["申请人"]));
    }
}

public sealed class SqliteListPagingTests(SqliteApp app) : ListPagingTests<SqliteApp>(app);

public sealed class PostgresListPagingTests(PostgresApp app) : ListPagingTests<PostgresApp>(app);
