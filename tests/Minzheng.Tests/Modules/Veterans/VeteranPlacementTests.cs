using System.Net;
using System.Net.Http.Json;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>退役士兵安置 on both databases: 退役金 for 自主就业, 安排工作 only on a legal ground, late reports, one record per discharge, figures by path.</summary>
public abstract class VeteranPlacementTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Soldier(string name, string village, string path, string reported, bool nco = false, string enlisted = "2024-09-10",
        string? id = null) => new
        {
            name,
            idNumber = id ?? Funeral.FuneralIds.Elder(2004),
            regionCode = village,
            path,
            enlistedOn = enlisted,
            dischargedOn = "2026-09-10",
            reportedOn = reported,
            nco,
            thirdClassMerits = 1,
            annualBase = 6000m,
            provincialGrant = 5000m,
            employer = path == "self-employment" ? null : "某单位",
        };

    [Fact]
    public async Task Placements_ComputeThePayment_RefuseAnUngroundedAssignedJob_MarkLateReports_AndCountByPath()
    {
        var village = await PaymentFixtures.VillageAsync(app, "360482101");
        using var veterans = await app.ClientAsAsync("veterans");
        var own = await (await veterans.PostAsJsonAsync("/api/v1/veterans/placements", Soldier("癸自主", village, "self-employment", "2026-09-20"), Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal((12_000m * 1.05m + 5_000m, false), (own.GetProperty("dischargePayment").GetDecimal(), own.GetProperty("reportedLate").GetBoolean()));

        var refused = await (await veterans.PostAsJsonAsync("/api/v1/veterans/placements", Soldier("癸安排", village, "assigned-job", "2026-09-20"), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不符合安排工作条件", refused.GetProperty("errors").GetProperty("path")[0].GetString());
        await (await veterans.PostAsJsonAsync("/api/v1/veterans/placements", Soldier("癸早报", village, "exam", "2026-09-01"), Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var id = Funeral.FuneralIds.Elder(1990);
        var assigned = await (await veterans.PostAsJsonAsync("/api/v1/veterans/placements",
            Soldier("癸士官", village, "assigned-job", "2026-11-01", nco: true, enlisted: "2014-03-01", id: id), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((0m, true), (assigned.GetProperty("dischargePayment").GetDecimal(), assigned.GetProperty("reportedLate").GetBoolean()));
        await (await veterans.PostAsJsonAsync("/api/v1/veterans/placements", Soldier("癸士官", village, "assigned-job", "2026-11-01", nco: true, enlisted: "2014-03-01", id: id), Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await veterans.PostAsJsonAsync("/api/v1/veterans/placements", Soldier("癸考录", village, "exam", "2026-09-11"), Ct)).JsonAsync(HttpStatusCode.Created);

        var figures = await (await veterans.GetAsync($"/api/v1/veterans/statistics?region={village}&from=2026-09-01&to=2026-09-30", Ct)).JsonAsync();
        var paths = figures.GetProperty("placements").EnumerateArray().ToDictionary(p => p.GetProperty("path").GetString()!,
            p => (p.GetProperty("soldiers").GetInt32(), p.GetProperty("reportedLate").GetInt32()));
        Assert.Equal(new Dictionary<string, (int, int)> { ["self-employment"] = (1, 0), ["assigned-job"] = (1, 1), ["exam"] = (1, 0) }, paths);
    }

    private static async Task<int> OpenOnBoardAsync(HttpClient client, string township)
    {
        var board = await (await client.GetAsync("/api/v1/deadlines/board", Ct)).JsonAsync();
        return board.EnumerateArray().Where(r => r.GetProperty("regionCode").GetString() == township)
            .SelectMany(r => r.GetProperty("kinds").EnumerateArray()).Where(k => k.GetProperty("kind").GetString() == "退役士兵安置")
            .Sum(k => k.GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task Progress_RecordsTheReportAndTheAssignedJob_OnceEach_AndTheBoardFollowsBothDeadlines()
    {
        var village = await PaymentFixtures.VillageAsync(app, "360482101");
        var township = village[..9] + "000";
        using var veterans = await app.ClientAsAsync("veterans");
        var before = await OpenOnBoardAsync(veterans, township);
        var soldier = Soldier("癸待报", village, "assigned-job", "", nco: true, enlisted: "2014-03-01", id: Funeral.FuneralIds.Elder(1991));
        var created = await (await veterans.PostAsJsonAsync("/api/v1/veterans/placements", soldier, Ct)).JsonAsync(HttpStatusCode.Created);
        var progress = $"/api/v1/veterans/placements/{created.GetProperty("id").GetString()}/progress";
        Assert.Equal(before + 1, await OpenOnBoardAsync(veterans, township));

        // Refusals name the field and change nothing.
        var early = await (await veterans.PostAsJsonAsync(progress, new { reportedOn = "2026-09-01" }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不能早于退出现役日期", early.GetProperty("errors").GetProperty("reportedOn")[0].GetString());
        var alone = await (await veterans.PostAsJsonAsync(progress, new { employer = "县供电公司" }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(alone.GetProperty("errors").TryGetProperty("startedOn", out _));
        await (await veterans.PostAsJsonAsync(progress, new { }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await veterans.PostAsJsonAsync($"/api/v1/veterans/placements/{Guid.NewGuid()}/progress", new { reportedOn = "2026-09-20" }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);

        var reported = await (await veterans.PostAsJsonAsync(progress, new { reportedOn = "2026-09-20" }, Ct)).JsonAsync();
        Assert.Equal(("2026-09-20", "2027-03-20"), (reported.GetProperty("reportedOn").GetString(), reported.GetProperty("assignBy").GetString()));
        await (await veterans.PostAsJsonAsync(progress, new { reportedOn = "2026-09-20" }, Ct)).JsonAsync();
        await (await veterans.PostAsJsonAsync(progress, new { reportedOn = "2026-09-21" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        // Reported, but the assigned job is still to be found: still on the board.
        Assert.Equal(before + 1, await OpenOnBoardAsync(veterans, township));

        var beforeReport = await (await veterans.PostAsJsonAsync(progress, new { employer = "县供电公司", startedOn = "2026-09-19" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(beforeReport.GetProperty("errors").TryGetProperty("startedOn", out _));
        var placed = await (await veterans.PostAsJsonAsync(progress, new { employer = "县供电公司", startedOn = "2026-11-02" }, Ct)).JsonAsync();
        Assert.Equal(("县供电公司", "2026-11-02"), (placed.GetProperty("employer").GetString(), placed.GetProperty("startedOn").GetString()));
        Assert.Equal(before, await OpenOnBoardAsync(veterans, township));
        // The work list of the veterans officer names the soldiers; county social-assistance staff do not get them.
        using var county = await app.ClientAsAsync("county");
        Assert.DoesNotContain("/Veterans/Placements", await county.GetStringAsync("/api/v1/deadlines?take=1000", Ct), StringComparison.Ordinal);

        // An employer is only for 安排工作; a township account may not record placements.
        var exam = await (await veterans.PostAsJsonAsync("/api/v1/veterans/placements", Soldier("癸考录二", village, "exam", "2026-09-12"), Ct)).JsonAsync(HttpStatusCode.Created);
        var notAssigned = await (await veterans.PostAsJsonAsync($"/api/v1/veterans/placements/{exam.GetProperty("id").GetString()}/progress",
            new { employer = "县供电公司", startedOn = "2026-11-02" }, Ct)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("只有安置去向为安排工作", notAssigned.GetProperty("errors").GetProperty("employer")[0].GetString());
        using var townshipUser = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.Forbidden, (await townshipUser.PostAsJsonAsync(progress, new { reportedOn = "2026-09-20" }, Ct)).StatusCode);
    }
}

public sealed class SqliteVeteranPlacementTests(SqliteApp app) : VeteranPlacementTests<SqliteApp>(app);

public sealed class PostgresVeteranPlacementTests(PostgresApp app) : VeteranPlacementTests<PostgresApp>(app);
