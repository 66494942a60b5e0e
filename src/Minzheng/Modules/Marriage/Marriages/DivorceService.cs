using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Documents;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>
/// Divorce by agreement with the cooling-off procedure (民法典 art. 1077, 民发〔2020〕116号): application, withdrawal within
/// the first period, registration within the second, lapse after it. Every refusal writes nothing.
/// </summary>
public sealed class DivorceService(MinzhengDbContext db, IRegionScope scope, MarriageRegistry registry, CalendarService calendars, DocumentService documents,
    TimeProvider clock)
{
    public async Task<MarriageResult<CreatedDivorceApplication>> ApplyAsync(DivorceApplicationRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var receivedOn = MarriageInput.Date(request.ReceivedOn, "receivedOn", "受理日期", today, errors);
        var parties = MarriageInput.Parties(request.Parties, today, errors);
        var agreement = DivorceAgreement.Read(request.Agreement, parties?.Select(p => p.Name).ToList() ?? [], errors);
        if (errors.Any)
        {
            return MarriageResult<CreatedDivorceApplication>.Invalid(errors);
        }

        var couple = MarriageRecord.CoupleKeyOf(registry.Index(parties![0].Id), registry.Index(parties[1].Id));
        var marriage = await MarriageInForceAsync(couple, receivedOn!.Value, ct);
        if (marriage is null)
        {
            return MarriageResult<CreatedDivorceApplication>.Refused(Outcome.Rejected,
                $"婚姻登记中没有{parties[0].Name}与{parties[1].Name}之间在{receivedOn:yyyy-MM-dd}仍然有效的婚姻，不能申请离婚登记");
        }

        // An application whose period to collect ended before this one was received has lapsed, whether or not the daily job ran.
        var pending = await db.DivorceApplications.Where(d => d.MarriageId == marriage.Id && d.Status == DivorceApplicationStatus.Pending).ToListAsync(ct);
        foreach (var old in pending)
        {
            if (old.CollectBy >= receivedOn.Value)
            {
                return MarriageResult<CreatedDivorceApplication>.Refused(Outcome.Conflict,
                    $"双方已有一份离婚登记申请正在办理（{old.ReceivedOn:yyyy-MM-dd}受理，冷静期至{old.CoolingOffEnds:yyyy-MM-dd}），不能重复申请");
            }
        }

        var calendar = await calendars.GetAsync(ct);
        var coolingOffEnds = MarriageRules.CoolingOffEnds(calendar, receivedOn.Value);
        var application = new DivorceApplication
        {
            RegionCode = scope.RegionCode(),
            MarriageId = marriage.Id,
            CoupleKey = couple,
            PartyAName = marriage.PartyAName,
            PartyAIdMasked = marriage.PartyAIdMasked,
            PartyBName = marriage.PartyBName,
            PartyBIdMasked = marriage.PartyBIdMasked,
            ReceivedOn = receivedOn.Value,
            CoolingOffEnds = coolingOffEnds,
            CollectBy = MarriageRules.CollectBy(calendar, coolingOffEnds),
            Status = DivorceApplicationStatus.Pending,
            AgreementJson = agreement?.ToJson(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        LapseDue(pending, receivedOn.Value);
        db.DivorceApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return MarriageResult<CreatedDivorceApplication>.Refused(Outcome.Conflict, "双方已有一份离婚登记申请正在办理，不能重复申请");
        }

        // The 受理编号 is given in the same transaction: a refused application uses up no number.
        application.Number = (await documents.IssueAsync(MarriageDocuments.ApplicationKind, application.RegionCode, MarriageDocuments.ApplicationOwnerType,
            application.Id, ct, application.ReceivedOn)).Number;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return MarriageResult<CreatedDivorceApplication>.Done(new CreatedDivorceApplication(application.Id, application.CoolingOffEnds, application.CollectBy));
    }

    public async Task<(Outcome Outcome, string? Message, FieldErrors Errors)> WithdrawAsync(Guid id, WithdrawDivorceRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var date = MarriageInput.Date(request.Date, "date", "撤回日期", today, errors);
        var party = MarriageIdentityInput.Document(request.IdType, request.IdNumber, "撤回人", today, errors);

        var application = await db.DivorceApplications.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (application is null)
        {
            return (Outcome.NotFound, "离婚登记申请不存在或不在您的管辖范围内", errors);
        }

        if (!errors.Any && date < application.ReceivedOn)
        {
            errors.Add("date", $"撤回日期（date）不能早于受理日期{application.ReceivedOn:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return (Outcome.Invalid, string.Join("；", errors.Messages), errors);
        }

        if (!application.CoupleKey.Split(':').Contains(registry.Index(party!)))
        {
            return (Outcome.Rejected, $"撤回须由申请离婚的一方本人提出，该{MarriageIdTypes.NumberName(party!.Type)}不是本申请的当事人", errors);
        }

        if (application.Status is DivorceApplicationStatus.Withdrawn or DivorceApplicationStatus.Registered or DivorceApplicationStatus.Ended)
        {
            return (Outcome.Conflict, $"该申请{DivorceApplication.StatusName(application.Status)}，不能撤回", errors);
        }

        if (!MarriageRules.MayWithdraw(application, date!.Value))
        {
            return (Outcome.Conflict, $"离婚冷静期已于{application.CoolingOffEnds:yyyy-MM-dd}届满，不能撤回", errors);
        }

        // The 撤回确认单 names the party who withdrew: the side of the marriage whose index is theirs.
        var marriage = await db.MarriageRecords.AcrossRegions("the marriage a divorce ends may have been registered at any registry (全国通办)").AsNoTracking()
            .Where(m => m.Id == application.MarriageId).Select(m => new { m.PartyAIdIndex, m.PartyAName, m.PartyBName }).SingleAsync(ct);
        (application.Status, application.ClosedOn, application.WithdrawnBy) = (DivorceApplicationStatus.Withdrawn, date, party!.Masked);
        application.WithdrawnByName = marriage.PartyAIdIndex == registry.Index(party!) ? marriage.PartyAName : marriage.PartyBName;
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null, errors);
    }

    public async Task<MarriageResult<RegisteredMarriageRecord>> RegisterAsync(Guid id, RegisterDivorceRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var date = MarriageInput.Date(request.Date, "date", "离婚登记日期", clock.Today(), errors);
        var application = await db.DivorceApplications.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (application is null)
        {
            return MarriageResult<RegisteredMarriageRecord>.Refused(Outcome.NotFound, "离婚登记申请不存在或不在您的管辖范围内");
        }

        if (errors.Any)
        {
            return MarriageResult<RegisteredMarriageRecord>.Invalid(errors);
        }

        var refusal = application.Status is DivorceApplicationStatus.Withdrawn or DivorceApplicationStatus.Registered or DivorceApplicationStatus.Ended ? $"该申请{DivorceApplication.StatusName(application.Status)}，不能办理离婚登记"
            : date <= application.CoolingOffEnds ? $"离婚冷静期至{application.CoolingOffEnds:yyyy-MM-dd}届满，届满后30日内（至{application.CollectBy:yyyy-MM-dd}）方可办理离婚登记"
            : date > application.CollectBy ? $"已超过领取离婚证的期限（{application.CollectBy:yyyy-MM-dd}），该申请视为撤回"
            : null;
        if (refusal is not null)
        {
            return MarriageResult<RegisteredMarriageRecord>.Refused(Outcome.Conflict, refusal);
        }

        var marriage = await db.MarriageRecords.AcrossRegions("the marriage a divorce ends may have been registered at any registry (全国通办)").AsNoTracking()
            .SingleAsync(m => m.Id == application.MarriageId, ct);
        var divorce = MarriageRecord.About(marriage, MarriageRecordKind.Divorce, date!.Value, scope.RegionCode());
        return await registry.SaveNumberedAsync(divorce, MarriageDocuments.DivorceKind, ct, () =>
            (application.Status, application.ClosedOn, application.DivorceRecordId) = (DivorceApplicationStatus.Registered, date, divorce.Id));
    }

    /// <summary>The daily job: pending applications whose period to collect ended before <paramref name="today"/> lapse (视为撤回).</summary>
    public async Task<int> LapseOverdueAsync(DateOnly today, CancellationToken ct)
    {
        var due = await db.DivorceApplications.Where(d => d.Status == DivorceApplicationStatus.Pending && d.CollectBy < today).ToListAsync(ct);
        LapseDue(due, today);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private static void LapseDue(IEnumerable<DivorceApplication> pending, DateOnly day)
    {
        foreach (var a in pending.Where(a => a.CollectBy < day))
        {
            (a.Status, a.ClosedOn) = (DivorceApplicationStatus.Lapsed, a.CollectBy.AddDays(1));
        }
    }

    private Task<MarriageRecord?> MarriageInForceAsync(string couple, DateOnly day, CancellationToken ct)
    {
        var records = db.Set<MarriageRecord>();
        return db.MarriageRecords.AcrossRegions("the marriage a divorce ends may have been registered at any registry (全国通办)").AsNoTracking()
            .Where(m => m.Kind == MarriageRecordKind.Marriage && m.CoupleKey == couple && m.Date <= day)
            .Where(m => !records.Any(d => d.MarriageId == m.Id && (d.Kind == MarriageRecordKind.Divorce || d.Kind == MarriageRecordKind.Revocation)))
            .OrderByDescending(m => m.Date).FirstOrDefaultAsync(ct);
    }
}
