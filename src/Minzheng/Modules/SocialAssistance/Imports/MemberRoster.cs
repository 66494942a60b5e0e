using System.Globalization;
using Minzheng.Modules.SocialAssistance.Registry;
using Minzheng.Platform.Imports;
using Minzheng.Platform.People;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Imports;

/// <summary>One valid member row, normalised.</summary>
public sealed record MemberRow(int Row, IdNumber HeadId, string RegionCode, HukouType HukouType, string? Address, string Name, IdNumber Id,
    Relationship Relationship, decimal MonthlyIncome, int? DisabilityGrade, SelfCare SelfCare, string? Phone);

/// <summary>
/// The household/member roster (家庭成员花名册): one row per member, grouped into households by 户主身份证号; it fills the
/// registry without enrolments. Checks each row on its own; the grouping and database checks are the importer's.
/// </summary>
public static class MemberRoster
{
    public const string Kind = "member-roster";

    public static readonly string[] Headers =
        ["户主身份证号", "区划代码", "户籍类型", "家庭住址", "姓名", "身份证号", "与户主关系", "月收入", "残疾等级", "自理能力", "联系电话"];

    public static readonly IReadOnlyDictionary<string, Relationship> Relationships = new Dictionary<string, Relationship>
    {
        ["户主"] = Relationship.Head,
        ["配偶"] = Relationship.Spouse,
        ["子女"] = Relationship.Child,
        ["父母"] = Relationship.Parent,
        ["孙子女"] = Relationship.Grandchild,
        ["兄弟姐妹"] = Relationship.Sibling,
        ["其他"] = Relationship.Other,
    };

    private static readonly Dictionary<string, SelfCare> SelfCareNames = new() { ["自理"] = SelfCare.Full, ["半失能"] = SelfCare.Partial, ["全失能"] = SelfCare.None };

    public static MemberRow? Validate(int row, string[] cells, DateOnly today, ImportErrorList errors)
    {
        string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
        var before = errors.Count;
        void Fail(int column, string message) => errors.Add(new ImportError(row, Headers[column], $"第{row}行“{Headers[column]}”：{message}"));
        if (Minzheng.Platform.Web.TextRules.FirstForbiddenCell(cells) is { } hostile && hostile.Column < Headers.Length)
        {
            Fail(hostile.Column, hostile.Message);
        }

        if (!SpreadsheetIdNumber.TryParse(Cell(0), today, out var headId, out var headError))
        {
            Fail(0, headError);
        }

        if (!RegionCode.TryGetLevel(Cell(1), out _, out var regionError))
        {
            Fail(1, regionError);
        }

        var hukou = Cell(2) switch { "城镇" => HukouType.Urban, "农村" => HukouType.Rural, _ => (HukouType?)null };
        if (hukou is null)
        {
            Fail(2, "应为“城镇”或“农村”");
        }

        var address = Cell(3);
        if (address.Length > Household.AddressMaxLength)
        {
            Fail(3, $"不能超过{Household.AddressMaxLength}个字");
        }

        var name = Cell(4);
        if (name.Length is 0 or > Person.NameMaxLength)
        {
            Fail(4, $"应为1到{Person.NameMaxLength}个字");
        }

        if (!SpreadsheetIdNumber.TryParse(Cell(5), today, out var id, out var idError))
        {
            Fail(5, idError);
        }

        if (!Relationships.TryGetValue(Cell(6), out var relationship))
        {
            Fail(6, $"应为{string.Join("、", Relationships.Keys)}之一");
        }

        var income = 0m;
        if (Cell(7).Length > 0 && (!decimal.TryParse(Cell(7), NumberStyles.Number, CultureInfo.InvariantCulture, out income) || !InputValues.IsMoney(income)))
        {
            Fail(7, "应为不小于0、最多两位小数的金额（元）");
        }

        int? grade = null;
        if (Cell(8).Length > 0)
        {
            grade = int.TryParse(Cell(8).TrimEnd('级'), NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is >= 1 and <= 4 ? g : null;
            if (grade is null)
            {
                Fail(8, "应为1至4级或空");
            }
        }

        var selfCare = SelfCare.Full;
        if (Cell(9).Length > 0 && !SelfCareNames.TryGetValue(Cell(9), out selfCare))
        {
            Fail(9, "应为“自理”“半失能”“全失能”或空");
        }

        var phone = Cell(10).Replace("-", "", StringComparison.Ordinal);
        if (phone.Length > 0 && (phone.Length is < 7 or > 20 || !phone.All(char.IsAsciiDigit)))
        {
            Fail(10, "应为7到20位数字");
        }

        return errors.Count > before
            ? null
            : new MemberRow(row, headId, Cell(1), hukou!.Value, address.Length > 0 ? address : null, name, id, relationship, income, grade, selfCare,
                phone.Length > 0 ? phone : null);
    }
}
