using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <param name="IdType">the document type of <paramref name="IdNumber"/> (resident when absent)</param>
public sealed record MarriageLookupRequest(string? IdNumber, string? IdType = null);

/// <summary>A registration naming the person looked up, masked; <see cref="MayReissue"/> when its certificate may be reissued.</summary>
public sealed record MarriageLookupRow(Guid Id, string Kind, string KindName, DateOnly Date, string CertificateNumber, string PartyAName, string PartyAIdMasked,
    string PartyBName, string PartyBIdMasked, string RegionCode, bool InForce, bool MayReissue);

/// <param name="IdType">the applicant's document type (resident when absent)</param>
public sealed record ReissueRequest(Guid? RecordId, string? IdNumber, string? Date, string? Reason, string? IdType = null);

public sealed record ReissuedCertificate(Guid Id, string CertificateNumber, Guid OriginalId, string OriginalCertificateNumber);

/// <summary>
/// 补领: the original registration found by a party's ID number (blind index, at any registry under 全国通办), and a
/// new certificate of the same registration issued with a number of the 补发 series. Counted by the day of reissue.
/// </summary>
public sealed class MarriageReissues(MinzhengDbContext db, MarriageRegistry registry, IRegionScope scope, AuditLog audit, TimeProvider clock)
{
    private const string AcrossRegistries = "补领 at any registry (全国通办): a person's registrations are found wherever they were made";

    /// <summary>Every registration naming the person, newest first (masked); the look-up itself is audited.</summary>
    public async Task<MarriageResult<List<MarriageLookupRow>>> LookupAsync(MarriageLookupRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (MarriageIdentityInput.Document(request.IdType, request.IdNumber, "当事人", clock.Today(), errors) is not { } id)
        {
            return MarriageResult<List<MarriageLookupRow>>.Invalid(errors);
        }

        var index = registry.Index(id);
        var records = await db.MarriageRecords.AcrossRegions(AcrossRegistries).AsNoTracking()
            .Where(r => r.PartyAIdIndex == index || r.PartyBIdIndex == index)
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Take(100).ToListAsync(ct);
        var ended = records.Where(r => r.Kind is MarriageRecordKind.Divorce or MarriageRecordKind.Revocation && r.MarriageId is not null)
            .Select(r => r.MarriageId!.Value).ToHashSet();
        var rows = records.Select(r =>
        {
            var inForce = r.Kind == MarriageRecordKind.Marriage && !ended.Contains(r.Id);
            return new MarriageLookupRow(r.Id, InputValues.Code(r.Kind), MarriageRecord.KindName(r.Kind), r.Date, r.CertificateNumber, r.PartyAName,
                r.PartyAIdMasked, r.PartyBName, r.PartyBIdMasked, r.RegionCode, inForce, inForce || r.Kind == MarriageRecordKind.Divorce);
        }).ToList();
        await audit.RecordAsync(AuditActions.RecordViewed, entityType: nameof(MarriageRecord), regionCode: scope.RegionCode(), details: new { found = rows.Count },
            sealedDetails: new { lookup = id.Masked }, ct: ct);
        return MarriageResult<List<MarriageLookupRow>>.Done(rows);
    }

    public async Task<MarriageResult<ReissuedCertificate>> ReissueAsync(ReissueRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        if (request.RecordId is null)
        {
            errors.Add("recordId", "请指定要补领证件的原登记记录（recordId）");
        }

        var applicant = MarriageIdentityInput.Document(request.IdType, request.IdNumber, "补领人", today, errors);

        var date = MarriageInput.Date(request.Date, "date", "补领日期", today, errors);
        var reason = TextRules.Field(request.Reason, "reason", "补领原因", MarriageRecord.ReasonMaxLength, errors, required: true, multiLine: true);
        if (errors.Any)
        {
            return MarriageResult<ReissuedCertificate>.Invalid(errors);
        }

        var original = await db.MarriageRecords.AcrossRegions(AcrossRegistries).AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.RecordId, ct);
        if (original is null)
        {
            return MarriageResult<ReissuedCertificate>.Refused(Outcome.NotFound, "原登记记录不存在");
        }

        if (!original.IsCertificate)
        {
            return MarriageResult<ReissuedCertificate>.Refused(Outcome.Rejected, $"该记录为{MarriageRecord.KindName(original.Kind)}，没有可补领的结婚证或离婚证");
        }

        var index = registry.Index(applicant!);
        if (index != original.PartyAIdIndex && index != original.PartyBIdIndex)
        {
            return MarriageResult<ReissuedCertificate>.Refused(Outcome.Rejected,
                $"补领须由原登记的当事人本人申请，该{MarriageIdTypes.NumberName(applicant!.Type)}不是原登记的当事人");
        }

        if (date < original.Date)
        {
            errors.Add("date", $"补领日期（date）不能早于原登记日期{original.Date:yyyy-MM-dd}");
            return MarriageResult<ReissuedCertificate>.Invalid(errors);
        }

        if (original.Kind == MarriageRecordKind.Marriage && await registry.EndingOfAsync(original.Id, ct) is { } ending)
        {
            return MarriageResult<ReissuedCertificate>.Refused(Outcome.Conflict,
                $"该婚姻已于{ending.Date:yyyy-MM-dd}{(ending.Kind == MarriageRecordKind.Divorce ? "办理离婚登记" : "被撤销")}，不能补领结婚证");
        }

        var kind = original.Kind == MarriageRecordKind.Marriage ? MarriageRecordKind.ReissuedMarriageCertificate : MarriageRecordKind.ReissuedDivorceCertificate;
        if (await db.MarriageRecords.AcrossRegions(AcrossRegistries).AsNoTracking()
                .FirstOrDefaultAsync(r => r.Kind == kind && r.MarriageId == original.Id && r.Date == date, ct) is { } same)
        {
            return MarriageResult<ReissuedCertificate>.Refused(Outcome.Conflict,
                $"该证件已于{date:yyyy-MM-dd}补发（字号 {same.CertificateNumber}），请勿重复提交");
        }

        var reissue = MarriageRecord.About(original, kind, date!.Value, scope.RegionCode());
        reissue.Reason = reason;
        var saved = await registry.SaveNumberedAsync(reissue, kind == MarriageRecordKind.ReissuedMarriageCertificate
            ? MarriageDocuments.ReissuedMarriageKind : MarriageDocuments.ReissuedDivorceKind, ct);
        return saved.Value is { } v
            ? MarriageResult<ReissuedCertificate>.Done(new ReissuedCertificate(v.Id, v.CertificateNumber, original.Id, original.CertificateNumber))
            : MarriageResult<ReissuedCertificate>.Refused(saved.Outcome, saved.Message!);
    }
}
