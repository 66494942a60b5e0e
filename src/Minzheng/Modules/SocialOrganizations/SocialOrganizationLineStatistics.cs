using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialOrganizations;

/// <summary>
/// 社会组织's row of the 民政事业统计 tables and the dashboard: registrations of the period, the register on its last day,
/// penalties of the period and the two credit lists on its last day, the 登记申请 received and decided in the period (and those
/// open today), and the annual inspection of the year before (reports of a year are inspected the next spring, as in the work summary).
/// </summary>
public sealed class SocialOrganizationLineStatistics(OrganizationStatistics statistics, InspectionQueries inspections, ApplicationQueries applications)
    : ILineStatistics
{
    public string Permission => SocialOrganizationsModule.Read;

    public async Task<LineFigures> FiguresAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await statistics.CountsAsync(q.Prefix, q.From, q.To, ct);
        var i = await inspections.SummaryAsync(q.To.Year - 1, q.Prefix, ct);
        var a = await applications.CountsAsync(q.Prefix, q.From, q.To, ct);
        return new LineFigures("socialOrganizations", "社会组织管理", "/Organizations/Statistics",
        [
            LineFigure.Count("active", "登记在册社会组织", f.Active, "家"),
            LineFigure.Count("established", "期内新成立", f.Established, "家"),
            LineFigure.Count("ended", "期内注销、撤销登记", f.Deregistered + f.Revoked, "家"),
            LineFigure.Count("applicationsReceived", "期内接收登记申请", a.Received, "件"),
            LineFigure.Count("applicationsApproved", "期内准予登记", a.Approved, "件"),
            LineFigure.Count("applicationsRefused", "期内不予登记、不予受理", a.Refused + a.NotAccepted, "件"),
            LineFigure.Count("applicationsOpen", "现有在办登记申请", a.OpenNow, "件"),
            LineFigure.Count("checks", "期内监督检查", f.Checks, "次"),
            LineFigure.Count("penalties", "期内行政处罚", f.Penalties, "件"),
            LineFigure.Count("abnormalListed", "列入活动异常名录", f.AbnormalListed, "家"),
            LineFigure.Count("dishonestListed", "列入严重违法失信名单", f.DishonestListed, "家"),
            LineFigure.Count("inspectionNotified", $"{q.To.Year - 1}年度年检通知", i.Notified, "家"),
            LineFigure.Count("inspectionSubmitted", "参检", i.Submitted, "家"),
            LineFigure.Count("inspectionPassed", "年检通过", i.Passed, "家"),
            LineFigure.Count("inspectionRectifying", "整改", i.Rectifying, "家"),
        ]);
    }
}
