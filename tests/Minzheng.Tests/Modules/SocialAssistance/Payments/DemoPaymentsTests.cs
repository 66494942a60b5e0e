using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Minzheng.Tests.Modules.SocialAssistance.Payments;

public sealed class DemoPayrollApp : SqliteApp
{
    public DemoPayrollApp() => WithPayrolls = true;
}

/// <summary>The demo county's payments are made through the real services: a reconciled month, a month to approve, a re-issue.</summary>
public sealed class DemoPaymentsTests(DemoPayrollApp app) : IClassFixture<DemoPayrollApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_HasAReconciledMonth_AMonthToApprove_AndAReissue()
    {
        // The month the demo was seeded in, by the app's own clock (never the machine's, which may tick over midnight meanwhile).
        var thisMonth = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8);
        string Month(int back) => thisMonth.AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var finance = await app.ClientAsAsync("finance");
        var payrolls = (await (await finance.GetAsync("/api/v1/payrolls?program=rural-dibao", Ct)).JsonAsync()).EnumerateArray().ToList();
        var pending = Assert.Single(payrolls, p => p.GetProperty("period").GetString() == Month(1));
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.True(pending.GetProperty("households").GetInt32() > 10);
        var older = payrolls.Where(p => p.GetProperty("period").GetString() == Month(2)).ToList();
        Assert.Equal(["regular", "supplementary"], older.Select(p => p.GetProperty("kind").GetString()).Order());
        Assert.All(older, p => Assert.Equal("approved", p.GetProperty("status").GetString()));

        var ledger = (await (await finance.GetAsync($"/api/v1/payments/ledger?program=rural-dibao&from={Month(2)}&to={Month(2)}", Ct)).JsonAsync()).EnumerateArray().ToList();
        decimal Sum(string column) => ledger.Sum(r => r.GetProperty(column).GetDecimal());
        Assert.Equal(Sum("due"), Sum("paid") + Sum("failed") + Sum("pending"));
        Assert.Equal(0m, Sum("failed")); // the refused transfer was re-issued; its re-issue awaits the bank's answer
        Assert.True(Sum("pending") > 0);
        Assert.True(Sum("paid") > 0);
        var quarterly = (await (await finance.GetAsync("/api/v1/payrolls?program=destitute-dispersed", Ct)).JsonAsync()).EnumerateArray();
        Assert.Contains(quarterly, p => p.GetProperty("period").GetString()!.Contains("-Q", StringComparison.Ordinal));
    }
}
