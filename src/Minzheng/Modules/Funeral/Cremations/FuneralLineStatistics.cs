using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>殡葬's row of the 民政事业统计 tables and the dashboard: cremations, fee waivers, the public cemeteries' plots, burials and reclaims, illegal burials, old graves and information officers.</summary>
public sealed class FuneralLineStatistics(FuneralQueries queries) : ILineStatistics
{
    public string Permission => FuneralModule.Read;

    public async Task<LineFigures> FiguresAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await queries.FiguresAsync(q.Prefix, q.From, q.To, ct);
        // A rate with nothing to divide by is left out rather than shown as 0%.
        List<LineFigure> rates = [];
        if (f.Deaths?.CremationRate is { } cremationRate)
        {
            rates.Add(LineFigure.Rate("cremationRate", "火化率", cremationRate));
        }

        if (f.Deaths?.PublicBurialRate is { } burialRate)
        {
            rates.Add(LineFigure.Rate("publicBurialRate", "入公墓率", burialRate));
        }

        return new LineFigures("funeral", "殡葬管理", "/Cremations/Statistics",
        [
            LineFigure.Count("deaths", "死亡人数", f.Deaths?.Deaths ?? 0, "人"),
            LineFigure.Count("cremations", "火化遗体", f.Cremations, "具"),
            LineFigure.Count("agriculturalCremations", "其中农业人口", f.AgriculturalCremations, "具"),
            LineFigure.Count("waiverCases", "减免基本殡葬服务费用", f.WaiverCases, "例"),
            LineFigure.Money("waiverAmount", "减免金额", f.WaiverAmount),
            LineFigure.Count("plots", "公墓墓穴", f.Plots, "个"),
            LineFigure.Count("plotsSold", "期内售出墓穴", f.PlotsSold, "个"),
            LineFigure.Count("burials", "期内公墓安葬", f.Burials, "人"),
            LineFigure.Count("publicBurials", "其中公益性公墓安葬", f.Deaths?.PublicBurials ?? 0, "人"),
            LineFigure.Count("reclaimNotices", "发出墓穴到期催告", f.Reclaims?.Noticed ?? 0, "份"),
            LineFigure.Count("plotsReclaimed", "到期收回墓穴", f.Reclaims?.Reclaimed ?? 0, "个"),
            LineFigure.Count("illegalBurialsFound", "发现乱埋乱葬", f.IllegalBurialsFound, "起"),
            LineFigure.Count("illegalBurialsRectified", "乱埋乱葬整改到位", f.IllegalBurialsRectified, "起"),
            LineFigure.Count("illegalBurialsPenalised", "乱埋乱葬处罚", f.IllegalBurialsPenalised, "户"),
            LineFigure.Money("penaltyAmount", "罚款金额", f.PenaltyAmount),
            LineFigure.Count("gravesRegistered", "登记已有坟墓", f.Graves?.GravesRegistered ?? 0, "冢"),
            LineFigure.Count("graveCertificates", "已有坟墓发墓穴证", f.Graves?.GraveCertificates ?? 0, "个"),
            LineFigure.Count("gravesRelocated", "迁移坟墓", f.Graves?.GravesRelocated ?? 0, "冢"),
            LineFigure.Count("gravesIntoCemeteries", "其中迁入公墓", f.Graves?.GravesIntoCemeteries ?? 0, "冢"),
            LineFigure.Count("informationOfficers", "在任殡改信息员", f.Graves?.Officers ?? 0, "名"),
            LineFigure.Money("officerSubsidyPaid", "发放殡改信息员补贴", f.Graves?.SubsidyPaid ?? 0m),
            LineFigure.Count("memorialsBooked", "受理云祭扫、代祭扫预约", f.Memorials?.Booked ?? 0, "次"),
            LineFigure.Count("memorialsDelivered", "完成祭扫服务", f.Memorials?.Delivered ?? 0, "次"),
            .. rates,
        ]);
    }
}
