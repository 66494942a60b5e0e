using System.Net;
using System.Net.Http.Json;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.PairedSupport;

/// <summary>结对帮扶 (issue 21 item 8): a helper paired with a household, contacts recorded, ended with a reason; bad input refused by field.</summary>
public abstract class SupportPairingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> HouseholdAsync(HttpClient client, Payee payee) =>
        (await (await client.GetAsync($"/api/v1/enrollments/{payee.EnrollmentId}", Ct)).JsonAsync()).GetProperty("enrollment").GetProperty("householdId").GetString()!;

    [Fact]
    public async Task AHelperIsPaired_RecordsContacts_AndEndsThePairing_WithTheHistoryKept()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 480m);
        using var township = await app.ClientAsAsync("township");
        var household = await HouseholdAsync(township, payees[0]);
        var pairing = await (await township.PostAsJsonAsync("/api/v1/paired-supports",
            new { householdId = household, helper = "李志刚", helperUnit = "甘露镇农业服务中心", startedOn = "2026-03-01", measures = "每月走访，协助落实公益性岗位" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        var id = pairing.GetProperty("id").GetString()!;
        Assert.Equal((payees[0].Name, "农村低保"), (pairing.GetProperty("headName").GetString(), pairing.GetProperty("programs").GetString()));
        await (await township.PostAsJsonAsync("/api/v1/paired-supports",
            new { householdId = household, helper = "李志刚", helperUnit = "甘露镇农业服务中心", startedOn = "2026-03-01", measures = "重复" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        using var villager = await app.ClientAsAsync("village");
        var contacted = await (await township.PostAsJsonAsync($"/api/v1/paired-supports/{id}/contacts", new { contactedOn = "2026-04-02", way = "home-visit", content = "送去米油，了解就业意向" }, Ct)).JsonAsync();
        Assert.Equal(("2026-04-02", "入户探访", 1), (contacted.GetProperty("lastContactOn").GetString(),
            contacted.GetProperty("history")[0].GetProperty("wayName").GetString(), contacted.GetProperty("contacts").GetInt32()));

        var ended = await (await township.PostAsJsonAsync($"/api/v1/paired-supports/{id}/end", new { endedOn = "2026-06-30", reason = "已稳定就业" }, Ct)).JsonAsync();
        Assert.Equal("2026-06-30", ended.GetProperty("endedOn").GetString());
        await (await township.PostAsJsonAsync($"/api/v1/paired-supports/{id}/contacts", new { contactedOn = "2026-07-01", way = "phone-call", content = "回访" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty((await (await township.GetAsync($"/api/v1/paired-supports?active=true&householdId={household}", Ct)).JsonAsync()).EnumerateArray());
        Assert.Single((await (await township.GetAsync($"/api/v1/paired-supports?householdId={household}", Ct)).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Pairings_PageWithTheirTotal_SortAndFilterByHeadOrHelper_AndExportTheLedger()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 300m, 310m, 320m);
        using var township = await app.ClientAsAsync("township");
        foreach (var (payee, helper) in payees.Zip(["帮扶乙", "帮扶甲", "帮扶丙"]))
        {
            await (await township.PostAsJsonAsync("/api/v1/paired-supports", new
            {
                householdId = await HouseholdAsync(township, payee),
                helper,
                helperUnit = "甘露镇民政所",
                startedOn = "2026-03-01",
                measures = "每月走访",
            }, Ct)).JsonAsync(HttpStatusCode.Created);
        }

        var url = $"/api/v1/paired-supports?region={village}";
        var (first, total) = await township.GetPageAsync($"{url}&sort=helper&pageSize=2");
        Assert.Equal(3, total);
        Assert.Equal(["帮扶丙", "帮扶乙"], first.Strings("helper"));
        Assert.Equal(["帮扶甲"], (await township.GetPageAsync($"{url}&sort=helper&pageSize=2&page=2")).Items.Strings("helper"));
        Assert.Equal(["帮扶甲"], (await township.GetPageAsync($"{url}&helper={Uri.EscapeDataString("帮扶甲")}")).Items.Strings("helper"));
        Assert.Equal([payees[2].Name], (await township.GetPageAsync($"{url}&name={Uri.EscapeDataString(payees[2].Name)}")).Items.Strings("headName"));
        Assert.Equal(0, (await township.GetPageAsync($"{url}&active=false")).Total);

        var rows = await township.ExportRowsAsync($"/api/v1/paired-supports/export.xlsx?region={village}&active=true&sort=helper&dir=desc");
        Assert.Equal(["帮扶甲", "帮扶乙", "帮扶丙"], rows.Select(r => (string?)r["帮扶责任人"]));
        Assert.All(rows, r => Assert.Equal(("进行中", "农村低保", "******"), ((string?)r["状态"], (string?)r["享受项目"], ((string)r["身份证号"]!)[6..12])));
    }

    [Fact]
    public async Task BadInput_IsRefusedByField_AndAnotherTownshipSeesNothing()
    {
        var village = await VillageAsync(app);
        var payees = await CaseloadAsync(app, village, "农村低保", 300m);
        using var township = await app.ClientAsAsync("township");
        var household = await HouseholdAsync(township, payees[0]);
        var bad = await (await township.PostAsJsonAsync("/api/v1/paired-supports",
            new { householdId = household, helper = new string('王', 51), helperUnit = "", startedOn = "2099-01-01", measures = " " }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var tooLong = await (await township.PostAsJsonAsync("/api/v1/paired-supports",
            new { householdId = household, helper = "王五", helperUnit = "镇政府", startedOn = "2026-01-01", measures = new string('措', 2001) }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(tooLong.GetProperty("errors").EnumerateObject(), e => e.Name.EndsWith("measures", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("控制字符", (await (await township.PostAsJsonAsync("/api/v1/paired-supports",
            new { householdId = household, helper = "王\u0007五", helperUnit = "镇政府", startedOn = "2026-01-01", measures = "走访" }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().First().Value[0].GetString());
        Assert.Equivalent(new[] { "helper", "helperUnit", "startedOn", "measures" }, bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());
        await (await township.PostAsJsonAsync("/api/v1/paired-supports",
            new { householdId = Guid.NewGuid(), helper = "甲", helperUnit = "乙", startedOn = "2026-01-01", measures = "丙" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        var id = (await (await township.PostAsJsonAsync("/api/v1/paired-supports",
            new { householdId = household, helper = "赵敏", helperUnit = "甘露镇政府", startedOn = "2026-05-01", measures = "走访" }, Ct)).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var early = await (await township.PostAsJsonAsync($"/api/v1/paired-supports/{id}/contacts", new { contactedOn = "2026-04-01", way = "by-pigeon", content = "" }, Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "contactedOn", "way", "content" }, early.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());

        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482201000");
        using var other = await app.ClientAsAsync(user, password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/paired-supports/{id}", Ct)).StatusCode);
        await (await other.PostAsJsonAsync($"/api/v1/paired-supports/{id}/end", new { endedOn = "2026-06-01", reason = "越权" }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        using var leader = await app.ClientAsAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/v1/paired-supports/{id}/end", new { endedOn = "2026-06-01", reason = "x" }, Ct)).StatusCode);
    }
}

public sealed class SqliteSupportPairingTests(SqliteApp app) : SupportPairingTests<SqliteApp>(app);

public sealed class PostgresSupportPairingTests(PostgresApp app) : SupportPairingTests<PostgresApp>(app);
