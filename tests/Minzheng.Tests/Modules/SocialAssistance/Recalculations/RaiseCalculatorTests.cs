using System.Text.Json;
using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.Recalculations;
using Minzheng.Modules.SocialAssistance.Standards;
using static Minzheng.Tests.Modules.SocialAssistance.Benefits.DibaoCalculatorTests;

namespace Minzheng.Tests.Modules.SocialAssistance.Recalculations;

/// <summary>The amount of one enrolment under a raised standard: recalculated from a decision's snapshot, or moved by the raise.</summary>
public sealed class RaiseCalculatorTests
{
    private static readonly DateOnly Month = new(2026, 11, 1);

    private static string Snapshot(Standard standard, params BenefitMember[] members) => JsonSerializer.Serialize(
        new { month = Month.AddMonths(-6), members, result = DibaoCalculator.Calculate(standard, members, Month.AddMonths(-6)) },
        new JsonSerializerOptions(JsonSerializerDefaults.Web));

    [Fact]
    public void ADecidedEnrolment_IsRecalculatedFromItsMembers_WithEveryStep()
    {
        var old = Std(850m, supplements: ("serious-illness", 30));
        var raised = Std(950m, supplements: ("serious-illness", 30));
        var members = new[] { Member(300m), Member(200m, ill: true) };
        var before = DibaoCalculator.Calculate(old, members, Month).Total; // (850 − 250) × 2 + 255 = 1455
        var outcome = RaiseCalculator.Recalculate(new RaiseInput("urban-dibao", 2, before, Snapshot(old, members)), old, raised, Month);

        Assert.False(outcome.Skipped);
        Assert.Equal((950m - 250m) * 2 + 285m, outcome.NewAmount);
        Assert.StartsWith("按新标准重算：", outcome.Explanation);
        Assert.Contains("(950.00 − 250.00) × 2", outcome.Explanation);
        Assert.Contains(raised.Id.ToString(), outcome.CalculationJson);
    }

    [Fact]
    public void AnImportedEnrolment_MovesByTheRaisePerCoveredPerson()
    {
        var outcome = RaiseCalculator.Recalculate(new RaiseInput("rural-dibao", 3, 610m, null), Std(700m), Std(750m), Month);
        Assert.Equal((760m, false), (outcome.NewAmount, outcome.Skipped));
        Assert.Contains("原月保障金额 610.00 + 标准调整 (750.00 − 700.00) × 3 人 = 760.00", outcome.Explanation);
        Assert.Null(outcome.CalculationJson);
    }

    [Fact]
    public void APerPersonSubsidy_MovesByItsRoundedRate()
    {
        var old = Std(100m, rounding: Rounding.Yuan);
        var raised = Std(120.4m, rounding: Rounding.Yuan);
        var outcome = RaiseCalculator.Recalculate(new RaiseInput("disability-care", 2, 200m, null), old, raised, Month);
        Assert.Equal(240m, outcome.NewAmount);
    }

    [Fact]
    public void WithoutAnEarlierStandard_OrWhenTheAmountWouldVanish_APersonDecides()
    {
        var unknown = RaiseCalculator.Recalculate(new RaiseInput("rural-dibao", 2, 500m, null), null, Std(750m), Month);
        Assert.Equal((500m, true), (unknown.NewAmount, unknown.Skipped));
        Assert.Contains("没有适用的保障标准", unknown.Explanation);

        var cut = RaiseCalculator.Recalculate(new RaiseInput("rural-dibao", 2, 80m, null), Std(750m), Std(700m), Month);
        Assert.True(cut.Skipped);
        Assert.Contains("不大于0", cut.Explanation);
    }

    [Fact]
    public void ASnapshotAlreadyOnTheNewStandard_IsLeftAlone_AndAnUnreadableOneFallsBackToTheRaise()
    {
        var raised = Std(950m);
        var members = new[] { Member(300m) };
        var already = RaiseCalculator.Recalculate(new RaiseInput("urban-dibao", 1, 650m, Snapshot(raised, members)), Std(850m), raised, Month);
        Assert.Equal((650m, false), (already.NewAmount, already.Skipped));

        var garbled = RaiseCalculator.Recalculate(new RaiseInput("urban-dibao", 1, 550m, "{\"check\":{}}"), Std(850m), raised, Month);
        Assert.Equal(650m, garbled.NewAmount);
    }
}
