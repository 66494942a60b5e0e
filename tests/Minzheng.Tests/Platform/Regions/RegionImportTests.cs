using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MiniExcelLibs;
using Minzheng.Modules.Administration.Regions;
using Minzheng.Platform.Regions;

namespace Minzheng.Tests.Platform.Regions;

/// <summary>Import of an official code list (CSV/XLSX, code,name): all or nothing, errors name their spreadsheet row.</summary>
public abstract class RegionImportTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(RegionService Service, Minzheng.Platform.Data.MinzhengDbContext Db)> ServiceAsync()
    {
        var db = database.CreateContext();
        await db.Database.MigrateAsync(Ct);
        var actor = new DatabaseFixture.FixedActor("tester");
        var audit = new Minzheng.Platform.Auditing.AuditLog(db, actor, TimeProvider.System, DatabaseFixture.Protector);
        return (new RegionService(db, new MemoryCache(new MemoryCacheOptions()), new Minzheng.Platform.Auditing.RowStamper(actor, TimeProvider.System), audit), db);
    }

    // A province code of its own per test, so tests sharing the database never collide.
    private static string NewProvince() => UniqueCodes.ProvinceAndCity();

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    [Fact]
    public async Task Csv_ValidList_AddsTreeWithDerivedParents_AndReimportIsIdempotent()
    {
        var p = NewProvince();
        var (service, db) = await ServiceAsync();
        await using var _ = db;
        var csv = $"code,name\n{p[..2]}0000000000,测试省\n{p}00000000,测试市\n{p}01000000,测试县\n{p}01100000,测试镇\n{p}01100201,测试村\n";
        var result = await service.ImportAsync(Csv(csv), "regions.csv", Ct);
        Assert.Empty(result.Errors);
        Assert.True(result.Added >= 4); // the province may exist from a neighbouring test
        var village = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == $"{p}01100201", Ct);
        Assert.Equal(RegionLevel.Village, village.Level);
        Assert.Equal($"{p}01100000", village.ParentCode);

        var again = await service.ImportAsync(Csv(csv.Replace("测试村", "改名村", StringComparison.Ordinal)), "regions.csv", Ct);
        Assert.Equal((0, 1), (again.Added, again.Updated));
        Assert.Equal([new RegionRename($"{p}01100201", "测试村", "改名村")], again.Renamed);
        Assert.Equal("改名村", (await db.Regions.AsNoTracking().SingleAsync(r => r.Code == $"{p}01100201", Ct)).Name);
    }

    [Fact]
    public async Task Csv_CityWithoutCounties_TakesItsTownshipsDirectlyUnderTheCity()
    {
        // As 东莞市 (441900) lists them: 441900003000 东城街道 under the city, county segment 00.
        var p = NewProvince();
        var (service, db) = await ServiceAsync();
        await using var _ = db;
        var csv = $"code,name\n{p[..2]}0000000000,测试省\n{p}00000000,不设区的市\n{p}00003000,东城街道\n{p}00003001,东城社区\n";
        var result = await service.ImportAsync(Csv(csv), "regions.csv", Ct);
        Assert.Empty(result.Errors);
        var township = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == $"{p}00003000", Ct);
        Assert.Equal((RegionLevel.Township, $"{p}00000000"), (township.Level, township.ParentCode));
        Assert.Equal($"{p}00003000", (await db.Regions.AsNoTracking().SingleAsync(r => r.Code == $"{p}00003001", Ct)).ParentCode);
        Assert.Contains(township.Code, (await service.ChildrenAsync($"{p}00000000", Ct)).Select(c => c.Code));
    }

    [Fact]
    public async Task Csv_WithBadRows_WritesNothingAndNamesRows()
    {
        var p = NewProvince();
        var (service, db) = await ServiceAsync();
        await using var _ = db;
        var csv = $"code,name\n{p[..2]}0000000000,省\n{p}00000000,市\n{p}0100000,短代码\n{p}0100000X,字母\n{p}00000000,重复\n{p}02100201,无上级村\n{p}03000000,\n";
        var result = await service.ImportAsync(Csv(csv), "regions.csv", Ct);
        Assert.Equal(0, result.Added);
        Assert.Equal([4, 5, 6, 7, 8], result.Errors.Select(e => e.Row).ToArray());
        Assert.Contains("与第3行重复", result.Errors.Single(e => e.Row == 6).Message);
        Assert.Contains("上级区划", result.Errors.Single(e => e.Row == 7).Message);
        Assert.False(await db.Regions.AnyAsync(r => r.Code == $"{p}00000000", Ct));
    }

    [Fact]
    public async Task Xlsx_WithNumericCodes_IsRead()
    {
        var p = NewProvince();
        var (service, db) = await ServiceAsync();
        await using var _ = db;
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["code"] = long.Parse(p[..2] + "0000000000", System.Globalization.CultureInfo.InvariantCulture), ["name"] = "表格省" },
            new Dictionary<string, object> { ["code"] = long.Parse(p + "00000000", System.Globalization.CultureInfo.InvariantCulture), ["name"] = "表格市" },
        }, cancellationToken: Ct);
        stream.Position = 0;
        var result = await service.ImportAsync(stream, "regions.xlsx", Ct);
        Assert.Empty(result.Errors);
        Assert.True(await db.Regions.AnyAsync(r => r.Code == $"{p}00000000" && r.Name == "表格市", Ct));
    }

    [Theory]
    [InlineData("regions.csv", "编号,地名\n1,x\n", "表头")]
    [InlineData("regions.pdf", "code,name\n", "只支持")]
    [InlineData("regions.xlsx", "not a zip file at all", "无法读取")]
    public async Task HostileOrWrongFiles_AreRefusedWithReason(string fileName, string content, string reason)
    {
        var (service, db) = await ServiceAsync();
        await using var _ = db;
        var result = await service.ImportAsync(Csv(content), fileName, Ct);
        Assert.Contains(reason, Assert.Single(result.Errors).Message);
    }
}

public sealed class SqliteRegionImportTests(SqliteDatabase database) : RegionImportTests<SqliteDatabase>(database);

public sealed class PostgresRegionImportTests(PostgresDatabase database) : RegionImportTests<PostgresDatabase>(database);
