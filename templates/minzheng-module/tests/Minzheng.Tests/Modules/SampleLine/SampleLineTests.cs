using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.SampleLine;

/// <summary>示例业务 over the API, on both databases: register, the procedure with roles and reasons, region scope, deadlines.</summary>
public abstract class SampleLineTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARecord_IsRegistered_Accepted_AndClosedWithAReason_ByTheRolesTheProcedureNames()
    {
        using var township = await app.ClientAsAsync("township");
        var id = (await (await township.PostAsJsonAsync("/api/v1/sample-line/records", new { regionCode = "360482100201", subject = "示例事项" }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var listed = (await (await township.GetAsync("/api/v1/sample-line/records", Ct)).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal(["accept"], listed.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("示例事项", await township.GetStringAsync("/api/v1/deadlines", Ct));

        Assert.Equal(HttpStatusCode.NoContent, (await township.PostAsJsonAsync($"/api/v1/sample-line/records/{id}/accept", new { }, Ct)).StatusCode);
        await (await township.PostAsJsonAsync($"/api/v1/sample-line/records/{id}/accept", new { }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await township.PostAsJsonAsync($"/api/v1/sample-line/records/{id}/close", new { reason = "已办结" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        using var county = await app.ClientAsAsync("county");
        await (await county.PostAsJsonAsync($"/api/v1/sample-line/records/{id}/close", new { reason = " " }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await county.PostAsJsonAsync($"/api/v1/sample-line/records/{id}/fly", new { }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsJsonAsync($"/api/v1/sample-line/records/{id}/close", new { reason = "已按规定办结" }, Ct)).StatusCode);
        Assert.DoesNotContain("示例事项\"", await county.GetStringAsync("/api/v1/deadlines", Ct));
    }

    [Fact]
    public async Task BadInput_OtherRegions_AndRolesWithoutThePermission_AreRefused()
    {
        using var township = await app.ClientAsAsync("township");
        var bad = await (await township.PostAsJsonAsync("/api/v1/sample-line/records", new { regionCode = "3604", subject = new string('长', 101) }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("regionCode", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("subject", out _));
        await (await township.PostAsJsonAsync("/api/v1/sample-line/records", new { regionCode = "360482200201", subject = "外乡镇" }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        using var county = await app.ClientAsAsync("county");
        var elsewhere = (await (await county.PostAsJsonAsync("/api/v1/sample-line/records", new { regionCode = "360482200201", subject = "金湖乡事项" }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        Assert.DoesNotContain(elsewhere, await township.GetStringAsync("/api/v1/sample-line/records", Ct));
        await (await township.PostAsJsonAsync($"/api/v1/sample-line/records/{elsewhere}/accept", new { }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        using var village = await app.ClientAsAsync("village");
        Assert.Equal(HttpStatusCode.Forbidden, (await village.GetAsync("/api/v1/sample-line/records", Ct)).StatusCode);
    }
}

public sealed class SqliteSampleLineTests(SqliteApp app) : SampleLineTests<SqliteApp>(app);

public sealed class PostgresSampleLineTests(PostgresApp app) : SampleLineTests<PostgresApp>(app);
