using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Veterans.Confirmations;

public sealed record OpenConfirmationRequest(int? Year, string? RegionCode, string? DueOn, string? EffectiveMonth);

public sealed record OpenedConfirmation(Guid Id, int Persons);

/// <summary><c>outcome</c> confirmed (继续享受) or ended (终止, with <c>reason</c>); <c>note</c> optional.</summary>
public sealed record ConfirmationRequest(string? Outcome, string? Reason, string? Note);

public sealed record AppliedConfirmation(int Confirmed, int Ended, string EffectiveMonth);

/// <summary>
/// 年度确认 of the periodic living allowances: the county opens a campaign listing (set-based) every active entitled
/// person of an allowance category in the subtree, townships record outcomes, and the county applies the campaign
/// once — all ended allowances stop from the effective month in one transaction, or nothing does.
/// </summary>
public sealed class ConfirmationService(MinzhengDbContext db, IRegionScope scope, RegionService regions, IBenefitEnrolments benefits, RowStamper stamper,
    TimeProvider clock)
{
    /// <summary>The categories confirmed every year: those paid a 定期生活补助, not the pensions (抚恤金).</summary>
    public static IReadOnlyList<string> Categories { get; } =
        [.. VeteranCategories.All.Where(c => c.Program == BenefitPrograms.VeteransAllowance).Select(c => c.Code)];

    public async Task<VeteranResult<OpenedConfirmation>> OpenAsync(OpenConfirmationRequest r, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        if (r.Year is not { } year || year < 2000 || year > today.Year + 1)
        {
            errors.Add("year", $"确认年度（year）应为 2000 至 {today.Year + 1} 之间的年份");
        }

        var prefix = await regions.SubtreeWithinAsync(r.RegionCode, scope.Prefix, ct);
        if (prefix is null)
        {
            errors.Add("regionCode", "确认区划（regionCode）应为您管辖范围内存在的区划代码或其前缀");
        }

        var due = InputValues.ParseDate(r.DueOn, "dueOn", required: true, errors);
        var effective = default(DateOnly);
        if (!InputValues.TryParseMonth(r.EffectiveMonth, out effective))
        {
            errors.Add("effectiveMonth", "停发起始月份（effectiveMonth）应为 YYYY-MM");
        }
        else if (due is { } d && effective < new DateOnly(d.Year, d.Month, 1))
        {
            errors.Add("effectiveMonth", "停发起始月份（effectiveMonth）不能早于确认截止日期所在月份");
        }

        if (errors.Any)
        {
            return VeteranResult<OpenedConfirmation>.Invalid(errors);
        }

        // Stopping from a month already paid would turn the campaign into recoveries from people not yet heard: refused.
        if (await benefits.LastPaidMonthAsync(BenefitPrograms.VeteransAllowance, prefix!, ct) is { } paid && effective <= paid)
        {
            return VeteranResult<OpenedConfirmation>.Invalid("effectiveMonth", $"停发起始月份（effectiveMonth）{effective:yyyy-MM} 不晚于定期生活补助已发放的最后月份 {paid:yyyy-MM}");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var overlapping = (await db.VeteranConfirmationCampaigns.AsNoTracking().AcrossRegions("a county and a township campaign of one year would list a person twice")
            .Where(c => c.Year == r.Year).Select(c => c.RegionPrefix).ToListAsync(ct))
            .FirstOrDefault(p => RegionCode.Overlap(p, prefix!));
        if (overlapping is not null)
        {
            return VeteranResult<OpenedConfirmation>.Refused(Outcome.Conflict, $"{r.Year}年度已开展覆盖该区划的年度确认（区划 {overlapping}），不能重复开展");
        }

        var campaign = new ConfirmationCampaign
        {
            RegionPrefix = prefix!,
            RegionCode = prefix!.PadRight(RegionCode.Length, '0'),
            Year = r.Year!.Value,
            DueOn = due!.Value,
            EffectiveMonth = effective,
        };
        db.VeteranConfirmationCampaigns.Add(campaign);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return VeteranResult<OpenedConfirmation>.Refused(Outcome.Conflict, $"{r.Year}年度已开展该区划的年度确认，不能重复开展");
        }

        var items = stamper.Stamp(await db.VeteranEntitlements.AsNoTracking()
            .Where(e => e.Status == EntitlementStatus.Active && e.RegionCode.StartsWith(prefix!) && Categories.Contains(e.Category))
            .OrderBy(e => e.RegionCode).ThenBy(e => e.Name)
            .Select(e => new ConfirmationItem
            {
                RegionCode = e.RegionCode,
                CampaignId = campaign.Id,
                EntitlementId = e.Id,
                Name = e.Name,
                IdNumberMasked = e.IdNumberMasked,
                Category = e.Category,
                Outcome = ConfirmationOutcome.Pending,
            }).ToListAsync(ct));
        await BulkInsert.InsertAsync(db, items, ct);
        campaign.Persons = items.Count;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return VeteranResult<OpenedConfirmation>.Done(new OpenedConfirmation(campaign.Id, items.Count));
    }

    /// <summary>A township (or the county) records one person's outcome; it may be changed until the campaign is applied.</summary>
    public async Task<VeteranResult<bool>> RecordAsync(Guid campaignId, Guid itemId, ConfirmationRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var outcome = InputValues.ParseOptional<ConfirmationOutcome>(r.Outcome, "outcome", "确认结果（outcome）应为 confirmed（继续享受）或 ended（终止）", errors);
        if (outcome is null or ConfirmationOutcome.Pending && !errors.Any)
        {
            errors.Add("outcome", "确认结果（outcome）应为 confirmed（继续享受）或 ended（终止）");
        }

        if (outcome == ConfirmationOutcome.Ended && ConfirmationReasons.All.All(x => x.Code != r.Reason))
        {
            errors.Add("reason", $"终止须选择原因（reason）：{string.Join("、", ConfirmationReasons.All.Select(x => $"{x.Code}（{x.Name}）"))}");
        }

        var note = TextRules.Field(r.Note, "note", "备注", ConfirmationItem.NoteMaxLength, errors);
        if (errors.Any)
        {
            return VeteranResult<bool>.Invalid(errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await db.VeteranConfirmations.SingleOrDefaultAsync(i => i.Id == itemId && i.CampaignId == campaignId, ct);
        if (item is null)
        {
            return VeteranResult<bool>.Refused(Outcome.NotFound, "确认记录不存在或不在您的管辖范围内");
        }

        // A no-op write on the open campaign row: it waits for an apply in progress and then finds the campaign applied, or
        // holds the row so the apply waits and then reads this outcome — never an outcome recorded after the apply read them.
        if (await db.VeteranConfirmationCampaigns.AcrossRegions("a township records its part of the county's campaign")
                .Where(c => c.Id == campaignId && c.Status == ConfirmationCampaignStatus.Open)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Persons, c => c.Persons), ct) == 0)
        {
            return VeteranResult<bool>.Refused(Outcome.Conflict, "该年度确认已生效，确认结果不能再修改");
        }

        (item.Outcome, item.Reason, item.Note, item.RecordedOn) =
            (outcome!.Value, outcome == ConfirmationOutcome.Ended ? r.Reason : null, note, clock.Today());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return VeteranResult<bool>.Done(true);
    }

    /// <summary>
    /// 确认生效: every outcome recorded, the ended allowances stop from the effective month (payroll explains why), the
    /// entitlements end; the campaign is claimed by one conditional update, so two clerks applying at once apply it once.
    /// </summary>
    public async Task<VeteranResult<AppliedConfirmation>> ApplyAsync(Guid campaignId, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var campaign = await db.VeteranConfirmationCampaigns.SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return VeteranResult<AppliedConfirmation>.Refused(Outcome.NotFound, "年度确认不存在或不在您的管辖范围内");
        }

        if (campaign.Status == ConfirmationCampaignStatus.Applied)
        {
            return VeteranResult<AppliedConfirmation>.Refused(Outcome.Conflict, "该年度确认已生效，不能重复生效");
        }

        if (await db.VeteranConfirmations.CountAsync(i => i.CampaignId == campaignId && i.Outcome == ConfirmationOutcome.Pending, ct) is var pending and > 0)
        {
            return VeteranResult<AppliedConfirmation>.Refused(Outcome.Rejected, $"尚有 {pending} 人未登记确认结果，全部确认后才能生效");
        }

        // The status is a concurrency token: of two clerks applying at once one updates the open row, the other gets 409.
        (campaign.Status, campaign.AppliedOn) = (ConfirmationCampaignStatus.Applied, clock.Today());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return VeteranResult<AppliedConfirmation>.Refused(Outcome.Conflict, "该年度确认已生效，不能重复生效");
        }

        // Read after the campaign row is held, so every outcome recorded before is seen (see RecordAsync).
        var items = await db.VeteranConfirmations.AsNoTracking().Where(i => i.CampaignId == campaignId).ToListAsync(ct);
        var ended = items.Where(i => i.Outcome == ConfirmationOutcome.Ended).ToDictionary(i => i.EntitlementId);
        var ids = ended.Keys.ToList();
        // A person who died or was ended since the list was made keeps that earlier end.
        foreach (var e in await db.VeteranEntitlements.Where(e => ids.Contains(e.Id) && e.Status == EntitlementStatus.Active).ToListAsync(ct))
        {
            var item = ended[e.Id];
            var reason = ConfirmationReasons.All.First(x => x.Code == item.Reason);
            var note = $"{campaign.Year}年度确认终止：{reason.Name}" + (item.Note is null ? "" : $"（{item.Note}）");
            (e.Status, e.EndMonth, e.EndNote) = (EntitlementStatus.Ended, campaign.EffectiveMonth, note[..Math.Min(note.Length, VeteranEntitlement.NoteMaxLength)]);
            if (e.EnrollmentId is { } enrollment)
            {
                await benefits.EndAsync(enrollment, campaign.EffectiveMonth, reason.PayrollReason, note, actor, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return VeteranResult<AppliedConfirmation>.Done(new AppliedConfirmation(items.Count(i => i.Outcome == ConfirmationOutcome.Confirmed), ended.Count,
            EntitlementQueries.Month(campaign.EffectiveMonth)));
    }
}
