using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Calendar;
using Minzheng.Platform.Data;
using Minzheng.Platform.Kernel;
using Minzheng.Platform.Security;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialOrganizations.AnnualInspections;

/// <summary>Publishes the year's results on <c>publishedOn</c> (default today).</summary>
public sealed record PublishInspectionRequest(string? PublishedOn);

public sealed record PublishedInspection(int Year, DateOnly PublishedOn);

/// <summary>
/// 年检结果公告: once every report received is reviewed and the report deadline has passed (or every organisation has
/// reported), the registrar publishes the year's results once. From that day anyone may read the list: 合格, 基本合格,
/// 不合格 and 未参加年检 (<see cref="PublicLookup.PublishedInspections"/>).
/// </summary>
public sealed class InspectionPublication(MinzhengDbContext db, IRegionScope scope, TimeProvider clock)
{
    public async Task<OrgResult<PublishedInspection>> PublishAsync(int year, PublishInspectionRequest request, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = new FieldErrors();
        var on = string.IsNullOrWhiteSpace(request.PublishedOn) ? today : OrganizationInput.Date(request.PublishedOn, "publishedOn", "公告日期", today, errors);
        if (errors.Any)
        {
            return OrgResult<PublishedInspection>.Invalid(errors);
        }

        if (scope.Prefix.Length > 6)
        {
            return OrgResult<PublishedInspection>.Refused(Outcome.Rejected, "年检结果由县级以上民政部门公告，乡镇（街道）账户不能公告");
        }

        var county = scope.RegionCode()[..6];
        var campaign = await db.InspectionCampaigns.SingleOrDefaultAsync(c => c.AuthorityCode == county && c.Year == year, ct);
        if (campaign is null)
        {
            return OrgResult<PublishedInspection>.Refused(Outcome.NotFound, $"{year}年度年检尚未开启，没有可公告的结果");
        }

        if (campaign.PublishedOn is { } published)
        {
            return OrgResult<PublishedInspection>.Refused(Outcome.Conflict, $"{year}年度年检结果已于{published:yyyy-MM-dd}公告，不能重复公告");
        }

        if (on!.Value < campaign.OpenedOn)
        {
            errors.Add("publishedOn", $"公告日期（publishedOn）不能早于年检通知日期 {campaign.OpenedOn:yyyy-MM-dd}");
            return OrgResult<PublishedInspection>.Invalid(errors);
        }

        if (await PendingAsync(campaign, on.Value, ct) is { } pending)
        {
            return OrgResult<PublishedInspection>.Refused(Outcome.Conflict, pending);
        }

        // Saved through the change tracker, so the audit log records who published and when.
        campaign.PublishedOn = on;
        return await OrgResult<PublishedInspection>.SaveAsync(db, new PublishedInspection(year, on.Value), $"{year}年度年检结果已经公告（可能是同时提交），不能重复公告", ct);
    }

    /// <summary>Why the results cannot be published yet: reports awaiting review, or organisations still within the report deadline.</summary>
    private async Task<string?> PendingAsync(InspectionCampaign campaign, DateOnly on, CancellationToken ct)
    {
        var counts = await db.InspectionEntries.Where(e => e.CampaignId == campaign.Id && (e.Status == InspectionStatus.Submitted || e.Status == InspectionStatus.Notified))
            .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (counts.GetValueOrDefault(InspectionStatus.Submitted) is > 0 and var submitted)
        {
            return $"尚有{submitted}家社会组织的年度工作报告已报送、未审查，全部审查后才能公告";
        }

        return counts.GetValueOrDefault(InspectionStatus.Notified) is > 0 and var notReported && on <= campaign.ReportBy
            ? $"报送截止日期（{campaign.ReportBy:yyyy-MM-dd}）前尚有{notReported}家未报送年度工作报告，截止后或全部报送后才能公告"
            : null;
    }
}
