using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>Finding and starting work without codes (issue 22): the paged register, and an application started from a picked household.</summary>
public sealed class ListJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task County_PagesAndSortsTheRegister_WithTheFilterInTheUrl()
    {
        var page = await app.SignedInPageAsync("county");
        await page.GotoAsync("/Registry");
        var total = await page.GetByTestId("pager-total").First.InnerTextAsync();
        Assert.Matches(@"^共 \d+ 条，第 1 / \d+ 页$", total);
        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).First.ClickAsync();
        Assert.Contains("pageNumber=2", page.Url);
        Assert.Contains("第 2 /", await page.GetByTestId("pager-total").First.InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "户主", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**sort=head**");
        // The sort state is spoken, not only drawn: the arrow is hidden from screen readers and the words are not.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^户主\\s*（当前升序）$") }).ClickAsync();
        Assert.Contains("dir=desc", page.Url);
        Assert.DoesNotContain("pageNumber=2", page.Url); // a new sort starts at the first page
        var heads = await page.GetByTestId("households").Locator("tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(heads.OrderByDescending(h => h, StringComparer.Ordinal).ToList(), heads.ToList(), StringComparer.Ordinal);

        await page.GetByLabel("姓名（任一成员）").FillAsync("张");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Contains("Name=%E5%BC%A0", page.Url); // bookmarkable: the filter is in the address
        Assert.All(await page.GetByTestId("households").Locator("tbody tr td:nth-child(5)").AllInnerTextsAsync(), r => Assert.DoesNotMatch(@"\d{6,}", r));
        await Shots.SaveAsync(page, "registry-paged");
    }

    [Fact]
    public async Task Village_StartsAnApplicationFromTheHouseholdPage_AndAFailedFormKeepsWhatWasTyped()
    {
        var village = await app.SignedInPageAsync("village");
        await village.GotoAsync("/Cases");
        var form = village.GetByTestId("apply-form");
        await form.GetByLabel("说明").FillAsync("家中主要劳动力因病无法务工");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();
        Assert.Contains("请选择申请家庭", await village.GetByTestId("case-error").InnerTextAsync());
        Assert.Equal("家中主要劳动力因病无法务工", await village.GetByTestId("apply-form").GetByLabel("说明").InputValueAsync());

        await village.GotoAsync("/Registry");
        await village.GetByTestId("households").Locator("tbody tr a").First.ClickAsync();
        var head = (await village.Locator("h1").InnerTextAsync()).Split(' ')[0];
        await village.GetByTestId("household-actions").GetByRole(AriaRole.Link, new() { Name = "申请救助" }).ClickAsync();
        Assert.StartsWith(head, await village.GetByLabel("申请家庭（输入户主或成员姓名搜索后点选）").InputValueAsync());
        await village.GetByTestId("apply-form").GetByLabel("申请项目").SelectOptionAsync("temporary");
        await village.GetByTestId("apply-form").GetByLabel("已签署家庭经济状况核对授权书和承诺书").CheckAsync();
        await village.GetByTestId("apply-form").GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();
        Assert.Contains($"已登记{head}户的临时救助申请", await village.GetByTestId("flash").InnerTextAsync());

        // The picker: a name typed, a household chosen, no ID number needed.
        await village.GotoAsync("/Cases");
        await village.GetByLabel("申请家庭（输入户主或成员姓名搜索后点选）").FillAsync(head);
        await village.Locator(".picker-results button").First.ClickAsync();
        Assert.StartsWith(head, await village.GetByLabel("申请家庭（输入户主或成员姓名搜索后点选）").InputValueAsync());
        await Shots.SaveAsync(village, "case-apply-picker");
    }

    [Fact]
    public async Task County_SortsTheFindings_FiltersThemInTheUrl_AndExportsWhatIsShown()
    {
        var page = await app.SignedInPageAsync("county");
        await page.GotoAsync("/Verification?type=death&status=");
        Assert.Matches(@"^共 \d+ 条", await page.GetByTestId("pager-total").First.InnerTextAsync());
        await page.GetByTestId("findings").GetByRole(AriaRole.Link, new() { Name = "姓名", Exact = true }).ClickAsync();
        Assert.Contains("sort=name", page.Url);
        Assert.Contains("type=death", page.Url); // the tab and the filters stay
        await page.GetByTestId("finding-filter").GetByLabel("状态").SelectOptionAsync("open");
        await page.GetByTestId("finding-filter").GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        Assert.Contains("status=open", page.Url);
        Assert.Contains("sort=name", page.Url);
        Assert.Contains("status=open", await page.GetByTestId("list-export").GetAttributeAsync("href") ?? "");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("list-export").ClickAsync());
        Assert.Equal("findings.xlsx", download.SuggestedFilename);

        await page.GotoAsync("/Monitoring");
        await page.GetByRole(AriaRole.Link, new() { Name = "监测对象", Exact = true }).ClickAsync();
        Assert.Contains("list=monitored", page.Url);
        Assert.Matches(@"^共 \d+ 条", await page.GetByTestId("pager-total").First.InnerTextAsync());
        await page.GetByTestId("monitored-list").WaitForAsync();
        await Shots.SaveAsync(page, "monitoring-monitored");
    }
}
