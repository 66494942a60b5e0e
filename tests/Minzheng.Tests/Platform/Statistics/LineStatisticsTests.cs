using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Minzheng.Platform.Privacy;
using Minzheng.Tests.Modules.Marriage;

namespace Minzheng.Tests.Platform.Statistics;

public sealed class LinesSqliteApp : SqliteApp
{
    public LinesSqliteApp()
    {
        WithMarriageRegister = true;
        WithFuneralRecords = true;
        WithSocialOrganizations = true;
        WithVeterans = true;
    }
}

public sealed class LinesPostgresApp : PostgresApp
{
    public LinesPostgresApp()
    {
        WithMarriageRegister = true;
        WithFuneralRecords = true;
        WithSocialOrganizations = true;
        WithVeterans = true;
    }
}

/// <summary>
/// The business lines' headline figures in the 民政事业统计 tables and on the dashboard: the same numbers as each line's own
/// statistics, only for the lines the user may read, for the region and period asked.
/// </summary>
public abstract class LineStatisticsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Period = "region=360482&from=2000-01-01&to=2099-12-31";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Line(JsonElement answer, string line) =>
        answer.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetString() == line);

    private static decimal Figure(JsonElement line, string code) =>
        line.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code).GetProperty("value").GetDecimal();

    [Fact]
    public async Task Leader_SeesEveryLine_WithTheFiguresOfEachLinesOwnStatistics()
    {
        using var leader = await app.ClientAsAsync("leader");
        var answer = await (await leader.GetAsync($"/api/v1/statistics/lines?{Period}", Ct)).JsonAsync();
        // In the order of the module list, as everywhere else.
        Assert.Equal(["marriage", "funeral", "socialOrganizations", "veterans"],
            answer.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line").GetString()!).ToArray());

        var marriage = await (await leader.GetAsync($"/api/v1/marriage/statistics?{Period}", Ct)).JsonAsync();
        Assert.Equal(marriage.GetProperty("marriages").GetInt32(), Figure(Line(answer, "marriage"), "marriages"));
        Assert.Equal(marriage.GetProperty("divorces").GetInt32(), Figure(Line(answer, "marriage"), "divorces"));
        Assert.Equal(marriage.GetProperty("revocations").GetInt32(), Figure(Line(answer, "marriage"), "revocations"));

        var funeral = await (await leader.GetAsync($"/api/v1/funeral/statistics?{Period}", Ct)).JsonAsync();
        Assert.True(funeral.GetProperty("cremations").GetInt32() > 0);
        Assert.Equal(funeral.GetProperty("cremations").GetInt32(), Figure(Line(answer, "funeral"), "cremations"));
        Assert.Equal(funeral.GetProperty("waiverAmount").GetDecimal(), Figure(Line(answer, "funeral"), "waiverAmount"));

        var veterans = await (await leader.GetAsync("/api/v1/veterans/statistics?region=360482&from=2000-01-01&to=" + DateTime.UtcNow.ToString("yyyy-MM-dd", null), Ct)).JsonAsync();
        Assert.True(veterans.GetProperty("persons").GetInt32() > 0);
        var veteranLine = Line(await (await leader.GetAsync("/api/v1/statistics/lines?region=360482&from=2000-01-01&to=" + DateTime.UtcNow.ToString("yyyy-MM-dd", null), Ct)).JsonAsync(), "veterans");
        Assert.Equal(veterans.GetProperty("persons").GetInt32(), Figure(veteranLine, "persons"));
        Assert.Equal(veterans.GetProperty("monthlyAmount").GetDecimal(), Figure(veteranLine, "monthlyAmount"));

        var organizations = await (await leader.GetAsync($"/api/v1/social-organizations/statistics?{Period}", Ct)).JsonAsync();
        Assert.True(organizations.GetProperty("established").GetInt32() > 0);
        Assert.Equal(organizations.GetProperty("established").GetInt32(), Figure(Line(answer, "socialOrganizations"), "established"));
        var applications = await (await leader.GetAsync($"/api/v1/social-organizations/applications/statistics?{Period}", Ct)).JsonAsync();
        Assert.True(applications.GetProperty("received").GetInt32() > 0);
        Assert.Equal(applications.GetProperty("received").GetInt32(), Figure(Line(answer, "socialOrganizations"), "applicationsReceived"));
        Assert.Equal(applications.GetProperty("approved").GetInt32(), Figure(Line(answer, "socialOrganizations"), "applicationsApproved"));
        Assert.Equal(applications.GetProperty("refused").GetInt32() + applications.GetProperty("notAccepted").GetInt32(),
            Figure(Line(answer, "socialOrganizations"), "applicationsRefused"));
        Assert.Equal(applications.GetProperty("openNow").GetInt32(), Figure(Line(answer, "socialOrganizations"), "applicationsOpen"));
    }

    [Fact]
    public async Task ANewMarriage_IsCountedInItsPeriod_AndNotInTheNext()
    {
        using var registrar = await app.ClientAsAsync("marriage");
        const string year = "region=360482&from=2019-01-01&to=2019-12-31";
        var before = Figure(Line(await (await registrar.GetAsync($"/api/v1/statistics/lines?{year}", Ct)).JsonAsync(), "marriage"), "marriages");
        var nextBefore = Figure(Line(await (await registrar.GetAsync("/api/v1/statistics/lines?region=360482&from=2020-01-01&to=2020-12-31", Ct)).JsonAsync(), "marriage"), "marriages");
        var registered = await registrar.PostAsJsonAsync("/api/v1/marriage/registrations", new
        {
            kind = "marriage",
            date = "2019-12-31",
            parties = new[] { new { name = "统计甲", idNumber = MarriageIds.Man(1980) }, new { name = "统计乙", idNumber = MarriageIds.Woman(1982) } },
            declarations = new { noSpouse = true, noProhibitedKinship = true },
        }, Ct);
        await registered.JsonAsync(HttpStatusCode.Created);

        Assert.Equal(before + 1, Figure(Line(await (await registrar.GetAsync($"/api/v1/statistics/lines?{year}", Ct)).JsonAsync(), "marriage"), "marriages"));
        Assert.Equal(nextBefore, Figure(Line(await (await registrar.GetAsync("/api/v1/statistics/lines?region=360482&from=2020-01-01&to=2020-12-31", Ct)).JsonAsync(), "marriage"), "marriages"));
    }

    [Theory]
    [InlineData("marriage", "marriage")]
    [InlineData("funeral", "funeral")]
    [InlineData("veterans", "veterans")]
    [InlineData("socialorg", "socialOrganizations")]
    [InlineData("county", null)]
    [InlineData("township", null)]
    [InlineData("admin", null)]
    public async Task ALineIsListed_OnlyForUsersWhoMayReadItsStatistics(string user, string? line)
    {
        using var client = await app.ClientAsAsync(user);
        var answer = await (await client.GetAsync("/api/v1/statistics/lines?from=2000-01-01&to=2099-12-31", Ct)).JsonAsync();
        Assert.Equal(line is null ? [] : [line], answer.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line").GetString()).ToArray());
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-12-31", HttpStatusCode.BadRequest, "from")]
    [InlineData("from=2026-12-31&to=2026-01-01", HttpStatusCode.BadRequest, "to")]
    [InlineData("region=36048&from=2026-01-01&to=2026-12-31", HttpStatusCode.BadRequest, "region")]
    [InlineData("region=110101&from=2026-01-01&to=2026-12-31", HttpStatusCode.NotFound, null)]
    public async Task BadPeriodsAndRegions_AreRefusedWithTheField(string query, HttpStatusCode status, string? field)
    {
        using var leader = await app.ClientAsAsync("leader");
        var problem = await (await leader.GetAsync($"/api/v1/statistics/lines?{query}", Ct)).AssertProblemAsync(status);
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Dashboard_TablesPage_AndTableExport_CarryTheLinesTheUserMayRead()
    {
        using var leader = new WebSession(app);
        await leader.LoginAsync("leader", Minzheng.Platform.Demo.DemoSeeder.Password);
        var dashboard = await (await leader.GetAsync("/Reports/Dashboard")).Content.ReadAsStringAsync(Ct);
        foreach (var line in new[] { "marriage", "funeral", "veterans", "socialOrganizations" })
        {
            Assert.Contains($"data-line=\"{line}\"", dashboard, StringComparison.Ordinal);
        }

        var tables = await (await leader.GetAsync("/Reports/Tables?period=2026-Q2")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("其他业务（2026年第2季度）", tables, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"marriages\"", tables, StringComparison.Ordinal);

        using var county = new WebSession(app);
        await county.LoginAsync("county", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.DoesNotContain("data-line=", await (await county.GetAsync("/Reports/Dashboard")).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var client = await app.ClientAsAsync("leader");
        var workbook = await (await client.GetAsync("/api/v1/statistics/table.xlsx?region=360482&period=2026-Q2", Ct)).Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(["统计报表", "其他业务"], MiniExcel.GetSheetNames(new MemoryStream(workbook)));
        var rows = MiniExcel.Query(new MemoryStream(workbook), useHeaderRow: true, sheetName: "其他业务").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["业务"] == "婚姻登记" && (string?)r["指标"] == "结婚登记" && (string?)r["单位"] == "对");

        using var countyApi = await app.ClientAsAsync("county");
        var own = await (await countyApi.GetAsync("/api/v1/statistics/table.xlsx?region=360482&period=2026-Q2", Ct)).Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(["统计报表"], MiniExcel.GetSheetNames(new MemoryStream(own)));
    }
}

public sealed class SqliteLineStatisticsTests(LinesSqliteApp app) : LineStatisticsTests<LinesSqliteApp>(app);

public sealed class PostgresLineStatisticsTests(LinesPostgresApp app) : LineStatisticsTests<LinesPostgresApp>(app);
