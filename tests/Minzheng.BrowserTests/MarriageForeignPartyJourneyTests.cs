using Microsoft.Playwright;

namespace Minzheng.BrowserTests;

/// <summary>A registrar registers a foreign party by passport: the extra fields appear only for that document, and the detail shows it masked.</summary>
public sealed class MarriageForeignPartyJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Registrar_ChoosesPassport_EntersGenderBirthAndNationality_AndRegisters()
    {
        var page = await app.SignedInPageAsync("marriage");
        await page.GotoAsync("/Marriages/Register");
        Assert.False(await page.GetByLabel("一方出生日期", new() { Exact = true }).IsVisibleAsync());
        await page.GetByLabel("一方证件类型", new() { Exact = true }).SelectOptionAsync("passport");
        Assert.True(await page.GetByLabel("一方出生日期", new() { Exact = true }).IsVisibleAsync());
        Assert.True(await page.GetByLabel("一方国籍", new() { Exact = true }).IsVisibleAsync());
        await page.GetByLabel("另一方证件类型").SelectOptionAsync("hkMacaoPermit");
        Assert.True(await page.GetByLabel("另一方出生日期").IsVisibleAsync());
        Assert.False(await page.GetByLabel("另一方国籍").IsVisibleAsync());
        Assert.Equal(1, await page.GetByText("另一方港澳居民来往内地通行证号码").CountAsync());
        await page.GetByLabel("另一方证件类型").SelectOptionAsync("resident");
        Assert.False(await page.GetByLabel("另一方出生日期").IsVisibleAsync());
        await Shots.SaveAsync(page, "marriage-register-passport");

        var passport = "E" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first17 = "360482" + "19930305" + (Random.Shared.Next(100, 499) * 2).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("登记日期").FillAsync("2026-05-20");
        await page.GetByLabel("一方姓名", new() { Exact = true }).FillAsync("阮文雄");
        await page.GetByLabel("一方护照号码", new() { Exact = true }).FillAsync(passport);
        await page.GetByLabel("一方性别", new() { Exact = true }).SelectOptionAsync("male");
        await page.GetByLabel("一方出生日期", new() { Exact = true }).FillAsync("1990-01-01");
        await page.GetByLabel("一方国籍", new() { Exact = true }).SelectOptionAsync("VNM");
        await page.GetByLabel("另一方姓名").FillAsync("李娜");
        await page.GetByLabel("另一方身份证号").FillAsync(first17 + Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(first17));
        await page.GetByLabel("双方已签署本人无配偶的声明").CheckAsync();
        await page.GetByLabel("双方已签署与对方没有直系血亲和三代以内旁系血亲关系的声明").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记并发证" }).ClickAsync();
        Assert.Contains("结字", await page.GetByTestId("certificate-number").InnerTextAsync());
        Assert.DoesNotContain(passport, await page.ContentAsync());
    }
}
