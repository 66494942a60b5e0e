using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>The pages a signed-in user reaches from the menu: the start page, then every menu link, in menu order.</summary>
public static class MenuWalk
{
    public static async Task<IReadOnlyList<string>> LinksAsync(IPage page)
    {
        // Pages only: a start page that is a list (the funeral clerk's) has its pager's export link, a download, in a nav too.
        var links = await page.Locator("nav a[href^='/']:not([href^='/api/'])").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        return links.Prepend("/").Distinct().ToList();
    }
}
