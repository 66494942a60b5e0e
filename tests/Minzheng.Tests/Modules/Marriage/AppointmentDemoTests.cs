using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Modules.Marriage.Marriages.Appointments;
using Minzheng.Platform.Data;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>The demo registry's timetable and bookings, made through the module's services: every state a daily list shows.</summary>
public sealed class AppointmentDemoTests(MarriageDemoApp app) : IClassFixture<MarriageDemoApp>
{
    [Fact]
    public async Task DemoBookings_CoverEveryState_AndTheTimetableHasTheSpecialDays()
    {
        var ct = TestContext.Current.CancellationToken;
        var today = Minzheng.Platform.Calendar.ChinaTime.Today(TimeProvider.System);
        var shown = await app.WithScopeAsync(async sp => (await sp.GetRequiredService<MinzhengDbContext>().Set<MarriageAppointment>().ToListAsync(ct))
            .Select(a => a.ShownStatus(today)).ToList());
        Assert.InRange(shown.Count, 20, 200);
        foreach (var status in new[] { "booked", "done", "cancelled", "no-show" })
        {
            Assert.Contains(status, shown);
        }

        using var head = await app.ClientAsAsync("marriagehead");
        var settings = await (await head.GetAsync("/api/v1/marriage/appointment-settings", ct)).JsonAsync();
        var days = settings.GetProperty("specialDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(["2026-05-20", "2026-08-19", "2027-05-20", "2027-08-08"], days);
        using var citizen = app.CreateClient();
        var registries = await (await citizen.GetAsync("/api/v1/public/marriage/registries", ct)).JsonAsync();
        Assert.Equal("共青城市婚姻登记处", registries[0].GetProperty("name").GetString());
    }
}
