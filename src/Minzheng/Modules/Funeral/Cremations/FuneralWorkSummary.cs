using System.Globalization;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>
/// 殡葬's part of the drafted work summary, in the words of bureau reports ("火化遗体101具，其中农业人口48具…惠民殡葬减免158例25万元");
/// figures only, never a name. Each sentence is left out when its figures are all zero in the period (no cremation, no plot sold or burial, no illegal burial).
/// </summary>
public sealed class FuneralWorkSummary(FuneralQueries queries) : IWorkSummaryContributor
{
    public async Task<IReadOnlyList<WorkSummarySection>> SectionsAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await queries.FiguresAsync(q.Prefix, q.From, q.To, ct);
        var source = Platform.Statistics.WorkSummaryDrafter.Source("funeral/statistics", q, dates: true);
        var sentences = new List<DraftSentence>();
        if (f.Cremations > 0)
        {
            sentences.Add(new DraftSentence(string.Create(CultureInfo.InvariantCulture,
                $"火化遗体{f.Cremations}具，其中农业人口{f.AgriculturalCremations}具；落实惠民殡葬政策，减免基本殡葬服务费用{f.WaiverCases}例{ReportFormat.Wan(f.WaiverAmount)}；火化信息与社会救助比对，发现在保对象死亡{f.EnrolledDeceased}人。"),
                source));
        }

        if (f.Deaths is { Deaths: > 0 } d)
        {
            var burialRate = d.PublicBurialRate is { } rate ? $"，入公墓率{FuneralDeathStatistics.Percent(rate)}" : "";
            sentences.Add(new DraftSentence(string.Create(CultureInfo.InvariantCulture,
                $"死亡{d.Deaths}人，火化{d.Cremations}具，火化率{FuneralDeathStatistics.Percent(d.CremationRate)}；公益性公墓安葬{d.PublicBurials}人{burialRate}。"),
                source));
        }

        var reclaims = f.Reclaims is { } r && (r.Noticed > 0 || r.Reclaimed > 0)
            ? $"；对到期未续期的墓穴发出催告{r.Noticed}份，依法收回{r.Reclaimed}个" : "";
        if (f.PlotsSold > 0 || f.Burials > 0 || reclaims.Length > 0)
        {
            sentences.Add(new DraftSentence(string.Create(CultureInfo.InvariantCulture,
                $"公墓共有墓穴{f.Plots}个，售出{f.PlotsSold}个，安葬{f.Burials}人{reclaims}。"), source));
        }

        if (f.IllegalBurialsFound > 0 || f.IllegalBurialsRectified > 0 || f.IllegalBurialsPenalised > 0)
        {
            var fines = f.IllegalBurialsPenalised > 0 ? $"，处罚{f.IllegalBurialsPenalised}户、罚款{ReportFormat.Wan(f.PenaltyAmount)}" : "";
            sentences.Add(new DraftSentence(string.Create(CultureInfo.InvariantCulture,
                $"制止乱埋乱葬{f.IllegalBurialsFound}起，整改到位{f.IllegalBurialsRectified}起{fines}。"), source));
        }

        if (f.Graves is { } g && (g.GravesRegistered > 0 || g.GraveCertificates > 0 || g.GravesRelocated > 0 || g.GravesRemoved > 0))
        {
            var into = g.GravesIntoCemeteries > 0 ? $"（其中迁入公墓{g.GravesIntoCemeteries}冢）" : "";
            var removed = g.GravesRemoved > 0 ? $"，平毁{g.GravesRemoved}冢" : "";
            sentences.Add(new DraftSentence(string.Create(CultureInfo.InvariantCulture,
                $"登记已有坟墓{g.GravesRegistered}冢，发墓穴证{g.GraveCertificates}个，迁移{g.GravesRelocated}冢{into}{removed}。"), source));
        }

        if (f.Graves is { } o && (o.Officers > 0 || o.SubsidyPaid > 0))
        {
            var paid = o.SubsidyPaid > 0 ? $"，发放补贴{o.SubsidyPaidRows}人次{ReportFormat.Wan(o.SubsidyPaid)}" : "";
            sentences.Add(new DraftSentence(string.Create(CultureInfo.InvariantCulture, $"在任殡改信息员{o.Officers}名{paid}。"), source));
        }

        if (f.Memorials is { } m && (m.Booked > 0 || m.Delivered > 0))
        {
            sentences.Add(new DraftSentence(string.Create(CultureInfo.InvariantCulture,
                $"受理云祭扫、代祭扫预约{m.Booked}次，完成祭扫服务{m.Delivered}次（其中代祭扫{m.ProxyDelivered}次）。"), source));
        }

        return sentences.Count == 0 ? [] : [new WorkSummarySection("殡葬管理", sentences)];
    }
}
