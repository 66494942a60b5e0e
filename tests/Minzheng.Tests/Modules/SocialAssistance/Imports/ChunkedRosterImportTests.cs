using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

/// <summary>
/// Rosters are validated and written in chunks (Imports:ChunkRows); with chunks of two rows, a short file crosses
/// several boundaries, and the result must be the same as one pass over the whole file.
/// </summary>
public abstract class ChunkedRosterImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static readonly string Header = string.Join(",", AssistanceRoster.Headers);

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Row(string id, string program = "农村低保", string amount = "520.00", string account = "6228480012345678") =>
        $"360482100201,{program},张三,{id},3,2,{amount},2026-01,中国农业银行,{account},13800138000,红光村一组1号";

    private async Task<JsonElement> StageAsync(params string[] rows)
    {
        using var county = await app.ClientAsAsync("county");
        var content = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]));
        return await (await county.UploadImportAsync(AssistanceRoster.Kind, content, "roster.csv")).JsonAsync();
    }

    private async Task<HttpResponseMessage> CommitAsync(JsonElement staged, bool skipInvalid = false)
    {
        using var county = await app.ClientAsAsync("county");
        return await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit{(skipInvalid ? "?skipInvalid=true" : "")}", null, Ct);
    }

    private async Task<JsonElement[]> HouseholdsOfAsync(string id)
    {
        using var county = await app.ClientAsAsync("county");
        return [.. (await (await county.GetAsync($"/api/v1/households?idNumber={id}", Ct)).JsonAsync()).EnumerateArray()];
    }

    private async Task<JsonElement> HouseholdAsync(string householdId)
    {
        using var county = await app.ClientAsAsync("county");
        return await (await county.GetAsync($"/api/v1/households/{householdId}", Ct)).JsonAsync();
    }

    [Fact]
    public async Task SamePersonInLaterChunk_JoinsTheHouseholdTheEarlierChunkCreated_AndDuplicatesAcrossChunksAreNamed()
    {
        var (a, b, c) = (SqliteRegistryApiTests.NewIdNumber(), SqliteRegistryApiTests.NewIdNumber(), SqliteRegistryApiTests.NewIdNumber());
        var staged = await StageAsync(
            Row(a),                                  // row 2, chunk 1
            Row(b),                                  // row 3, chunk 1
            Row(c, amount: "1.234"),                 // row 4: three decimals (fails on its own, in no chunk)
            Row(a, program: "困难残疾人生活补贴"),       // row 5, chunk 2: a again, another programme
            Row(b),                                  // row 6, chunk 2: b again, same programme
            Row(c));                                 // row 7, chunk 3
        var errors = staged.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([4, 6], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Contains("与第3行重复", errors[1].GetProperty("message").GetString());
        Assert.Equal(4, staged.GetProperty("validRows").GetInt32());

        var committed = await (await CommitAsync(staged, skipInvalid: true)).JsonAsync();
        Assert.Equal(4, committed.GetProperty("imported").GetInt32());
        var household = Assert.Single(await HouseholdsOfAsync(a));
        var detail = await HouseholdAsync(household.GetProperty("id").GetString()!);
        Assert.Single(detail.GetProperty("members").EnumerateArray());
        Assert.Equal(2, detail.GetProperty("enrollments").GetArrayLength());
        Assert.Single(await HouseholdsOfAsync(b));
        Assert.Single(await HouseholdsOfAsync(c));
    }

    [Fact]
    public async Task BadRowInTheLastChunk_RollsBackTheChunksAlreadyWritten()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => SqliteRegistryApiTests.NewIdNumber()).ToArray();
        var staged = await StageAsync([.. ids.Select(id => Row(id))]);
        Assert.Equal(5, staged.GetProperty("validRows").GetInt32());
        // The last person dies between staging and commit: commit re-validates and finds it only in the last chunk.
        await RegisterDeadAsync(ids[^1]);

        var problem = await (await CommitAsync(staged)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("第6行", problem.GetRawText());
        foreach (var id in ids[..^1])
        {
            Assert.Empty(await HouseholdsOfAsync(id));
        }
    }

    [Theory]
    [InlineData(1536)] // over the file limit (1 MB here): refused by the upload check, with the limit named
    [InlineData(3072)] // over the request limit as well: refused while the form is read
    public async Task OverSizeUpload_Is400_NeverA500(int kilobytes)
    {
        var content = Encoding.UTF8.GetBytes(Header + "\n" + new string('1', kilobytes * 1024));
        using var county = await app.ClientAsAsync("county");
        var response = await county.UploadImportAsync(AssistanceRoster.Kind, content, "roster.csv");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("超过1MB", problem.GetProperty("detail").GetString());
    }

    /// <summary>Registers the person (through the API) and records the death, as the registry would before the commit.</summary>
    private async Task RegisterDeadAsync(string id)
    {
        using var county = await app.ClientAsAsync("county");
        var created = await (await county.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = "360482100201",
            hukouType = "rural",
            address = "红光村一组2号",
            members = new[] { new { name = "王五", idNumber = id, relationship = "head" } },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        var detail = await HouseholdAsync(created.GetProperty("id").GetString()!);
        var personId = detail.GetProperty("members")[0].GetProperty("personId").GetString();
        var died = await county.PutAsJsonAsync($"/api/v1/persons/{personId}", new { name = "王五", deathDate = "2026-01-15" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, died.StatusCode);
    }
}

public sealed class SmallImportLimitsSqliteApp : SqliteApp
{
    public SmallImportLimitsSqliteApp() => (Settings["Imports:ChunkRows"], Settings["Imports:MaxFileMegabytes"]) = ("2", "1");
}

public sealed class SmallImportLimitsPostgresApp : PostgresApp
{
    public SmallImportLimitsPostgresApp() => (Settings["Imports:ChunkRows"], Settings["Imports:MaxFileMegabytes"]) = ("2", "1");
}

public sealed class SqliteChunkedRosterImportTests(SmallImportLimitsSqliteApp app) : ChunkedRosterImportTests<SmallImportLimitsSqliteApp>(app);

public sealed class PostgresChunkedRosterImportTests(SmallImportLimitsPostgresApp app) : ChunkedRosterImportTests<SmallImportLimitsPostgresApp>(app);
