using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>A household of a test caseload as imported: what the bank file must show for it.</summary>
internal sealed record Payee(string EnrollmentId, string Name, string IdNumber, string Account, decimal Amount);

/// <summary>Builders for payment tests: a fresh village of 甘露镇 with households enrolled by roster import, and payroll requests.</summary>
internal static class PaymentFixtures
{
    private static int _village = 300;
    private static int _household;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new village of 甘露镇, or of the township given (9 digits).</summary>
    public static async Task<string> VillageAsync(MinzhengApp app, string township = "360482100")
    {
        var village = $"{township}{Interlocked.Increment(ref _village)}";
        using var admin = await app.ClientAsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/regions", new { code = village, name = $"发放测试村{village[^3..]}", parentCode = $"{township}000" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return village;
    }

    /// <summary>Enrols one household per amount (2 persons each, from 2026-01) with an account; payees ordered by amount.</summary>
    public static Task<List<Payee>> CaseloadAsync(MinzhengApp app, string village, string programName, params decimal[] amounts) =>
        CaseloadAsync(app, village, programName, amounts.Select(a => (a, true)).ToArray());

    /// <summary>As above; a household without an account has none on record (the bank file cannot pay it; its Account is "").</summary>
    public static async Task<List<Payee>> CaseloadAsync(MinzhengApp app, string village, string programName, (decimal Amount, bool HasAccount)[] households)
    {
        var payees = households.Select((h, i) => (Name: $"发放户{village[^3..]}{(char)('甲' + i)}{Interlocked.Increment(ref _household)}", Id: SqliteRegistryApiTests.NewAdultIdNumber(),
            Account: h.HasAccount ? $"6217{village[^3..]}{i:D9}" : "", h.Amount)).ToList();
        var rows = payees.Select((p, i) => $"{village},{programName},{p.Name},{p.Id},2,2,{p.Amount:0.00},2026-01,{(p.Account.Length > 0 ? "共青城农商银行" : "")},{p.Account},,红光路{i + 10}号,2025-12");
        var csv = Encoding.UTF8.GetBytes(string.Join("\n", [string.Join(",", [.. AssistanceRoster.Headers, AssistanceRoster.PaidThroughHeader]), .. rows]));
        using var county = await app.ClientAsAsync("county");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, csv, "payees.csv")).JsonAsync();
        Assert.Equal(0, staged.GetProperty("errors").GetArrayLength());
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        var list = await (await county.GetAsync($"/api/v1/enrollments?region={village}", Ct)).JsonAsync();
        var ids = list.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("id").GetString()!);
        return payees.OrderBy(p => p.Amount).Select(p => new Payee(ids[p.Name], p.Name, p.Id, p.Account, p.Amount)).ToList();
    }

    public static async Task<HttpResponseMessage> PostPayrollAsync(this HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payrolls") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>
    /// Creates a payroll (county) and, unless told otherwise, has the finance officer approve it, confirming its total as
    /// the page asks when the payroll moved beyond the warning share; returns its id.
    /// </summary>
    public static async Task<string> PayrollAsync(MinzhengApp app, string program, string region, string period, bool approve = true)
    {
        using var county = await app.ClientAsAsync("county");
        var created = await (await county.PostPayrollAsync(new { program, regionCode = region, period }, Guid.NewGuid().ToString())).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        if (approve)
        {
            using var finance = await app.ClientAsAsync("finance");
            var confirm = new { confirmTotal = created.GetProperty("totalAmount").GetDecimal() };
            Assert.Equal(HttpStatusCode.NoContent, (await finance.PostAsJsonAsync($"/api/v1/payrolls/{id}/approve", confirm, Ct)).StatusCode);
        }

        return id;
    }

    public static async Task<List<JsonElement>> LinesAsync(HttpClient client, string payrollId) =>
        (await (await client.GetAsync($"/api/v1/payrolls/{payrollId}/lines?take=1000", Ct)).JsonAsync()).GetProperty("lines").EnumerateArray().ToList();

    public static async Task<HttpResponseMessage> UploadReturnAsync(this HttpClient client, string payrollId, string csv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "return.csv");
        return await client.PostAsync($"/api/v1/payrolls/{payrollId}/returns", form, Ct);
    }
}
