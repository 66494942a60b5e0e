using System.Net;
using System.Text.RegularExpressions;
using Minzheng.Modules.SocialAssistance.Demo;
using Minzheng.Platform.Demo;

namespace Minzheng.Tests.Modules.SocialAssistance.Reviews;

/// <summary>The 复核 page through its forms: the county opens a campaign, the township records, the county applies.</summary>
public sealed partial class ReviewPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task County_OpensTownship_RecordsCounty_Applies()
    {
        using var county = new WebSession(app);
        await county.LoginAsync("county", DemoSeeder.Password);
        var opened = await county.PostFormAsync("/Reviews", new Dictionary<string, string>
        {
            ["name"] = "页面复核",
            ["program"] = "urban-dibao",
            ["regionCode"] = "360482100001",
            ["dueOn"] = "2099-12-31",
            ["effectiveMonth"] = "2099-01",
        }, "/Reviews?handler=Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var campaignUrl = opened.Headers.Location!.OriginalString;

        using var township = new WebSession(app);
        await township.LoginAsync("township", DemoSeeder.Password);
        var page = await (await township.GetAsync(campaignUrl)).Content.ReadAsStringAsync(Ct);
        var items = ItemPattern().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(items); // the demo community's urban Dibao households
        var id = campaignUrl[(campaignUrl.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        foreach (var item in items)
        {
            var saved = await township.PostFormAsync(campaignUrl, new Dictionary<string, string> { ["itemId"] = item, ["outcome"] = "continue" },
                $"/Reviews?handler=Record&id={id}");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var applied = await county.PostFormAsync(campaignUrl, new Dictionary<string, string>(), $"/Reviews?handler=Apply&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var after = await (await county.GetAsync(campaignUrl)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("已生效", after);
        Assert.Contains($"{items.Count} / {items.Count}", after);
    }

    [GeneratedRegex("name=\"itemId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ItemPattern();
}
