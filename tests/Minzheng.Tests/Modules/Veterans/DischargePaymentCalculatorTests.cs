using Minzheng.Modules.Veterans.Resettlement;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>自主就业退役金 by years served and merits, table-driven, each step citing 退役士兵安置条例; 安排工作 grounds.</summary>
public sealed class DischargePaymentCalculatorTests
{
    [Theory]
    [InlineData("2024-09-10", "2026-09-10", 24, 2.0)] // exactly two years
    [InlineData("2024-09-10", "2026-09-11", 24, 2.5)] // a day over: under six months counts as half a year
    [InlineData("2024-09-10", "2027-02-09", 28, 2.5)] // 2 years 4 months 30 days
    [InlineData("2024-09-10", "2027-03-10", 30, 3.0)] // 2 years 6 months: a full year
    [InlineData("2024-09-10", "2027-08-31", 35, 3.0)] // 2 years 11 months
    [InlineData("2026-01-01", "2026-03-15", 2, 0.5)] // under six months of service in all
    [InlineData("2014-09-01", "2026-09-01", 144, 12.0)]
    public void YearsCounted_RoundsTheRemainderUpToHalfOrAWholeYear(string enlisted, string discharged, int months, double years)
    {
        var (e, d) = (DateOnly.Parse(enlisted, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(discharged, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(months, DischargePaymentCalculator.ServiceMonths(e, d));
        Assert.Equal((decimal)years, DischargePaymentCalculator.YearsCounted(e, d));
    }

    [Theory]
    [InlineData(0, 0, 0, 0.00)]
    [InlineData(0, 0, 1, 0.05)]
    [InlineData(0, 1, 0, 0.10)]
    [InlineData(1, 0, 0, 0.15)]
    [InlineData(0, 2, 3, 0.10)] // several merits: only the highest counts
    [InlineData(1, 1, 1, 0.15)]
    public void MeritRate_IsTheHighestMeritOnly(int first, int second, int third, double rate) =>
        Assert.Equal((decimal)rate, DischargePaymentCalculator.MeritRate(first, second, third));

    [Theory]
    [InlineData("2024-09-10", "2026-09-10", 0, 0, 0, 6_000, 5_000, 12_000.00, 0.00, 17_000.00)]
    [InlineData("2024-09-10", "2026-12-01", 0, 0, 1, 6_000, 5_000, 15_000.00, 750.00, 20_750.00)]
    [InlineData("2021-09-10", "2026-04-10", 0, 1, 0, 5_500, 0, 27_500.00, 2_750.00, 30_250.00)]
    [InlineData("2026-01-01", "2026-03-15", 1, 0, 0, 6_000, 1_000, 3_000.00, 450.00, 4_450.00)]
    public void Calculate_TotalsCentralMeritAndGrant_WithCitedSteps(string enlisted, string discharged, int first, int second, int third, double annual,
        double grant, double central, double merit, double total)
    {
        var d = DateOnly.Parse(discharged, System.Globalization.CultureInfo.InvariantCulture);
        var p = DischargePaymentCalculator.Calculate(new DischargeInput(DateOnly.Parse(enlisted, System.Globalization.CultureInfo.InvariantCulture), d,
            first, second, third, (decimal)annual, (decimal)grant));

        Assert.Equal(((decimal)central, (decimal)merit, (decimal)total), (p.Central, p.MeritAddition, p.Total));
        Assert.Equal(d.AddDays(30), p.ReportBy);
        Assert.Equal(6, p.Steps.Count);
        Assert.Contains("退役士兵安置条例", p.Steps[1].Policy);
        Assert.Contains("最高等级", p.Steps[3].Policy);
        Assert.Equal(p.Total, p.Steps[^1].Value);
    }

    [Theory]
    [InlineData(true, 12.0, 0, 0, null, false, "士官服现役满12年")]
    [InlineData(true, 11.5, 0, 0, null, false, null)]
    [InlineData(false, 2.0, 1, 0, null, false, "平时荣获二等功")]
    [InlineData(false, 2.0, 0, 1, null, false, "战时荣获三等功")]
    [InlineData(false, 2.0, 0, 0, 5, false, "5级至8级")]
    [InlineData(false, 2.0, 0, 0, 8, false, "5级至8级")]
    [InlineData(false, 2.0, 0, 0, 9, false, null)]
    [InlineData(false, 2.0, 0, 0, 4, false, null)]
    [InlineData(false, 2.0, 0, 0, null, true, "烈士子女")]
    public void Placement_AssignedJobGrounds(bool nco, double years, int secondInPeace, int thirdInWar, int? disability, bool martyrChild, string? ground)
    {
        var grounds = PlacementRules.Grounds(new PlacementFacts(nco, (decimal)years, secondInPeace, thirdInWar, disability, martyrChild));
        if (ground is null)
        {
            Assert.Empty(grounds);
        }
        else
        {
            Assert.Contains(grounds, g => g.Contains(ground, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Placement_IsDueWithinSixMonths() => Assert.Equal(new DateOnly(2027, 3, 30), PlacementRules.PlaceBy(new DateOnly(2026, 9, 30)));
}
