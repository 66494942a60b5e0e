using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.AnnualInspections;

/// <summary>
/// 年检: open a year's campaign for the county (every organisation due is notified at once), receive each report, review
/// it. A report of an organisation not due, a second campaign for the same year or a review before the report is refused
/// and nothing is written.
/// </summary>
public sealed class InspectionService(MinzhengDbContext db, IRegionScope scope, TimeProvider clock)
{
    public async Task<OrgResult<OpenedCampaign>> OpenAsync(OpenCampaignRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        if (request.Year is not { } year || year < 2000 || year > today.Year)
        {
            errors.Add("year", $"年检年度（year）应为2000至{today.Year}年之间的年份");
            year = 0;
        }

        var opened = string.IsNullOrWhiteSpace(request.OpenedOn) ? today : OrganizationInput.Date(request.OpenedOn, "openedOn", "通知日期", today, errors);
        // By default reports are due on 31 May of the next year; a campaign opened later than that gives a month.
        var reportBy = string.IsNullOrWhiteSpace(request.ReportBy)
            ? Later(new DateOnly(Math.Max(year, 2000) + 1, 5, 31), (opened ?? today).AddMonths(1))
            : InputValues.ParseDate(request.ReportBy, "reportBy", true, errors);
        if (opened is { } o && reportBy is { } r && r < o)
        {
            errors.Add("reportBy", "报送截止日期（reportBy）不能早于通知日期");
        }

        if (errors.Any)
        {
            return OrgResult<OpenedCampaign>.Invalid(errors);
        }

        if (scope.Prefix.Length > 6)
        {
            return OrgResult<OpenedCampaign>.Refused(Outcome.Rejected, "年检由县级以上民政部门组织，乡镇（街道）账户不能开启年检");
        }

        var region = scope.RegionCode();
        var county = region[..6];
        if (await db.InspectionCampaigns.AnyAsync(c => c.AuthorityCode == county && c.Year == year, ct))
        {
            return OrgResult<OpenedCampaign>.Refused(Outcome.Conflict, $"{year}年度年检已经开启，不能重复开启");
        }

        var dueBy = InspectionCampaign.DueIfEstablishedBy(year);
        var due = await db.SocialOrganizations.Where(x => x.AuthorityCode == county && x.Status == SocialOrganizationStatus.Active && x.EstablishedOn <= dueBy)
            .Select(x => new { x.Id, x.RegionCode }).ToListAsync(ct);
        var campaign = new InspectionCampaign { RegionCode = region, AuthorityCode = county, Year = year, OpenedOn = opened!.Value, ReportBy = reportBy!.Value };
        db.InspectionCampaigns.Add(campaign);
        db.InspectionEntries.AddRange(due.Select(x => new InspectionEntry
        {
            CampaignId = campaign.Id,
            OrganizationId = x.Id,
            RegionCode = x.RegionCode,
            Year = year,
            Status = InspectionStatus.Notified,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return OrgResult<OpenedCampaign>.Refused(Outcome.Conflict, $"{year}年度年检已经开启（可能是同时提交），不能重复开启");
        }

        return OrgResult<OpenedCampaign>.Done(new OpenedCampaign(campaign.Id, year, campaign.ReportBy, due.Count));
    }

    public async Task<OrgResult<int>> ReportAsync(int year, Guid organizationId, InspectionReportRequest request, CancellationToken ct)
    {
        if (await EntryAsync(year, organizationId, ct) is not { } found)
        {
            return await NotDueAsync(year, organizationId, ct);
        }

        var (entry, campaign) = found;
        if (entry.Status != InspectionStatus.Notified)
        {
            return OrgResult<int>.Refused(Outcome.Conflict, $"该组织{year}年度的年度工作报告已于{entry.SubmittedOn:yyyy-MM-dd}报送，不能重复报送");
        }

        var errors = new FieldErrors();
        var submitted = OrganizationInput.Date(request.SubmittedOn, "submittedOn", "报送日期", clock.Today(), errors);
        if (submitted < campaign.OpenedOn)
        {
            errors.Add("submittedOn", $"报送日期不能早于年检通知日期 {campaign.OpenedOn:yyyy-MM-dd}");
        }

        entry.Income = Amount(request.Income, "income", "本年度收入", errors, allowNegative: false);
        entry.Expenditure = Amount(request.Expenditure, "expenditure", "本年度支出", errors, allowNegative: false);
        entry.NetAssets = Amount(request.NetAssets, "netAssets", "年末净资产", errors, allowNegative: true);
        if (request.Staff is not (>= 0 and <= 100_000))
        {
            errors.Add("staff", "专职工作人员数（staff）应为0至100000之间的整数");
        }

        var activities = TextRules.Field(request.Activities, "activities", "年度开展活动情况", InspectionEntry.ActivitiesMaxLength, errors, required: true, multiLine: true);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Invalid(errors);
        }

        entry.Status = InspectionStatus.Submitted;
        entry.SubmittedOn = submitted;
        entry.Staff = request.Staff;
        entry.Activities = activities;
        return await SaveAsync(ct);
    }

    public async Task<OrgResult<int>> ReviewAsync(int year, Guid organizationId, InspectionReviewRequest request, CancellationToken ct)
    {
        if (await EntryAsync(year, organizationId, ct) is not { } found)
        {
            return await NotDueAsync(year, organizationId, ct);
        }

        var entry = found.Entry;
        if (entry.Status is not (InspectionStatus.Submitted or InspectionStatus.Rectifying))
        {
            return OrgResult<int>.Refused(Outcome.Conflict, entry.Status == InspectionStatus.Notified
                ? "该组织尚未报送年度工作报告，不能审查"
                : $"该组织{year}年度年检已审查（{InspectionEntry.StatusName(entry.Status)}），不能重复审查");
        }

        var errors = new FieldErrors();
        var reviewed = OrganizationInput.Date(request.ReviewedOn, "reviewedOn", "审查日期", clock.Today(), errors);
        if (reviewed < entry.SubmittedOn)
        {
            errors.Add("reviewedOn", $"审查日期不能早于报送日期 {entry.SubmittedOn:yyyy-MM-dd}");
        }

        var result = request.Result?.Trim() switch
        {
            "qualified" => InspectionStatus.Qualified,
            "basically-qualified" => InspectionStatus.BasicallyQualified,
            "rectify" => InspectionStatus.Rectifying,
            "unqualified" => InspectionStatus.Unqualified,
            _ => (InspectionStatus?)null,
        };
        if (result is null)
        {
            errors.Add("result", "年检结论（result）应为 qualified（合格）、basically-qualified（基本合格）、rectify（限期整改）或 unqualified（不合格）");
        }

        var reason = TextRules.Field(request.Reason, "reason", "结论理由", TextRules.MultiLineMax, errors,
            required: result is not (null or InspectionStatus.Qualified), multiLine: true);
        DateOnly? rectifyBy = null;
        if (result == InspectionStatus.Rectifying)
        {
            if (string.IsNullOrWhiteSpace(request.RectifyBy))
            {
                errors.Add("rectifyBy", "结论为限期整改时须填写整改期限（rectifyBy）");
            }
            else if (InputValues.TryParseDate(request.RectifyBy, out var parsed))
            {
                rectifyBy = parsed;
            }
            else
            {
                errors.Add("rectifyBy", "整改期限（rectifyBy）应为有效日期 YYYY-MM-DD");
            }

            if (rectifyBy is { } by && reviewed is { } on && (by <= on || by > on.AddYears(1)))
            {
                errors.Add("rectifyBy", "整改期限（rectifyBy）应在审查日期之后一年以内");
            }
        }

        if (errors.Any)
        {
            return OrgResult<int>.Invalid(errors);
        }

        entry.Status = result!.Value;
        entry.ReviewedOn = reviewed;
        entry.Reason = reason;
        entry.RectifyBy = rectifyBy;
        return await SaveAsync(ct);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static decimal? Amount(decimal? value, string field, string label, FieldErrors errors, bool allowNegative)
    {
        var min = allowNegative ? -OrganizationInput.MaxCapital : 0;
        if (value is not { } v || v < min || v > OrganizationInput.MaxCapital || decimal.Round(v, 2) != v)
        {
            errors.Add(field, $"{label}（{field}）应为{(allowNegative ? "" : "不小于0、")}绝对值不超过1万亿元、最多两位小数的金额（元）");
            return null;
        }

        return v;
    }

    private async Task<(InspectionEntry Entry, InspectionCampaign Campaign)?> EntryAsync(int year, Guid organizationId, CancellationToken ct)
    {
        var county = scope.RegionCode()[..6];
        var campaign = await db.InspectionCampaigns.SingleOrDefaultAsync(c => c.AuthorityCode == county && c.Year == year, ct);
        var entry = campaign is null ? null
            : await db.InspectionEntries.SingleOrDefaultAsync(e => e.CampaignId == campaign.Id && e.OrganizationId == organizationId, ct);
        return entry is null ? null : (entry, campaign!);
    }

    private async Task<OrgResult<int>> NotDueAsync(int year, Guid organizationId, CancellationToken ct) =>
        await db.SocialOrganizations.AnyAsync(o => o.Id == organizationId, ct)
            ? OrgResult<int>.Refused(Outcome.Rejected, $"该组织不在{year}年度年检名单内（年检未开启，或该组织当年6月30日后成立、已注销或被撤销），不接收其年检报告")
            : OrgResult<int>.Refused(Outcome.NotFound, "社会组织不存在或不在您的管辖范围内");

    private async Task<OrgResult<int>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OrgResult<int>.Done(1);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return OrgResult<int>.Refused(Outcome.Conflict, "该年检记录刚被他人办理，请刷新后查看");
        }
    }
}
