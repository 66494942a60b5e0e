using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>Builders for 优抚 tests: registrations and standards in a fresh village, so each test has its own payrolls.</summary>
internal static class VeteranFixtures
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static object Disabled(string name, string village, int grade = 5, string nature = "war", string start = "2026-10") => new
    {
        name,
        idNumber = Funeral.FuneralIds.Elder(1960),
        regionCode = village,
        category = "disabled",
        disabilityGrade = grade,
        disabilityNature = nature,
        enlistedOn = "1978-03-01",
        dischargedOn = "1982-01-15",
        unit = "某部",
        thirdClassMerits = 1,
        certificateNumber = "残字第001号",
        startMonth = start,
        rural = true,
        bankName = "共青城农商银行",
        bankAccount = "6217000011112222",
    };

    public static async Task<JsonElement> RegisterAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/v1/veterans/entitlements", body, Ct)).JsonAsync(HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> StandardAsync(HttpClient client, string village, decimal nationalPerMonth, string month, bool? backPay = null,
        int grade = 5, string nature = "war") =>
        await client.PostAsJsonAsync("/api/v1/veterans/standards", new
        {
            category = "disabled",
            disabilityGrade = grade,
            disabilityNature = nature,
            regionCode = village,
            effectiveMonth = month,
            nationalAmount = nationalPerMonth,
            localAmount = 0m,
            per = "month",
            citation = "测试提标通知",
            backPay,
        }, Ct);

    public static async Task<int> TotalAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/veterans/entitlements?" + query, Ct);
        await response.JsonAsync();
        return int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
