using Minzheng.Modules.SocialAssistance.Verification;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;

namespace Minzheng.Modules.SocialAssistance.Medical;

public sealed record SettlementRow(int Row, string Number, string Hospital, string Name, IdNumber Id, DateOnly AdmittedOn, DateOnly SettledOn,
    decimal TotalCost, decimal InsurancePaid, decimal CriticalIllnessPaid, decimal InPolicySelfPay);

/// <summary>
/// The 一站式 settlement list the hospitals or the 医保 bureau send (DESIGN §5): one row per 结算单, with the costs after
/// basic insurance and 大病保险. Every row is checked and a file with any bad row is refused whole, naming row and column.
/// </summary>
public static class SettlementFile
{
    public const string Kind = "medical-settlements";

    public static readonly string[] Headers =
        ["结算单号", "医疗机构", "姓名", "身份证号", "入院日期", "结算日期", "医疗总费用", "基本医保支付", "大病保险支付", "政策范围内个人自付"];

    /// <summary>Settlements older than this are not aided from a new file: the year's cap and accounts are closed.</summary>
    public const int MaxAgeDays = 400;

    public static (List<SettlementRow> Rows, ImportErrorList Errors) Validate(byte[] content, string fileName, int maxRows, DateOnly today)
    {
        var (rows, errors, seen) = (new List<SettlementRow>(), new ImportErrorList(), new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, maxRows))
        {
            var check = new RowCheck(row, cells, errors, Headers);
            var number = check.Text(0, "结算单号", 1, MedicalSettlement.NumberMaxLength);
            if (number.Length > 0 && seen.TryGetValue(number, out var first))
            {
                check.Fail("结算单号", $"与第{first}行重复");
            }

            var hospital = check.Text(1, "医疗机构", 1, MedicalSettlement.HospitalMaxLength);
            var name = check.Text(2, "姓名", 1, Minzheng.Platform.People.Person.NameMaxLength);
            var id = check.Id(3, "身份证号", today);
            var admitted = check.Date(4, "入院日期", today);
            var settled = check.Date(5, "结算日期", today);
            if (admitted != default && settled != default && settled < admitted)
            {
                check.Fail("结算日期", "不能早于入院日期");
            }
            else if (settled != default && settled < today.AddDays(-MaxAgeDays))
            {
                check.Fail("结算日期", $"已超过{MaxAgeDays}天，不能再按一站式结算救助");
            }

            var total = check.Money(6, "医疗总费用");
            var insurance = check.Money(7, "基本医保支付");
            var critical = check.Money(8, "大病保险支付");
            var selfPay = check.Money(9, "政策范围内个人自付");
            if (check.Valid && insurance + critical + selfPay > total)
            {
                check.Fail("政策范围内个人自付", $"基本医保、大病保险与政策范围内个人自付之和（{insurance + critical + selfPay:0.00}）超过医疗总费用（{total:0.00}）");
            }

            if (check.Valid)
            {
                seen[number] = row;
                rows.Add(new SettlementRow(row, number, hospital, name, id!.Value, admitted, settled, total, insurance, critical, selfPay));
            }
        }

        return (rows, errors);
    }
}
