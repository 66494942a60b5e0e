using Microsoft.EntityFrameworkCore;
using Minzheng.Platform.Data;
using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Funeral.Cremations;

/// <summary>殡葬's row of the 民政事业统计 tables and the dashboard: cremations, fee waivers, and the public cemeteries' plots.</summary>
public sealed class FuneralLineStatistics(FuneralQueries queries, MinzhengDbContext db) : ILineStatistics
{
    public string Permission => FuneralModule.Read;

    public async Task<LineFigures> FiguresAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await queries.FiguresAsync(q.Prefix, q.From, q.To, ct);
        var plotSet = db.FuneralPlots;
        var plots = plotSet.AsNoTracking().Where(p => p.RegionCode.StartsWith(q.Prefix));
        var total = await plots.CountAsync(ct);
        var sold = await plots.CountAsync(p => p.SoldOn >= q.From && p.SoldOn <= q.To, ct);
        return new LineFigures("funeral", "殡葬管理", "/Cremations/Statistics",
        [
            LineFigure.Count("cremations", "火化遗体", f.Cremations, "具"),
            LineFigure.Count("agriculturalCremations", "其中农业人口", f.AgriculturalCremations, "具"),
            LineFigure.Count("waiverCases", "减免基本殡葬服务费用", f.WaiverCases, "例"),
            LineFigure.Money("waiverAmount", "减免金额", f.WaiverAmount),
            LineFigure.Count("plots", "公墓墓穴", total, "个"),
            LineFigure.Count("plotsSold", "期内售出墓穴", sold, "个"),
        ]);
    }
}
