using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.Veterans.Standards;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Entitlements;

/// <summary>How a step ended: the value when done, else field errors (422 in this module) or the outcome's reason.</summary>
public sealed record VeteranResult<T>(Outcome Outcome, T? Value, FieldErrors Errors, string? Message)
{
    public static VeteranResult<T> Done(T value) => new(Outcome.Done, value, new FieldErrors(), null);

    public static VeteranResult<T> Invalid(FieldErrors errors) => new(Outcome.Invalid, default, errors, string.Join("；", errors.Messages));

    public static VeteranResult<T> Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Invalid(errors);
    }

    public static VeteranResult<T> Refused(Outcome outcome, string message) => new(outcome, default, new FieldErrors(), message);
}

public sealed record DeathRequest(string? DeathDate, string? Note);

public sealed record DeathResult(string StopFrom, decimal FuneralAid, string Explanation);

/// <summary>
/// Registers 优抚对象 (the registry person found or created by ID number, the entitlement, and — when a standard is in
/// force — the enrolment in the payroll) and records deaths (payment stops, funeral aid once), each in one transaction.
/// </summary>
public sealed class EntitlementService(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, RegionService regions,
    IBenefitEnrolments benefits, TimeProvider clock)
{
    public async Task<VeteranResult<CreatedEntitlement>> RegisterAsync(EntitlementRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var valid = EntitlementInput.Validate(request, clock.Today(), errors);
        if (valid is not null && (!valid.RegionCode.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await regions.ExistsAsync(valid.RegionCode, ct)))
        {
            errors.Add("regionCode", "所在区划（regionCode）不存在或不在您的管辖范围内");
        }

        if (errors.Any)
        {
            return VeteranResult<CreatedEntitlement>.Invalid(errors);
        }

        var index = protector.BlindIndex(valid!.Id.Value, DataPurpose.IdNumber);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await db.Persons.AcrossRegions("an ID number belongs to one person nationwide, whichever region registered it")
            .SingleOrDefaultAsync(p => p.IdNumberIndex == index, ct);
        if (person is { DeathDate: not null })
        {
            return VeteranResult<CreatedEntitlement>.Refused(Outcome.Conflict, $"该人员已于{person.DeathDate:yyyy-MM-dd}死亡，不能登记为优抚对象");
        }

        if (person is not null && await db.VeteranEntitlements.AcrossRegions("one active entitlement per category, wherever it was registered")
                .AnyAsync(x => x.PersonId == person.Id && x.Category == valid.Category.Code && x.Status == EntitlementStatus.Active, ct))
        {
            return VeteranResult<CreatedEntitlement>.Refused(Outcome.Conflict, $"该人员已是在册的“{valid.Category.Name}”优抚对象，同一类别不能重复登记");
        }

        if (person is null)
        {
            person = new Person
            {
                Name = valid.Name,
                IdNumberCipher = protector.Encrypt(valid.Id.Value, DataPurpose.IdNumber),
                IdNumberIndex = index,
                IdNumberMasked = valid.Id.Masked,
                Gender = valid.Id.Gender,
                BirthDate = valid.Id.BirthDate,
                RegionCode = valid.RegionCode,
            };
            db.Persons.Add(person);
        }

        var entitlement = new VeteranEntitlement
        {
            RegionCode = valid.RegionCode,
            PersonId = person.Id,
            Name = valid.Name,
            IdNumberMasked = valid.Id.Masked,
            Rural = valid.Rural,
            Category = valid.Category.Code,
            DisabilityGrade = valid.Grade,
            DisabilityNature = valid.Nature,
            EnlistedOn = valid.EnlistedOn,
            DischargedOn = valid.DischargedOn,
            Unit = valid.Unit,
            FirstClassMerits = valid.First,
            SecondClassMerits = valid.Second,
            ThirdClassMerits = valid.Third,
            CertificateNumber = valid.Certificate,
            StartMonth = valid.StartMonth,
        };
        db.VeteranEntitlements.Add(entitlement);
        try
        {
            await db.SaveChangesAsync(ct);
            var standards = await db.VeteranStandards.AsNoTracking().AcrossRegions("a provincial standard governs the county's entitlements")
                .Where(s => s.Category == entitlement.Category).ToListAsync(ct);
            await EnrolAsync(entitlement, standards, entitlement.StartMonth, valid.BankName, valid.BankAccount, ct);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            return VeteranResult<CreatedEntitlement>.Refused(e.Outcome, e.Message);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            return VeteranResult<CreatedEntitlement>.Refused(Outcome.Conflict, "该人员同时被登记为同一类别的优抚对象，请刷新后查看");
        }

        await tx.CommitAsync(ct);
        return VeteranResult<CreatedEntitlement>.Done(new CreatedEntitlement(entitlement.Id, entitlement.EnrollmentId, entitlement.MonthlyAmount));
    }

    /// <summary>
    /// Enrols the entitlement in its programme from <paramref name="from"/> (or the first standard's month, if later) at the
    /// standard then in force, and moves the amount by every later standard, each as an adjustment from its month, so every
    /// month is paid at its own standard. Nothing happens while no standard governs it (待核定标准). The caller's transaction.
    /// </summary>
    internal async Task EnrolAsync(VeteranEntitlement entitlement, IReadOnlyList<VeteranStandard> standards, DateOnly from, string? bankName, string? bankAccount,
        CancellationToken ct)
    {
        var changes = standards.Select(s => s.EffectiveMonth).Where(m => m > from).Append(from).Distinct().Order()
            .Select(m => (Month: m, Standard: PensionCalculator.InForce(standards, entitlement.Category, entitlement.DisabilityGrade, entitlement.DisabilityNature,
                entitlement.RegionCode, m)))
            .Where(x => x.Standard is not null).ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var program = VeteranCategories.ByCode(entitlement.Category)!.Program;
        PensionCalculation? calculation = null;
        foreach (var (month, standard) in changes)
        {
            var next = PensionCalculator.Compute(entitlement.Category, entitlement.DisabilityGrade, entitlement.DisabilityNature, standard!);
            if (calculation is null)
            {
                entitlement.EnrollmentId = await benefits.EnrolAsync(new BenefitEnrolment(program, entitlement.PersonId, entitlement.RegionCode, entitlement.Rural,
                    next.MonthlyAmount, month, next.ToJson(), bankName, bankAccount), ct);
            }
            else if (next.MonthlyAmount != calculation.MonthlyAmount)
            {
                await benefits.AdjustAsync([new BenefitAdjustment(entitlement.EnrollmentId!.Value, next.MonthlyAmount)], month,
                    $"{VeteranCategories.Label(entitlement.Category, entitlement.DisabilityGrade, entitlement.DisabilityNature)}标准调整为 {PensionCalculator.Money(next.MonthlyAmount)} 元/月，自 {month:yyyy-MM} 起",
                    entitlement.CreatedBy, ct);
            }

            calculation = next;
            (entitlement.MonthlyAmount, entitlement.StandardId, entitlement.CalculationJson) = (next.MonthlyAmount, standard!.Id, next.ToJson());
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 死亡: the entitlement ends, payment stops from the month after death (months already paid after it come back as
    /// recovery lines in the next payroll), and a pensioner's funeral aid — six months' pension — is paid once.
    /// </summary>
    public async Task<VeteranResult<DeathResult>> RecordDeathAsync(Guid id, DeathRequest request, string actor, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var died = EntitlementInput.Date(request.DeathDate, "deathDate", "死亡日期", today, errors);
        if (died is null && !errors.Any)
        {
            errors.Add("deathDate", "请填写死亡日期（deathDate，格式 YYYY-MM-DD）");
        }

        var note = TextRules.Field(request.Note, "note", "备注", VeteranEntitlement.NoteMaxLength, errors);
        if (errors.Any)
        {
            return VeteranResult<DeathResult>.Invalid(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await db.VeteranEntitlements.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return VeteranResult<DeathResult>.Refused(Outcome.NotFound, "优抚对象不存在或不在您的管辖范围内");
        }

        if (e.Status != EntitlementStatus.Active)
        {
            return VeteranResult<DeathResult>.Refused(Outcome.Conflict, e.Status == EntitlementStatus.Deceased ? "该优抚对象已登记死亡，丧葬补助只发放一次" : "该优抚对象已终止享受");
        }

        if (e.DischargedOn is { } d && died < d)
        {
            return VeteranResult<DeathResult>.Invalid("deathDate", "死亡日期（deathDate）不能早于退伍日期");
        }

        var pensioner = VeteranCategories.ByCode(e.Category)!.Program == BenefitPrograms.VeteransPension && e.EnrollmentId is not null;
        var (stop, aid, explanation) = PensionCalculator.Death(died!.Value, e.MonthlyAmount, pensioner);
        (e.Status, e.DeathDate, e.EndMonth, e.FuneralAid, e.EndNote) = (EntitlementStatus.Deceased, died, stop, aid, note);
        if (e.EnrollmentId is { } enrollment)
        {
            await benefits.EndAsync(enrollment, stop, "death", explanation, actor, ct);
            if (aid > 0)
            {
                await benefits.PayOnceAsync(BenefitPrograms.VeteransFuneralAid, enrollment, aid, new DateOnly(today.Year, today.Month, 1), explanation, ct);
            }
        }

        var person = await db.Persons.AcrossRegions("the registry person of this entitlement").SingleAsync(p => p.Id == e.PersonId, ct);
        person.DeathDate ??= died;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return VeteranResult<DeathResult>.Done(new DeathResult(stop.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), aid, explanation));
    }
}
