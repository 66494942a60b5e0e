using System.Net;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Platform.Demo;

namespace Minzheng.Tests.Modules.SocialAssistance.Verification;

/// <summary>The verification pages work end to end in the browser's shape: forms post, errors come back in Chinese, nothing leaks the full ID number.</summary>
public sealed class VerificationPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WebSession> SessionAsync(string user)
    {
        var session = new WebSession(app);
        await session.LoginAsync(user, DemoSeeder.Password);
        return session;
    }

    [Fact]
    public async Task RelativesPage_AddsAnEntry_RejectsABadNumberInChinese_AndMasksTheNumber()
    {
        using var township = await SessionAsync("township");
        var id = SqliteRegistryApiTests.NewAdultIdNumber();
        Dictionary<string, string> Entry(string number) => new()
        {
            ["entry.RegionCode"] = "360482100201",
            ["entry.StaffName"] = "陈书记",
            ["entry.Position"] = "村党支部书记",
            ["entry.RelativeName"] = "陈小弟",
            ["entry.RelativeIdNumber"] = number,
            ["entry.Relationship"] = "兄弟姐妹",
        };
        var bad = await (await township.PostFormAsync("/Verification/Relatives", Entry("123"), "/Verification/Relatives?handler=Add")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"relative-error\"", bad);
        var added = await (await township.PostFormAsync("/Verification/Relatives", Entry(id), "/Verification/Relatives?handler=Add")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("已登记", added);
        Assert.Contains(id[..6] + "********" + id[14..], added);
        Assert.DoesNotContain(id, added);
        using var village = await SessionAsync("village");
        Assert.DoesNotContain("登记备案", await (await village.GetAsync("/Verification/Relatives")).Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task TipOffPage_RegistersATipOff_ShowsTheReporterInTheDetail_AndMovesItOn()
    {
        using var township = await SessionAsync("township");
        var created = await township.PostFormAsync("/Verification/TipOffs", new Dictionary<string, string>
        {
            ["tipOff.Channel"] = "box",
            ["tipOff.RegionCode"] = "360482100201",
            ["tipOff.SubjectName"] = "蒋某",
            ["tipOff.Content"] = "反映蒋某在外地有住房",
            ["tipOff.ReporterName"] = "匿名群众甲",
        }, "/Verification/TipOffs?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailUrl = created.Headers.Location!.ToString();
        var detail = await (await township.GetAsync(detailUrl)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("举报人：匿名群众甲", detail);
        var id = detailUrl.Split("id=")[1];
        var acted = await township.PostFormAsync(detailUrl, new Dictionary<string, string> { ["action"] = "conclude", ["note"] = "" },
            $"/Verification/TipOffs?handler=Act&id={id}");
        Assert.Contains("data-testid=\"tipoff-error\"", await acted.Content.ReadAsStringAsync(Ct));
        var list = await (await township.GetAsync("/Verification/TipOffs")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("蒋某", list);
        Assert.DoesNotContain("匿名群众甲", list);
    }

    [Fact]
    public async Task MonitoringAndOverviewPages_RunTheScan_AndShowTheCounts()
    {
        using var township = await SessionAsync("township");
        var scanned = await township.PostFormAsync("/Monitoring", new Dictionary<string, string> { ["regionCode"] = "360482100000" }, "/Monitoring?handler=Scan");
        Assert.Contains("预警完成", await scanned.Content.ReadAsStringAsync(Ct));
        var overview = await (await township.GetAsync("/Verification/Overview")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"kpi-warnings\"", overview);
        Assert.Contains("近亲属备案", overview);
        var economic = await (await township.GetAsync("/Verification?type=economic")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("阻止审批", economic);
    }
}
