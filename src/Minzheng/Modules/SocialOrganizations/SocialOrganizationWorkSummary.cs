using System.Globalization;
using Minzheng.Modules.SocialOrganizations.AnnualInspections;
using Minzheng.Modules.SocialOrganizations.Applications;
using Minzheng.Modules.SocialOrganizations.Organizations;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.SocialOrganizations;

/// <summary>
/// The line's part of the drafted work summary in the words of bureau reports ("新成立社会组织3家，其中社会团体2家…
/// 年检通知95家，参检21家，通过18家，整改3家"); figures only. The inspection is the one of the year before the period
/// ends (reports of a year are inspected the next spring). Left out when there is nothing to say.
/// </summary>
public sealed class SocialOrganizationWorkSummary(OrganizationStatistics statistics, InspectionQueries inspections, OrganizationSupervision supervision,
    ApplicationQueries applications) : IWorkSummaryContributor
{
    public async Task<IReadOnlyList<WorkSummarySection>> SectionsAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await statistics.CountsAsync(q.Prefix, q.From, q.To, ct);
        var year = q.To.Year - 1;
        var i = await inspections.SummaryAsync(year, q.Prefix, ct);
        var sentences = new List<DraftSentence>();
        if (f.Established + f.Deregistered + f.Revoked > 0)
        {
            var ends = f.Deregistered + f.Revoked > 0 ? $"；注销登记{f.Deregistered}家，撤销登记{f.Revoked}家" : "";
            sentences.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"新成立社会组织{f.Established}家，其中社会团体{f.Associations}家、民办非企业单位{f.PrivateNonEnterprises}家、基金会{f.Foundations}家{ends}；现有登记在册社会组织{f.Active}家。"),
                WorkSummaryDrafter.Source("social-organizations/statistics", q, dates: true)));
        }

        // 登记申请 of the period: received by receipt date, decided by decision date; the open ones are those open today.
        var a = await applications.CountsAsync(q.Prefix, q.From, q.To, ct);
        if (a.Received + a.Accepted + a.Approved + a.Refused + a.NotAccepted + a.Withdrawn > 0)
        {
            sentences.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"接收社会组织登记申请{a.Received}件，受理{a.Accepted}件，准予登记{a.Approved}件，不予登记{a.Refused}件，不予受理{a.NotAccepted}件，申请人撤回{a.Withdrawn}件，逾期作出决定或逾期未决定{a.Overdue}件；目前在办{a.OpenNow}件。"),
                WorkSummaryDrafter.Source("social-organizations/applications/statistics", q, dates: true)));
        }

        if (i.Notified > 0)
        {
            sentences.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"开展{year}年度社会组织年检，通知{i.Notified}家，参检{i.Submitted}家，通过{i.Passed}家，整改{i.Rectifying}家，不合格{i.Failed}家。"),
                string.Create(CultureInfo.InvariantCulture, $"/api/v1/social-organizations/inspections/{year}?region={q.RegionCode}")));
        }

        // Supervision of the period: checks by check date, penalties by decision date.
        if (f.Checks + f.Penalties > 0)
        {
            var confiscation = f.Confiscations > 0
                ? string.Create(CultureInfo.InvariantCulture, $"，没收违法所得{f.Confiscations}件、金额{f.ConfiscatedAmount:#,0.00}元")
                : "";
            sentences.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"开展社会组织监督检查{f.Checks}次，其中责令整改{f.ChecksOrderingRectification}次；作出行政处罚{f.Penalties}件，其中罚款{f.Fines}件、金额{f.FineAmount:#,0.00}元{confiscation}。"),
                WorkSummaryDrafter.Source("social-organizations/statistics", q, dates: true)));
        }

        // Decoupling is a standing list, not a flow of the period: the figures are as of today.
        var d = await supervision.DecouplingSummaryAsync(ct);
        if (d.Decoupled + d.Planned + d.Deferred > 0 && q.Prefix.Length <= 6)
        {
            sentences.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"推进行业协会商会与行政机关脱钩，列入名单{d.Decoupled + d.Planned + d.Deferred}家，其中已脱钩{d.Decoupled}家、拟脱钩{d.Planned}家、暂不脱钩{d.Deferred}家。"),
                "/api/v1/social-organizations/decoupling"));
        }

        return sentences.Count == 0 ? [] : [new WorkSummarySection("社会组织管理", sentences)];
    }
}
