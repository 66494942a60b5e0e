using Minzheng.Modules.SocialAssistance.Benefits;
using Minzheng.Modules.SocialAssistance.Standards;
using static Minzheng.Modules.SocialAssistance.Benefits.Money;

namespace Minzheng.Modules.SocialAssistance.Recalculations;

/// <summary>What a recalculation needs of one enrolment.</summary>
public sealed record RaiseInput(string Program, int CoveredPersons, decimal MonthlyAmount, string? CalculationJson);

/// <summary>The new monthly amount and how it was reached; a skipped enrolment keeps its amount for a person to decide.</summary>
public sealed record RaiseOutcome(decimal NewAmount, bool Skipped, string Explanation, string? CalculationJson);

/// <summary>
/// The amount of an enrolment under a new standard. An enrolment decided by casework carries the members and incomes
/// the decision used: the programme's own calculation runs again with the new standard on the effective month, every
/// step as in a decision. An enrolment migrated by roster import has only its amount: the amount moves by the change of
/// the standard per covered person (补差 moves one for one with the standard; a per-person subsidy by its rounded rate).
/// </summary>
public static class RaiseCalculator
{
    public static RaiseOutcome Recalculate(RaiseInput e, Standard? old, Standard standard, DateOnly month)
    {
        if (CalculationSnapshot.Read(e.CalculationJson) is { } snapshot)
        {
            if (snapshot.Result.StandardId == standard.Id)
            {
                return new(e.MonthlyAmount, false, "已按新标准核定", null);
            }

            var result = BenefitService.DibaoPrograms.Contains(e.Program)
                ? DibaoCalculator.Calculate(standard, snapshot.Members, month)
                : PerPersonCalculator.Calculate(e.Program, standard, snapshot.Members, month, inDibaoHousehold: snapshot.Result.CoveredPersons > 0,
                    inHardship: snapshot.Result.CoveredPersons > 0);
            var explanation = "按新标准重算：" + string.Join("；", result.Steps.Skip(1).Select(s => $"{s.Description} {s.Formula} = {Text(s.Value)}"));
            return result.Total <= 0
                ? Skip(e, $"按新标准重算金额为0（{Summary(result)}），请复核后作停保或调整决定")
                : new(result.Total, false, Fit(explanation), new CalculationSnapshot(month, snapshot.Members, result).ToJson());
        }

        if (old is null)
        {
            return Skip(e, "调整前没有适用的保障标准，无法推算调整额，请逐户重新核定");
        }

        var perPerson = BenefitService.DibaoPrograms.Contains(e.Program)
            ? standard.MonthlyAmount - old.MonthlyAmount
            : standard.Round(standard.MonthlyAmount) - old.Round(old.MonthlyAmount);
        var change = standard.Round(perPerson * e.CoveredPersons);
        var amount = e.MonthlyAmount + change;
        var formula = $"原月保障金额 {Text(e.MonthlyAmount)} + 标准调整 ({Text(standard.MonthlyAmount)} − {Text(old.MonthlyAmount)}) × {e.CoveredPersons} 人 = {Text(amount)}";
        return amount <= 0
            ? Skip(e, $"{formula}，不大于0：请复核后作停保或调整决定")
            : new(amount, false, Fit($"{formula}（导入的在保记录无收入明细，按标准调整幅度增减）"), null);
    }

    private static RaiseOutcome Skip(RaiseInput e, string why) => new(e.MonthlyAmount, true, Fit(why), null);

    private static string Summary(BenefitResult r) => $"人均收入 {Text(r.PerCapitaIncome)}，标准 {Text(r.Standard)}";

    private static string Fit(string text) => text.Length <= RecalculationLine.ExplanationMaxLength ? text : text[..(RecalculationLine.ExplanationMaxLength - 1)] + "…";
}
