using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Modules.Veterans.Visits;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Veterans;

/// <summary>
/// The demo's care for entitled persons: a few 困难优抚对象 — elderly people of the assistance caseload who got 临时救助 or
/// 医疗救助 this year are also 带病回乡退伍军人 — so the 优抚 statistics count their aid apart; and this year's
/// 走访慰问 with half the visits recorded and the rest still open.
/// </summary>
public sealed class VeteransDemoCare(MinzhengDbContext db, EntitlementService entitlements, VisitService visits, IGrantedAid grantedAid,
    PersonalDataProtector protector)
{
    public async Task<int> AidedVeteransAsync(DateOnly today, CancellationToken ct)
    {
        var aided = (await grantedAid.ToPersonsAsync(db.Persons.Select(p => p.Id), DemoSeeder.CountyCode[..6], today.AddMonths(-12), today, ct))
            .Select(a => a.PersonId).Distinct().ToList();
        var bornBy = today.AddYears(-45);
        var persons = await db.Persons.AsNoTracking().Where(p => aided.Contains(p.Id) && p.BirthDate <= bornBy && p.DeathDate == null)
            .OrderBy(p => p.Id).Take(6).Select(p => new { p.Name, p.IdNumberCipher, p.RegionCode, p.BirthDate }).ToListAsync(ct);
        var registered = 0;
        foreach (var p in persons)
        {
            var enlisted = p.BirthDate.AddYears(19);
            var result = await entitlements.RegisterAsync(new EntitlementRequest(p.Name, protector.Decrypt(p.IdNumberCipher, DataPurpose.IdNumber), p.RegionCode,
                "ill-returnee", EnlistedOn: Text(enlisted), DischargedOn: Text(enlisted.AddYears(3)), Unit: "某部", CertificateNumber: $"赣优字第{2000 + registered}号",
                StartMonth: $"{today.Year - 1:D4}-01", Rural: true, BankName: "共青城农商银行", BankAccount: $"62170037{registered:D8}"), ct);
            registered += result.Value is null ? 0 : 1;
        }

        return registered;
    }

    /// <summary>
    /// This year's latest 走访慰问 of the county — 八一 once it is past, else 元旦春节 — every second person visited around the
    /// day (by their township), the rest still to do.
    /// </summary>
    public async Task<int> VisitsAsync(DateOnly today, CancellationToken ct)
    {
        var armyDay = today >= new DateOnly(today.Year, 8, 10);
        var (name, occasion, first) = armyDay
            ? ($"{today.Year}年八一走访慰问", "army-day", new DateOnly(today.Year, 7, 25))
            : ($"{today.Year}年元旦春节走访慰问", "spring-festival", new DateOnly(today.Year, 1, 10));
        var created = await visits.CreateAsync(new CampaignRequest(name, occasion, DemoSeeder.CountyCode[..6], 500m, "米、油"), ct);
        if (created.Value is not { } campaign)
        {
            return 0;
        }

        var rows = await db.VeteranVisits.AsNoTracking().Where(v => v.CampaignId == campaign.Id).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
        var visited = 0;
        foreach (var (id, i) in rows.Select((id, i) => (id, i)).Where(x => x.i % 2 == 0))
        {
            var on = first.AddDays(i % 15);
            var result = await visits.RecordAsync(campaign.Id, id, new VisitRequest(Text(on > today ? today : on), i % 4 == 0 ? "乡镇民政办" : "县民政局、村委会"), ct);
            visited += result.Outcome == Platform.Kernel.Outcome.Done ? 1 : 0;
        }

        return visited;
    }

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
