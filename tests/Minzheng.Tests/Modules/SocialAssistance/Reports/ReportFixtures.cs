using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Modules.SocialAssistance.Reports;

/// <summary>One enrolment of a constructed caseload: programme name, household size, covered persons, amount, start month.</summary>
internal sealed record Enrolment(string Program, int Size, int Covered, decimal Amount, string Start);

/// <summary>Builders for report tests: a fresh village of 甘露镇 (under 360482100000) with a caseload of known shape.</summary>
internal static class ReportFixtures
{
    private static int _village = 700;
    private static int _household;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> VillageAsync(MinzhengApp app, string township = "360482100000")
    {
        var village = township[..9] + Interlocked.Increment(ref _village).ToString("D3", null);
        using var admin = await app.ClientAsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/regions", new { code = village, name = $"统计测试村{village[^3..]}", parentCode = township }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return village;
    }

    /// <summary>已发放至 of a household that no earlier system paid: the month before its start (payrolls here pay every month).</summary>
    private static string PaidBefore(string start) =>
        DateOnly.ParseExact(start + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1)
            .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Imports the enrolments into the village (one household each) and returns their ids in the given order.</summary>
    public static async Task<List<string>> EnrolAsync(MinzhengApp app, string village, params Enrolment[] enrolments)
    {
        var names = enrolments.Select(_ => $"统计户{village[^3..]}{Interlocked.Increment(ref _household)}").ToList();
        var rows = enrolments.Select((e, i) =>
            $"{village},{e.Program},{names[i]},{SqliteRegistryApiTests.NewAdultIdNumber()},{e.Size},{e.Covered},{e.Amount:0.00},{e.Start},,,,,{PaidBefore(e.Start)}");
        var csv = Encoding.UTF8.GetBytes(string.Join("\n", [string.Join(",", [.. AssistanceRoster.Headers, AssistanceRoster.PaidThroughHeader]), .. rows]));
        using var county = await app.ClientAsAsync("county");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, csv, "report.csv")).JsonAsync();
        Assert.Equal(0, staged.GetProperty("errors").GetArrayLength());
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        var list = await (await county.GetAsync($"/api/v1/enrollments?region={village}", Ct)).JsonAsync();
        var ids = list.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("id").GetString()!);
        return names.Select(n => ids[n]).ToList();
    }

    /// <summary>
    /// A village whose first half of 2026 is known: A before the period and staying; B cancelled in March (income);
    /// C new in February; D new in March and dead in May (new and cancelled, not in stock); E after the period; F
    /// cancelled from July (still in stock at June); G raised from August (June's amount is the old one).
    /// </summary>
    public static async Task<(string Village, List<string> Ids)> HalfYearVillageAsync(MinzhengApp app)
    {
        var village = await VillageAsync(app);
        var ids = await EnrolAsync(app, village,
            new("农村低保", 3, 3, 500m, "2025-10"), new("农村低保", 2, 2, 400m, "2025-12"), new("农村低保", 2, 1, 300m, "2026-02"),
            new("农村低保", 1, 1, 200m, "2026-03"), new("城市低保", 4, 4, 800m, "2026-07"), new("农村低保", 2, 2, 250m, "2025-06"),
            new("农村低保", 2, 2, 600m, "2026-01"));
        await ActAsync(app, ids[1], "terminate", new { fromMonth = "2026-03", reason = "income-above-standard" });
        await ActAsync(app, ids[3], "terminate", new { fromMonth = "2026-05", reason = "death" });
        await ActAsync(app, ids[5], "terminate", new { fromMonth = "2026-07", reason = "moved-away" });
        await ActAsync(app, ids[6], "adjust", new { fromMonth = "2026-08", monthlyAmount = 700m });
        return (village, ids);
    }

    public static async Task ActAsync(MinzhengApp app, string enrollmentId, string action, object body)
    {
        using var county = await app.ClientAsAsync("county");
        var response = await county.PostAsJsonAsync($"/api/v1/enrollments/{enrollmentId}/{action}", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<JsonElement> SummaryAsync(HttpClient client, string region, string from, string to) =>
        await (await client.GetAsync($"/api/v1/reports/assistance-summary?region={region}&from={from}&to={to}", Ct)).JsonAsync();

    public static JsonElement Program(JsonElement summary, string code) =>
        summary.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("program").GetString() == code);

    /// <summary>
    /// Records a decided one-off case (临时救助/医疗救助) for an enrolled household directly: the report reads decided
    /// cases, and the statutory procedure that leads to a decision is tested with the casework.
    /// </summary>
    public static Task OneOffCaseAsync(MinzhengApp app, string enrollmentId, string program, DateOnly decidedOn, int persons, decimal amount,
        decimal? fromReserve = null, string? category = null, string? place = null, bool individual = false) => app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<MinzhengDbContext>();
            var enrollment = await db.Enrollments.FindAsync([Guid.Parse(enrollmentId)], Ct);
            var c = new AssistanceCase
            {
                RegionCode = enrollment!.RegionCode,
                Program = program,
                HouseholdId = enrollment.HouseholdId,
                ApplicantPersonId = enrollment.PersonId,
                Status = CaseStatus.Approved,
                AppliedOn = decidedOn.AddDays(-3),
                DecidedOn = decidedOn,
                StartMonth = new DateOnly(decidedOn.Year, decidedOn.Month, 1),
                CoveredPersons = persons,
                MonthlyAmount = amount,
                EmergencyAmount = fromReserve,
                TemporaryCategory = program == "temporary" ? category ?? "expenditure" : null,
                AidPlace = program == "temporary" ? place ?? "hukou" : null,
                IndividualAid = individual,
            };
            db.Cases.Add(c);
            if (fromReserve is { } reserve)
            {
                db.ReserveFund.Add(new ReserveFundEntry { RegionCode = ReserveFundService.TownshipOf(c.RegionCode), Date = decidedOn.AddDays(-2), Amount = -reserve, CaseId = c.Id, Note = "先行救助" });
            }

            await db.SaveChangesAsync(Ct);
            return 0;
        });
}
