using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Platform.Calendar;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>Old graves (已有坟墓) on both databases: registration rules, masking, the export, 墓穴证 once, relocation once (and its race), scoping, the figures.</summary>
public abstract class FuneralGraveTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private const string Village = "360482100202";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.Today();

    private static object Grave(string occupant, DateOnly registered, string region = Village, string? id = null, string location = "东风村后山松树林",
        decimal lat = 29.247512m, decimal lon = 115.812345m, string? second = null, string? phone = "13912345678") => new
        {
            regionCode = region,
            location,
            latitude = lat,
            longitude = lon,
            kind = second is null ? "earth" : "joint",
            occupantName = occupant,
            occupantIdNumber = id,
            secondOccupantName = second,
            contactName = "家属甲",
            contactPhone = phone,
            registeredOn = Day(registered),
        };

    private static async Task<string> RegisterAsync(HttpClient client, object body) =>
        (await (await client.PostAsJsonAsync("/api/v1/funeral/graves", body, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<JsonElement> FieldErrorsAsync(HttpResponseMessage response) =>
        (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");

    private static object Relocation(DateOnly on, string reason = "into-cemetery", string? destination = "红光村公益性墓地", decimal? compensation = 1500m,
        string? note = null, string? burialId = null) => new { on = Day(on), reason, note, burialId, destination, compensation };

    [Fact]
    public async Task Register_BadInput_Is422PerField_AndWritesNothing()
    {
        using var client = await app.ClientAsAsync("funeral");
        var marker = $"坏坟{Guid.NewGuid():N}"[..10];
        var errors = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/graves", new
        {
            regionCode = "360482100000",
            location = marker,
            latitude = 60m,
            longitude = 200m,
            kind = "pyramid",
            occupantName = "",
            occupantIdNumber = "110105194912310021",
            contactName = "家属",
            contactPhone = "call me",
            registeredOn = Day(Today.AddDays(1)),
        }, Ct));
        foreach (var field in new[] { "regionCode", "latitude", "longitude", "kind", "occupantName", "occupantIdNumber", "contactPhone", "registeredOn" })
        {
            Assert.True(errors.TryGetProperty(field, out var e), field);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e[0].GetString());
        }

        // Swapped axes (longitude in the latitude) are outside China; too many decimals and an over-long place are refused too.
        var swapped = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/graves", Grave("甲", Today, lat: 115.8m, lon: 29.2m, location: marker), Ct));
        Assert.True(swapped.TryGetProperty("latitude", out _) && swapped.TryGetProperty("longitude", out _));
        var precise = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/graves", Grave("甲", Today, lat: 29.1234567m, location: marker), Ct));
        Assert.True(precise.TryGetProperty("latitude", out _));
        var longText = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/graves", Grave("甲", Today, location: new string('坟', 201)), Ct));
        Assert.True(longText.TryGetProperty("location", out _));
        var longName = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/graves", Grave(new string('名', 51), Today, location: marker), Ct));
        Assert.True(longName.TryGetProperty("occupantName", out _));
        await (await client.PostAsJsonAsync("/api/v1/funeral/graves", Grave("甲\u0007", Today, location: marker), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        var (rows, _) = await client.GetPageAsync("/api/v1/funeral/graves?pageSize=500");
        Assert.DoesNotContain(rows, r => r.GetProperty("location").GetString()!.StartsWith(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_ListsMasked_DetailMasksTheId_FiltersAndExportsAudited()
    {
        using var client = await app.ClientAsAsync("funeral");
        var name = $"墓主{Guid.NewGuid():N}"[..8];
        var id = Elder(1931);
        var grave = await RegisterAsync(client, Grave(name, Today.AddDays(-3), id: id, second: name + "妻"));
        var noId = await RegisterAsync(client, Grave(name + "乙", Today.AddDays(-2), region: "360482100203", phone: null));

        var (rows, total) = await client.GetPageAsync($"/api/v1/funeral/graves?name={name}&region=360482100&pageSize=50");
        Assert.Equal(2, total);
        var row = rows.Single(r => r.GetProperty("id").GetString() == grave);
        Assert.Equal(($"{name}、{name}妻", "合葬墓", "registered", "139****5678"),
            (row.GetProperty("occupants").GetString(), row.GetProperty("kindName").GetString(), row.GetProperty("status").GetString(), row.GetProperty("contactPhoneMasked").GetString()));
        var listed = await client.GetStringAsync($"/api/v1/funeral/graves?name={name}", Ct);
        Assert.DoesNotContain("13912345678", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(id[6..14], listed, StringComparison.Ordinal);
        var (village, _) = await client.GetPageAsync($"/api/v1/funeral/graves?name={name}&region=360482100203");
        Assert.Equal([noId], village.Strings("id"));

        var detail = await (await client.GetAsync($"/api/v1/funeral/graves/{grave}", Ct)).JsonAsync();
        Assert.Equal(id[..6] + "********" + id[^4..], detail.GetProperty("occupantIdMasked").GetString());
        Assert.DoesNotContain(id, detail.GetRawText(), StringComparison.Ordinal);

        var exported = await client.ExportRowsAsync($"/api/v1/funeral/graves/export.xlsx?name={name}");
        Assert.Equal(2, exported.Count);
        Assert.Contains(exported, r => (string?)r["联系电话"] == "139****5678");
        Assert.DoesNotContain(exported, r => r.Values.Any(v => v?.ToString()?.Contains("13912345678", StringComparison.Ordinal) == true));
        using var auditor = await app.ClientAsAsync("auditor");
        var audit = (await (await auditor.GetAsync("/api/v1/audit?action=data.exported&entity=ExistingGrave&pageSize=200", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("userName").GetString() == "funeral" && e.GetProperty("entityType").GetString() == "ExistingGrave");
    }

    [Fact]
    public async Task Certificate_IsIssuedOnceFromThePlotSeries_AndNotForAMovedGrave()
    {
        using var client = await app.ClientAsAsync("funeral");
        var grave = await RegisterAsync(client, Grave("发证甲", Today.AddDays(-10)));
        var issued = await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/certificate", new { }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Matches(@"墓证〔\d{4}〕第\d{6}号$", issued.GetProperty("certificateNumber").GetString());
        var again = await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/certificate", new { }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(issued.GetProperty("certificateNumber").GetString()!, again.GetProperty("detail").GetString());
        var recent = await RegisterAsync(client, Grave("发证乙", Today.AddDays(-2)));
        var early = await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/graves/{recent}/certificate",
            new { issuedOn = Day(Today.AddDays(-5)) }, Ct));
        Assert.True(early.TryGetProperty("issuedOn", out _));

        var moved = await RegisterAsync(client, Grave("发证丙", Today.AddDays(-10)));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{moved}/relocation", Relocation(Today), Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{moved}/certificate", new { }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var detail = await (await client.GetAsync($"/api/v1/funeral/graves/{moved}", Ct)).JsonAsync();
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("grave").GetProperty("certificateNumber").ValueKind);
    }

    [Fact]
    public async Task CertificatePage_PrintsTheIssuedNumber_CountsThePrint_AndIsNotFoundWithoutACertificateOrAfterRelocation()
    {
        using var client = await app.ClientAsAsync("funeral");
        var grave = await RegisterAsync(client, Grave("印证甲", Today.AddDays(-10)));
        using var web = new WebSession(app);
        await web.LoginAsync("funeral", Minzheng.Platform.Demo.DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/ExistingGraves/Certificate?id={grave}")).StatusCode);

        var number = (await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/certificate", new { }, Ct)).JsonAsync(HttpStatusCode.Created))
            .GetProperty("certificateNumber").GetString()!;
        Assert.Contains($"/ExistingGraves/Certificate?id={grave}", await (await web.GetAsync($"/ExistingGraves/Detail?id={grave}")).Content.ReadAsStringAsync(Ct));
        var page = await web.GetAsync($"/ExistingGraves/Certificate?id={grave}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains(number, html);
        Assert.Contains("印证甲", html);
        Assert.Contains("民政局（盖章）", html);
        Assert.DoesNotMatch(@"\d{17}[\dX]", html);
        await web.GetAsync($"/ExistingGraves/Certificate?id={grave}");
        var prints = await app.WithScopeAsync(async s => await s.GetRequiredService<Minzheng.Platform.Data.MinzhengDbContext>().IssuedDocuments
            .Where(d => d.Number == number).Select(d => d.PrintCount).SingleAsync(Ct));
        Assert.Equal(2, prints);

        await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/relocation", Relocation(Today), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/ExistingGraves/Certificate?id={grave}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"/ExistingGraves/Certificate?id={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Relocation_RulesAreChecked_AndASecondRelocationOrLevellingIs409()
    {
        using var client = await app.ClientAsAsync("funeral");
        var grave = await RegisterAsync(client, Grave("迁移甲", Today.AddDays(-20)));
        var url = $"/api/v1/funeral/graves/{grave}/relocation";
        Assert.Contains("登记日期", (await FieldErrorsAsync(await client.PostAsJsonAsync(url, Relocation(Today.AddDays(-21)), Ct))).GetProperty("on")[0].GetString());
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync(url, Relocation(Today.AddDays(1)), Ct))).TryGetProperty("on", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync(url, Relocation(Today, compensation: -1m), Ct))).TryGetProperty("compensation", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync(url, Relocation(Today, compensation: 50_000_000m), Ct))).TryGetProperty("compensation", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync(url, Relocation(Today, reason: "other"), Ct))).TryGetProperty("note", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync(url, Relocation(Today, reason: "whim"), Ct))).TryGetProperty("reason", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync(url, Relocation(Today, destination: null), Ct))).TryGetProperty("destination", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync(url, Relocation(Today, destination: new string('地', 201)), Ct))).TryGetProperty("destination", out _));
        Assert.Equal("registered", (await (await client.GetAsync($"/api/v1/funeral/graves/{grave}", Ct)).JsonAsync()).GetProperty("grave").GetProperty("status").GetString());

        var moved = await (await client.PostAsJsonAsync(url, Relocation(Today.AddDays(-1), reason: "construction", compensation: 2800.5m), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("relocated", "已迁移"), (moved.GetProperty("status").GetString(), moved.GetProperty("statusName").GetString()));
        var again = await (await client.PostAsJsonAsync(url, Relocation(Today), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能再次迁移", again.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/removal", new { on = Day(Today), note = "平毁" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var detail = await (await client.GetAsync($"/api/v1/funeral/graves/{grave}", Ct)).JsonAsync();
        Assert.Equal(("construction", 2800.5m, "红光村公益性墓地"),
            (detail.GetProperty("reason").GetString(), detail.GetProperty("compensation").GetDecimal(), detail.GetProperty("destination").GetString()));

        var levelled = await RegisterAsync(client, Grave("平毁甲", Today.AddDays(-5)));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/graves/{levelled}/removal", new { on = Day(Today) }, Ct))).TryGetProperty("note", out _));
        var removed = await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{levelled}/removal", new { on = Day(Today), note = "无主坟，公告期满平毁" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("removed", removed.GetProperty("status").GetString());
        await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{levelled}/relocation", Relocation(Today), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ConcurrentRelocations_ExactlyOneWins()
    {
        using var setup = await app.ClientAsAsync("funeral");
        var grave = await RegisterAsync(setup, Grave("并发甲", Today.AddDays(-8)));
        var clients = new List<HttpClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await app.ClientAsAsync("funeral"));
        }

        var answers = await Task.WhenAll(clients.Select((c, i) =>
            c.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/relocation", Relocation(Today, destination: $"去处{i}"), Ct)));
        clients.ForEach(c => c.Dispose());
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("relocated", winner.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Relocation_IntoACemeteryBurial_NeedsTheSameOccupant_AndCountsInTheFiguresAndTheSummary()
    {
        using var client = await app.ClientAsAsync("funeral");
        var cemetery = (await (await client.PostAsJsonAsync("/api/v1/funeral/facilities", new
        {
            name = $"迁坟墓地{Guid.NewGuid():N}"[..12],
            kind = "rural-public-cemetery",
            approvalDocument = "共民字〔2024〕9号",
            approvedOn = "2024-05-01",
            capacity = 50,
            regionCode = "360482200201",
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var plot = (await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "迁", row = 1, number = 1, kind = "double", forAshes = true, squareMeters = 1m, price = 0m }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale",
            new { buyerName = "迁坟家属", buyerIdNumber = Elder(1970), soldOn = Day(Today.AddDays(-5)), contractNumber = "QF-1", tenureYears = 20, buyerRegionCode = "360482200201" }, Ct)).JsonAsync(HttpStatusCode.Created);
        var occupantId = Elder(1921);
        var burial = (await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials",
            new { deceasedName = "迁坟公", idNumber = occupantId, buriedOn = Day(Today.AddDays(-2)) }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();

        var url = $"/api/v1/funeral/statistics?region=360482200&from={Day(Today.AddDays(-30))}&to={Day(Today)}";
        var before = (await (await client.GetAsync(url, Ct)).JsonAsync()).GetProperty("graves");
        var other = await RegisterAsync(client, Grave("别人", Today.AddDays(-3), region: "360482200202"));
        var wrong = await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/graves/{other}/relocation", Relocation(Today, destination: null, burialId: burial), Ct));
        Assert.Contains("不是该坟墓的墓主", wrong.GetProperty("burialId")[0].GetString());

        var grave = await RegisterAsync(client, Grave("迁坟公", Today.AddDays(-3), region: "360482200202", id: occupantId));
        await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/certificate", new { }, Ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/relocation", Relocation(Today, destination: null, burialId: burial), Ct))
            .JsonAsync(HttpStatusCode.Created);
        var detail = await (await client.GetAsync($"/api/v1/funeral/graves/{grave}", Ct)).JsonAsync();
        Assert.Equal(burial, detail.GetProperty("burialId").GetString());
        Assert.EndsWith("迁区1排1号", detail.GetProperty("destination").GetString());

        var after = (await (await client.GetAsync(url, Ct)).JsonAsync()).GetProperty("graves");
        int Delta(string field) => after.GetProperty(field).GetInt32() - before.GetProperty(field).GetInt32();
        Assert.Equal((2, 1, 1, 1), (Delta("gravesRegistered"), Delta("graveCertificates"), Delta("gravesRelocated"), Delta("gravesIntoCemeteries")));

        using var leader = await app.ClientAsAsync("leader");
        var draft = await (await leader.GetAsync($"/api/v1/reports/work-summary?region=360482&from={Day(Today.AddDays(-30))}&to={Day(Today)}", Ct)).JsonAsync();
        var section = draft.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString()!.EndsWith("、殡葬管理", StringComparison.Ordinal));
        var sentences = section.GetProperty("sentences").EnumerateArray().Select(x => x.GetProperty("text").GetString()!).ToList();
        Assert.Contains(sentences, x => System.Text.RegularExpressions.Regex.IsMatch(x, @"^登记已有坟墓\d+冢，发墓穴证\d+个，迁移\d+冢（其中迁入公墓\d+冢）"));
        Assert.DoesNotContain(sentences, x => x.Contains("迁坟公", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherTownshipsClerk_CannotSeeOrMoveTheGrave_AndOtherRolesAreRefused()
    {
        using var county = await app.ClientAsAsync("funeral");
        var grave = await RegisterAsync(county, Grave("越权甲", Today.AddDays(-3)));
        var (user, password) = await TestUsers.CreateAsync(app, "funeral-clerk", "360482200000");
        using var other = await app.ClientAsAsync(user, password);
        await (await other.GetAsync($"/api/v1/funeral/graves/{grave}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/relocation", Relocation(Today), Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/funeral/graves/{grave}/certificate", new { }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(grave, await other.GetStringAsync("/api/v1/funeral/graves?pageSize=500", Ct), StringComparison.Ordinal);
        var outside = await FieldErrorsAsync(await other.PostAsJsonAsync("/api/v1/funeral/graves", Grave("越界", Today), Ct));
        Assert.True(outside.TryGetProperty("regionCode", out _));
        Assert.Equal("registered", (await (await county.GetAsync($"/api/v1/funeral/graves/{grave}", Ct)).JsonAsync()).GetProperty("grave").GetProperty("status").GetString());
        using var township = await app.ClientAsAsync("township");
        Assert.Equal(HttpStatusCode.Forbidden, (await township.GetAsync("/api/v1/funeral/graves", Ct)).StatusCode);
    }
}

public sealed class SqliteFuneralGraveTests(SqliteApp app) : FuneralGraveTests<SqliteApp>(app);

public sealed class PostgresFuneralGraveTests(PostgresApp app) : FuneralGraveTests<PostgresApp>(app);
