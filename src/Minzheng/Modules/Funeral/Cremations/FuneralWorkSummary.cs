using System.Globalization;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>
/// 殡葬's part of the drafted work summary, in the words of bureau reports ("火化遗体101具，其中农业人口48具…惠民殡葬减免158例25万元");
/// figures only, never a name. Left out when the region recorded no cremation in the period.
/// </summary>
public sealed class FuneralWorkSummary(FuneralQueries queries) : IWorkSummaryContributor
{
    public async Task<IReadOnlyList<WorkSummarySection>> SectionsAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await queries.FiguresAsync(q.Prefix, q.From, q.To, ct);
        if (f.Cremations == 0)
        {
            return [];
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $"火化遗体{f.Cremations}具，其中农业人口{f.AgriculturalCremations}具；落实惠民殡葬政策，减免基本殡葬服务费用{f.WaiverCases}例{ReportFormat.Wan(f.WaiverAmount)}；火化信息与社会救助比对，发现在保对象死亡{f.EnrolledDeceased}人。");
        return [new WorkSummarySection("殡葬管理", [new DraftSentence(text, Platform.Statistics.WorkSummaryDrafter.Source("funeral/statistics", q, dates: true))])];
    }
}
