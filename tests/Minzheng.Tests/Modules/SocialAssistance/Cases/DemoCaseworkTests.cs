
namespace Minzheng.Tests.Modules.SocialAssistance.Cases;

/// <summary>The demo county's first look: the township's work list has cases in every state, and a review is under way.</summary>
public sealed class DemoCaseworkTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task DemoTownship_HasCasesInEveryState_AndAReviewInProgress()
    {
        using var township = await app.ClientAsAsync("township");
        var cases = (await (await township.GetAsync("/api/v1/cases", TestContext.Current.CancellationToken)).JsonAsync()).EnumerateArray().ToList();
        var statuses = cases.Select(c => c.GetProperty("status").GetString()).ToHashSet();
        foreach (var expected in new[] { "applied", "accepted", "in-publicity", "awaiting-decision", "refused" })
        {
            Assert.Contains(expected, statuses);
        }

        Assert.Contains(cases, c => c.GetProperty("urgency").GetString() == "overdue");
        Assert.Contains(cases, c => c.GetProperty("relativeOfStaff").GetBoolean());
        using var village = await app.ClientAsAsync("village");
        var mine = (await (await village.GetAsync("/api/v1/cases?mine=true", TestContext.Current.CancellationToken)).JsonAsync()).EnumerateArray().ToList();
        Assert.NotEmpty(mine);
        Assert.True(mine.Count < cases.Count, "the village assistant's own cases are a subset of the township's");
        var reviews = await (await township.GetAsync("/api/v1/reviews", TestContext.Current.CancellationToken)).JsonAsync();
        var review = Assert.Single(reviews.EnumerateArray());
        Assert.True(review.GetProperty("done").GetInt32() is > 0 and var done && done < review.GetProperty("total").GetInt32());
        var funds = await (await township.GetAsync("/api/v1/reserve-funds", TestContext.Current.CancellationToken)).JsonAsync();
        Assert.Equal(1500m, Assert.Single(funds.EnumerateArray()).GetProperty("spent").GetDecimal());
    }

    [Fact]
    public async Task DemoCounty_HasVerificationWork_RelativesListsTipOffsAndWarnings()
    {
        var ct = TestContext.Current.CancellationToken;
        using var county = await app.ClientAsAsync("county");
        var overview = await (await county.GetAsync("/api/v1/verification/overview", ct)).JsonAsync();
        var open = overview.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("type").GetString()!, o => o.GetProperty("open").GetInt32());
        Assert.True(open["relative"] >= 2 && open["economic"] >= 2, string.Join(", ", open));
        Assert.True(overview.GetProperty("tipOffs").GetProperty("overdue").GetInt32() >= 1);
        Assert.True(overview.GetProperty("warnings").GetProperty("open").GetInt32() >= 1);
        var findings = (await (await county.GetAsync("/api/v1/verification/findings?type=economic", ct)).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("blocking").GetBoolean());
        Assert.Contains(findings, f => !f.GetProperty("blocking").GetBoolean());
        var monitored = await (await county.GetAsync("/api/v1/monitoring/households", ct)).JsonAsync();
        Assert.Equal(2, monitored.GetArrayLength());
    }
}
