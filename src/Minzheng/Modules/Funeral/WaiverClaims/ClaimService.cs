using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.Funeral.Cremations;
using Minzheng.Modules.Funeral.FuneralFacilities;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Funeral.WaiverClaims;

/// <param name="Month">YYYY-MM, a month already ended.</param>
public sealed record ClaimRequest(Guid? FacilityId, string? Month);

/// <summary>A step on a claim: the reason of a return; the date and voucher number of a payment.</summary>
public sealed record ClaimStepRequest(string? Reason, string? PaidOn, string? VoucherNumber);

public sealed record ClaimRow(Guid Id, string RegionCode, Guid FacilityId, string FacilityName, string Month, string Status, string StatusName, int Cases, int Lines,
    decimal Total, DateOnly OpenedOn, DateOnly? SubmittedOn, DateOnly? DecidedOn, string? DecidedBy, string? ReturnReason, DateOnly? PaidOn, string? VoucherNumber);

public sealed record ClaimSubtotal(string Code, string Name, int Count, decimal Amount);

public sealed record ClaimLineRow(Guid CremationId, string Name, string IdNumberMasked, DateOnly Date, string Item, string ItemName, int Quantity, string ResidentStatusName,
    decimal Amount);

/// <summary>A claim with its totals by item and by status of the deceased, its lines, and the steps the caller may take now.</summary>
public sealed record ClaimDetail(ClaimRow Claim, IReadOnlyList<ClaimSubtotal> ByItem, IReadOnlyList<ClaimSubtotal> ByStatus, IReadOnlyList<ClaimLineRow> Lines,
    IReadOnlyList<string> Actions);

/// <summary>
/// The monthly claim of waived basic funeral services to finance. Opening gathers the unclaimed waivers of the facility's
/// cremations dated up to the month's end, in one transaction with the claim; the unique waiver of a claim line and the
/// unique facility-month keep every waiver in exactly one claim whatever the concurrency.
/// </summary>
public sealed class ClaimService(MinzhengDbContext db, Platform.Auditing.IAuditContext actor, TimeProvider clock)
{
    public async Task<FuneralResult<ClaimRow>> OpenAsync(ClaimRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        DateOnly? month = null;
        if (!InputValues.TryParseMonth(r.Month?.Trim(), out var first))
        {
            errors.Add("month", "申报月份（month）应为 YYYY-MM");
        }
        else if (first >= thisMonth)
        {
            errors.Add("month", $"只能申报已结束的月份（{thisMonth.AddMonths(-1):yyyy-MM}及以前），本月的减免下月初再申报");
        }
        else
        {
            month = first;
        }

        var facility = r.FacilityId is { } fid ? await db.FuneralFacilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fid, ct) : null;
        if (facility is null || facility.Kind != FacilityKind.FuneralHome)
        {
            errors.Add("facilityId", "殡仪馆（facilityId）应为您管辖范围内已登记的殡仪馆");
        }

        if (errors.Any)
        {
            return FuneralResult<ClaimRow>.Invalid(errors);
        }

        var m = month!.Value;
        if (await db.WaiverClaims.AsNoTracking().AnyAsync(c => c.FacilityId == facility!.Id && c.Month == m, ct))
        {
            return FuneralResult<ClaimRow>.Refused(Outcome.Conflict, $"{facility!.Name}{m:yyyy年M月}的减免资金申报已经建立，不能重复申报");
        }

        var end = m.AddMonths(1).AddDays(-1);
        var waivers = await (from l in db.FeeWaiverLines
                             join c in db.Cremations on l.CremationId equals c.Id
                             where c.FacilityId == facility!.Id && l.Date <= end && !db.Set<WaiverClaimLine>().Any(x => x.FeeWaiverLineId == l.Id)
                             select new { Line = l, c.ResidentStatus }).AsNoTracking().ToListAsync(ct);
        if (waivers.Count == 0 && await db.WaiverClaims.AsNoTracking().AnyAsync(c => c.FacilityId == facility!.Id && c.Month == m, ct))
        {
            // A colleague's claim of the same month was stored between the two reads and took the waivers: the same conflict as above.
            return FuneralResult<ClaimRow>.Refused(Outcome.Conflict, $"{facility!.Name}{m:yyyy年M月}的减免资金申报刚刚已由他人建立，不能重复申报");
        }

        if (waivers.Count == 0)
        {
            return FuneralResult<ClaimRow>.Refused(Outcome.Rejected, $"{facility!.Name}截至{end:yyyy-MM-dd}没有尚未申报的减免，无需申报");
        }

        var claim = new WaiverClaim
        {
            RegionCode = facility!.RegionCode,
            FacilityId = facility.Id,
            Month = m,
            OpenedOn = today,
            Cases = waivers.Select(w => w.Line.CremationId).Distinct().Count(),
            Total = waivers.Sum(w => w.Line.Amount),
        };
        db.WaiverClaims.Add(claim);
        db.WaiverClaimLines.AddRange(waivers.Select(w => new WaiverClaimLine
        {
            RegionCode = w.Line.RegionCode,
            ClaimId = claim.Id,
            FeeWaiverLineId = w.Line.Id,
            CremationId = w.Line.CremationId,
            Item = w.Line.Item,
            Quantity = w.Line.Quantity,
            ResidentStatus = w.ResidentStatus,
            Amount = w.Line.Amount,
            Date = w.Line.Date,
        }));
        try
        {
            // One SaveChanges, one transaction: the claim with all its lines, or nothing.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return FuneralResult<ClaimRow>.Refused(Outcome.Conflict, "同一时间另有申报收入了这些减免，请刷新后查看已建立的申报");
        }

        return FuneralResult<ClaimRow>.Done(Row(claim, facility.Name, waivers.Count));
    }

    /// <summary>submit (the funeral home), approve, return with a reason, pay with the date and voucher (finance).</summary>
    public async Task<FuneralResult<ClaimRow>> ActAsync(Guid id, string action, ClaimStepRequest r, IEnumerable<string> roles, CancellationToken ct)
    {
        var today = clock.Today();
        var claim = await db.WaiverClaims.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return FuneralResult<ClaimRow>.Refused(Outcome.NotFound, "减免资金申报不存在或不在您的管辖范围内");
        }

        var errors = new FieldErrors();
        string? reason = null, voucher = null;
        DateOnly? paidOn = null;
        if (action == "return")
        {
            reason = TextRules.Field(r.Reason, "reason", "退回原因", WaiverClaim.ReasonMaxLength, errors, required: true, multiLine: true);
        }
        else if (action == "pay")
        {
            paidOn = InputValues.PastDate(r.PaidOn, "paidOn", "拨付日期", today, required: true, errors);
            if (paidOn is { } d && claim.DecidedOn is { } decided && d < decided)
            {
                errors.Add("paidOn", $"拨付日期不能早于审核日期{decided:yyyy-MM-dd}");
            }

            voucher = TextRules.Field(r.VoucherNumber, "voucherNumber", "拨付凭证号", WaiverClaim.VoucherMaxLength, errors, required: true);
        }

        try
        {
            var step = WaiverClaim.Procedure.Ensure(action, claim.Status, roles);
            if (errors.Any)
            {
                return FuneralResult<ClaimRow>.Invalid(errors);
            }

            switch (action)
            {
                case "submit": (claim.SubmittedOn, claim.ReturnReason) = (today, null); break;
                case "approve": (claim.DecidedOn, claim.DecidedBy) = (today, actor.UserName); break;
                case "return": (claim.DecidedOn, claim.DecidedBy, claim.ReturnReason) = (today, actor.UserName, reason); break;
                case "pay": (claim.PaidOn, claim.VoucherNumber) = (paidOn, voucher); break;
            }

            claim.Status = step.To!.Value;
            // The status is the concurrency token: of two approvals (or an approval and a return) at once exactly one is stored.
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException e)
        {
            return FuneralResult<ClaimRow>.Refused(e.Outcome, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return FuneralResult<ClaimRow>.Refused(Outcome.Conflict, "该申报刚刚已由他人办理，请刷新后查看");
        }

        return FuneralResult<ClaimRow>.Done(Row(claim, await FacilityNameAsync(claim.FacilityId, ct), await db.WaiverClaimLines.CountAsync(l => l.ClaimId == id, ct)));
    }

    public async Task<List<ClaimRow>> ListAsync(string? status, CancellationToken ct)
    {
        var q = db.WaiverClaims.AsNoTracking();
        if (Enum.GetValues<ClaimStatus>().Where(s => InputValues.Code(s) == status).Select(s => (ClaimStatus?)s).FirstOrDefault() is { } wanted)
        {
            q = q.Where(c => c.Status == wanted);
        }

        var claims = await q.OrderByDescending(c => c.Month).ThenBy(c => c.FacilityId).ToListAsync(ct);
        var ids = claims.Select(c => c.Id).ToList();
        var lines = await db.WaiverClaimLines.AsNoTracking().Where(l => ids.Contains(l.ClaimId)).GroupBy(l => l.ClaimId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await db.FuneralFacilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        return [.. claims.Select(c => Row(c, names.GetValueOrDefault(c.FacilityId, ""), lines.GetValueOrDefault(c.Id)))];
    }

    public async Task<ClaimDetail?> DetailAsync(Guid id, IEnumerable<string> roles, CancellationToken ct)
    {
        if (await db.WaiverClaims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } claim)
        {
            return null;
        }

        var lines = await (from l in db.WaiverClaimLines
                           join c in db.Cremations on l.CremationId equals c.Id
                           where l.ClaimId == id
                           orderby l.Date, c.Name
                           select new { l, c.Name, c.IdNumberMasked }).AsNoTracking().ToListAsync(ct);
        var order = FeeWaiverRules.Items.Select(i => i.Code).ToList();
        var byItem = lines.GroupBy(x => x.l.Item).OrderBy(g => order.IndexOf(g.Key))
            .Select(g => new ClaimSubtotal(g.Key, FeeWaiverRules.ItemName(g.Key), g.Count(), g.Sum(x => x.l.Amount))).ToList();
        var byStatus = lines.GroupBy(x => x.l.ResidentStatus).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ClaimSubtotal(g.Key, FeeWaiverRules.StatusName(g.Key), g.Select(x => x.l.CremationId).Distinct().Count(), g.Sum(x => x.l.Amount))).ToList();
        var rows = lines.Select(x => new ClaimLineRow(x.l.CremationId, x.Name, x.IdNumberMasked, x.l.Date, x.l.Item, FeeWaiverRules.ItemName(x.l.Item), x.l.Quantity,
            FeeWaiverRules.StatusName(x.l.ResidentStatus), x.l.Amount)).ToList();
        return new ClaimDetail(Row(claim, await FacilityNameAsync(claim.FacilityId, ct), rows.Count), byItem, byStatus, rows,
            [.. WaiverClaim.Procedure.AvailableActions(claim.Status, roles).Select(s => s.Action)]);
    }

    public static ClaimRow Row(WaiverClaim c, string facility, int lines) => new(c.Id, c.RegionCode, c.FacilityId, facility,
        c.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), InputValues.Code(c.Status), WaiverClaim.StatusName(c.Status), c.Cases, lines, c.Total, c.OpenedOn,
        c.SubmittedOn, c.DecidedOn, c.DecidedBy, c.ReturnReason, c.PaidOn, c.VoucherNumber);

    private async Task<string> FacilityNameAsync(Guid id, CancellationToken ct) =>
        await db.FuneralFacilities.AsNoTracking().Where(f => f.Id == id).Select(f => f.Name).SingleOrDefaultAsync(ct) ?? "";
}
