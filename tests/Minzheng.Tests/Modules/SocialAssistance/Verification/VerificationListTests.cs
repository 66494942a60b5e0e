using System.Net;
using System.Net.Http.Json;
using System.Text;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Verification;

/// <summary>核查发现, 举报 and 近亲属备案 page on the server with their total, sort by a column, filter by URL and export what is filtered (issue 22).</summary>
public abstract class VerificationListTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Findings_PageWithTheirTotal_SortByName_FilterByName_AndExportMasked()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 300m, 310m, 320m);
        using var county = await app.ClientAsAsync("county");
        var deaths = "身份证号,姓名,死亡日期,数据来源\n" + string.Join("\n", payees.Select(p => $"{p.IdNumber},{p.Name},2026-02-10,公安"));
        var staged = await (await county.UploadImportAsync("death-records", Encoding.UTF8.GetBytes(deaths), "deaths.csv")).JsonAsync();
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();

        var url = $"/api/v1/verification/findings?type=death&region={village}";
        var (first, total) = await county.GetPageAsync($"{url}&pageSize=2&sort=name");
        Assert.Equal((3, 2), (total, first.Count));
        var names = payees.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var ascending = (await county.GetPageAsync($"{url}&sort=name")).Items.Strings("personName");
        Assert.Equal(ascending.Take(2), first.Strings("personName"));
        var (last, _) = await county.GetPageAsync($"{url}&pageSize=2&page=2&sort=name");
        Assert.Equal(ascending[2], Assert.Single(last).GetProperty("personName").GetString());
        var descending = (await county.GetPageAsync($"{url}&sort=name&dir=desc")).Items.Strings("personName");
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
        Assert.Equal(1, (await county.GetPageAsync($"{url}&name={Uri.EscapeDataString(payees[1].Name)}")).Total);
        Assert.Equal(0, (await county.GetPageAsync($"{url}&program=urban-dibao")).Total);
        // Nonsense paging and sorting is clamped or ignored, never an error.
        Assert.Equal(3, (await county.GetPageAsync($"{url}&page=-4&pageSize=0&sort=nonsense&dir=sideways")).Total);

        var exported = await county.ExportRowsAsync($"/api/v1/verification/findings/export.xlsx?type=death&region={village}&sort=name&dir=desc");
        var (rows, totals) = (exported[..^1], exported[^1]); // the 合计 row adds up what was paid after death
        Assert.Equal(("合计", rows.Sum(r => Convert.ToDecimal(r["死亡后已发（元）"], System.Globalization.CultureInfo.InvariantCulture))),
            ((string?)totals["序号"], Convert.ToDecimal(totals["死亡后已发（元）"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(descending, rows.Select(r => (string?)r["姓名"]));
        Assert.All(rows, r => Assert.Equal(("死亡比对", "待处理", "2026-02-10"), ((string?)r["核查类型"], (string?)r["状态"], (string?)r["死亡日期"])));
        Assert.All(rows, r => Assert.Contains("*", (string)r["身份证号"]!));
        Assert.DoesNotContain(rows, r => payees.Any(p => ((string)r["身份证号"]!).Contains(p.IdNumber, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TipOffs_PageWithTheirTotal_FilterBySubjectAndChannel_AndExportWithoutTheReporter()
    {
        var village = await VillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        foreach (var (subject, channel) in new[] { ("列表乙", "phone"), ("列表甲", "letter"), ("列表丙", "phone") })
        {
            var created = await county.PostAsJsonAsync("/api/v1/verification/tip-offs", new
            {
                channel,
                regionCode = village,
                subjectName = subject,
                content = $"反映{subject}家有小轿车仍享受低保",
                reporterName = "实名举报人",
                reporterPhone = "13912345678",
            }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var url = $"/api/v1/verification/tip-offs?region={village}";
        var (first, total) = await county.GetPageAsync($"{url}&sort=subject&pageSize=2");
        Assert.Equal(3, total);
        Assert.Equal(["列表丙", "列表乙"], first.Strings("subjectName"));
        Assert.Equal(["列表甲"], (await county.GetPageAsync($"{url}&sort=subject&pageSize=2&page=2")).Items.Strings("subjectName"));
        Assert.Equal(2, (await county.GetPageAsync($"{url}&channel=phone")).Total);
        Assert.Equal(1, (await county.GetPageAsync($"{url}&subject={Uri.EscapeDataString("列表甲")}")).Total);
        Assert.Equal(0, (await county.GetPageAsync($"{url}&status=closed")).Total);

        var rows = await county.ExportRowsAsync($"/api/v1/verification/tip-offs/export.xlsx?region={village}&channel=phone&sort=subject&dir=desc");
        Assert.Equal(["列表乙", "列表丙"], rows.Select(r => (string?)r["被举报人"]));
        Assert.All(rows, r => Assert.Equal(("电话", "是"), ((string?)r["渠道"], (string?)r["实名举报"])));
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v?.ToString()?.Contains("13912345678", StringComparison.Ordinal) == true || v?.ToString() == "实名举报人"));
    }

    [Fact]
    public async Task RelativesRegister_PagesWithItsTotal_FiltersByNameAndStatus_AndExportsMasked()
    {
        var village = await VillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        var ids = new List<string>();
        foreach (var (staff, relative) in new[] { ("备案乙", "亲属乙"), ("备案甲", "亲属甲"), ("备案丙", "亲属丙") })
        {
            var number = SqliteRegistryApiTests.NewAdultIdNumber();
            var added = await (await county.PostAsJsonAsync("/api/v1/verification/relatives", new
            {
                regionCode = village,
                staffName = staff,
                position = "村委会委员",
                relativeName = relative,
                relativeIdNumber = number,
                relationship = "兄弟姐妹",
            }, Ct)).JsonAsync(HttpStatusCode.Created);
            ids.Add(added.GetProperty("id").GetString()!);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await county.PostAsync($"/api/v1/verification/relatives/{ids[0]}/end", null, Ct)).StatusCode);
        var url = $"/api/v1/verification/relatives?region={village}";
        var (first, total) = await county.GetPageAsync($"{url}&pageSize=2");
        Assert.Equal(3, total);
        Assert.Equal(["备案丙", "备案甲"], first.Strings("staffName")); // in force first, then by cadre
        Assert.Equal(["备案乙"], (await county.GetPageAsync($"{url}&status=ended")).Items.Strings("staffName"));
        Assert.Equal(["备案甲"], (await county.GetPageAsync($"{url}&name={Uri.EscapeDataString("亲属甲")}")).Items.Strings("staffName"));
        Assert.Equal(["备案甲", "备案乙", "备案丙"], (await county.GetPageAsync($"{url}&sort=staff&dir=desc")).Items.Strings("staffName"));

        var rows = await county.ExportRowsAsync($"/api/v1/verification/relatives/export.xlsx?region={village}&status=active&sort=staff");
        Assert.Equal(["备案丙", "备案甲"], rows.Select(r => (string?)r["干部姓名"]));
        Assert.All(rows, r => Assert.Equal(("在册", "******"), ((string?)r["状态"], ((string)r["亲属身份证号"]!)[6..12])));
    }

    [Fact]
    public async Task ThePages_ShowTheTotal_AndIgnoreNonsensePaging()
    {
        using var county = new WebSession(app);
        await county.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        foreach (var page in new[] { "/Verification?type=death&status=&pageNumber=abc&sort=nonsense&dir=up", "/Verification/TipOffs?pageNumber=-3&sort=subject",
            "/Verification/Relatives?pageNumber=999&sort=staff&dir=desc" })
        {
            var response = await county.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.Contains("data-testid=\"pager-total\"", html);
            Assert.Contains("data-testid=\"list-export\"", html);
        }
    }
}

public sealed class SqliteVerificationListTests(SqliteApp app) : VerificationListTests<SqliteApp>(app);

public sealed class PostgresVerificationListTests(PostgresApp app) : VerificationListTests<PostgresApp>(app);
