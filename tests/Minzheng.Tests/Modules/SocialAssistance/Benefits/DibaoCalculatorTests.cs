using System.Text.Json;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.People;

namespace Minzheng.Tests.Modules.SocialAssistance.Benefits;

/// <summary>The Dibao top-up of DESIGN §5, table by table.</summary>
public sealed class DibaoCalculatorTests
{
    private static readonly DateOnly November = new(2026, 11, 1);

    internal static Standard Std(decimal amount, StandardPeriod per = StandardPeriod.Month, Rounding rounding = Rounding.Fen, params (string Category, decimal Percent)[] supplements) =>
        new()
        {
            Program = "urban-dibao",
            RegionPrefix = "360482",
            EffectiveFrom = new DateOnly(2026, 1, 1),
            Amount = amount,
            Per = per,
            Rounding = rounding,
            SupplementsJson = JsonSerializer.Serialize(supplements.Select(s => new CategoryPercent(s.Category, s.Percent)),
                Standard.Json),
        };

    internal static BenefitMember Member(decimal income, int age = 40, int? grade = null, bool ill = false, DateOnly? birth = null, SelfCare selfCare = SelfCare.Full) =>
        new(Guid.NewGuid(), $"成员{income}", birth ?? November.AddYears(-age).AddMonths(-3), income, grade, selfCare, ill);

    private static readonly (string, decimal)[] Jilin = [("serious-illness", 30), ("severe-disability", 20), ("elderly-70", 10), ("minor", 10)];

    [Theory]
    // standard, incomes, expected base: (800 − (300+500)/2) × 2 = 800
    [InlineData(800, new[] { 300.0, 500.0 }, 800)]
    // income exactly at the standard: nothing to top up
    [InlineData(800, new[] { 800.0, 800.0 }, 0)]
    // above the standard
    [InlineData(800, new[] { 1000.0 }, 0)]
    // one cent below the standard still tops up one cent per person
    [InlineData(800, new[] { 799.99, 799.99 }, 0.02)]
    // (700 − 100/3) × 3 = 2000.00 exactly: no intermediate rounding of the per-capita income
    [InlineData(700, new[] { 100.0, 0.0, 0.0 }, 2000)]
    public void BaseAmount_IsTheGapTimesMembers(double standard, double[] incomes, double expected)
    {
        var result = DibaoCalculator.Calculate(Std((decimal)standard), incomes.Select(i => Member((decimal)i)).ToList(), November);
        Assert.Equal((decimal)expected, result.BaseAmount);
        Assert.Equal(incomes.Length, result.CoveredPersons);
        Assert.Equal(result.BaseAmount + result.Supplements.Sum(s => s.Amount), result.Total);
    }

    [Theory]
    // 10000/12 = 833.333…; (833.333… − 100) × 1 = 733.333… → fen 733.33, jiao 733.3, yuan 733
    [InlineData(Rounding.Fen, 733.33)]
    [InlineData(Rounding.Jiao, 733.3)]
    [InlineData(Rounding.Yuan, 733)]
    public void YearlyStandard_IsDividedBy12WithoutIntermediateRounding_ThenRoundedByTheRule(Rounding rounding, double expected)
    {
        var result = DibaoCalculator.Calculate(Std(10000, StandardPeriod.Year, rounding), [Member(100)], November);
        Assert.Equal((decimal)expected, result.BaseAmount);
        Assert.Equal(833.33m, result.Standard);
    }

    [Fact]
    public void Rounding_IsHalfAwayFromZero()
    {
        // 800 − 1.5 = 798.5 → 799 (banker's rounding would give 798); 800 − 0.5 = 799.5 → 800
        Assert.Equal(799m, DibaoCalculator.Calculate(Std(800, rounding: Rounding.Yuan), [Member(1.5m)], November).BaseAmount);
        Assert.Equal(800m, DibaoCalculator.Calculate(Std(800, rounding: Rounding.Yuan), [Member(0.5m)], November).BaseAmount);
    }

    [Fact]
    public void MemberQualifyingForTwoSupplements_GetsOnlyTheHighest()
    {
        var sick70 = Member(0, age: 75, ill: true);
        var result = DibaoCalculator.Calculate(Std(800, supplements: Jilin), [sick70], November);
        var supplement = Assert.Single(result.Supplements);
        Assert.Equal("serious-illness", supplement.Category);
        Assert.Equal(240m, supplement.Amount);
        Assert.Equal(800m + 240m, result.Total);
    }

    [Fact]
    public void Supplements_OnlyWhenThereIsABaseAmount()
    {
        var result = DibaoCalculator.Calculate(Std(800, supplements: Jilin), [Member(900, grade: 1)], November);
        Assert.Equal(0m, result.BaseAmount);
        Assert.Empty(result.Supplements);
        Assert.Equal(0m, result.Total);
    }

    [Theory]
    // Birthday on the first of the month: 70 that day counts; one day later does not.
    [InlineData("1956-11-01", true)]
    [InlineData("1956-11-02", false)]
    public void Elderly70_CountsTheBirthdayOnTheFirstOfTheMonth(string birth, bool qualifies)
    {
        var member = Member(0, birth: DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture));
        var result = DibaoCalculator.Calculate(Std(800, supplements: [("elderly-70", 10)]), [member], November);
        Assert.Equal(qualifies, result.Supplements.Count == 1);
    }

    [Theory]
    // Turning 18 on the first: no longer a minor; the day after: still a minor that day.
    [InlineData("2008-11-01", false)]
    [InlineData("2008-11-02", true)]
    public void Minor_IsUnder18OnTheFirstDay(string birth, bool qualifies)
    {
        var member = Member(0, birth: DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(qualifies, DibaoCalculator.Calculate(Std(800, supplements: [("minor", 10)]), [member], November).Supplements.Count == 1);
    }

    [Theory]
    [InlineData(1, "severe-disability")]
    [InlineData(2, "severe-disability")]
    [InlineData(3, "disability")]
    [InlineData(4, "disability")]
    public void DisabilityGrades_MapToTheirCategory(int grade, string category)
    {
        var result = DibaoCalculator.Calculate(Std(800, supplements: [("severe-disability", 20), ("disability", 5)]), [Member(0, grade: grade)], November);
        Assert.Equal(category, Assert.Single(result.Supplements).Category);
    }

    [Fact]
    public void SupplementAmounts_AreRoundedByTheSameRule()
    {
        // 833.333… × 7% = 58.333… → 58 yuan; the base 833.333… → 833
        var result = DibaoCalculator.Calculate(Std(10000, StandardPeriod.Year, Rounding.Yuan, ("minor", 7)), [Member(0, age: 10)], November);
        Assert.Equal(58m, Assert.Single(result.Supplements).Amount);
        Assert.Equal(833m + 58m, result.Total);
    }

    [Fact]
    public void Steps_ExplainEveryNumberWithAPolicy()
    {
        var result = DibaoCalculator.Calculate(Std(800, supplements: Jilin), [Member(300), Member(0, age: 8)], November);
        Assert.Equal(result.Total, result.Steps[^1].Value);
        Assert.All(result.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Policy)));
        Assert.Contains(result.Steps, s => s.Description == "家庭月人均收入" && s.Value == 150m);
    }
}
