using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

public sealed class LoginJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task County_LogsIn_SeesChineseHomeWithRegion_LogsOut()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        Assert.EndsWith("/Account/Login?ReturnUrl=%2F", page.Url);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

        await page.GetByLabel("用户名").FillAsync("county");
        await page.GetByLabel("密码").FillAsync("Demo@2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.GetByTestId("home-role").WaitForAsync();
        Assert.Equal("您好，张丽华", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("县级民政业务人员", await page.GetByTestId("home-role").InnerTextAsync());
        Assert.Contains("江西省 / 九江市 / 共青城市", await page.GetByTestId("home-region").InnerTextAsync());
        Assert.Equal("张丽华", await page.GetByTestId("user-name").InnerTextAsync());
        // Every area in the navigation is built now: no 建设中 placeholders, and the last ones to land are real links.
        Assert.Equal(0, await page.Locator("text=建设中").CountAsync());
        Assert.Contains("亲属备案", await page.Locator("a[href='/Verification/Relatives']").First.TextContentAsync());
        Assert.Contains("举报处理", await page.Locator("a[href='/Verification/TipOffs']").First.TextContentAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).WaitForAsync();
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url);
    }

    [Fact]
    public async Task WrongPassword_ShowsChineseError()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync("village");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator(".alert-danger").WaitForAsync();
        Assert.Contains("用户名或密码错误", await page.Locator(".alert-danger").InnerTextAsync());
    }

    [Fact]
    public async Task Admin_ImportsARegionFile_SeesItsUploadProgress_AndGetsTheResultPageThatStillWorks()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/Regions?code=360482100000");
        // Hold the upload a moment, as a 20 MB national list over a county network would take: the page says what is going on.
        await page.RouteAsync(url => url.Contains("handler=Import", StringComparison.Ordinal), async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        var csv = "区划代码,区划名称\n360482100298,进度条测试村\n";
        await page.GetByLabel("区划代码文件").SetInputFilesAsync(new FilePayload { Name = "regions.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByTestId("region-import-form").GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        var status = page.GetByTestId("upload-status");
        await status.WaitForAsync();
        Assert.Contains("上传", await status.InnerTextAsync());
        await Shots.SaveAsync(page, "region-import-progress");
        Assert.True(await page.GetByTestId("region-import-form").Locator("button[type=submit]").IsDisabledAsync());

        // The answer replaces the page like a normal submission: the result, the new village, and menus that still open.
        await page.Locator(".alert-success").WaitForAsync();
        Assert.Contains("导入", await page.Locator(".alert-success").InnerTextAsync());
        Assert.EndsWith("/Regions", new Uri(page.Url).AbsolutePath);
        await page.Locator("nav .dropdown-toggle").First.ClickAsync();
        await page.Locator("nav .dropdown-menu.show").WaitForAsync();
        await page.GotoAsync("/Regions?code=360482100000");
        await page.Locator("td", new() { HasText = "进度条测试村" }).WaitForAsync();
    }

    [Fact]
    public async Task Admin_CreatesRegionInRegionPage()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/Regions?code=360482100000");
        Assert.Contains("甘露镇", await page.GetByTestId("region-path").InnerTextAsync());
        await page.GetByLabel("区划代码（12位）").FillAsync("360482100299");
        await page.GetByLabel("名称").FillAsync("浏览器测试村");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        await page.Locator("td", new() { HasText = "浏览器测试村" }).WaitForAsync();

        // A malformed code is refused with a Chinese message and nothing is added.
        await page.GetByLabel("区划代码（12位）").FillAsync("3604821002");
        await page.GetByLabel("名称").FillAsync("坏代码村");
        await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
        Assert.Contains("应为12位数字", await page.Locator(".text-danger").First.InnerTextAsync());
        Assert.Equal(0, await page.Locator("td", new() { HasText = "坏代码村" }).CountAsync());
    }
}

public sealed class LockoutJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task WrongPasswordFiveTimes_ShowsLockedMessageInChinese()
    {
        // The browser journeys share one app and every demo account signs in somewhere: lock an account of this test's own.
        var userName = $"lock{Guid.NewGuid():N}"[..14];
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Minzheng.Platform.Security.AppUser>>();
            var created = await users.CreateAsync(new Minzheng.Platform.Security.AppUser
            {
                UserName = userName,
                DisplayName = "锁定测试",
                RegionCode = "360482000000",
                CreatedAt = DateTimeOffset.UtcNow,
            }, "Strong#Pass9");
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GetByLabel("用户名").FillAsync(userName);
            await page.GetByLabel("密码").FillAsync($"Wrong#Pass{attempt}");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.Locator(".alert-danger").WaitForAsync();
        }

        Assert.Contains("已被临时锁定", await page.Locator(".alert-danger").InnerTextAsync());

        // Even the right password is refused while the account is locked.
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Strong#Pass9");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator(".alert-danger").WaitForAsync();
        Assert.Contains("已被临时锁定", await page.Locator(".alert-danger").InnerTextAsync());
        Assert.Contains("/Account/Login", page.Url);
    }
}
