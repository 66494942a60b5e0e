using Minzheng.Modules.SocialAssistance.Enrollments;
using Minzheng.Modules.SocialAssistance.Programs;

namespace Minzheng.Modules.SocialAssistance.Reports;

public sealed record ReasonCount(string Reason, string Name, int Households, int Persons);

/// <summary>
/// One programme's figures (DESIGN §5): stock as of <c>to</c> and flows within [from, to]. For the one-off programmes
/// (临时救助, 医疗救助) there is no stock: "new" counts the households and persons helped in the period (户次/人次),
/// <see cref="PeriodAmount"/> what was decided, and the reserve-fund fields the 先行救助 paid from township 备用金.
/// </summary>
public sealed record ProgramSummary(string Program, string Name, int Households, int Persons, decimal MonthlyAmount, int NewHouseholds,
    int NewPersons, int CancelledHouseholds, int CancelledPersons, IReadOnlyList<ReasonCount> CancelledByReason, bool OneOff,
    decimal PeriodAmount, int ReserveFundPersons, decimal ReserveFundAmount, IReadOnlyList<ReasonCount>? Breakdown = null)
{
    public bool HasData => Households + NewHouseholds + CancelledHouseholds + ReserveFundPersons > 0;
}

public sealed record RegionSummary(string RegionCode, string Name, IReadOnlyList<ProgramSummary> Programs);

/// <summary>The assistance summary of a region subtree, with the same figures for each child region (township, village).</summary>
public sealed record AssistanceSummary(string Region, string RegionCode, string RegionName, DateOnly From, DateOnly To,
    IReadOnlyList<ProgramSummary> Programs, IReadOnlyList<RegionSummary> Children);

/// <summary>Figures of one programme in one region code, as the grouped queries return them.</summary>
internal sealed record Cell(string Program, string RegionCode, int Households, int Persons, decimal Amount, string? Reason = null);

/// <summary>The grouped figures of a period, before they are rolled up to a region and its children.</summary>
internal sealed record SummaryCells(List<Cell> Stock, List<Cell> New, List<Cell> Cancelled, List<Cell> OneOff, List<Cell> ReserveFund)
{
    /// <summary>Adds the cells whose region lies under <paramref name="prefix"/> into one summary per programme.</summary>
    public List<ProgramSummary> RollUp(string prefix)
    {
        bool Under(Cell c) => c.RegionCode.StartsWith(prefix, StringComparison.Ordinal);
        return AssistancePrograms.All.Select(p =>
        {
            bool Mine(Cell c) => c.Program == p.Code && Under(c);
            var cancelled = Cancelled.Where(Mine).ToList();
            var byReason = cancelled.GroupBy(c => c.Reason ?? "other")
                .Select(g => new ReasonCount(g.Key, TerminationReasons.Name(g.Key), g.Sum(c => c.Households), g.Sum(c => c.Persons)))
                .OrderByDescending(r => r.Persons).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
            var added = (AssistancePrograms.IsOneOff(p.Code) ? OneOff : New).Where(Mine).ToList();
            var stock = Stock.Where(Mine).ToList();
            var reserve = ReserveFund.Where(Mine).ToList();
            return new ProgramSummary(p.Code, p.Name, stock.Sum(c => c.Households), stock.Sum(c => c.Persons), stock.Sum(c => c.Amount),
                added.Sum(c => c.Households), added.Sum(c => c.Persons), cancelled.Sum(c => c.Households), cancelled.Sum(c => c.Persons), byReason,
                AssistancePrograms.IsOneOff(p.Code), AssistancePrograms.IsOneOff(p.Code) ? added.Sum(c => c.Amount) : 0m,
                reserve.Sum(c => c.Persons), reserve.Sum(c => c.Amount), p.Code == "temporary" ? TemporaryBreakdown.Rows(added) : null);
        }).ToList();
    }
}

/// <summary>
/// 临时救助 counted each way the statistics ask (民发〔2018〕23号): 支出型 / 急难型, 户籍地 / 急难发生地, 家庭救助 / 个人救助 —
/// every case in one row of each pair, so each pair adds up to the total.
/// </summary>
internal static class TemporaryBreakdown
{
    public static string Key(string? category, string? place, bool individual) =>
        $"{category ?? "expenditure"}|{place ?? "hukou"}|{(individual ? "individual" : "household")}";

    public static List<ReasonCount> Rows(List<Cell> cells)
    {
        var parts = cells.Select(c => (Parts: (c.Reason ?? Key(null, null, false)).Split('|'), Cell: c)).ToList();
        ReasonCount Row(int part, string key, string name)
        {
            var mine = parts.Where(p => p.Parts[part] == key).Select(p => p.Cell).ToList();
            return new ReasonCount(key, name, mine.Sum(c => c.Households), mine.Sum(c => c.Persons));
        }

        return
        [
            Row(0, "expenditure", "支出型"), Row(0, "emergency", "急难型"), Row(1, "hukou", "户籍地救助"), Row(1, "incident", "急难发生地救助"),
            Row(2, "household", "家庭救助"), Row(2, "individual", "个人救助"),
        ];
    }
}
