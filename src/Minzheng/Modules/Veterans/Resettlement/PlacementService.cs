using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Resettlement;

/// <summary><c>POST /api/v1/veterans/placements</c>: the soldier, service, report day, placement path, and the facts the 退役金 and 安排工作 depend on.</summary>
public sealed record PlacementRequest(string? Name, string? IdNumber, string? RegionCode, string? Path, string? EnlistedOn, string? DischargedOn,
    string? ReportedOn = null, bool? Nco = null, int? FirstClassMerits = null, int? SecondClassMerits = null, int? ThirdClassMerits = null,
    bool? MeritsInWar = null, int? CombatDisabilityGrade = null, bool? MartyrChild = null, decimal? AnnualBase = null, decimal? ProvincialGrant = null,
    string? Employer = null, string? StartedOn = null);

public sealed record PlacementRow(Guid Id, string Name, string IdNumberMasked, string RegionCode, string Path, string PathName, DateOnly DischargedOn,
    DateOnly ReportBy, DateOnly? ReportedOn, bool ReportedLate, decimal DischargePayment, string? Employer, DateOnly? StartedOn, DateOnly? AssignBy = null);

/// <summary>Receives discharged soldiers: the registry person found or created by ID number, the path checked (安排工作 only on a legal ground), the 退役金 calculated.</summary>
public sealed class PlacementService(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, RegionService regions, IConfiguration configuration,
    TimeProvider clock)
{
    public static string PathName(PlacementPath p) => p switch
    {
        PlacementPath.SelfEmployment => "自主就业",
        PlacementPath.AssignedJob => "安排工作",
        PlacementPath.Exam => "考录",
        PlacementPath.Retirement => "退休",
        PlacementPath.Support => "供养",
    };

    public async Task<VeteranResult<PlacementRow>> RecordAsync(PlacementRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var name = TextRules.Field(r.Name, "name", "姓名", VeteranEntitlement.NameMaxLength, errors, required: true);
        IdNumber? id = null;
        if (!IdNumber.TryParse(r.IdNumber, today, out var parsed, out var idError))
        {
            errors.Add("idNumber", $"身份证号（idNumber）无效：{idError}");
        }
        else
        {
            id = parsed;
        }

        if (r.RegionCode is not { } region || !RegionCode.IsValid(region) || !region.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await regions.ExistsAsync(region, ct))
        {
            errors.Add("regionCode", "安置地区划（regionCode）不存在或不在您的管辖范围内");
        }

        var path = InputValues.Parse<PlacementPath>(r.Path, "path", "安置去向（path）应为 self-employment（自主就业）、assigned-job（安排工作）、exam（考录）、retirement（退休）或 support（供养）", errors);
        var selfEmployed = path == PlacementPath.SelfEmployment;
        var (answer, discharge) = DischargeEndpoints.Answer(new DischargeRequest(r.EnlistedOn, r.DischargedOn, r.FirstClassMerits, r.SecondClassMerits, r.ThirdClassMerits,
            selfEmployed ? r.AnnualBase : r.AnnualBase ?? 0, selfEmployed ? r.ProvincialGrant : 0, r.Nco, r.MeritsInWar, r.CombatDisabilityGrade, r.MartyrChild), configuration, today);
        foreach (var (field, messages) in discharge.ToDictionary())
        {
            foreach (var m in messages)
            {
                errors.Add(field, m);
            }
        }

        var reported = EntitlementInput.Date(r.ReportedOn, "reportedOn", "报到日期", today, errors);
        if (reported is { } rep && answer is not null && rep < answer.Payment.ReportBy.AddDays(-DischargePaymentCalculator.ReportWithinDays))
        {
            errors.Add("reportedOn", "报到日期（reportedOn）不能早于退出现役日期");
        }

        if (answer is not null && path == PlacementPath.AssignedJob && answer.AssignedJobGrounds.Count == 0)
        {
            errors.Add("path", "不符合安排工作条件（士官满12年、平时二等功或战时三等功以上、因战致残5至8级、烈士子女），应选择自主就业等其他方式");
        }

        var employer = TextRules.Field(r.Employer, "employer", "接收单位", SoldierPlacement.EmployerMaxLength, errors);
        var started = EntitlementInput.Date(r.StartedOn, "startedOn", "上岗日期", today, errors);
        if (errors.Any)
        {
            return VeteranResult<PlacementRow>.Invalid(errors);
        }

        var index = protector.BlindIndex(id!.Value.Value, DataPurpose.IdNumber);
        var dischargedOn = answer!.Payment.ReportBy.AddDays(-DischargePaymentCalculator.ReportWithinDays);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await db.Persons.AcrossRegions("an ID number belongs to one person nationwide").SingleOrDefaultAsync(p => p.IdNumberIndex == index, ct);
        if (person is not null && await db.VeteranPlacements.AcrossRegions("a soldier is received once per discharge, wherever")
                .AnyAsync(p => p.PersonId == person.Id && p.DischargedOn == dischargedOn, ct))
        {
            return VeteranResult<PlacementRow>.Refused(Outcome.Conflict, "该退役士兵本次退役已登记安置，请勿重复登记");
        }

        if (person is null)
        {
            person = new Person
            {
                Name = name!,
                IdNumberCipher = protector.Encrypt(id.Value.Value, DataPurpose.IdNumber),
                IdNumberIndex = index,
                IdNumberMasked = id.Value.Masked,
                Gender = id.Value.Gender,
                BirthDate = id.Value.BirthDate,
                RegionCode = r.RegionCode!,
            };
            db.Persons.Add(person);
        }

        var placement = new SoldierPlacement
        {
            RegionCode = r.RegionCode!,
            PersonId = person.Id,
            Name = name!,
            IdNumberMasked = id.Value.Masked,
            Nco = r.Nco == true,
            EnlistedOn = InputValues.TryParseDate(r.EnlistedOn, out var e) ? e : default,
            DischargedOn = dischargedOn,
            ReportedOn = reported,
            Path = path,
            DischargePayment = selfEmployed ? answer.Payment.Total : 0,
            Employer = employer,
            StartedOn = started,
            Grounds = answer.AssignedJobGrounds.Count > 0 ? string.Join("；", answer.AssignedJobGrounds) : null,
        };
        db.VeteranPlacements.Add(placement);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return VeteranResult<PlacementRow>.Done(Row(placement));
    }

    public async Task<List<PlacementRow>> ListAsync(string? path, CancellationToken ct)
    {
        var q = db.VeteranPlacements.AsNoTracking();
        if (Enum.TryParse<PlacementPath>(path?.Replace("-", "", StringComparison.Ordinal), true, out var p))
        {
            q = q.Where(x => x.Path == p);
        }

        return [.. (await q.OrderByDescending(x => x.DischargedOn).Take(1000).ToListAsync(ct)).Select(Row)];
    }

    public static PlacementRow Row(SoldierPlacement p)
    {
        var due = p.DischargedOn.AddDays(DischargePaymentCalculator.ReportWithinDays);
        return new(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, InputValues.Code(p.Path), PathName(p.Path), p.DischargedOn, due, p.ReportedOn,
            p.ReportedOn is { } r ? r > due : false, p.DischargePayment, p.Employer, p.StartedOn,
            p.Path == PlacementPath.AssignedJob ? PlacementProgress.AssignBy(p) : null);
    }
}
