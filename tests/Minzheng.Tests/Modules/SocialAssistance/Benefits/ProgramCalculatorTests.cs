using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Modules.SocialAssistance.Standards;
using Minzheng.Platform.People;
using static Minzheng.Tests.Modules.SocialAssistance.Benefits.DibaoCalculatorTests;

namespace Minzheng.Tests.Modules.SocialAssistance.Benefits;

/// <summary>特困, the disability subsidies, children, the elderly allowance, 临时救助 and 医疗救助.</summary>
public sealed class ProgramCalculatorTests
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    private static Standard Destitute(string program = "destitute-dispersed")
    {
        var s = Std(1040);
        s.Program = program;
        (s.CareFull, s.CarePartial, s.CareNone) = (70, 300, 1200);
        return s;
    }

    [Theory]
    [InlineData(SelfCare.Full, 1110)]
    [InlineData(SelfCare.Partial, 1340)]
    [InlineData(SelfCare.None, 2240)]
    public void Destitute_IsBasicLivingPlusCareByLevel(SelfCare level, double total)
    {
        var result = PerPersonCalculator.Calculate("destitute-dispersed", Destitute(), [Member(0, age: 72, selfCare: level)], Day, false);
        Assert.Equal(1040m, result.BaseAmount);
        Assert.Equal((decimal)total, result.Total);
        Assert.Contains("发放至本人", result.Steps[^1].Policy);
    }

    [Fact]
    public void DestituteConcentrated_IsPaidToTheCareHome()
    {
        var result = PerPersonCalculator.Calculate("destitute-concentrated", Destitute("destitute-concentrated"), [Member(0, age: 80)], Day, false);
        Assert.Contains("供养服务机构", result.Steps[^1].Policy);
    }

    [Fact]
    public void LivingSubsidy_OnlyForDisabledMembersOfDibaoHouseholds()
    {
        var s = Std(90);
        IReadOnlyList<BenefitMember> members = [Member(0, grade: 3), Member(0), Member(0, grade: 1)];
        Assert.Equal(180m, PerPersonCalculator.Calculate("disability-living", s, members, Day, inDibaoHousehold: true).Total);
        Assert.Equal(0m, PerPersonCalculator.Calculate("disability-living", s, members, Day, inDibaoHousehold: false).Total);
    }

    [Fact]
    public void CareSubsidy_OnlyGrades1And2()
    {
        IReadOnlyList<BenefitMember> members = [Member(0, grade: 1), Member(0, grade: 2), Member(0, grade: 3)];
        var result = PerPersonCalculator.Calculate("disability-care", Std(100), members, Day, false);
        Assert.Equal(2, result.CoveredPersons);
        Assert.Equal(200m, result.Total);
    }

    [Fact]
    public void Orphan_AllowanceForEachChildUnder18()
    {
        var result = PerPersonCalculator.Calculate("orphan", Std(1651), [Member(0, age: 9), Member(0, age: 17), Member(0, age: 18)], Day, false);
        Assert.Equal(2, result.CoveredPersons);
        Assert.Equal(3302m, result.Total);
    }

    [Fact]
    public void Elderly_FromTheConfiguredAge_PlusDisabilityPartForDependentElders()
    {
        var s = Std(50);
        s.MinAge = 80;
        (s.CarePartial, s.CareNone) = (100, 200);
        var result = PerPersonCalculator.Calculate("elderly-allowance", s,
            [Member(0, age: 80), Member(0, age: 79, selfCare: SelfCare.None), Member(0, age: 50, selfCare: SelfCare.Partial)], Day, false);
        Assert.Equal(1, result.CoveredPersons);
        Assert.Equal(50m + 200m, result.Total);
    }

    [Theory]
    // Where the local rule limits both parts to 低保/特困 households, only such a household gets them.
    [InlineData(true, true, false, 0)]
    [InlineData(true, true, true, 250)]
    // Only the 高龄津贴 limited: the 失能 part is paid anyway.
    [InlineData(true, false, false, 200)]
    [InlineData(false, true, false, 50)]
    public void Elderly_WhereTheLocalRuleSaysSo_OnlyForHouseholdsInHardship(bool hardshipOnly, bool careHardshipOnly, bool inHardship, decimal expected)
    {
        var s = Std(50);
        (s.MinAge, s.CarePartial, s.CareNone, s.HardshipOnly, s.CareHardshipOnly) = (80, 100, 200, hardshipOnly, careHardshipOnly);
        var result = PerPersonCalculator.Calculate("elderly-allowance", s, [Member(0, age: 85), Member(0, age: 70, selfCare: SelfCare.None)], Day, false, inHardship);
        Assert.Equal(expected, result.Total);
        Assert.Equal(hardshipOnly, result.Steps[1].Formula.Contains("经济困难", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3000, true)]
    [InlineData(4800, true)]
    [InlineData(4800.01, false)]
    public void Temporary_CeilingIsAMultipleOfTheMonthlyDibaoStandard(double requested, bool within)
    {
        var temporary = Std(0);
        temporary.CeilingMultiple = 6;
        var check = OneOffCalculators.Temporary(Std(800), temporary, (decimal)requested);
        Assert.Equal(4800m, check.Ceiling);
        Assert.Equal(within, check.WithinCeiling);
    }

    [Theory]
    // best category applies (dibao 80% beats illness 50%); cap 50,000 with 45,000 used leaves 5,000
    [InlineData(new[] { "dibao", "illness" }, 10000, 0, 8000)]
    [InlineData(new[] { "dibao", "illness" }, 10000, 45000, 5000)]
    [InlineData(new[] { "dibao" }, 10000, 50000, 0)]
    [InlineData(new string[0], 10000, 0, 0)]
    public void Medical_BestRateWithinTheAnnualCap(string[] categories, double expense, double used, double expected)
    {
        var medical = Std(0);
        medical.RatesJson = """[{"category":"dibao","percentOfStandard":80},{"category":"illness","percentOfStandard":50}]""";
        medical.AnnualCap = 50000;
        Assert.Equal((decimal)expected, OneOffCalculators.Medical(medical, categories, (decimal)expense, (decimal)used).Amount);
    }
}
