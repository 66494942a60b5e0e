using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.Administration.Regions;

public abstract class RegionApiTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    // A township code of its own per test (codes 400–599 are unused in the demo county).
    private static string NewTownship() => UniqueCodes.DemoCountyTownship();

    [Fact]
    public async Task Children_OfDemoCounty_ListsItsTownships()
    {
        using var client = await app.ClientAsAsync("county");
        var children = await (await client.GetAsync("/api/v1/regions/360482000000/children", Ct)).JsonAsync();
        var names = children.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("甘露镇", names);
        Assert.Contains("茶山街道", names);
        Assert.All(children.EnumerateArray(), c => Assert.Equal("township", c.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task Create_ValidVillage_Is201AndListedUnderParent()
    {
        using var admin = await app.ClientAsAsync("admin");
        var township = NewTownship();
        (await admin.PostAsJsonAsync("/api/v1/regions", new { code = township, name = "测试乡", parentCode = "360482000000" }, Ct)).EnsureSuccessStatusCode();
        var village = township[..9] + "201";
        var created = await (await admin.PostAsJsonAsync("/api/v1/regions", new { code = village, name = "测试村", parentCode = township }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("village", created.GetProperty("level").GetString());
        var children = await (await admin.GetAsync($"/api/v1/regions/{township}/children", Ct)).JsonAsync();
        Assert.Equal(village, Assert.Single(children.EnumerateArray()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("36048210000", "code")]
    [InlineData("36048210000X", "code")]
    [InlineData("360482000201", "code")]
    public async Task Create_MalformedCode_Is400NamingCode(string code, string field)
    {
        using var admin = await app.ClientAsAsync("admin");
        var message = await (await admin.PostAsJsonAsync("/api/v1/regions", new { code, name = "坏代码", parentCode = "360482000000" }, Ct))
            .AssertFieldErrorAsync(field);
        Assert.Contains(code, message);
    }

    [Fact]
    public async Task Create_UnknownParent_Is400AndNothingWritten()
    {
        using var admin = await app.ClientAsAsync("admin");
        var orphan = NewTownship()[..9] + "202"; // village whose township does not exist
        var message = await (await admin.PostAsJsonAsync("/api/v1/regions",
            new { code = orphan, name = "无上级村", parentCode = orphan[..9] + "000" }, Ct)).AssertFieldErrorAsync("parentCode");
        Assert.Contains("不存在", message);
        await (await admin.GetAsync($"/api/v1/regions/{orphan}/children", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_ParentNotMatchingCode_Is400()
    {
        using var admin = await app.ClientAsAsync("admin");
        await (await admin.PostAsJsonAsync("/api/v1/regions",
            new { code = "360482100299", name = "错上级", parentCode = "360482101000" }, Ct)).AssertFieldErrorAsync("parentCode");
    }

    [Fact]
    public async Task Create_Duplicate_Is409AndNameUnchanged()
    {
        using var admin = await app.ClientAsAsync("admin");
        var body = await (await admin.PostAsJsonAsync("/api/v1/regions",
            new { code = "360482100000", name = "重复的甘露镇", parentCode = "360482000000" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已存在", body.GetProperty("detail").GetString());
        var children = await (await admin.GetAsync("/api/v1/regions/360482000000/children", Ct)).JsonAsync();
        Assert.Contains(children.EnumerateArray(), c => c.GetProperty("name").GetString() == "甘露镇");
        Assert.DoesNotContain(children.EnumerateArray(), c => c.GetProperty("name").GetString() == "重复的甘露镇");
    }

    [Fact]
    public async Task Create_OverLongName_Is400NamingName()
    {
        using var admin = await app.ClientAsAsync("admin");
        await (await admin.PostAsJsonAsync("/api/v1/regions",
            new { code = NewTownship(), name = new string('长', 61), parentCode = "360482000000" }, Ct)).AssertFieldErrorAsync("name");
    }

    [Theory]
    [InlineData("county")]
    [InlineData("leader")]
    [InlineData("security")]
    public async Task Create_NotSystemAdministrator_Is403(string user)
    {
        using var client = await app.ClientAsAsync(user);
        await (await client.PostAsJsonAsync("/api/v1/regions",
            new { code = NewTownship(), name = "越权乡", parentCode = "360482000000" }, Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Children_MalformedCode_Is400()
    {
        using var client = await app.ClientAsAsync("county");
        await (await client.GetAsync("/api/v1/regions/12345/children", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class SqliteRegionApiTests(SqliteApp app) : RegionApiTests<SqliteApp>(app);

public sealed class PostgresRegionApiTests(PostgresApp app) : RegionApiTests<PostgresApp>(app);
