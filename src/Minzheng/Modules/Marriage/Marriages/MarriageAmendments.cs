using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

public sealed record RevocationRequest(Guid? MarriageId, string? Date, string? Kind, string? Court, string? CaseNumber, string? JudgmentDate);

public sealed record RecordedRevocation(Guid Id, Guid MarriageId);

/// <summary>
/// What the registry's head alone may do to the register (婚姻登记处负责人): enter a court's judgment that a marriage is void
/// or annulled (民法典 arts. 1051–1053), which frees both parties, and correct a register error (<see cref="MarriageCorrections"/>).
/// The audit log keeps every change; every refusal writes nothing.
/// </summary>
public sealed class MarriageAmendments(MinzhengDbContext db, MarriageRegistry registry, IRegionScope scope, TimeProvider clock)
{
    public async Task<MarriageResult<RecordedRevocation>> RevokeAsync(RevocationRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        if (request.MarriageId is null)
        {
            errors.Add("marriageId", "请指定被撤销的结婚登记记录（marriageId）");
        }

        var date = MarriageInput.Date(request.Date, "date", "撤销登记日期", today, errors);
        var judgmentDate = MarriageInput.Date(request.JudgmentDate, "judgmentDate", "判决日期", today, errors);
        MarriageAnnulmentKind? kind = request.Kind?.Trim() switch
        {
            "void" => MarriageAnnulmentKind.Void,
            "voidable" => MarriageAnnulmentKind.Voidable,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add("kind", "判决结果（kind）应为 void（婚姻无效）或 voidable（撤销可撤销婚姻）");
        }

        var court = TextRules.Field(request.Court, "court", "作出判决的人民法院", MarriageRecord.NameMaxLength * 2, errors, required: true);
        var caseNumber = TextRules.Field(request.CaseNumber, "caseNumber", "判决书案号", MarriageRecord.NameMaxLength, errors, required: true);
        if (date is not null && judgmentDate > date)
        {
            errors.Add("judgmentDate", "判决日期（judgmentDate）不能晚于撤销登记日期");
        }

        if (errors.Any)
        {
            return MarriageResult<RecordedRevocation>.Invalid(errors);
        }

        // The court sends its judgment to the registry that registered the marriage: the record must be in the caller's region.
        var marriage = await db.MarriageRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.MarriageId, ct);
        if (marriage is null)
        {
            return MarriageResult<RecordedRevocation>.Refused(Outcome.NotFound, "结婚登记记录不存在或不在您的管辖范围内");
        }

        if (marriage.Kind != MarriageRecordKind.Marriage)
        {
            return MarriageResult<RecordedRevocation>.Refused(Outcome.Rejected, $"该记录为{MarriageRecord.KindName(marriage.Kind)}，只能撤销结婚登记");
        }

        if (judgmentDate < marriage.Date)
        {
            errors.Add("judgmentDate", $"判决日期（judgmentDate）不能早于结婚登记日期{marriage.Date:yyyy-MM-dd}");
            return MarriageResult<RecordedRevocation>.Invalid(errors);
        }

        if (await registry.EndingOfAsync(marriage.Id, ct) is { } ending)
        {
            return MarriageResult<RecordedRevocation>.Refused(Outcome.Conflict,
                $"该婚姻已于{ending.Date:yyyy-MM-dd}{(ending.Kind == MarriageRecordKind.Divorce ? "办理离婚登记" : "被撤销")}，不能重复撤销");
        }

        var revocation = MarriageRecord.About(marriage, MarriageRecordKind.Revocation, date!.Value, scope.RegionCode());
        (revocation.Court, revocation.CaseNumber, revocation.JudgmentDate, revocation.AnnulmentKind) = (court, caseNumber, judgmentDate, kind);
        // A divorce application still pending has nothing left to divorce once the court has ended the marriage.
        var pending = await db.DivorceApplications.AcrossRegions("the divorce may have been applied for at any registry (全国通办)")
            .Where(a => a.MarriageId == marriage.Id && a.Status == DivorceApplicationStatus.Pending).ToListAsync(ct);
        var saved = await registry.SaveNumberedAsync(revocation, null, ct, () =>
        {
            foreach (var a in pending)
            {
                (a.Status, a.ClosedOn) = (DivorceApplicationStatus.Ended, date);
            }
        });
        return saved.Value is { } v
            ? MarriageResult<RecordedRevocation>.Done(new RecordedRevocation(v.Id, marriage.Id))
            : MarriageResult<RecordedRevocation>.Refused(saved.Outcome, saved.Message!);
    }
}
