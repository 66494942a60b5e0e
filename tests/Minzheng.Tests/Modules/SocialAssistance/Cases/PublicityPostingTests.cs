using System.Globalization;
using System.Net;
using System.Net.Http.Json;

using Minzheng.Tests.Platform.Attachments;

namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>三榜公示 (issue 21 item 9): each round kept with its place, dates and board photo; the statutory 公示 is recorded as a round.</summary>
public abstract class PublicityPostingTests<TApp>(TApp app) : CaseJourneyBase<TApp>(app), IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static string Now => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task EachRound_IsKeptWithItsPhoto_TheStatutoryPublicityIsARound_AndTheResultWaitsForTheDecision()
    {
        using var township = await App.ClientAsAsync("township");
        var household = await HouseholdAsync(township, "360482100202", new { name = "三榜户", idNumber = Adult(), relationship = "head", monthlyIncome = 100m });
        var id = (await (await township.PostAsJsonAsync("/api/v1/cases", new { program = "rural-dibao", householdId = household, authorisationSigned = true }, Ct))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await ActAsync("township", id, "accept");
        await ActAsync("township", id, "investigate", new { date = Now, investigators = new[] { "甲", "乙" }, findings = "属实" });
        var photo = await township.UploadedAsync("case", id, AttachmentFixtures.Png, "第一榜.png");
        var first = await township.PostAsJsonAsync($"/api/v1/cases/{id}/postings",
            new { stage = "initial", postedOn = Now, place = "东风村村务公开栏", photoAttachmentId = photo, note = "民主评议后张贴" }, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await ActAsync("township", id, "check", new { passed = true });
        await ActAsync("reviewer", id, "township-review", new { approve = true, note = "符合" });
        await ActAsync("township", id, "start-publicity", new { date = Now });
        var rounds = (await (await township.GetAsync($"/api/v1/cases/{id}/postings", Ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal([(1, "initial"), (2, "review")], rounds.Select(r => (r.GetProperty("round").GetInt32(), r.GetProperty("stage").GetString()!)));
        Assert.Equal(photo, rounds[0].GetProperty("photoAttachmentId").GetString());
        Assert.Equal("第二榜：乡镇审核公示", rounds[1].GetProperty("stageName").GetString());
        Assert.False(string.IsNullOrEmpty(rounds[1].GetProperty("until").GetString()));

        var early = await (await township.PostAsJsonAsync($"/api/v1/cases/{id}/postings", new { stage = "result", postedOn = Now, place = "东风村" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("县级作出决定之后", early.GetProperty("detail").GetString());
        var bad = await (await township.PostAsJsonAsync($"/api/v1/cases/{id}/postings",
            new { stage = "fourth", postedOn = "2099-01-01", place = "", photoAttachmentId = Guid.NewGuid() }, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "stage", "postedOn", "place", "photoAttachmentId" }, bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray());

        var (user, password) = await TestUsers.CreateAsync(App, "township", "360482201000");
        using var other = await App.ClientAsAsync(user, password);
        await (await other.PostAsJsonAsync($"/api/v1/cases/{id}/postings", new { stage = "initial", postedOn = Now, place = "越权" }, Ct))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await other.GetAsync($"/api/v1/cases/{id}/postings", Ct)).JsonAsync()).EnumerateArray());
    }
}

public sealed class SqlitePublicityPostingTests(SqliteApp app) : PublicityPostingTests<SqliteApp>(app);

public sealed class PostgresPublicityPostingTests(PostgresApp app) : PublicityPostingTests<PostgresApp>(app);
