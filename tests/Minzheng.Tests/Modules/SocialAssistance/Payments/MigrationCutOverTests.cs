using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.SocialAssistance.Imports;
using static Minzheng.Tests.Modules.SocialAssistance.Payments.PaymentFixtures;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

/// <summary>
/// A roster import is a migration (DESIGN §5, 已发放至): no payroll pays a month the old system paid — by default every
/// month before the import — neither as a regular line nor as back-pay.
/// </summary>
public abstract class MigrationCutOverTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : MinzhengApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly ThisMonth()
    {
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8));
        return new DateOnly(today.Year, today.Month, 1);
    }

    private static string Month(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, string>> ImportAsync(string village, params (string Name, string Start, string PaidThrough)[] rows)
    {
        var header = string.Join(",", [.. AssistanceRoster.Headers, AssistanceRoster.PaidThroughHeader]);
        var lines = rows.Select(r => $"{village},农村低保,{r.Name},{SqliteRegistryApiTests.NewAdultIdNumber()},2,2,500.00,{r.Start},,,,,{r.PaidThrough}");
        using var county = await app.ClientAsAsync("county");
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, Encoding.UTF8.GetBytes(string.Join("\n", [header, .. lines])), "cut.csv")).JsonAsync();
        Assert.Equal(0, staged.GetProperty("errors").GetArrayLength());
        await (await county.PostAsync($"/api/v1/imports/{staged.GetProperty("id").GetString()}/commit", null, Ct)).JsonAsync();
        var list = await (await county.GetAsync($"/api/v1/enrollments?region={village}", Ct)).JsonAsync();
        return list.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task ImportedHouseholds_AreNotPaidAgain_ForMonthsTheOldSystemPaid()
    {
        var (now, last, before) = (ThisMonth(), ThisMonth().AddMonths(-1), ThisMonth().AddMonths(-2));
        var village = await VillageAsync(app);
        var suffix = village[^3..];
        // A household already paid here last month, so last month's payroll covers the village before the migration.
        await ImportAsync(village, ($"切换老户{suffix}", Month(before), Month(before.AddMonths(-1))));
        await PayrollAsync(app, "rural-dibao", village, Month(last));

        // Migrated now: one with the default (paid through last month), one the old system paid only up to the month before.
        var ids = await ImportAsync(village, ($"切换默认{suffix}", Month(before), ""), ($"切换欠发{suffix}", Month(before), Month(before)));
        var payroll = await PayrollAsync(app, "rural-dibao", village, Month(now), approve: false);
        using var county = await app.ClientAsAsync("county");
        var lines = await LinesAsync(county, payroll);

        var byDefault = lines.Where(l => l.GetProperty("enrollmentId").GetString() == ids[$"切换默认{suffix}"]).ToList();
        Assert.Equal([("regular", Month(now))], byDefault.Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("month").GetString())));
        var owed = lines.Where(l => l.GetProperty("enrollmentId").GetString() == ids[$"切换欠发{suffix}"])
            .Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("month").GetString())).Order().ToList();
        Assert.Equal([("arrears", Month(last)), ("regular", Month(now))], owed);
    }

    [Fact]
    public async Task PaidThrough_IsCheckedPerRow_AndAnUnknownThirteenthColumnIsRefused()
    {
        var village = await VillageAsync(app);
        using var county = await app.ClientAsAsync("county");
        var header = string.Join(",", [.. AssistanceRoster.Headers, AssistanceRoster.PaidThroughHeader]);
        var rows = $"{village},农村低保,切换甲,{SqliteRegistryApiTests.NewAdultIdNumber()},2,2,500.00,2026-01,,,,,2026-13\n"
            + $"{village},农村低保,切换乙,{SqliteRegistryApiTests.NewAdultIdNumber()},2,2,500.00,2026-01,,,,,{Month(ThisMonth().AddMonths(1))}";
        var staged = await (await county.UploadImportAsync(AssistanceRoster.Kind, Encoding.UTF8.GetBytes(header + "\n" + rows), "bad.csv")).JsonAsync();
        var errors = staged.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([2, 3], errors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.All(errors, e => Assert.Equal("已发放至", e.GetProperty("column").GetString()));

        var wrong = string.Join(",", [.. AssistanceRoster.Headers, "已发至"]) + "\n" + rows;
        var refused = await (await county.UploadImportAsync(AssistanceRoster.Kind, Encoding.UTF8.GetBytes(wrong), "wrong.csv")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("已发放至", refused.GetProperty("detail").GetString());
    }
}

public sealed class SqliteMigrationCutOverTests(SqliteApp app) : MigrationCutOverTests<SqliteApp>(app);

public sealed class PostgresMigrationCutOverTests(PostgresApp app) : MigrationCutOverTests<PostgresApp>(app);
