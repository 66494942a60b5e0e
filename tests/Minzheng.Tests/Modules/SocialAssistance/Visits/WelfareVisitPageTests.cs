using System.Net;
using Minzheng.Modules.SocialAssistance.Visits;
using Minzheng.Platform.Demo;
using Minzheng.Platform.People;

namespace Minzheng.Tests.Modules.SocialAssistance.Visits;

/// <summary>The /Visits page in the browser's shape, on the default intervals (15 and 30 days), and the due rule itself.</summary>
public sealed class WelfareVisitPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WebSession> SessionAsync(string user)
    {
        var session = new WebSession(app);
        await session.LoginAsync(user, DemoSeeder.Password);
        return session;
    }

    [Fact]
    public async Task VisitsPage_HighlightsTheOverdue_KeepsTypedValuesOnError_AndConfirmsASavedVisit()
    {
        var village = await PaymentFixtures.VillageAsync(app);
        var person = (await PaymentFixtures.CaseloadAsync(app, village, "特困分散供养", 615m))[0];
        using var township = await SessionAsync("township");
        var list = await (await township.GetAsync("/Visits")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("民发〔2021〕43号", list);
        Assert.Contains("每 <strong>15</strong> 天", list);
        Assert.Contains("每 <strong>30</strong> 天", list);
        var row = list[list.IndexOf(person.Name, StringComparison.Ordinal)..];
        Assert.Contains("自理", row[..row.IndexOf("</tr>", StringComparison.Ordinal)]);
        Assert.Matches("<tr class=\"table-danger\">\\s*<td><a href=\"/Visits\\?enrollment=" + person.EnrollmentId, list);
        Assert.Contains($"发放测试村{village[^3..]}", list);
        Assert.DoesNotContain(person.IdNumber, list);

        var page = $"/Visits?enrollment={person.EnrollmentId}";
        var post = $"/Visits?enrollment={person.EnrollmentId}&handler=Record";
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await township.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.VisitedOn"] = tomorrow,
            ["Input.Visitors"] = "赵六、钱七",
            ["Input.Way"] = "phone-call",
            ["Input.Findings"] = "老人说腿疼\n已联系村医",
            ["Input.NeedsFollowUp"] = "true",
        }, post);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不能晚于今天", html);
        Assert.Contains("请写明跟进事项", html);
        Assert.Contains("value=\"赵六、钱七\"", html);
        Assert.Matches("老人说腿疼(\n|&#xA;)已联系村医</textarea>", html); // the line break survives (encoded or not)
        Assert.Contains("<option value=\"phone-call\" selected=\"selected\">", html);

        var saved = await township.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.VisitedOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Visitors"] = "赵六、钱七",
            ["Input.Way"] = "home-visit",
            ["Input.Findings"] = "老人说腿疼，已联系村医上门",
            ["Input.NeedsFollowUp"] = "true",
            ["Input.FollowUpNote"] = "村医每周上门一次",
        }, post);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await (await township.GetAsync(saved.Headers.Location!.ToString())).Content.ReadAsStringAsync(Ct);
        Assert.Contains("data-testid=\"visit-saved\"", after);
        Assert.Contains("已登记", after);
        Assert.Contains("需跟进：村医每周上门一次", after);

        using var leader = await SessionAsync("leader");
        var readOnly = await (await leader.GetAsync(page)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("需跟进：村医每周上门一次", readOnly);
        Assert.DoesNotContain("data-testid=\"visit-form\"", readOnly);
        using var otherVillage = await SessionAsync("village");
        Assert.Equal(HttpStatusCode.NotFound, (await otherVillage.GetAsync(page)).StatusCode);
    }

    [Theory]
    [InlineData(SelfCare.Full, null, "2026-03-31")]
    [InlineData(SelfCare.Partial, null, "2026-03-16")]
    [InlineData(SelfCare.None, null, "2026-03-16")]
    [InlineData(SelfCare.Full, "2026-05-20", "2026-06-19")]
    [InlineData(SelfCare.Partial, "2026-05-20", "2026-06-04")]
    public void DueOn_ByDefault_Is15DaysForDependentAnd30ForOthers_AfterTheLastVisitOrTheStartMonth(SelfCare level, string? lastVisit, string expected)
    {
        var interval = WelfareVisitRules.IntervalDays(new WelfareVisitOptions(), level);
        var last = lastVisit is null ? (DateOnly?)null : DateOnly.Parse(lastVisit, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WelfareVisitRules.DueOn(last, new DateOnly(2026, 3, 1), interval));
    }

    [Fact]
    public void Intervals_OutsideOneDayToAYear_AreRefused()
    {
        Assert.True(new WelfareVisitOptions().IsValid);
        Assert.False(new WelfareVisitOptions { IntervalDays = { Dependent = 0 } }.IsValid);
        Assert.False(new WelfareVisitOptions { IntervalDays = { Other = 400 } }.IsValid);
    }
}
