using System.Net;
using System.Net.Http.Json;
using System.Text;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Imports;

/// <summary>A roster enrolling registered households brings their 一折通 accounts, but never overwrites one on file.</summary>
public sealed class RosterAccountTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Household, string IdNumber)> RegisterAsync(HttpClient county, string name)
    {
        var id = SqliteRegistryApiTests.NewAdultIdNumber();
        var created = await (await county.PostAsJsonAsync("/api/v1/households", new
        {
            regionCode = "360482100201",
            hukouType = "rural",
            address = "红光村账户组1号",
            members = new[] { new { name, idNumber = id, relationship = "head", monthlyIncome = 100m } },
        }, Ct)).JsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, id);
    }

    [Fact]
    public async Task Roster_FillsAMissingAccount_AndKeepsAnExistingOne()
    {
        using var county = await app.ClientAsAsync("county");
        var (bare, bareId) = await RegisterAsync(county, "无账户户主");
        var (banked, bankedId) = await RegisterAsync(county, "有账户户主");
        var put = await county.PutAsJsonAsync($"/api/v1/households/{banked}", new { bankName = "中国邮政储蓄银行", bankAccount = "6221880000001111" }, Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));

        var csv = string.Join("\n", string.Join(",", AssistanceRoster.Headers),
            $"360482100201,农村低保,无账户户主,{bareId},1,1,300.00,2026-01,中国农业银行,6228480000002222,,",
            $"360482100201,农村低保,有账户户主,{bankedId},1,1,300.00,2026-01,中国农业银行,6228480000003333,,");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, Encoding.UTF8.GetBytes(csv), "accounts.csv")).JsonAsync();
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();

        var filled = await (await county.GetAsync($"/api/v1/households/{bare}", Ct)).JsonAsync();
        Assert.Equal(("中国农业银行", "**** 2222"), (filled.GetProperty("bankName").GetString(), filled.GetProperty("bankAccountMasked").GetString()));
        var kept = await (await county.GetAsync($"/api/v1/households/{banked}", Ct)).JsonAsync();
        Assert.Equal("**** 1111", kept.GetProperty("bankAccountMasked").GetString());
    }
}
