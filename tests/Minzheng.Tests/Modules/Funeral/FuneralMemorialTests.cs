using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Platform.Calendar;
using Minzheng.Tests.Platform.Attachments;
using static Minzheng.Tests.Modules.Funeral.FuneralIds;

namespace Minzheng.Tests.Modules.Funeral;

/// <summary>云祭扫、代祭扫 bookings on both databases: who may be booked for, the dates, one row per double submission, the busy-day cap, delivery with photos, cancellation, the figures.</summary>
public abstract class FuneralMemorialTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.Today();

    /// <summary>A person buried in a plot of a new rural cemetery: the burial id.</summary>
    internal static async Task<string> BuriedAsync(HttpClient client, string name)
    {
        var cemetery = (await (await client.PostAsJsonAsync("/api/v1/funeral/facilities", new
        {
            name = $"祭扫测试墓地{Guid.NewGuid():N}"[..14],
            kind = "rural-public-cemetery",
            approvalDocument = "共民字〔2024〕2号",
            approvedOn = "2024-05-01",
            capacity = 100,
            regionCode = "360482100201"
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var plot = (await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
            new { area = "思", row = 1, number = 1, kind = "single", forAshes = true, squareMeters = 1m, price = 0m }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale",
            new { buyerName = "购墓家属", buyerIdNumber = Elder(1970), soldOn = Day(Today.AddDays(-30)), contractNumber = "JS-1", tenureYears = 20, buyerRegionCode = "360482100201" }, Ct)).JsonAsync(HttpStatusCode.Created);
        return (await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials", new { deceasedName = name, idNumber = Elder(1935), buriedOn = Day(Today.AddDays(-20)) }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    internal static object Booking(string burialId, DateOnly on, string kind = "proxy", string phone = "13907921234", string? message = "爸爸，我们都好") => new
    {
        kind,
        burialId,
        services = kind == "proxy" ? new[] { "sweep", "flowers", "read-message" } : null,
        requestedOn = Day(on),
        contactName = "王家属",
        contactPhone = phone,
        message
    };

    private static async Task<JsonElement> FieldErrorsAsync(HttpResponseMessage response) =>
        (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");

    private static async Task<int> CountAsync(HttpClient client, string name) =>
        (await client.GetPageAsync("/api/v1/funeral/memorials?pageSize=500")).Items.Count(r => r.GetProperty("deceasedName").GetString() == name);

    [Fact]
    public async Task ProxySweep_IsBooked_ServedWithAPhoto_AndCounted_PhoneMaskedInTheList()
    {
        using var client = await app.ClientAsAsync("funeral");
        var name = $"祭扫{Guid.NewGuid():N}"[..8];
        var burial = await BuriedAsync(client, name);
        var statsUrl = $"/api/v1/funeral/statistics?region=360482&from={Day(Today.AddDays(-30))}&to={Day(Today)}";
        var before = (await (await client.GetAsync(statsUrl, Ct)).JsonAsync()).GetProperty("memorials");

        var later = await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today.AddDays(3)), Ct)).JsonAsync(HttpStatusCode.Created);
        var early = await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{later.GetProperty("id").GetString()}/delivery",
            new { deliveredOn = Day(Today), deliveredBy = "李师傅" }, Ct));
        Assert.Contains("不能早于预约的祭扫日期", early.GetProperty("deliveredOn")[0].GetString());

        var booked = await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today), Ct)).JsonAsync(HttpStatusCode.Created);
        var id = booked.GetProperty("id").GetString()!;
        Assert.Equal(("booked", "139****1234", "清扫、献花、代读寄语"),
            (booked.GetProperty("status").GetString(), booked.GetProperty("contactPhoneMasked").GetString(), booked.GetProperty("serviceNames").GetString()));
        var (rows, _) = await client.GetPageAsync($"/api/v1/funeral/memorials?date={Day(Today)}&kind=proxy&pageSize=500");
        var row = rows.Single(r => r.GetProperty("id").GetString() == id);
        Assert.DoesNotContain("13907921234", row.GetRawText());
        var detail = await (await client.GetAsync($"/api/v1/funeral/memorials/{id}", Ct)).JsonAsync();
        Assert.Equal("13907921234", detail.GetProperty("contactPhone").GetString());
        Assert.Equal(new[] { "deliver", "cancel" }, detail.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToArray());

        await client.UploadedAsync("funeral-memorial", id, AttachmentFixtures.Png, "墓前照片.png");
        var delivered = await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{id}/delivery", new { deliveredOn = Day(Today), deliveredBy = "李师傅" }, Ct))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("delivered", delivered.GetProperty("status").GetString());
        var again = await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{id}/delivery", new { deliveredOn = Day(Today), deliveredBy = "李师傅" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("已办结", again.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{id}/cancellation", new { reason = "家属改期" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var served = (await client.GetPageAsync($"/api/v1/funeral/memorials?date={Day(Today)}&status=delivered&pageSize=500")).Items.Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal((1, "李师傅"), (served.GetProperty("photos").GetInt32(), served.GetProperty("deliveredBy").GetString()));

        var after = (await (await client.GetAsync(statsUrl, Ct)).JsonAsync()).GetProperty("memorials");
        Assert.Equal(2, after.GetProperty("proxyBooked").GetInt32() - before.GetProperty("proxyBooked").GetInt32());
        Assert.Equal(1, after.GetProperty("proxyDelivered").GetInt32() - before.GetProperty("proxyDelivered").GetInt32());
        using var leader = await app.ClientAsAsync("leader");
        var draft = await (await leader.GetAsync($"/api/v1/reports/work-summary?region=360482&from={Day(Today.AddDays(-30))}&to={Day(Today)}", Ct)).JsonAsync();
        Assert.Matches(@"受理云祭扫、代祭扫预约\d+次，完成祭扫服务\d+次（其中代祭扫\d+次）。", draft.GetRawText());
        Assert.DoesNotContain(name, draft.GetRawText());
    }

    [Fact]
    public async Task BadBookings_Are422Or400_AndWriteNothing()
    {
        using var client = await app.ClientAsAsync("funeral");
        var name = $"坏约{Guid.NewGuid():N}"[..8];
        var burial = await BuriedAsync(client, name);

        var nobody = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(Guid.NewGuid().ToString(), Today), Ct));
        Assert.Contains("未在本县公墓安葬", nobody.GetProperty("burialId")[0].GetString());
        var noHall = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/memorials", new
        {
            kind = "cloud",
            cremationId = Guid.NewGuid(),
            facilityId = Guid.NewGuid(),
            requestedOn = Day(Today),
            contactName = "王家属",
            contactPhone = "13907921234"
        }, Ct));
        Assert.True(noHall.TryGetProperty("burialId", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today.AddDays(-1)), Ct))).TryGetProperty("requestedOn", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today.AddDays(366)), Ct))).TryGetProperty("requestedOn", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today, phone: "12345"), Ct))).TryGetProperty("contactPhone", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today, message: new string('念', 301)), Ct)))
            .TryGetProperty("message", out _));
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today, message: null), Ct))).TryGetProperty("message", out _));
        var kinds = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/funeral/memorials", new
        {
            kind = "visit",
            burialId = burial,
            services = new[] { "fireworks" },
            requestedOn = "2026-02-30",
            contactName = "",
            contactPhone = ""
        }, Ct));
        foreach (var field in new[] { "kind", "services", "requestedOn", "contactName", "contactPhone" })
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", kinds.GetProperty(field)[0].GetString());
        }

        await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today, message: "寄语\u0007"), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, await CountAsync(client, name));

        using var finance = await app.ClientAsAsync("finance");
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today), Ct)).StatusCode);
    }

    [Fact]
    public async Task ProxySweep_WithoutAPhoto_Is422AndStaysBooked_CloudNeedsNone()
    {
        using var client = await app.ClientAsAsync("funeral");
        var burial = await BuriedAsync(client, $"无照{Guid.NewGuid():N}"[..8]);
        var proxy = (await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today), Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var refused = await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{proxy}/delivery", new { deliveredOn = Day(Today), deliveredBy = "李师傅" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("至少一张现场照片", refused.GetProperty("detail").GetString());
        var detail = await (await client.GetAsync($"/api/v1/funeral/memorials/{proxy}", Ct)).JsonAsync();
        Assert.Equal(("booked", JsonValueKind.Null), (detail.GetProperty("booking").GetProperty("status").GetString(),
            detail.GetProperty("booking").GetProperty("deliveredOn").ValueKind));

        // A photo uploaded and then removed is no proof either; a photo kept is.
        var photo = await client.UploadedAsync("funeral-memorial", proxy, AttachmentFixtures.Png, "墓前照片.png");
        await (await client.PostAsJsonAsync($"/api/v1/attachments/{photo}/delete", new { reason = "传错了照片" }, Ct)).EnsureSuccessStatusCode().Content.ReadAsStringAsync(Ct);
        await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{proxy}/delivery", new { deliveredOn = Day(Today), deliveredBy = "李师傅" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await client.UploadedAsync("funeral-memorial", proxy, AttachmentFixtures.Png, "墓前照片.png");
        await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{proxy}/delivery", new { deliveredOn = Day(Today), deliveredBy = "李师傅" }, Ct)).JsonAsync(HttpStatusCode.Created);

        // 云祭扫: the family opens the memorial page themselves, so it is delivered without a photo.
        var cloud = (await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, Today, kind: "cloud"), Ct)).JsonAsync(HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        Assert.Equal("delivered", (await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{cloud}/delivery", new { deliveredOn = Day(Today), deliveredBy = "周师傅" }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task DoubleSubmission_KeepsOneRow_CancelNeedsAReason_AndFreesTheDay()
    {
        using var client = await app.ClientAsAsync("funeral");
        var name = $"双约{Guid.NewGuid():N}"[..8];
        var burial = await BuriedAsync(client, name);
        var day = Today.AddDays(5);
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, day), Ct)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await CountAsync(client, name));
        var twice = await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, day), Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("不能重复预约", twice.GetProperty("detail").GetString());

        // A cloud memorial the same day is another service; a cancellation needs a reason and frees the day for a new booking.
        await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, day, kind: "cloud"), Ct)).JsonAsync(HttpStatusCode.Created);
        var id = (await client.GetPageAsync($"/api/v1/funeral/memorials?date={Day(day)}&kind=proxy&pageSize=500")).Items
            .Single(r => r.GetProperty("deceasedName").GetString() == name).GetProperty("id").GetString();
        Assert.True((await FieldErrorsAsync(await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{id}/cancellation", new { reason = "" }, Ct))).TryGetProperty("reason", out _));
        var cancelled = await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{id}/cancellation", new { reason = "家属改为亲自祭扫" }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", Booking(burial, day), Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, await CountAsync(client, name));
    }
}

public sealed class SqliteFuneralMemorialTests(SqliteApp app) : FuneralMemorialTests<SqliteApp>(app);

public sealed class PostgresFuneralMemorialTests(PostgresApp app) : FuneralMemorialTests<PostgresApp>(app);

/// <summary>The busy-day cap: a short busy period ten days ahead, two bookings a day per facility.</summary>
public abstract class FuneralMemorialCapTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    [Fact]
    public async Task InABusyPeriod_AFacilityTakesNoMoreThanTheCap_OtherDaysAndFacilitiesAreFree()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.ClientAsAsync("funeral");
        var day = MemorialCapSettings.Busy;
        var a = await FuneralMemorialTests<TApp>.BuriedAsync(client, "高峰甲" + Guid.NewGuid().ToString("N")[..4]);
        var b = await FuneralMemorialTests<TApp>.BuriedAsync(client, "高峰乙" + Guid.NewGuid().ToString("N")[..4]);

        // Each burial lies in its own cemetery: the cap (2) fills cemetery A on the busy day; cemetery B and other days stay open.
        await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", FuneralMemorialTests<TApp>.Booking(a, day), ct)).JsonAsync(HttpStatusCode.Created);
        var cloud = await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", FuneralMemorialTests<TApp>.Booking(a, day, kind: "cloud"), ct)).JsonAsync(HttpStatusCode.Created);
        var full = await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", FuneralMemorialTests<TApp>.Booking(a, day, phone: "0792-1234567"), ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("清明期间", full.GetProperty("detail").GetString());
        Assert.Contains("已约满", full.GetProperty("detail").GetString());
        await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", FuneralMemorialTests<TApp>.Booking(b, day), ct)).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", FuneralMemorialTests<TApp>.Booking(a, day.AddDays(30)), ct)).JsonAsync(HttpStatusCode.Created);

        // A cancelled booking gives its place back.
        await (await client.PostAsJsonAsync($"/api/v1/funeral/memorials/{cloud.GetProperty("id").GetString()}/cancellation", new { reason = "家属改期" }, ct))
            .JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", FuneralMemorialTests<TApp>.Booking(a, day, kind: "cloud"), ct)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ConcurrentBookingsForTheLastPlace_ExactlyOneWins_TheOthersAreRefusedInChinese()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.ClientAsAsync("funeral");
        var day = MemorialCapSettings.Busy.AddDays(1);
        var burials = await BuriedInOneCemeteryAsync(client, 7, ct);

        // One place of the two taken; six families of the same cemetery ask for the last one at the same moment.
        await (await client.PostAsJsonAsync("/api/v1/funeral/memorials", FuneralMemorialTests<TApp>.Booking(burials[0], day), ct)).JsonAsync(HttpStatusCode.Created);
        var answers = await Task.WhenAll(burials.Skip(1).Select(b => client.PostAsJsonAsync("/api/v1/funeral/memorials", FuneralMemorialTests<TApp>.Booking(b, day), ct)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            Assert.Contains("已约满", (await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        }

        var facility = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).JsonAsync(HttpStatusCode.Created)).GetProperty("facilityId").GetString();
        var (rows, _) = await client.GetPageAsync($"/api/v1/funeral/memorials?date={Day(day)}&facilityId={facility}&pageSize=500");
        Assert.Equal(2, rows.Count);
    }

    /// <summary>Persons buried in single plots of one new cemetery: the burial ids.</summary>
    private static async Task<List<string>> BuriedInOneCemeteryAsync(HttpClient client, int count, CancellationToken ct)
    {
        var cemetery = (await (await client.PostAsJsonAsync("/api/v1/funeral/facilities", new
        {
            name = $"限额测试墓地{Guid.NewGuid():N}"[..14],
            kind = "rural-public-cemetery",
            approvalDocument = "共民字〔2024〕5号",
            approvedOn = "2024-05-01",
            capacity = 100,
            regionCode = "360482100201"
        }, ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var burials = new List<string>();
        for (var n = 1; n <= count; n++)
        {
            var plot = (await (await client.PostAsJsonAsync($"/api/v1/funeral/facilities/{cemetery}/plots",
                new { area = "慎", row = 1, number = n, kind = "single", forAshes = true, squareMeters = 1m, price = 0m }, ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
            await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/sale", new
            {
                buyerName = "购墓家属",
                buyerIdNumber = Elder(1970),
                soldOn = Day(TimeProvider.System.Today().AddDays(-30)),
                contractNumber = $"XE-{n}",
                buyerRegionCode = "360482100201",
                tenureYears = 20
            }, ct)).JsonAsync(HttpStatusCode.Created);
            burials.Add((await (await client.PostAsJsonAsync($"/api/v1/funeral/plots/{plot}/burials",
                new { deceasedName = $"限额{n}", idNumber = Elder(1936), buriedOn = Day(TimeProvider.System.Today().AddDays(-20)) }, ct))
                .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }

        return burials;
    }
}

internal static class MemorialCapSettings
{
    public static DateOnly Busy => TimeProvider.System.Today().AddDays(10);

    public static void Apply(Dictionary<string, string> settings)
    {
        settings["Funeral:Memorial:DailyCap"] = "2";
        settings["Funeral:Memorial:BusyPeriods:0:Name"] = "清明";
        settings["Funeral:Memorial:BusyPeriods:0:From"] = Busy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        settings["Funeral:Memorial:BusyPeriods:0:To"] = Busy.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}

public sealed class MemorialCapSqliteApp : SqliteApp
{
    public MemorialCapSqliteApp() => MemorialCapSettings.Apply(Settings);
}

public sealed class MemorialCapPostgresApp : PostgresApp
{
    public MemorialCapPostgresApp() => MemorialCapSettings.Apply(Settings);
}

public sealed class SqliteFuneralMemorialCapTests(MemorialCapSqliteApp app) : FuneralMemorialCapTests<MemorialCapSqliteApp>(app);

public sealed class PostgresFuneralMemorialCapTests(MemorialCapPostgresApp app) : FuneralMemorialCapTests<MemorialCapPostgresApp>(app);
