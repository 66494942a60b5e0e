using Minzheng.Modules.Veterans.Entitlements;
using Minzheng.Modules.Veterans.Standards;

namespace Minzheng.Tests.Modules.Veterans;

/// <summary>The monthly pension or allowance per category from a standard, with every step citing its rule; which standard governs; death.</summary>
public sealed class VeteranPensionCalculatorTests
{
    private static readonly DateOnly July = new(2026, 7, 1);

    private static VeteranStandard Std(string category, decimal national, decimal local, bool perYear, int? grade = null, DisabilityNature? nature = null,
        string prefix = "360482", DateOnly? month = null) => new()
        {
            Category = category,
            DisabilityGrade = grade,
            DisabilityNature = nature,
            NationalAmount = national,
            LocalAmount = local,
            PerYear = perYear,
            RegionPrefix = prefix,
            EffectiveMonth = month ?? July,
            MonthlyAmount = PensionCalculator.Monthly(national, local, perYear),
        };

    [Theory]
    [InlineData("disabled", 1, DisabilityNature.War, 100_000, 2_000, true, 8_500.00, "残疾抚恤金")]
    [InlineData("disabled", 6, DisabilityNature.Illness, 31_000, 0, true, 2_583.33, "残疾抚恤金")]
    [InlineData("martyr-family", null, null, 30_000, 1_200, true, 2_600.00, "定期抚恤金")]
    [InlineData("illness-death-family", null, null, 25_000, 0, true, 2_083.33, "定期抚恤金")]
    [InlineData("demobilized", null, null, 1_500, 100, false, 1_600.00, "定期生活补助")]
    [InlineData("rural-elderly-soldier", null, null, 600, 0, true, 50.00, "定期生活补助")]
    [InlineData("war-participant", null, null, 1_000.10, 0, false, 1_000.10, "定期生活补助")]
    public void Compute_PerCategory_GivesTheMonthlyAmount_WithCitedSteps(string category, int? grade, DisabilityNature? nature, double national, double local,
        bool perYear, double monthly, string kind)
    {
        var c = PensionCalculator.Compute(category, grade, nature, Std(category, (decimal)national, (decimal)local, perYear, grade, nature));

        Assert.Equal((decimal)monthly, c.MonthlyAmount);
        Assert.Equal(3, c.Steps.Count);
        Assert.Contains("令第788号", c.Steps[0].Policy);
        Assert.Contains(kind, c.Steps[0].Description);
        Assert.Equal((decimal)monthly, c.Steps[^1].Value);
        Assert.Contains(perYear ? "÷ 12" : "+", c.Steps[^1].Formula);
        Assert.Contains("\"steps\"", c.ToJson());
    }

    [Fact]
    public void Monthly_RoundsHalfAwayFromZeroToTheFen()
    {
        Assert.Equal(0.01m, PensionCalculator.Monthly(0.06m, 0, perYear: true)); // 0.005 → 0.01
        Assert.Equal(1_000.00m, PensionCalculator.Monthly(12_000m, 0, perYear: true));
    }

    [Fact]
    public void InForce_TheMostSpecificRegionWins_ThenTheLatestMonth_AndOnlyTheSameGradeAndNature()
    {
        var province = Std("disabled", 100, 0, false, 5, DisabilityNature.War, prefix: "36");
        var county = Std("disabled", 120, 0, false, 5, DisabilityNature.War, prefix: "360482");
        var raised = Std("disabled", 130, 0, false, 5, DisabilityNature.War, prefix: "360482", month: July.AddMonths(3));
        var otherNature = Std("disabled", 999, 0, false, 5, DisabilityNature.Duty, prefix: "360482100");
        VeteranStandard[] all = [province, county, raised, otherNature];

        Assert.Same(county, PensionCalculator.InForce(all, "disabled", 5, DisabilityNature.War, "360482100201", July));
        Assert.Same(raised, PensionCalculator.InForce(all, "disabled", 5, DisabilityNature.War, "360482100201", July.AddMonths(4)));
        Assert.Same(province, PensionCalculator.InForce(all, "disabled", 5, DisabilityNature.War, "360481100201", July));
        Assert.Null(PensionCalculator.InForce(all, "disabled", 4, DisabilityNature.War, "360482100201", July));
        Assert.Null(PensionCalculator.InForce(all, "disabled", 5, DisabilityNature.War, "360482100201", July.AddMonths(-1)));
    }

    [Fact]
    public void Death_OfAPensioner_StopsFromTheNextMonth_AndPaysSixMonthsOnce_WithTheRule()
    {
        var (stop, aid, why) = PensionCalculator.Death(new DateOnly(2026, 10, 31), 2_583.33m, pensioner: true);
        Assert.Equal(new DateOnly(2026, 11, 1), stop);
        Assert.Equal(15_499.98m, aid);
        Assert.Contains("2583.33 × 6 = 15499.98", why);
        Assert.Contains("令第788号", why);
        Assert.Contains("自2026-11起停发", why);
    }

    [Fact]
    public void Death_OfAnAllowanceHolder_StopsWithoutFuneralAid()
    {
        var (stop, aid, why) = PensionCalculator.Death(new DateOnly(2026, 12, 1), 500m, pensioner: false);
        Assert.Equal((new DateOnly(2027, 1, 1), 0m), (stop, aid));
        Assert.DoesNotContain("丧葬补助", why);
    }

    [Theory]
    [InlineData(DisabilityNature.War, 10)]
    [InlineData(DisabilityNature.Duty, 10)]
    [InlineData(DisabilityNature.Illness, 6)]
    public void MaxGrade_IllnessOnlyUpToSix(DisabilityNature nature, int max) => Assert.Equal(max, VeteranCategories.MaxGrade(nature));
}
