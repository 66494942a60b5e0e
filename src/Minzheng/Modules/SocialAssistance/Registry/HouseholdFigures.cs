using System.Globalization;

namespace Minzheng.Modules.SocialAssistance.Registry;

/// <summary>
/// The household's headline figures, each with where it comes from, and the disagreements between them said plainly —
/// a roster import's 家庭人口 against the members registered, the members' recorded incomes against the income records.
/// Nothing is changed: the clerk decides which figure is right and corrects the other.
/// </summary>
/// <param name="Members">已登记成员: the current members; the benefit calculation counts these.</param>
/// <param name="RecordedSizes">家庭人口 as the household's enrolments recorded it (roster import or decision), where it differs from <paramref name="Members"/>.</param>
/// <param name="MemberIncome">Σ of each member's recorded monthly income (entered at registration or imported): what the calculation uses.</param>
/// <param name="DetailedIncome">Σ of the income records in force that count under the policy (收入明细).</param>
public sealed record HouseholdFigures(int Members, IReadOnlyList<int> RecordedSizes, decimal MemberIncome, decimal DetailedIncome, bool HasIncomeRecords)
{
    public static HouseholdFigures Of(HouseholdDto h) => new(h.MemberCount,
        h.Enrollments.Where(e => e.Status != "terminated" && e.HouseholdSize != h.MemberCount).Select(e => e.HouseholdSize).Distinct().Order().ToList(),
        h.HouseholdIncome, h.CountedIncome, h.Incomes.Count > 0);

    /// <summary>"家庭人口登记为3人，已录入成员1人…", or null when the enrolments agree with the members.</summary>
    public string? SizeWarning => RecordedSizes.Count == 0 ? null
        : $"家庭人口登记为{string.Join("、", RecordedSizes)}人（在保记录，多为花名册导入），已录入成员{Members}人。测算保障金额按已录入成员计算，请核实后补录成员或更正家庭人口。";

    /// <summary>Set when the members' recorded incomes and the income records add up differently.</summary>
    public string? IncomeWarning => MemberIncome == DetailedIncome ? null
        : $"成员月收入合计{Money(MemberIncome)}元（登记或导入时填写），收入明细中计入政策的月收入合计{Money(DetailedIncome)}元"
            + (HasIncomeRecords ? "，二者不一致" : "，尚未登记收入明细") + "。测算保障金额按成员月收入合计计算，请核实后补录收入明细或更正成员月收入。";

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
