using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Cases;
using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Reviews;

/// <param name="MonthsSinceReview">Only enrolments not reviewed (or started) within this many months: 12 for stable households, 6 for
/// households with able-bodied members and unstable income (POLICY §1); null = every active enrolment.</param>
/// <param name="Sample">all (复核, the default), random (回头看: <paramref name="Percent"/>% drawn reproducibly) or risk (回头看 of households with findings, tip-offs or staff relatives).</param>
public sealed record OpenCampaignRequest(string? Program, string? RegionCode, string? Name, string? DueOn, string? EffectiveMonth, int? MonthsSinceReview = null,
    string? Sample = null, int? Percent = null);

public sealed record OutcomeRequest(string? Outcome, decimal? MonthlyAmount, string? Reason, int? Months, string? Note);

public sealed record TownshipProgress(string RegionCode, string Name, int Total, int Done);

/// <param name="CancelledHouseholds">清退: households whose outcome is cancel or gradual exit, and their covered persons.</param>
public sealed record CampaignDto(Guid Id, string Program, string ProgramName, string RegionCode, string Name, DateOnly DueOn, string EffectiveMonth,
    string Status, int Total, int Done, List<TownshipProgress> Townships, string Sample, string SampleName, int? Percent, int CancelledHouseholds, int CancelledPersons);

public sealed record ReviewItemDto(Guid Id, Guid EnrollmentId, string RegionCode, string PersonName, string IdNumberMasked, decimal MonthlyAmount,
    int CoveredPersons, string Outcome, decimal? NewAmount, string? Reason, int? Months, string? Note);

/// <summary>复核 campaigns: open (list every active enrolment due), record outcomes, see progress, apply from the effective month.</summary>
public sealed class ReviewService(MinzhengDbContext db, EnrollmentService enrollments, RegionService regions, IRegionScope scope, TimeProvider clock)
{
    public async Task<(Guid? Id, FieldErrors Errors)> OpenAsync(OpenCampaignRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (AssistancePrograms.ByCode(request.Program) is null)
        {
            errors.Add("program", "请选择复核的保障项目");
        }

        var prefix = RegionCode.ToScopePrefix(request.RegionCode);
        if (prefix is null || !prefix.StartsWith(scope.Prefix, StringComparison.Ordinal))
        {
            errors.Add("regionCode", "复核区划应为您管辖范围内的区划代码或其前缀");
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > ReviewCampaign.NameMaxLength)
        {
            errors.Add("name", $"复核名称应为1到{ReviewCampaign.NameMaxLength}个字，如“2027年3月农村低保年度复核”");
        }

        var today = clock.Today();
        var dueOn = InputValues.ParseDate(request.DueOn, "dueOn", required: true, errors);
        if (dueOn < today)
        {
            errors.Add("dueOn", "完成期限不能早于今天");
        }

        if (!InputValues.TryParseMonth(request.EffectiveMonth, out var effective))
        {
            errors.Add("effectiveMonth", "生效月份应为 YYYY-MM");
        }

        if (request.MonthsSinceReview is < 1 or > 60)
        {
            errors.Add("monthsSinceReview", "复核周期应为1到60个月");
        }

        var sample = request.Sample ?? "all";
        if (!CampaignSample.Names.ContainsKey(sample))
        {
            errors.Add("sample", "抽查方式 sample 应为 all（全部）、random（随机抽查）或 risk（按风险抽查）");
        }
        else if (sample == "random" && request.Percent is not (>= 1 and <= 100))
        {
            errors.Add("percent", "随机抽查须填写抽查比例 percent（1到100）");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var campaign = new ReviewCampaign
        {
            RegionCode = prefix!.PadRight(RegionCode.Length, '0'),
            RegionPrefix = prefix,
            Program = request.Program!,
            Name = name,
            DueOn = dueOn!.Value,
            EffectiveMonth = effective,
            Sample = sample,
            Percent = sample == "random" ? request.Percent : null,
        };
        db.ReviewCampaigns.Add(campaign);
        // Every enrolment still paying in the effective month is due (POLICY §1: stable households yearly, others more often;
        // the county opens campaigns at the frequency each category needs).
        var due = await db.Enrollments.Where(e => e.Program == campaign.Program && e.RegionCode.StartsWith(prefix) && e.Status == EnrollmentStatus.Active
                && e.StartMonth < effective && (e.EndMonth == null || e.EndMonth >= effective))
            .Select(e => new { e.Id, e.RegionCode, e.StartMonth, e.HouseholdId }).ToListAsync(ct);
        if (request.MonthsSinceReview is { } months)
        {
            // Due: started, and last reviewed or adjusted, at least that many months before the effective month.
            var cutoff = effective.AddMonths(-months);
            var ids = due.Select(e => e.Id).ToList();
            var lastReviewed = await db.EnrollmentEvents.Where(x => ids.Contains(x.EnrollmentId)
                    && (x.Kind == EnrollmentEventKind.Reviewed || x.Kind == EnrollmentEventKind.Adjusted))
                .GroupBy(x => x.EnrollmentId).Select(g => new { g.Key, Last = g.Max(x => x.EffectiveMonth) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
            due = due.Where(e => (lastReviewed.TryGetValue(e.Id, out var last) ? last : e.StartMonth) <= cutoff).ToList();
        }

        if (sample == "random")
        {
            due = CampaignSample.Random(due, request.Percent!.Value, campaign.Id, e => e.Id);
        }
        else if (sample == "risk")
        {
            var risky = await CampaignSample.RiskyHouseholdsAsync(db, due.Select(e => e.HouseholdId).Distinct().ToList(), ct);
            due = due.Where(e => risky.Contains(e.HouseholdId)).ToList();
        }

        db.ReviewItems.AddRange(due.Select(e => new ReviewItem { CampaignId = campaign.Id, EnrollmentId = e.Id, RegionCode = e.RegionCode }));
        await db.SaveChangesAsync(ct);
        return (campaign.Id, errors);
    }

    public async Task<List<CampaignDto>> ListAsync(CancellationToken ct)
    {
        var campaigns = await Visible().AsNoTracking().OrderByDescending(c => c.EffectiveMonth).ToListAsync(ct);
        var result = new List<CampaignDto>();
        foreach (var c in campaigns)
        {
            result.Add(await DtoAsync(c, ct));
        }

        return result;
    }

    public async Task<(CampaignDto Campaign, List<ReviewItemDto> Items)?> GetAsync(Guid id, CancellationToken ct)
    {
        var c = await Visible().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var items = await db.ReviewItems.AsNoTracking().Where(i => i.CampaignId == id)
            .Join(db.Enrollments, i => i.EnrollmentId, e => e.Id, (i, e) => new { i, e })
            .Join(db.Persons, x => x.e.PersonId, p => p.Id, (x, p) => new { x.i, x.e, p.Name, p.IdNumberMasked })
            .OrderBy(x => x.i.RegionCode).ThenBy(x => x.Name).ToListAsync(ct);
        return (await DtoAsync(c, ct), items.Select(x => new ReviewItemDto(x.i.Id, x.e.Id, x.i.RegionCode, x.Name, x.IdNumberMasked, x.e.MonthlyAmount,
            x.e.CoveredPersons, InputValues.Code(x.i.Outcome), x.i.NewAmount, x.i.Reason, x.i.Months, x.i.Note)).ToList());
    }

    /// <summary>Records (or corrects) the outcome of one enrolment while the campaign is open.</summary>
    public async Task<(Outcome Outcome, string? Message)> RecordAsync(Guid campaignId, Guid itemId, OutcomeRequest request, CancellationToken ct)
    {
        var campaign = await Visible().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        var item = await db.ReviewItems.SingleOrDefaultAsync(i => i.Id == itemId && i.CampaignId == campaignId, ct);
        if (campaign is null || item is null)
        {
            return (Outcome.NotFound, "复核记录不存在或不在您的管辖范围内");
        }

        if (campaign.Status != CampaignStatus.Open)
        {
            return (Outcome.Conflict, "该复核已生效，不能再修改结果");
        }

        var outcome = Enum.TryParse<ReviewOutcome>(request.Outcome?.Replace("-", "", StringComparison.Ordinal), true, out var o) && o != ReviewOutcome.Pending
            ? o
            : (ReviewOutcome?)null;
        var problem = outcome switch
        {
            null => "复核结果应为 continue（维持）、adjust（调整）、cancel（停保）或 gradual-exit（渐退）",
            ReviewOutcome.Adjust when !InputValues.IsMoney(request.MonthlyAmount) => "调整须填写新的月保障金额",
            ReviewOutcome.Cancel or ReviewOutcome.GradualExit when request.Reason is null || !TerminationReasons.All.ContainsKey(request.Reason) =>
                $"停保或渐退须选择原因：{string.Join("、", TerminationReasons.All.Values)}",
            ReviewOutcome.GradualExit when request.Months is not (> 0 and <= Enrollment.MaxGradualExitMonths) => "渐退须填写1到36个月",
            _ => null,
        };
        if (problem is not null)
        {
            return (Outcome.Conflict, problem);
        }

        (item.Outcome, item.NewAmount, item.Reason, item.Months, item.Note) = (outcome!.Value, request.MonthlyAmount, request.Reason, request.Months,
            request.Note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 500)] : null);
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, null);
    }

    /// <summary>Every outcome takes effect from the effective month, in one transaction; refused while any item is pending.</summary>
    public async Task<(Outcome Outcome, string? Message)> ApplyAsync(Guid id, string actor, CancellationToken ct)
    {
        var campaign = await db.ReviewCampaigns.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return (Outcome.NotFound, "复核不存在或不在您的管辖范围内");
        }

        if (campaign.Status != CampaignStatus.Open)
        {
            return (Outcome.Conflict, "该复核已生效");
        }

        var items = await db.ReviewItems.Where(i => i.CampaignId == id).ToListAsync(ct);
        if (items.Count(i => i.Outcome == ReviewOutcome.Pending) is > 0 and var pending)
        {
            return (Outcome.Conflict, $"尚有 {pending} 户未录入复核结果，全部完成后方可生效");
        }

        var ids = items.Select(i => i.EnrollmentId).ToList();
        var byId = await db.Enrollments.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var month = campaign.EffectiveMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var item in items)
            {
                var action = item.Outcome switch
                {
                    ReviewOutcome.Adjust => "adjust",
                    ReviewOutcome.Cancel => "terminate",
                    ReviewOutcome.GradualExit => "gradual-exit",
                    _ => "continue",
                };
                enrollments.Apply(byId[item.EnrollmentId], action,
                    new EnrollmentActionRequest(month, item.NewAmount, null, item.Reason, item.Months, $"{campaign.Name}：{item.Note}".TrimEnd('：')), actor, campaign.Id);
            }
        }
        catch (DomainRuleException ex)
        {
            return (ex.Outcome, $"复核结果不能生效：{ex.Message}");
        }

        campaign.Status = CampaignStatus.Applied;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (Outcome.Done, null);
    }

    /// <summary>
    /// The campaigns of the caller's subtree, and those of a region above it with enrolments in it: a village or township
    /// records the outcomes of its part of a county 复核 and sees the progress of that part (its items are region-filtered).
    /// Applying a campaign stays with its own region (<see cref="ApplyAsync"/> reads the filtered set).
    /// </summary>
    private IQueryable<ReviewCampaign> Visible()
    {
        var own = scope.Prefix;
        var above = scope.PrefixesAbove();
        var items = db.ReviewItems;
        return db.ReviewCampaigns.AcrossRegions("a campaign of a region above the caller is shown when it has items in the caller's subtree; the items stay filtered")
            .Where(c => c.RegionCode.StartsWith(own) || (above.Contains(c.RegionPrefix) && items.Any(i => i.CampaignId == c.Id)));
    }

    private async Task<CampaignDto> DtoAsync(ReviewCampaign c, CancellationToken ct)
    {
        var counts = await db.ReviewItems.AsNoTracking().Where(i => i.CampaignId == c.Id)
            .Join(db.Enrollments, i => i.EnrollmentId, e => e.Id, (i, e) => new { i.RegionCode, i.Outcome, e.CoveredPersons }).ToListAsync(ct);
        var cancelled = counts.Where(x => x.Outcome is ReviewOutcome.Cancel or ReviewOutcome.GradualExit).ToList();
        var towns = counts.GroupBy(x => ReserveFundService.TownshipOf(x.RegionCode)).ToList();
        var names = await regions.NamesOfAsync(towns.Select(g => g.Key), ct);
        return new CampaignDto(c.Id, c.Program, AssistancePrograms.NameOf(c.Program), c.RegionPrefix, c.Name, c.DueOn,
            c.EffectiveMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), InputValues.Code(c.Status), counts.Count,
            counts.Count(x => x.Outcome != ReviewOutcome.Pending),
            towns.OrderBy(g => g.Key).Select(g => new TownshipProgress(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Count(), g.Count(x => x.Outcome != ReviewOutcome.Pending))).ToList(),
            c.Sample, CampaignSample.Names.GetValueOrDefault(c.Sample, c.Sample), c.Percent, cancelled.Count, cancelled.Sum(x => x.CoveredPersons));
    }
}
