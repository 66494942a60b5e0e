using System.Globalization;
using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>A couple books online without an account; on the day the registrar finds them on the daily list, checks them in and opens the pre-filled registration form.</summary>
public sealed class MarriageAppointmentJourneyTests(ClockedBrowserApp app) : IClassFixture<ClockedBrowserApp>
{
    private static string Id(int year, bool male)
    {
        var first17 = "110105" + new DateOnly(year, 1 + Random.Shared.Next(12), 1 + Random.Shared.Next(28)).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                      + ((Random.Shared.Next(450) * 2) + (male ? 101 : 100)).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(first17);
    }

    [Fact]
    public async Task Citizen_BooksOnline_ThenTheRegistrarChecksThemInOnTheDay()
    {
        var citizen = await app.NewPageAsync();
        await citizen.SetViewportSizeAsync(420, 900);
        await citizen.GotoAsync("/Account/Login");
        await citizen.GetByTestId("public-booking-link").ClickAsync();
        await citizen.GetByTestId("booking-form").WaitForAsync();
        var date = await citizen.GetByLabel("预约日期").InputValueAsync();
        var (passport, woman) = ("C" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), Id(1993, male: false));
        await citizen.GetByLabel("结婚登记").CheckAsync();
        await citizen.GetByTestId("slot").First.ClickAsync();
        await citizen.GetByLabel("一方姓名", new() { Exact = true }).FillAsync("欧阳春雨");
        // One party is a Vietnamese citizen: the passport shows the gender, birth date and nationality inputs.
        await citizen.GetByLabel("一方证件类型", new() { Exact = true }).SelectOptionAsync("passport");
        await citizen.GetByLabel("一方护照号码", new() { Exact = true }).FillAsync(passport);
        await citizen.GetByLabel("一方性别", new() { Exact = true }).SelectOptionAsync("male");
        await citizen.GetByLabel("一方出生日期", new() { Exact = true }).FillAsync("1990-03-08");
        await citizen.GetByLabel("一方国籍", new() { Exact = true }).SelectOptionAsync("VNM");
        await Shots.SaveAsync(citizen, "marriage-appointments-book-passport");
        await citizen.GetByLabel("另一方姓名").FillAsync("司马秋月");
        await citizen.GetByLabel("另一方身份证号").FillAsync(woman);
        await citizen.GetByLabel("联系电话（手机）").FillAsync("13812345678");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交预约" }).ClickAsync();
        var code = (await citizen.GetByTestId("booking-code").InnerTextAsync()).Trim();
        Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", code);
        Assert.DoesNotContain(passport, await citizen.GetByTestId("booking-done").InnerTextAsync());
        await Shots.SaveAsync(citizen, "marriage-appointments-book");

        // The booked day comes: the server clock moves to it.
        var today = DateOnly.FromDateTime(app.Clock!.GetUtcNow().AddHours(8).DateTime);
        app.Clock.Advance(TimeSpan.FromDays(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - today.DayNumber));

        var registrar = await app.SignedInPageAsync("marriage");
        await registrar.GotoAsync("/Marriages/Appointments");
        var row = registrar.Locator($"[data-testid=appointment-row][data-code='{code}']");
        Assert.Contains("欧阳春雨", await row.InnerTextAsync());
        Assert.Contains("已预约", await row.GetByTestId("appointment-status").InnerTextAsync());
        Assert.Contains("138****5678", await row.InnerTextAsync());
        Assert.DoesNotContain(passport, await registrar.ContentAsync());
        await row.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        Assert.Contains("已签到", await registrar.GetByTestId("appointments-message").InnerTextAsync());
        row = registrar.Locator($"[data-testid=appointment-row][data-code='{code}']");
        Assert.Contains("已到场", await row.GetByTestId("appointment-status").InnerTextAsync());
        await Shots.SaveAsync(registrar, "marriage-appointments-list");

        await row.GetByRole(AriaRole.Link, new() { Name = "办理结婚登记" }).ClickAsync();
        Assert.Equal("欧阳春雨", await registrar.GetByLabel("一方姓名", new() { Exact = true }).InputValueAsync());
        Assert.Equal(woman, await registrar.GetByLabel("另一方身份证号").InputValueAsync());
        Assert.Equal(passport, await registrar.GetByLabel("一方护照号码", new() { Exact = true }).InputValueAsync());
        Assert.Equal("1990-03-08", await registrar.GetByLabel("一方出生日期", new() { Exact = true }).InputValueAsync());
        Assert.Equal("VNM", await registrar.GetByLabel("一方国籍", new() { Exact = true }).InputValueAsync());
    }
}
