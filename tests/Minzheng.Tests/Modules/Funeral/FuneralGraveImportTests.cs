using System.Net;
using System.Text;
using System.Text.Json;
using Minzheng.Platform.Calendar;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>已有坟墓批量登记 through the platform's staged import, on both databases: row errors by column, all or nothing, no occupant twice.</summary>
public abstract class FuneralGraveImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Header = "所在村区划代码,位置描述,纬度,经度,坟墓类型,墓主姓名,墓主身份证号,合葬者姓名,合葬者身份证号,家属联系人,联系电话,登记日期";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> StageAsync(HttpClient client, byte[] file, string name = "graves.csv")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", name } };
        return await (await client.PostAsync("/api/v1/imports?kind=existing-graves", form, Ct)).JsonAsync();
    }

    private static Task<HttpResponseMessage> CommitAsync(HttpClient client, JsonElement staged, string query = "") =>
        client.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit{query}", null, Ct);

    private static async Task<int> ListedAsync(HttpClient client, string name) => (await client.GetPageAsync($"/api/v1/funeral/graves?name={name}&pageSize=50")).Total;

    [Fact]
    public async Task ASurveySheet_IsCheckedByColumn_WrittenAllAtOnce_AndAnOccupantIsNeverRegisteredTwice()
    {
        using var client = await app.ClientAsAsync("funeral");
        var marker = "批量" + Guid.NewGuid().ToString("N")[..6];
        var (id1, id2) = (Elder(1921), Elder(1925));
        var today = Day(TimeProvider.System.Today());
        var good = $"360482100201,红光村后山,29.245612,115.812034,土葬坟,{marker}甲,{id1},,,家属甲,13807921234,{today}\n"
                   + $"360482100202,东风村祖山,29.246001,115.813220,合葬墓,{marker}乙,{id2},{marker}丙,,家属乙,,{today}\n";
        var bad = $"360482200201,外乡,29.2,115.8,土葬坟,{marker}丁,,,,家属丁,,{today}\n"
                  + $"360482100201,红光村,115.8,29.2,宝塔,{marker}戊,123,,,家属戊,电话,2999-01-01\n"
                  + $"360482100201,红光村,29.2,115.8,土葬坟,{marker}己,{id1},,,家属己,,{today}\n";
        var staged = await StageAsync(client, Encoding.UTF8.GetBytes($"{Header}\n{good}{bad}"));
        Assert.Equal((5, 3), (staged.GetProperty("totalRows").GetInt32(), staged.GetProperty("validRows").GetInt32()));
        var cells = staged.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((5, "纬度"), cells);
        Assert.Contains((5, "坟墓类型"), cells);
        Assert.Contains((5, "墓主身份证号"), cells);
        Assert.Contains((5, "联系电话"), cells);
        Assert.Contains((5, "登记日期"), cells);
        Assert.Contains((6, "墓主身份证号"), cells); // the same occupant as row 2
        Assert.DoesNotContain(cells, c => c.Item1 is 2 or 3);

        // 360482200201 lies in the scope of the county account: it is a valid village; only the fields above are wrong.
        var refused = await (await CommitAsync(client, staged)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("未写入任何数据", refused.GetProperty("detail").GetString());
        Assert.Equal(0, await ListedAsync(client, marker));

        var done = await (await CommitAsync(client, staged, "?skipInvalid=true")).JsonAsync();
        Assert.Equal((3, 3), (done.GetProperty("imported").GetInt32(), done.GetProperty("counts").GetProperty("graves").GetInt32()));
        Assert.Equal(3, await ListedAsync(client, marker));

        // The same sheet again: the occupants with ID numbers are registered already.
        var again = await StageAsync(client, Encoding.UTF8.GetBytes($"{Header}\n{good}"));
        Assert.Equal(0, again.GetProperty("validRows").GetInt32());
        Assert.All(again.GetProperty("errors").EnumerateArray(), e => Assert.Contains("已在已有坟墓登记中", e.GetProperty("message").GetString()));
    }

    /// <summary>
    /// The sheet is checked and written a chunk of rows at a time (so memory holds one chunk): an occupant repeated in
    /// a later chunk is still caught, by row, and the rows of every chunk are written.
    /// </summary>
    [Fact]
    public async Task ASheetLongerThanAChunk_CatchesAnOccupantRepeatedChunksLater_AndWritesEveryChunk()
    {
        const int Rows = 2_600; // more than the 2,000 rows of a look-up chunk
        using var client = await app.ClientAsAsync("funeral");
        var marker = "长表" + Guid.NewGuid().ToString("N")[..6];
        var today = Day(TimeProvider.System.Today());
        var ids = Enumerable.Range(0, Rows).Select(_ => Elder(1930)).ToList();
        ids[2_400] = ids[4]; // data row 2,402 repeats data row 6's occupant, in the second chunk
        var body = string.Concat(ids.Select((id, i) => $"360482100201,后山{i},29.245612,115.812034,土葬坟,{marker}{i},{id},,,家属,,{today}\n"));
        var staged = await StageAsync(client, Encoding.UTF8.GetBytes($"{Header}\n{body}"));
        Assert.Equal((Rows, Rows - 1), (staged.GetProperty("totalRows").GetInt32(), staged.GetProperty("validRows").GetInt32()));
        var error = Assert.Single(staged.GetProperty("errors").EnumerateArray());
        Assert.Equal((2_402, "墓主身份证号"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));

        var done = await (await CommitAsync(client, staged, "?skipInvalid=true")).JsonAsync();
        Assert.Equal(Rows - 1, done.GetProperty("imported").GetInt32());
        Assert.Equal(Rows - 1, await ListedAsync(client, marker));
    }

    [Fact]
    public async Task TheTemplate_ImportsAsDownloaded_AndAVillageOutsideTheScopeIsRefused()
    {
        using var client = await app.ClientAsAsync("funeral");
        var template = await client.GetByteArrayAsync("/api/v1/funeral/graves/template.xlsx", Ct);
        var staged = await StageAsync(client, template, "existing-graves.xlsx");
        Assert.Equal((2, 2, 0), (staged.GetProperty("totalRows").GetInt32(), staged.GetProperty("validRows").GetInt32(), staged.GetProperty("errorCount").GetInt32()));

        var outside = await StageAsync(client, Encoding.UTF8.GetBytes($"{Header}\n110105001001,外地,29.2,115.8,土葬坟,某,,,,家属,,{Day(TimeProvider.System.Today())}\n"));
        Assert.Equal("所在村区划代码", outside.GetProperty("errors")[0].GetProperty("column").GetString());

        using var village = await app.ClientAsAsync("village");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(template), "file", "existing-graves.xlsx" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await village.PostAsync("/api/v1/imports?kind=existing-graves", form, Ct)).StatusCode);
    }
}

public sealed class SqliteFuneralGraveImportTests(SqliteApp app) : FuneralGraveImportTests<SqliteApp>(app);

public sealed class PostgresFuneralGraveImportTests(PostgresApp app) : FuneralGraveImportTests<PostgresApp>(app);
