using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>How a step ended: the value when done, else field errors (422 in this module) or the outcome's reason.</summary>
public sealed record FuneralResult<T>(Outcome Outcome, T? Value, FieldErrors Errors, string? Message)
{
    public static FuneralResult<T> Done(T value) => new(Outcome.Done, value, new FieldErrors(), null);

    public static FuneralResult<T> Invalid(FieldErrors errors) => new(Outcome.Invalid, default, errors, string.Join("；", errors.Messages));

    public static FuneralResult<T> Refused(Outcome outcome, string message) => new(outcome, default, new FieldErrors(), message);
}

/// <summary>
/// Records a cremation: validates, refuses a second record of the same person (409 naming the first), reports the death to
/// social assistance (the same findings as an imported death list, data source 火化), decides the fee waiver from the
/// deceased's status, and writes the record and its waiver lines — all in one transaction, or nothing.
/// </summary>
public sealed class CremationService(MinzhengDbContext db, IRegionScope scope, PersonalDataProtector protector, RegionService regions, IDeathReportSink deaths,
    IOptions<FeeWaiverOptions> waiver, TimeProvider clock)
{
    public const string DeathSource = "火化";

    public async Task<FuneralResult<CreatedCremation>> RegisterAsync(CremationRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var valid = CremationInput.Validate(request, clock.Today(), errors);
        if (valid is not null && valid.RegionCode is { } region && (!region.StartsWith(scope.Prefix, StringComparison.Ordinal) || !await regions.ExistsAsync(region, ct)))
        {
            errors.Add("regionCode", "逝者户籍所在区划（regionCode）不存在或不在您的管辖范围内");
        }

        if (errors.Any)
        {
            return FuneralResult<CreatedCremation>.Invalid(errors);
        }

        var index = protector.BlindIndex(valid!.Id.Value, DataPurpose.IdNumber);
        if (await FirstRecordAsync(index, ct) is { } first)
        {
            return FuneralResult<CreatedCremation>.Refused(Outcome.Conflict, first);
        }

        var facility = await db.FuneralFacilities.AsNoTracking().Where(f => f.Name == valid.FuneralHome).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
        var cremation = new Cremation
        {
            RegionCode = valid.RegionCode ?? scope.RegionCode(),
            Name = valid.Name,
            IdNumberCipher = protector.Encrypt(valid.Id.Value, DataPurpose.IdNumber),
            IdNumberIndex = index,
            IdNumberMasked = valid.Id.Masked,
            Gender = valid.Id.Gender,
            BirthDate = valid.Id.BirthDate,
            Agricultural = valid.Agricultural,
            DeathDate = valid.DeathDate,
            DeathCause = valid.Cause,
            DeathCertificateNumber = valid.Certificate,
            CremationDate = valid.CremationDate,
            FuneralHome = valid.FuneralHome,
            FacilityId = facility,
            FamilyContactName = valid.ContactName,
            FamilyContactPhone = valid.ContactPhone,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reported = await deaths.ReportAsync(new DeathReport(cremation.Id, valid.Id, valid.Name, valid.DeathDate, DeathSource), ct);
        cremation.AssistancePrograms = string.Join(",", reported.Programs);
        cremation.FindingsOpened = reported.Findings;
        cremation.ResidentStatus = FeeWaiverRules.Effective(valid.DeclaredStatus, FeeWaiverRules.StatusFromPrograms(reported.Programs));
        if (valid.WaiverItems.Count > 0 && !FeeWaiverRules.Qualifies(cremation.ResidentStatus, waiver.Value))
        {
            db.ChangeTracker.Clear();
            return FuneralResult<CreatedCremation>.Refused(Outcome.Rejected,
                $"逝者身份为“{FeeWaiverRules.StatusName(cremation.ResidentStatus)}”，不属于本地基本殡葬服务费用减免对象（低保对象、特困人员、重点优抚对象），不能减免");
        }

        var lines = FeeWaiverRules.Compute(valid.WaiverItems, valid.StorageDays, waiver.Value);
        cremation.WaiverAmount = lines.Sum(l => l.Amount);
        db.Cremations.Add(cremation);
        db.FeeWaiverLines.AddRange(lines.Select(l => new FeeWaiverLine
        {
            RegionCode = cremation.RegionCode,
            CremationId = cremation.Id,
            Item = l.Item,
            Quantity = l.Quantity,
            Amount = l.Amount,
            Date = cremation.CremationDate,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same person entered at the same moment elsewhere: that record wins, this one writes nothing.
            db.ChangeTracker.Clear();
            await tx.RollbackAsync(ct);
            return FuneralResult<CreatedCremation>.Refused(Outcome.Conflict, await FirstRecordAsync(index, ct) ?? "该逝者已有火化记录，请勿重复提交");
        }

        await tx.CommitAsync(ct);
        return FuneralResult<CreatedCremation>.Done(new CreatedCremation(cremation.Id));
    }

    /// <summary>The conflict message naming the person's cremation already recorded, wherever it was (a person is cremated once); null when none.</summary>
    private async Task<string?> FirstRecordAsync(string index, CancellationToken ct)
    {
        var first = await db.Cremations.AsNoTracking().AcrossRegions("a person is cremated once: the check reads every funeral home's records")
            .Where(c => c.IdNumberIndex == index).Select(c => new { c.Id, c.CremationDate, c.FuneralHome, c.Name }).FirstOrDefaultAsync(ct);
        return first is null ? null
            : $"该身份证号已有火化记录：{first.Name}，{first.CremationDate:yyyy-MM-dd}于{first.FuneralHome}火化（记录编号 {first.Id}），请勿重复登记";
    }
}
