using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Modules.SocialAssistance.Monitoring;
using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;

namespace Minzheng.Modules.SocialAssistance.Demo;

/// <summary>
/// Demo verification work through the real services: a cadre's relative among the beneficiaries and one among the
/// applicants, an economic-status list naming a car and a pension, tip-offs (one overdue), households under
/// low-income monitoring and the early-warning scan over the county.
/// </summary>
public sealed class DemoVerification(MinzhengDbContext db, PersonalDataProtector protector, RelativeRegister relatives, StagedImports imports,
    TipOffService tipOffs, MonitoringService monitoring, TimeProvider clock)
{
    private const string Township = "360482100";

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.StaffRelatives.AnyAsync(ct) || await db.TipOffs.AnyAsync(ct))
        {
            return;
        }

        var enrolled = await db.Enrollments.Where(e => e.RegionCode.StartsWith(Township) && e.Status == EnrollmentStatus.Active && e.Program == "rural-dibao")
            .OrderBy(e => e.Id).Take(3).Join(db.Persons, e => e.PersonId, p => p.Id, (e, p) => new { e.HouseholdId, e.RegionCode, p.Name, p.IdNumberCipher }).ToListAsync(ct);
        var applicant = await db.Cases.Where(c => c.RegionCode.StartsWith(Township) && c.Status == CaseStatus.Accepted)
            .Join(db.Persons, c => c.ApplicantPersonId, p => p.Id, (c, p) => new { c.RegionCode, p.Name, p.IdNumberCipher }).FirstOrDefaultAsync(ct);
        if (enrolled.Count < 3)
        {
            return;
        }

        string Id(string cipher) => protector.Decrypt(cipher, DataPurpose.IdNumber);
        await relatives.AddAsync(new RelativeRequest(enrolled[0].RegionCode, "刘建国", "村委会委员", enrolled[0].Name, Id(enrolled[0].IdNumberCipher), "兄弟姐妹"), ct);
        if (applicant is not null)
        {
            await relatives.AddAsync(new RelativeRequest(applicant.RegionCode, "陈志强", "村党支部书记", applicant.Name, Id(applicant.IdNumberCipher), "子女"), ct);
        }

        var today = clock.Today();
        string Day(int months) => today.AddMonths(months).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var list = string.Join("\n", string.Join(",", CheckListImport.EconomicHeaders),
            $"{Id(enrolled[1].IdNumberCipher)},{enrolled[1].Name},车辆,赣G·3K721 小型普通客车,,{Day(-2)},公安交管",
            $"{Id(enrolled[2].IdNumberCipher)},{enrolled[2].Name},养老金,城乡居民基本养老保险,153.00,{Day(-1)},人社局");
        var staged = await imports.StageAsync(CheckListImport.EconomicKind, "经济状况核对数据.csv", Encoding.UTF8.GetBytes(list), ct);
        await imports.CommitAsync(staged, ct);

        var (late, _) = await tipOffs.CreateAsync(new TipOffRequest("phone", today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, enrolled[1].HouseholdId, enrolled[1].Name,
            "反映该户家中有小轿车，仍享受低保", "群众", "13907921234"), ct);
        await tipOffs.ActAsync(late!.Id, "investigate", new TipOffActionRequest("安排乡镇民政办两人入户核查", null), "township", [Roles.Township], ct);
        var (done, _) = await tipOffs.CreateAsync(new TipOffRequest("box", today.AddDays(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, enrolled[2].HouseholdId, enrolled[2].Name,
            "匿名反映该户子女在外务工收入较高", null, null), ct);
        await tipOffs.ActAsync(done!.Id, "conclude", new TipOffActionRequest("入户核查：子女均已分户，收入不计入本户", "unsubstantiated"), "township", [Roles.Township], ct);

        var unenrolled = await db.Households.Where(h => h.RegionCode.StartsWith(Township) && !db.Set<Enrollments.Enrollment>().Any(e => e.HouseholdId == h.Id))
            .OrderBy(h => h.Id).Select(h => h.Id).Take(2).ToListAsync(ct);
        foreach (var (household, i) in unenrolled.Select((h, i) => (h, i)))
        {
            await monitoring.RegisterAsync(i == 0
                ? new MonitorRequest(household, "marginal", "家庭人均收入略高于低保标准，主要劳动力收入不稳定", null)
                : new MonitorRequest(household, "expenditure", "家庭成员患重病，长期住院治疗", 38_600m), ct);
        }

        await monitoring.ScanAsync("360482", ct);
    }
}
