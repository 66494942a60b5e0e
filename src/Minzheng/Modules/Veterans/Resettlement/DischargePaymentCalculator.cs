using System.Globalization;
using Minzheng.Modules.Veterans.Standards;

namespace Minzheng.Modules.Veterans.Resettlement;

/// <summary>What the 退役金 depends on: the service dates, the merits, the central standard per year served and the provincial grant.</summary>
public sealed record DischargeInput(DateOnly EnlistedOn, DateOnly DischargedOn, int FirstClassMerits, int SecondClassMerits, int ThirdClassMerits,
    decimal AnnualBase, decimal ProvincialGrant);

/// <summary>The one-off 退役金 of a 自主就业 soldier with every step and its rule, and the day he must report by.</summary>
public sealed record DischargePayment(int ServiceMonths, decimal YearsCounted, decimal Central, decimal MeritRate, decimal MeritAddition, decimal ProvincialGrant,
    decimal Total, DateOnly ReportBy, IReadOnlyList<CalculationStep> Steps);

/// <summary>
/// 自主就业退役金 (退役士兵安置条例, 退役军人保障法; POLICY §7): the central one-off payment by years served — a remainder under
/// six months counts as half a year, six to twelve months as a full year — raised by the highest merit only (一等功 15%,
/// 二等功 10%, 三等功 5%), plus the provincial 经济补助; the soldier reports to the county within 30 days of discharge.
/// </summary>
public static class DischargePaymentCalculator
{
    public const string Citation = "《退役士兵安置条例》（国务院、中央军委令第608号）";
    public const int ReportWithinDays = 30;

    public static int ServiceMonths(DateOnly enlisted, DateOnly discharged)
    {
        var months = (discharged.Year - enlisted.Year) * 12 + discharged.Month - enlisted.Month;
        return discharged.Day < enlisted.Day ? months - 1 : months;
    }

    /// <summary>Whole years, plus ½ for a remainder under six months (days included) and 1 for six months or more.</summary>
    public static decimal YearsCounted(DateOnly enlisted, DateOnly discharged)
    {
        var months = ServiceMonths(enlisted, discharged);
        var whole = months / 12;
        var rest = months % 12;
        var extraDays = enlisted.AddMonths(months) < discharged;
        return whole + (rest >= 6 ? 1m : rest > 0 || extraDays ? 0.5m : 0m);
    }

    /// <summary>The rate of the highest merit; several merits never add up.</summary>
    public static decimal MeritRate(int first, int second, int third) => first > 0 ? 0.15m : second > 0 ? 0.10m : third > 0 ? 0.05m : 0m;

    public static DischargePayment Calculate(DischargeInput i)
    {
        var months = ServiceMonths(i.EnlistedOn, i.DischargedOn);
        var years = YearsCounted(i.EnlistedOn, i.DischargedOn);
        var central = Round(i.AnnualBase * years);
        var rate = MeritRate(i.FirstClassMerits, i.SecondClassMerits, i.ThirdClassMerits);
        var merit = Round(central * rate);
        var total = central + merit + i.ProvincialGrant;
        var steps = new List<CalculationStep>
        {
            new("服役时间", $"{i.EnlistedOn:yyyy-MM-dd} 至 {i.DischargedOn:yyyy-MM-dd}，共 {months / 12} 年 {months % 12} 个月", months, "按入伍、退出现役日期计算"),
            new("计发年限", $"{Years(years)} 年", years, $"{Citation}：服现役不满6个月的按6个月计算，超过6个月不满1年的按1年计算"),
            new("中央财政一次性退役金", $"{Money(i.AnnualBase)} 元/年 × {Years(years)} 年 = {Money(central)} 元", central, $"{Citation}：按服现役年限计发"),
            new("立功增发", rate == 0 ? "未立功，不增发" : $"{Money(central)} × {rate * 100:0}% = {Money(merit)} 元", merit,
                $"{Citation}：一等功增发15%、二等功增发10%、三等功增发5%，多次立功的按最高等级增发"),
            new("地方经济补助", $"{Money(i.ProvincialGrant)} 元", i.ProvincialGrant, "省级人民政府规定的标准"),
            new("合计", $"{Money(central)} + {Money(merit)} + {Money(i.ProvincialGrant)} = {Money(total)} 元", total, "自主就业退役士兵一次性发放"),
        };
        return new DischargePayment(months, years, central, rate, merit, i.ProvincialGrant, total, i.DischargedOn.AddDays(ReportWithinDays), steps);
    }

    private static decimal Round(decimal v) => decimal.Round(v, 2, MidpointRounding.AwayFromZero);

    private static string Years(decimal y) => y.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Money(decimal v) => PensionCalculator.Money(v);
}
