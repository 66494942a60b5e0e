using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Veterans.Entitlements;

/// <summary>优抚安置's row of the 民政事业统计 tables and the dashboard: the entitled stock, its monthly amount, placements, and the one-off aid its people received.</summary>
public sealed class VeteranLineStatistics(VeteranStatistics statistics) : ILineStatistics
{
    public string Permission => VeteransModule.Read;

    public async Task<LineFigures> FiguresAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await statistics.FiguresAsync(q.Prefix, q.From, q.To, ct);
        return new LineFigures("veterans", "优抚安置", "/Veterans/Statistics",
        [
            LineFigure.Count("persons", "在册重点优抚对象", f.Persons, "人"),
            LineFigure.Money("monthlyAmount", "月发放抚恤补助", f.MonthlyAmount),
            LineFigure.Count("newPersons", "期内新增优抚对象", f.NewPersons, "人"),
            LineFigure.Count("deaths", "期内去世", f.Deaths, "人"),
            LineFigure.Money("funeralAid", "发放丧葬补助", f.FuneralAid),
            LineFigure.Count("placements", "接收安置退役士兵", f.Placements.Sum(p => p.Soldiers), "名"),
            .. f.Aid.SelectMany(a => new[]
            {
                LineFigure.Count(a.Program + "AidTimes", $"困难优抚对象{a.Name}", a.Times, "人次"),
                LineFigure.Money(a.Program + "AidAmount", $"困难优抚对象{a.Name}金额", a.Amount),
            }),
        ]);
    }
}
