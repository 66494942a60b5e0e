using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Platform.Attachments;
using static Minzheng.Tests.Modules.Veterans.VeteranFixtures;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>走访慰问 on both databases: the list is every active entitled person of the region once, townships record their own visits, totals by category.</summary>
public abstract class VeteranVisitTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACampaign_ListsEachPersonOnce_TheTownshipRecordsVisits_AndAnotherTownshipSeesNothing()
    {
        var village = await PaymentFixtures.VillageAsync(app, "360482100");
        using var veterans = await app.ClientAsAsync("veterans");
        var id = Funeral.FuneralIds.Elder(1950);
        await RegisterAsync(veterans, new { name = "壬复员", idNumber = id, regionCode = village, category = "demobilized" });
        await RegisterAsync(veterans, new { name = "壬复员", idNumber = id, regionCode = village, category = "war-participant" });
        await RegisterAsync(veterans, Disabled("壬伤残", village));

        var created = await (await veterans.PostAsJsonAsync("/api/v1/veterans/visit-campaigns", new
        {
            name = "元旦春节走访慰问",
            occasion = "spring-festival",
            regionCode = village,
            amount = 500m,
            gift = "米、油",
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((2, 1_000m), (created.GetProperty("persons").GetInt32(), created.GetProperty("total").GetDecimal()));
        var campaign = created.GetProperty("id").GetString();

        using var township = await app.ClientAsAsync("township");
        var detail = await (await township.GetAsync($"/api/v1/veterans/visit-campaigns/{campaign}", Ct)).JsonAsync();
        var first = detail.GetProperty("visits")[0].GetProperty("id").GetString();
        await (await township.PostAsJsonAsync($"/api/v1/veterans/visit-campaigns/{campaign}/visits/{first}", new { visitedOn = "2099-01-01", visitedBy = "王晓梅" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await township.PostAsJsonAsync($"/api/v1/veterans/visit-campaigns/{campaign}/visits/{first}", new { visitedOn = "2026-01-20" }, Ct))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.NoContent, (await township.PostAsJsonAsync($"/api/v1/veterans/visit-campaigns/{campaign}/visits/{first}",
            new { visitedOn = "2026-01-20", visitedBy = "王晓梅" }, Ct)).StatusCode);
        detail = await (await veterans.GetAsync($"/api/v1/veterans/visit-campaigns/{campaign}", Ct)).JsonAsync();
        Assert.Equal((2, 1), (detail.GetProperty("persons").GetInt32(), detail.GetProperty("visited").GetInt32()));
        Assert.Equal(["残疾军人", "在乡复员军人"], detail.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await township.PostAsJsonAsync("/api/v1/veterans/visit-campaigns", new { }, Ct)).StatusCode);

        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482200000");
        using var other = await app.ClientAsAsync(user, password);
        await (await other.GetAsync($"/api/v1/veterans/visit-campaigns/{campaign}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"/api/v1/veterans/visit-campaigns/{campaign}/visits/{first}", new { visitedOn = "2026-01-20", visitedBy = "某人" }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SignedReceipts_AreKeptWithTheVisit_CountedOnTheList_AndHiddenFromOtherTownshipsAndLines()
    {
        var village = await PaymentFixtures.VillageAsync(app, "360482100");
        using var veterans = await app.ClientAsAsync("veterans");
        await RegisterAsync(veterans, Disabled("癸签收", village));
        var campaign = (await (await veterans.PostAsJsonAsync("/api/v1/veterans/visit-campaigns", new
        {
            name = "八一走访慰问",
            occasion = "army-day",
            regionCode = village,
            amount = 300m,
        }, Ct)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        using var township = await app.ClientAsAsync("township");
        var visit = (await (await township.GetAsync($"/api/v1/veterans/visit-campaigns/{campaign}", Ct)).JsonAsync()).GetProperty("visits")[0];
        var visitId = visit.GetProperty("id").GetString()!;
        Assert.Equal(0, visit.GetProperty("receipts").GetInt32());

        await township.UploadedAsync("veteran-visit", visitId, AttachmentFixtures.Png, "签收单.png");
        await veterans.UploadedAsync("veteran-visit", visitId, AttachmentFixtures.Pdf, "签收单（家属）.pdf");
        await (await township.UploadAsync("veteran-visit", visitId, AttachmentFixtures.Html, "签收单.pdf")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var detail = await (await veterans.GetAsync($"/api/v1/veterans/visit-campaigns/{campaign}", Ct)).JsonAsync();
        Assert.Equal(2, detail.GetProperty("visits")[0].GetProperty("receipts").GetInt32());
        Assert.Equal(1, detail.GetProperty("withReceipts").GetInt32());
        Assert.Equal(2, (await township.ListAsync("veteran-visit", visitId)).Count);

        // Another township, another line's staff and an unknown row see no such record (404); the funeral clerk cannot reach the receipts either.
        var (user, password) = await TestUsers.CreateAsync(app, "township", "360482200000");
        using var other = await app.ClientAsAsync(user, password);
        await (await other.GetAsync($"/api/v1/attachments/veteran-visit/{visitId}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.UploadAsync("veteran-visit", visitId, AttachmentFixtures.Png, "x.png")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var marriage = await app.ClientAsAsync("marriage");
        await (await marriage.GetAsync($"/api/v1/attachments/veteran-visit/{visitId}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await veterans.UploadAsync("veteran-visit", Guid.NewGuid().ToString(), AttachmentFixtures.Png, "x.png")).AssertProblemAsync(HttpStatusCode.NotFound);
        using var funeral = await app.ClientAsAsync("funeral");
        // The funeral clerk keeps photos of proxy sweeps, but a visit receipt is no record of theirs: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await funeral.UploadAsync("veteran-visit", visitId, AttachmentFixtures.Png, "x.png")).StatusCode);
        Assert.Equal(2, (await veterans.ListAsync("veteran-visit", visitId)).Count);

        // The 优抚 officer's attachment rights stop at the receipts: a county household's files stay out of reach.
        using var county = await app.ClientAsAsync("county");
        var household = await AttachmentFixtures.HouseholdAsync(county);
        await (await veterans.GetAsync($"/api/v1/attachments/household/{household}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteVeteranVisitTests(SqliteApp app) : VeteranVisitTests<SqliteApp>(app);

public sealed class PostgresVeteranVisitTests(PostgresApp app) : VeteranVisitTests<PostgresApp>(app);
