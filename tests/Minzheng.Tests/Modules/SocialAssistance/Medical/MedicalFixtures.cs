using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Minzheng.Modules.SocialAssistance.Medical;

namespace Minzheng.Tests.Modules.SocialAssistance.Medical;

internal sealed record Settlement(string Number, string Hospital, string Name, string IdNumber, decimal Total, decimal Insurance, decimal Critical, decimal SelfPay,
    string? Settled = null, string? Admitted = null);

/// <summary>Builders for the hospital path and 资助参保: settlement files, households registered by API, 低保边缘 monitoring.</summary>
internal static class MedicalFixtures
{
    private static int _number;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string NewNumber() => $"JS{DateTime.UtcNow:yyMMdd}{Interlocked.Increment(ref _number):D6}{Guid.NewGuid().ToString("N")[..4]}";

    public static string Csv(params Settlement[] rows) => string.Join("\n", [string.Join(",", SettlementFile.Headers),
        .. rows.Select(r => string.Join(",", r.Number, r.Hospital, r.Name, r.IdNumber, r.Admitted ?? Day(Today.AddDays(-15)), r.Settled ?? Day(Today.AddDays(-5)),
            Money(r.Total), Money(r.Insurance), Money(r.Critical), Money(r.SelfPay)))]);

    private static string Money(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> UploadSettlementsAsync(this HttpClient client, string csv, string fileName = "settlements.csv")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName);
        return await client.PostAsync("/api/v1/medical-settlements", form, Ct);
    }

    /// <summary>A household registered by the township (no enrolment): its id and members' (name, ID number).</summary>
    public static async Task<(string Id, List<(string Name, string IdNumber)> Members)> HouseholdAsync(MinzhengApp app, string village, params string[] names)
    {
        var members = names.Select(n => (Name: n, IdNumber: SqliteRegistryApiTests.NewAdultIdNumber())).ToList();
        using var township = await app.ClientAsAsync("township");
        var body = new
        {
            regionCode = village,
            hukouType = "rural",
            address = "医疗测试路1号",
            members = members.Select((m, i) => new { name = m.Name, idNumber = m.IdNumber, relationship = i == 0 ? "head" : "spouse", monthlyIncome = 0m }),
        };
        var created = await (await township.PostAsJsonAsync("/api/v1/households", body, Ct)).JsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, members);
    }

    /// <summary>Registers the household for monitoring as 低保边缘 (marginal) or 支出型困难 (expenditure).</summary>
    public static async Task MonitorAsync(MinzhengApp app, string householdId, string category = "marginal")
    {
        using var township = await app.ClientAsAsync("township");
        var response = await township.PostAsJsonAsync("/api/v1/monitoring/households", new { householdId, category, reason = "家庭人均收入略高于低保标准" }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<string> HouseholdOfAsync(HttpClient county, string village, string name) =>
        (await (await county.GetAsync($"/api/v1/enrollments?region={village}", Ct)).JsonAsync()).EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == name).GetProperty("householdId").GetString()!;
}
