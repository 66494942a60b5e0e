using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.Funeral;

/// <summary>
/// Demo data of 殡葬, made through the module's own services as the demo county's funeral staff would: the facilities
/// (the county's 殡仪馆, public cemeteries, an ashes hall), and cremations of the last sixteen months — rural and urban,
/// with and without a fee waiver. None is of a registered resident: the demo caseload stays as social assistance seeded it.
/// Idempotent: nothing is added once there are cremations.
/// </summary>
public sealed class FuneralDemo(MinzhengDbContext db, CremationService cremations, FacilityService facilities, Plots.PlotService plots, Plots.BurialService burials,
    IllegalBurials.IllegalBurialService illegalBurials, ExistingGraves.GraveService graves, ExistingGraves.GraveChanges graveChanges,
    InformationOfficers.OfficerService officers, InformationOfficers.SubsidyService subsidies, Microsoft.Extensions.Options.IOptions<Memorials.MemorialOptions> memorials,
    Platform.Auditing.IAuditContext actor, PersonalDataProtector protector, IServiceProvider services, TimeProvider clock, ILogger<FuneralDemo> log)
{
    public const string FuneralHome = "共青城市殡仪馆";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "罗", "熊"];
    private static readonly string[] Given = ["桂英", "秀英", "玉兰", "德明", "国华", "建华", "金生", "水根", "冬梅", "长春", "福林", "来娣", "志刚", "春花"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Cremations.AnyAsync(ct))
        {
            return;
        }

        (string Name, FacilityKind Kind, string Approval, int Capacity, string Region)[] sites =
        [
            (FuneralHome, FacilityKind.FuneralHome, "赣民字〔2012〕35号", 2000, "360482001000"),
            ("共青城市城市公益性公墓", FacilityKind.UrbanPublicCemetery, "赣民字〔2015〕102号", 1600, "360482100000"),
            ("甘露镇红光村公益性墓地", FacilityKind.RuralPublicCemetery, "共民字〔2019〕8号", 300, "360482100201"),
            ("金湖乡公益性墓地", FacilityKind.RuralPublicCemetery, "共民字〔2020〕3号", 260, "360482200201"),
            ("共青城市骨灰堂", FacilityKind.Columbarium, "共民字〔2021〕11号", 5000, "360482001000"),
        ];
        var cemetery = Guid.Empty;
        var soldPlots = new List<(Guid Plot, DateOnly SoldOn)>();
        foreach (var (name, kind, approval, capacity, region) in sites)
        {
            var added = await facilities.AddAsync(new FacilityRequest(name, InputValues(kind), approval, "2021-06-30", capacity, null, region), ct);
            cemetery = kind == FacilityKind.UrbanPublicCemetery && added.Value is { } c ? c.Id : cemetery;
        }

        // The urban public cemetery's first rows: ashes plots, a few sold with their 墓穴证 (the county reports 1600冢, sold 18),
        // two held for families (预留) who will sign the contract later.
        var reservations = services.GetRequiredService<Plots.PlotReservationService>();
        for (var n = 1; n <= 24 && cemetery != Guid.Empty; n++)
        {
            var plot = await plots.AddAsync(cemetery, new Plots.PlotRequest("福", 1 + ((n - 1) / 8), 1 + ((n - 1) % 8), n % 6 == 0 ? "double" : "single", true,
                n % 6 == 0 ? 1.0m : 0.8m, n % 6 == 0 ? 9800m : 6800m), ct);
            if (plot.Value is { } p && n % 3 == 0)
            {
                var sold = clock.Today().AddDays(-10 * n);
                var sale = await plots.SellAsync(p.Id, new Plots.PlotSaleRequest(Surnames[n % Surnames.Length] + "家属", Id(new DateOnly(1965 + n, 3, 1), true, 60 + n),
                    Text(sold), $"FM{sold:yyyyMM}{n:D3}", 20), ct);
                if (sale.Value is not null)
                {
                    soldPlots.Add((p.Id, sold));
                }
            }
            else if (plot.Value is { } free && n is 4 or 11)
            {
                await reservations.ReserveAsync(free.Id, new Plots.PlotReservationRequest(Surnames[n % Surnames.Length] + "家属", Id(new DateOnly(1958 + n, 6, 1), false, 80 + n),
                    "360482100201", Text(clock.Today().AddDays(-n)), Text(clock.Today().AddDays(10 * n))), ct);
            }
        }

        var villages = DemoSeeder.Regions.Select(r => r.Code).Where(c => !c.EndsWith("000", StringComparison.Ordinal)).ToList();
        var random = new Random(20260330);
        var today = clock.Today();
        var (done, refused) = (0, 0);

        var people = new List<(string Name, string Id, string Region)>();
        var crematedPeople = new List<(string Name, string Id, DateOnly Cremated)>();
        for (var i = 0; i < 60; i++)
        {
            var region = villages[random.Next(villages.Count)];
            var birth = new DateOnly(1928 + random.Next(0, 40), random.Next(1, 13), random.Next(1, 29));
            people.Add((Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)], Id(birth, random.Next(2) == 0, i), region));
        }

        foreach (var (name, id, region) in people)
        {
            var died = today.AddDays(-random.Next(1, 480));
            var cremated = died.AddDays(random.Next(1, 5));
            cremated = cremated > today ? today : cremated;
            var roll = random.Next(100);
            var status = roll < 12 ? FeeWaiverRules.Dibao : roll < 18 ? FeeWaiverRules.Destitute : roll < 22 ? FeeWaiverRules.EntitledGroup : null;
            var days = random.Next(1, 6);
            var result = await cremations.RegisterAsync(new CremationRequest(name, id, Text(died), Text(cremated), FuneralHome, region,
                roll % 9 == 0 ? "accident" : "natural", $"J{died:yyyyMM}{random.Next(10000, 99999)}", Surnames[random.Next(Surnames.Length)] + "先生",
                $"139{random.Next(10000000, 99999999)}", region[9] == '2' ? "rural" : "urban", status,
                status is null ? null : [FeeWaiverRules.Transport, FeeWaiverRules.Storage, FeeWaiverRules.CremationItem, FeeWaiverRules.AshesStorage],
                status is null ? null : days), ct);
            (done, refused) = result.Value is null ? (done, refused + 1) : (done + 1, refused);
            crematedPeople.Add((name, id, cremated));
            if (result.Value is null)
            {
                // A registered resident outside the waiver rules is still cremated, without a waiver.
                var plain = await cremations.RegisterAsync(new CremationRequest(name, id, Text(died), Text(cremated), FuneralHome, region), ct);
                done += plain.Value is null ? 0 : 1;
            }
        }

        // One waived cremation in each of the last four months, so each month's claim to finance has something to claim.
        for (var back = 1; back <= 4; back++)
        {
            var cremated = new DateOnly(today.Year, today.Month, 10).AddMonths(-back);
            await cremations.RegisterAsync(new CremationRequest(Surnames[back] + "德福", Id(new DateOnly(1931, back, 15), true, 70 + back), Text(cremated.AddDays(-2)),
                Text(cremated), FuneralHome, villages[back % villages.Count], "natural", $"J{cremated:yyyyMM}{back:D5}", "家属", "13907920000", "rural", FeeWaiverRules.Dibao,
                [FeeWaiverRules.Transport, FeeWaiverRules.Storage, FeeWaiverRules.CremationItem], 2), ct);
        }

        // Most plots sold this year hold one of the latest cremated; two stay sold and empty.
        var buried = await FuneralDemoBurials.BuryAsync(burials, soldPlots, [.. crematedPeople.OrderByDescending(c => c.Cremated).Take(Math.Max(0, soldPlots.Count - 2))], today, ct);
        if (cemetery != Guid.Empty)
        {
            await FuneralDemoBurials.SeedOldRowAsync(plots, burials, cemetery, Id, today, ct);
            await FuneralDemoReclaims.SeedAsync(services, plots, cemetery, Id, today, ct);
        }

        var cases = await FuneralDemoBurials.SeedCasesAsync(illegalBurials, services.GetRequiredService<IllegalBurials.IllegalBurialNotices>(), villages, today, ct);
        var oldGraves = await FuneralDemoGraves.SeedGravesAsync(graves, graveChanges, villages, today, Id, ct);
        var informants = await FuneralDemoGraves.SeedOfficersAsync(officers, subsidies, villages, today, Id, ct);
        var bookings = await FuneralDemoMemorials.SeedBookingsAsync(db, memorials, protector, today, ct);
        var claims = await FuneralDemoMemorials.SeedClaimsAsync(db, actor, today, ct);
        log.LogInformation("Demo funeral records seeded ({Done} cremations, {Refused} waivers refused, {Buried} burials, {Cases} illegal burial cases, {Graves} old graves, {Officers} officers, {Bookings} memorial bookings, {Claims} waiver claims)",
            done, refused, buried, cases, oldGraves, informants, bookings, claims);
    }

    private static string InputValues(FacilityKind kind) => Platform.Web.InputValues.Code(kind);

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid ID number of the demo county for the birth date; the serial keeps every demo person distinct (9xx sequences, apart from the marriage demo).</summary>
    private static string Id(DateOnly birth, bool male, int serial)
    {
        var sequence = 900 + (serial % 49 * 2) + (male ? 1 : 2);
        var first17 = "360482" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }
}
