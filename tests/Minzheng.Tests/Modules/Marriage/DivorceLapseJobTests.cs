using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Minzheng.Modules.Marriage;
using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>An app whose clock stands at noon China time on 2026-03-02 (a Monday) until a test moves it.</summary>
public sealed class MarriageClockApp : SqliteApp
{
    public MarriageClockApp() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero));
}

/// <summary>The daily job marks applications nobody came to collect as lapsed (视为撤回), on a fake clock.</summary>
public sealed class DivorceLapseJobTests(MarriageClockApp app) : IClassFixture<MarriageClockApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LapseJob_AfterCollectBy_MarksTheApplicationLapsed_AndRegistrationIsRefused()
    {
        using var client = await app.ClientAsAsync("marriage");
        var (man, woman) = (MarriageIds.Man(1985), MarriageIds.Woman(1987));
        var parties = new[] { new { name = "赵刚", idNumber = man }, new { name = "钱红", idNumber = woman } };
        await (await client.PostAsJsonAsync("/api/v1/marriage/registrations",
            new { kind = "marriage", date = "2015-10-01", parties, declarations = new { noSpouse = true, noProhibitedKinship = true } }, Ct)).JsonAsync(HttpStatusCode.Created);
        var applied = await (await client.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { receivedOn = "2026-03-02", parties }, Ct)).JsonAsync(HttpStatusCode.Created);
        var id = Guid.Parse(applied.GetProperty("id").GetString()!);
        Assert.Equal("2026-05-06", applied.GetProperty("collectBy").GetString());

        app.AdvanceDays(66); // 2026-05-07, past the period to collect
        DivorceApplicationStatus status = default;
        for (var attempt = 0; attempt < 100 && status != DivorceApplicationStatus.Lapsed; attempt++)
        {
            await Task.Delay(100, Ct);
            status = await app.WithScopeAsync(sp => sp.GetRequiredService<MinzhengDbContext>().DivorceApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync(Ct));
        }

        Assert.Equal(DivorceApplicationStatus.Lapsed, status);
        using var again = await app.ClientAsAsync("marriage");
        var refused = await (await again.PostAsJsonAsync($"/api/v1/marriage/divorce-applications/{id}/register", new { date = "2026-05-07" }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("视为撤回", refused.GetProperty("detail").GetString());
        // A new application of the same couple is possible again.
        await (await again.PostAsJsonAsync("/api/v1/marriage/divorce-applications", new { receivedOn = "2026-05-07", parties }, Ct)).JsonAsync(HttpStatusCode.Created);
    }
}
