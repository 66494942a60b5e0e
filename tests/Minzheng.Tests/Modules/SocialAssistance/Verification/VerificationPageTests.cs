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

    [Fact]
    public async Task ConfirmingADeath_NamesWhatStops_AndCountsOnlyOnceAcknowledged()
    {
        var village = await Payments.PaymentFixtures.VillageAsync(app);
        var payee = (await Payments.PaymentFixtures.CaseloadAsync(app, village, "农村低保", 300m)).Single();
        using (var api = await app.ClientAsAsync("county"))
        {
            var csv = System.Text.Encoding.UTF8.GetBytes($"身份证号,姓名,死亡日期,数据来源\n{payee.IdNumber},{payee.Name},2026-01-15,公安\n");
            var staged = await (await api.UploadImportAsync("death-records", csv, "deaths.csv")).JsonAsync();
            await (await api.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        }

        async Task<System.Text.Json.JsonElement> FindingAsync()
        {
            using var api = await app.ClientAsAsync("county");
            return (await (await api.GetAsync($"/api/v1/verification/findings?type=death&region={village}&status=", Ct)).JsonAsync()).EnumerateArray().Single();
        }

        var id = (await FindingAsync()).GetProperty("id").GetString();
        using var county = await SessionAsync("county");
        var page = await (await county.GetAsync("/Verification?type=death")).Content.ReadAsStringAsync(Ct);
        var masked = payee.IdNumber[..6] + "********" + payee.IdNumber[14..];
        Assert.Contains($"确认后，{payee.Name}（{masked}）的农村低保自2026年2月起停发", page);

        var form = new Dictionary<string, string> { ["decision"] = "confirm" };
        var refused = await county.PostFormAsync("/Verification?type=death", form, $"/Verification?handler=Resolve&id={id}&type=death");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("确认前请勾选“我已知晓”", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("open", (await FindingAsync()).GetProperty("status").GetString());

        form["acknowledged"] = "true";
        var confirmed = await county.PostFormAsync("/Verification?type=death", form, $"/Verification?handler=Resolve&id={id}&type=death");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("confirmed", (await FindingAsync()).GetProperty("status").GetString());
    }
}
