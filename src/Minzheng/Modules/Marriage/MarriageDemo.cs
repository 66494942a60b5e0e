using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Demo;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.Marriage;

/// <summary>
/// Demo data of the register, made through the module's own services as a registrar of the demo county would: marriages
/// over the last year and a half, and divorce applications in every state — in cooling-off, awaiting collection, withdrawn,
/// registered, overdue ones that have lapsed and one ended by a court's revocation — with reissued certificates and a
/// correction. Idempotent: nothing is added once the register has entries.
/// </summary>
public sealed class MarriageDemo(MinzhengDbContext db, PersonalDataProtector protector, DocumentService documents, CalendarService calendars, TimeProvider clock,
    Platform.Auditing.AuditLog audit, ILogger<MarriageDemo> log)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "罗", "熊"];
    private static readonly string[] MenNames = ["伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "华", "建国", "志强", "文博", "浩然"];
    private static readonly string[] WomenNames = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "晓梅", "佳怡", "欣然", "梦琪"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.MarriageRecords.AnyAsync(ct))
        {
            return;
        }

        // The demo registrar's registry: the county bureau of 共青城市.
        var scope = new FixedRegionScope(DemoSeeder.CountyCode[..6]);
        var registry = new MarriageRegistry(db, scope, protector, documents, clock);
        var divorces = new DivorceService(db, scope, registry, calendars, documents, clock);
        var reissues = new MarriageReissues(db, registry, scope, audit, clock);
        var amendments = new MarriageAmendments(db, registry, scope, clock);
        var random = new Random(20260520);
        var today = clock.Today();
        var serial = 0;

        List<MarriagePartyRequest> Couple(int bornFrom)
        {
            serial++;
            var man = Id(new DateOnly(bornFrom + random.Next(0, 8), random.Next(1, 13), random.Next(1, 29)), true, serial);
            var woman = Id(new DateOnly(bornFrom + 1 + random.Next(0, 8), random.Next(1, 13), random.Next(1, 29)), false, serial);
            return [new(Surnames[random.Next(Surnames.Length)] + MenNames[random.Next(MenNames.Length)], man),
                new(Surnames[random.Next(Surnames.Length)] + WomenNames[random.Next(WomenNames.Length)], woman)];
        }

        async Task<List<MarriagePartyRequest>?> MarryAsync(DateOnly on, int bornFrom)
        {
            var parties = Couple(bornFrom);
            var result = await registry.RegisterMarriageAsync(new RegisterMarriageRequest("marriage", Text(on), parties, new MarriageDeclarations(true, true)), ct);
            return result.Value is null ? null : parties;
        }

        // Marriages of the last 18 months (more around 5月20日 and the autumn holidays, as registries see).
        for (var i = 0; i < 36; i++)
        {
            await MarryAsync(today.AddDays(-random.Next(1, 540)), 1990);
        }

        // Cross-border couples (涉外、涉港澳台、华侨): a resident spouse and one identified by a passport or a permit, with the
        // gender and birth date the registrar entered; the last one has applied for a divorce.
        (string IdType, string Number, string? Nationality, string Name)[] crossBorder =
        [
            ("passport", "E" + (48_210_000 + serial).ToString(CultureInfo.InvariantCulture), "USA", "约翰·史密斯"),
            ("passport", "C" + (7_730_000 + serial).ToString(CultureInfo.InvariantCulture), "VNM", "阮文雄"),
            ("passport", "E" + (59_030_000 + serial).ToString(CultureInfo.InvariantCulture), Nationalities.China, "陈家豪"),
            ("hkMacaoPermit", "H" + (60_420_000 + serial).ToString(CultureInfo.InvariantCulture), null, "黄志伟"),
            ("taiwanPermit", (10_360_000 + serial).ToString(CultureInfo.InvariantCulture), null, "林建宏"),
        ];
        List<MarriagePartyRequest>? crossBorderCouple = null;
        foreach (var (idType, number, nationality, name) in crossBorder)
        {
            var wife = Couple(1990)[1];
            crossBorderCouple = [new(name, number, idType, nationality, "male", Text(new DateOnly(1986 + random.Next(0, 8), random.Next(1, 13), random.Next(1, 29)))), wife];
            var result = await registry.RegisterMarriageAsync(new RegisterMarriageRequest("marriage", Text(today.AddDays(-random.Next(20, 400))), crossBorderCouple,
                new MarriageDeclarations(true, true)), ct);
            log.LogDebug("Demo cross-border marriage ({Type}): {Result}", idType, result.Outcome);
        }

        await divorces.ApplyAsync(new DivorceApplicationRequest(Text(today.AddDays(-6)), crossBorderCouple!), ct);

        // Divorce applications, received so many days ago, then what happened: null = nothing yet.
        (int ReceivedDaysAgo, string? Then)[] divorceCases =
        [
            (3, null), (12, null), (25, null), (29, null), (33, null), (41, null), (52, null), (57, null), (62, null),
            (20, "withdraw"), (45, "withdraw-early"), (50, "register"), (58, "register"), (70, "register"), (90, "register"),
            (75, null), (100, null), (130, null), (15, "revoke"),
        ];
        foreach (var (daysAgo, then) in divorceCases)
        {
            var parties = await MarryAsync(today.AddDays(-random.Next(1500, 4000)), 1978);
            if (parties is null)
            {
                continue;
            }

            var received = today.AddDays(-daysAgo);
            // About half the couples have their written agreement entered at 受理 (the others only on paper).
            var agreement = random.Next(2) == 0 ? Agreement(parties, random) : null;
            var applied = (await divorces.ApplyAsync(new DivorceApplicationRequest(Text(received), parties, agreement), ct)).Value;
            if (applied is null)
            {
                continue;
            }

            var result = then switch
            {
                "withdraw" => (await divorces.WithdrawAsync(applied.Id, new WithdrawDivorceRequest(Text(received.AddDays(10)), parties[1].IdNumber), ct)).Outcome.ToString(),
                "withdraw-early" => (await divorces.WithdrawAsync(applied.Id, new WithdrawDivorceRequest(Text(received.AddDays(3)), parties[0].IdNumber), ct)).Outcome.ToString(),
                "register" => (await divorces.RegisterAsync(applied.Id, new RegisterDivorceRequest(Text(Min(applied.CoolingOffEnds.AddDays(random.Next(1, 10)), today))), ct)).Outcome.ToString(),
                "revoke" => (await amendments.RevokeAsync(new RevocationRequest(
                    await db.DivorceApplications.Where(a => a.Id == applied.Id).Select(a => a.MarriageId).SingleAsync(ct), Text(received.AddDays(5)),
                    "voidable", "共青城市人民法院", $"（{received.Year}）赣0482民初{100 + serial}号", Text(received.AddDays(2))), ct)).Outcome.ToString(),
                _ => "",
            };
            log.LogDebug("Demo divorce application {Days} days ago: {Then} {Result}", daysAgo, then, result);
        }

        // Lost certificates come back for reissue: a few marriage certificates, and the divorce certificates of registered divorces.
        var inForce = await db.MarriageRecords.Where(r => r.Kind == MarriageRecordKind.Marriage && db.Set<MarriageBond>().Any(b => b.MarriageId == r.Id))
            .OrderBy(r => r.Date).Take(8).ToListAsync(ct);
        var divorced = await db.MarriageRecords.Where(r => r.Kind == MarriageRecordKind.Divorce).OrderBy(r => r.Date).Take(3).ToListAsync(ct);
        foreach (var record in inForce.Concat(divorced))
        {
            var on = Min(record.Date.AddDays(random.Next(30, 300)), today);
            var applicant = protector.Decrypt(record.PartyAIdCipher, DataPurpose.IdNumber);
            var result = await reissues.ReissueAsync(new ReissueRequest(record.Id, applicant, Text(on), random.Next(3) == 0 ? "证件损毁" : "证件遗失",
                MarriageIdTypes.Code(record.PartyAIdType)), ct);
            log.LogDebug("Demo reissue: {Result}", result.Outcome);
        }

        // Applications whose period to collect ended before today lapse, as the daily job would have marked them.
        var lapsed = await divorces.LapseOverdueAsync(today, ct);
        log.LogInformation("Demo marriage register seeded ({Lapsed} lapsed divorce applications)", lapsed);
    }

    private static readonly string[] ChildNames = ["子涵", "梓萱", "浩宇", "一诺", "思远", "雨桐"];

    /// <summary>A typical agreement: one or two children, support paid by the parent without custody, the flat and the car, a loan.</summary>
    private static DivorceAgreementRequest Agreement(List<MarriagePartyRequest> parties, Random random)
    {
        var (father, mother) = (parties[0].Name!, parties[1].Name!);
        var children = Enumerable.Range(0, random.Next(1, 3)).Select(i => random.Next(2) == 0
            ? new DivorceChildRequest(father[..1] + ChildNames[random.Next(ChildNames.Length)], mother, 800m + (random.Next(0, 8) * 100m), father, "每月探望两次，寒暑假各随父亲生活一周")
            : new DivorceChildRequest(father[..1] + ChildNames[random.Next(ChildNames.Length)], father, 1000m + (random.Next(0, 6) * 100m), mother, "每周末探望一次")).ToList();
        return new DivorceAgreementRequest(children,
            [$"共青城市某小区住房一套归{mother}所有，{mother}向{father}支付房屋折价款{random.Next(10, 30)}万元", $"小型汽车一辆归{father}所有", "双方名下存款各自所有"],
            random.Next(2) == 0 ? $"婚后购房贷款由{mother}负责偿还" : "双方无共同债务");
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Text(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid ID number of the demo county for the birth date; the serial keeps every demo person distinct.</summary>
    private static string Id(DateOnly birth, bool male, int serial)
    {
        var sequence = (serial % 400 * 2) + (male ? 1 : 2);
        var first17 = "360482" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }
}
