using System.Net;
using System.Text;
using System.Text.Json;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

/// <summary>
/// The member roster is checked and written in chunks of two rows here (Imports:ChunkRows), while a household's rows
/// may be anywhere in the file: households split across chunks, members before their head, duplicates and
/// inconsistencies between chunks must come out as in one pass over the whole file.
/// </summary>
public abstract class ChunkedMemberRosterImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Row(string head, string id, string name, string relationship, string hukou = "农村") =>
        $"{head},360482100201,{hukou},红光村三组5号,{name},{id},{relationship},300,,自理,";

    private async Task<HttpResponseMessage> CommitAsync(JsonElement staged, bool skipInvalid = false)
    {
        using var county = await app.ClientAsAsync("county");
        return await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit{(skipInvalid ? "?skipInvalid=true" : "")}", null, Ct);
    }

    private async Task<JsonElement[]> MembersOfHouseholdOfAsync(string id)
    {
        using var county = await app.ClientAsAsync("county");
        var found = (await (await county.GetAsync($"/api/v1/households?idNumber={id}", Ct)).JsonAsync()).EnumerateArray().ToList();
        return found.Count == 0
            ? []
            : [.. (await (await county.GetAsync($"/api/v1/households/{found[0].GetProperty("id").GetString()}", Ct)).JsonAsync()).GetProperty("members").EnumerateArray()];
    }

    [Fact]
    public async Task HouseholdsAcrossChunks_AreCheckedAndWrittenWhole()
    {
        var (a, a2, b, b2) = (SqliteRegistryApiTests.NewIdNumber(), SqliteRegistryApiTests.NewIdNumber(), SqliteRegistryApiTests.NewIdNumber(), SqliteRegistryApiTests.NewIdNumber());
        var (c, d, d2) = (SqliteRegistryApiTests.NewIdNumber(), SqliteRegistryApiTests.NewIdNumber(), SqliteRegistryApiTests.NewIdNumber());
        var lines = new[]
        {
            string.Join(",", MemberRoster.Headers),
            Row(a, a2, "孙二", "配偶"),          // row 2, chunk 1: before its head, two chunks ahead
            Row(b, b, "钱一", "户主"),           // row 3, chunk 1
            Row(b, b2, "钱二", "子女"),          // row 4, chunk 2
            Row(c, c, "李一", "户主"),           // row 5, chunk 2
            Row(a, a, "孙一", "户主"),           // row 6, chunk 3
            Row(c, b2, "李二", "子女"),          // row 7, chunk 3: the person of row 4 again
            Row(d, d2, "赵二", "子女", "城镇"),   // row 8, chunk 4: 城镇 while its head says 农村
            Row(d, d, "赵一", "户主"),           // row 9, chunk 4
        };
        using var county = await app.ClientAsAsync("county");
        var staged = await (await county.UploadImportAsync(MemberRoster.Kind, Encoding.UTF8.GetBytes(string.Join("\n", lines)), "members.csv")).JsonAsync();

        var errors = staged.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([7, 8], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Contains("与第4行重复", errors[0].GetProperty("message").GetString());
        Assert.Equal("区划代码", errors[1].GetProperty("column").GetString());
        Assert.Contains("应与户主行一致", errors[1].GetProperty("message").GetString());
        // Households a and b (two rows each); c and d are refused whole.
        Assert.Equal(4, staged.GetProperty("validRows").GetInt32());

        await (await CommitAsync(staged)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Empty(await MembersOfHouseholdOfAsync(b));

        var committed = await (await CommitAsync(staged, skipInvalid: true)).JsonAsync();
        Assert.Equal(4, committed.GetProperty("imported").GetInt32());
        Assert.Equal(["孙一", "孙二"], (await MembersOfHouseholdOfAsync(a2)).Select(m => m.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["钱一", "钱二"], (await MembersOfHouseholdOfAsync(b)).Select(m => m.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Empty(await MembersOfHouseholdOfAsync(c));
        Assert.Empty(await MembersOfHouseholdOfAsync(d));
    }
}

public sealed class SqliteChunkedMemberRosterImportTests(SmallImportLimitsSqliteApp app) : ChunkedMemberRosterImportTests<SmallImportLimitsSqliteApp>(app);

public sealed class PostgresChunkedMemberRosterImportTests(SmallImportLimitsPostgresApp app) : ChunkedMemberRosterImportTests<SmallImportLimitsPostgresApp>(app);
