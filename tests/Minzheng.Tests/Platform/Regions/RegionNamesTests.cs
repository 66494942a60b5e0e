using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Data;
using Minzheng.Platform.Regions;

namespace Minzheng.Tests.Platform.Regions;

/// <summary>Counts the reads (rows, and the read that finds the end) from the region table, across the app's contexts.</summary>
public sealed class RegionRowCounter : DbCommandInterceptor
{
    private long _rows;

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>The commands counted, for a failure's message.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Commands { get; } = new();

    public void Reset()
    {
        Interlocked.Exchange(ref _rows, 0);
        Commands.Clear();
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Count(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Count(command, eventData);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command, DataReaderClosingEventData eventData)
    {
        if (command.CommandText.Contains("FROM \"Regions\"", StringComparison.Ordinal))
        {
            Interlocked.Add(ref _rows, eventData.ReadCount);
            Commands.Enqueue($"{eventData.ReadCount}: {command.CommandText}");
        }
    }
}

/// <summary>The demo app with a national-size region table's worth of other codes, and a counter of region rows read.</summary>
public sealed class RegionNamesApp : SqliteApp
{
    public RegionRowCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<SqliteMinzhengDbContext>(o => o.AddInterceptors(Counter)));
    }
}

/// <summary>
/// Names are read for the codes a page shows (issue 30: the first summary after loading the national list took 2.7 s
/// because it read every region's name), and still for codes outside the caller's subtree (the anonymous /Verify page).
/// </summary>
public sealed class RegionNamesTests(RegionNamesApp app) : IClassFixture<RegionNamesApp>
{
    private const int Townships = 21;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstSummaryListAndVerify_AfterStart_ReadOnlyTheNamesTheyShow_NotTheWholeTable()
    {
        // 20,000 villages of another province (as a national list brings), then a cold name cache as after a start.
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MinzhengDbContext>();
            var rows = new List<Region>
            {
                new("990000000000", "测试省", RegionLevel.Province, null),
                new("990100000000", "测试市", RegionLevel.City, "990000000000"),
                new("990101000000", "测试县", RegionLevel.County, "990100000000"),
            };
            foreach (var t in Enumerable.Range(1, Townships))
            {
                var township = $"990101{t:000}000";
                rows.Add(new Region(township, $"测试镇{t}", RegionLevel.Township, "990101000000"));
                rows.AddRange(Enumerable.Range(1, 999).Select(v => new Region($"990101{t:000}{v:000}", $"测试村{t}-{v}", RegionLevel.Village, township)));
            }

            sp.GetRequiredService<Minzheng.Platform.Auditing.RowStamper>().Stamp(rows);
            await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
            {
                await BulkInsert.InsertAsync(db, rows, Ct);
                await transaction.CommitAsync(Ct);
            }

            sp.GetRequiredService<RegionService>().ForgetNames();
            return 0;
        });
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().Regions.CountAsync(Ct)) > Townships * 999);
        app.Counter.Reset();

        using var county = await app.ClientAsAsync("county");
        var summary = await county.GetAsync("/api/v1/reports/assistance-summary?region=360482&from=2026-01-01&to=2026-06-30", Ct);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Contains("共青城市", await summary.Content.ReadAsStringAsync(Ct));
        var households = await county.GetAsync("/api/v1/households?take=50", Ct);
        Assert.Equal(HttpStatusCode.OK, households.StatusCode);

        // The summary reads its region and its children, the list the regions of its rows: a few dozen, not 20,000.
        Assert.True(app.Counter.Rows is > 0 and < 200, $"{app.Counter.Rows} reads:\n" + string.Join("\n", app.Counter.Commands));
    }

    [Fact]
    public async Task NamesOf_ReadsOnlyTheAskedCodes_AndAnImportRenamesWhatIsCached()
    {
        await app.WithScopeAsync(async sp =>
        {
            var regions = sp.GetRequiredService<RegionService>();
            regions.ForgetNames();
            app.Counter.Reset();
            var names = await regions.NamesOfAsync(["360482000000", "360000000000", "360482000000", "360499000000", null], Ct);
            Assert.Equal(new Dictionary<string, string> { ["360482000000"] = "共青城市", ["360000000000"] = "江西省" }, names);
            // Two rows, and the read that finds the end: the unknown code is asked for in the same query.
            Assert.True(app.Counter.Rows is 2 or 3 && app.Counter.Commands.Count == 1, string.Join("\n", app.Counter.Commands));

            // Cached: asking again reads nothing, not even for the unknown code.
            await regions.NamesOfAsync(["360482000000", "360499000000"], Ct);
            Assert.Single(app.Counter.Commands);
            Assert.Equal("江西省 / 九江市 / 共青城市", await regions.DisplayPathAsync("360482000000", Ct));

            // A region written through the service drops every cached name, the remembered unknown ones included.
            await regions.CreateAsync("360499000000", "新设县", Ct);
            Assert.Equal("新设县", await regions.NameOfAsync("360499000000", Ct));
            return 0;
        });
        await app.WithScopeAsync(async sp =>
        {
            var regions = sp.GetRequiredService<RegionService>();
            var csv = "code,name\n360000000000,江西省\n360482000000,共青城市（新名）\n";
            var result = await regions.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "names.csv", Ct);
            Assert.Empty(result.Errors);
            Assert.Equal("共青城市（新名）", await regions.NameOfAsync("360482000000", Ct));
            await regions.ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("code,name\n360482000000,共青城市\n")), "names.csv", Ct);
            Assert.Equal("共青城市", await regions.NameOfAsync("360482000000", Ct));
            return 0;
        });
    }
}
