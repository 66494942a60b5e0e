using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Tests.Modules.SocialAssistance.Imports;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>
/// 补录 checks rows in date order a window at a time (Imports:ChunkRows, two rows here): a file in date order as it is
/// read, any other with the order made by the database — after the rows read in order so far were written and are
/// undone. A person's marriage, divorce and second marriage land in three windows, and every rule still holds across
/// the windows; staging leaves nothing behind, neither records nor sorted rows.
/// </summary>
public abstract class WindowedMarriageHistoryImportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Header = "登记种类,登记日期,证件字号,一方姓名,一方身份证号,另一方姓名,另一方身份证号,登记机关区划代码";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> StageAsync(HttpClient client, string csv)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "history.csv" } };
        return await (await client.PostAsync("/api/v1/imports?kind=marriage-history", form, Ct)).JsonAsync();
    }

    private static async Task<int> RecordsOfAsync(HttpClient client, string idNumber) =>
        (await (await client.PostAsJsonAsync("/api/v1/marriage/records/lookup", new { idNumber }, Ct)).JsonAsync()).GetArrayLength();

    private Task<int> WorkRowsAsync() =>
        app.WithScopeAsync(s => s.GetRequiredService<MinzhengDbContext>().Set<ImportWorkRow>().CountAsync(Ct));

    [Fact]
    public async Task RowsOutOfOrder_AcrossWindows_AreCheckedByDate_AndStagingLeavesNothingBehind()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, first, second, other, otherWife, third) =
            (MarriageIds.Man(1950), MarriageIds.Woman(1952), MarriageIds.Woman(1953), MarriageIds.Man(1951), MarriageIds.Woman(1951), MarriageIds.Woman(1954));
        // In date order: 1975 both marriages, 1985 the divorce, 1990 the second marriage; the other man's 1992 marriage
        // has no divorce before it, and the 1975 marriage appears twice.
        var csv = $"""
            {Header}
            结婚,1990-02-02,共青城结字第90022号,陈立,{man},周敏,{second},
            结婚,1992-01-01,共青城结字第92011号,马云生,{other},许静,{third},
            离婚,1985-05-05,共青城离字第85055号,林秀,{first},陈立,{man},
            结婚,1975-01-01,共青城结字第75011号,陈立,{man},林秀,{first},
            结婚,1975-03-03,共青城结字第75033号,马云生,{other},何芳,{otherWife},
            结婚,1975-01-01,共青城结字第75012号,陈立,{man},林秀,{first},
            """;
        var staged = await StageAsync(client, csv);
        var errors = staged.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "一方身份证号"), (7, "登记日期")], errors);
        Assert.Equal(4, staged.GetProperty("validRows").GetInt32());
        Assert.Equal(0, await RecordsOfAsync(client, man));
        Assert.Equal(0, await WorkRowsAsync());

        var result = await (await client.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit?skipInvalid=true", null, Ct)).JsonAsync();
        Assert.Equal((4, 3, 1), (result.GetProperty("imported").GetInt32(), result.GetProperty("counts").GetProperty("marriages").GetInt32(),
            result.GetProperty("counts").GetProperty("divorces").GetInt32()));
        Assert.Equal(3, await RecordsOfAsync(client, man));
        Assert.Equal(0, await WorkRowsAsync());

        // The divorce ended the first marriage's bonds in a later window: the first wife may marry, the second wife may not.
        await MarriageReissueApiTests<TApp>.MarryAsync(client, "2026-02-02", MarriageIds.Man(1955), first);
        var refused = await client.PostAsJsonAsync("/api/v1/marriage/registrations", new
        {
            kind = "marriage",
            date = "2026-02-02",
            parties = new[] { new { name = "赵刚", idNumber = MarriageIds.Man(1956) }, new { name = "周敏", idNumber = second } },
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        }, Ct);
        await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task RowsInDateOrder_AcrossWindows_AreCheckedAsRead()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, first, second, other, otherWife) = (MarriageIds.Man(1930), MarriageIds.Woman(1931), MarriageIds.Woman(1932), MarriageIds.Man(1933), MarriageIds.Woman(1934));
        // Windows: [1955 marriage, 1956 other marriage], [1960 divorce, 1961 remarriage], [1961 the same remarriage again, 1962 second wife again].
        var staged = await StageAsync(client, $"""
            {Header}
            结婚,1955-01-01,共青城结字第55011号,陈立,{man},林秀,{first},
            结婚,1956-01-01,共青城结字第56011号,马云生,{other},何芳,{otherWife},
            离婚,1960-05-05,共青城离字第60055号,林秀,{first},陈立,{man},
            结婚,1961-02-02,共青城结字第61022号,陈立,{man},周敏,{second},
            结婚,1961-02-02,共青城结字第61023号,陈立,{man},周敏,{second},
            结婚,1962-02-02,共青城结字第62022号,马云生,{other},周敏,{second},
            """);
        var errors = staged.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(6, "登记日期"), (7, "一方身份证号"), (7, "另一方身份证号")], errors);
        Assert.Equal(0, await RecordsOfAsync(client, man));

        var result = await (await client.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit?skipInvalid=true", null, Ct)).JsonAsync();
        Assert.Equal((4, 3, 1), (result.GetProperty("imported").GetInt32(), result.GetProperty("counts").GetProperty("marriages").GetInt32(),
            result.GetProperty("counts").GetProperty("divorces").GetInt32()));
        Assert.Equal((3, 1), (await RecordsOfAsync(client, man), await RecordsOfAsync(client, second)));
        Assert.Equal(0, await WorkRowsAsync());
    }

    [Fact]
    public async Task ARefusedCommit_WritesNothing_InAnyWindow()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman, late, lateWife) = (MarriageIds.Man(1945), MarriageIds.Woman(1946), MarriageIds.Man(1947), MarriageIds.Woman(1948));
        var staged = await StageAsync(client, $"""
            {Header}
            结婚,1970-01-01,共青城结字第70011号,甲,{man},乙,{woman},
            结婚,1971-01-01,共青城结字第71011号,丙,{late},丁,{lateWife},
            结婚,1972-01-01,共青城结字第72011号,丙,{late},戊,{woman},
            """);
        // Both parties of the last row were married in the window before.
        Assert.Equal(2, staged.GetProperty("errorCount").GetInt32());
        await (await client.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((0, 0), (await RecordsOfAsync(client, man), await RecordsOfAsync(client, late)));
        Assert.Equal(0, await WorkRowsAsync());
    }
}

public sealed class SqliteWindowedMarriageHistoryImportTests(SmallImportLimitsSqliteApp app)
    : WindowedMarriageHistoryImportTests<SmallImportLimitsSqliteApp>(app);

public sealed class PostgresWindowedMarriageHistoryImportTests(SmallImportLimitsPostgresApp app)
    : WindowedMarriageHistoryImportTests<SmallImportLimitsPostgresApp>(app);
