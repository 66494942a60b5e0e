using Minzheng.Platform.Statistics;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>婚姻登记's row of the 民政事业统计 tables and the dashboard: the five counts of the register, and who married.</summary>
public sealed class MarriageLineStatistics(MarriageQueries queries) : ILineStatistics
{
    public string Permission => MarriageModule.Read;

    public async Task<LineFigures> FiguresAsync(ReportQuery q, CancellationToken ct)
    {
        var f = await queries.CountsAsync(q.Prefix, q.From, q.To, ct);
        return new LineFigures("marriage", "婚姻登记", "/Marriages/Statistics",
        [
            LineFigure.Count("total", "婚姻登记", f.Total, "对"),
            LineFigure.Count("marriages", "结婚登记", f.Marriages, "对"),
            LineFigure.Count("divorces", "离婚登记", f.Divorces, "对"),
            LineFigure.Count("reissuedMarriageCertificates", "补发结婚证", f.ReissuedMarriageCertificates, "对"),
            LineFigure.Count("reissuedDivorceCertificates", "补发离婚证", f.ReissuedDivorceCertificates, "对"),
            LineFigure.Count("revocations", "撤销婚姻", f.Revocations, "对"),
            LineFigure.Count("firstMarriages", "结婚当事人中初婚", f.Parties.FirstMarriages, "人"),
            LineFigure.Count("remarriages", "结婚当事人中再婚", f.Parties.Remarriages, "人"),
            LineFigure.Count("foreignMarriages", "涉外结婚登记", f.CrossBorder!.ForeignMarriages, "对"),
            LineFigure.Count("hongKongMacaoTaiwanMarriages", "涉港澳台结婚登记", f.CrossBorder.HongKongMacaoTaiwanMarriages, "对"),
            LineFigure.Count("overseasChineseMarriages", "华侨结婚登记", f.CrossBorder.OverseasChineseMarriages, "对"),
        ]);
    }
}
