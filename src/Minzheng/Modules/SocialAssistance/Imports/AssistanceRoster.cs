using System.Globalization;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialAssistance.Imports;


/// <summary>One valid roster row, normalised; <see cref="Index"/> is the head's blind index once computed by the importer.</summary>
public sealed record RosterRow(int Row, string RegionCode, AssistanceProgram Program, string HeadName, IdNumber HeadId, int HouseholdSize,
    int CoveredPersons, decimal MonthlyAmount, DateOnly StartMonth, string? BankName, string? BankAccount, string? Phone, string? Address,
    DateOnly? PaidThrough = null)
{
    public string Index { get; init; } = "";
}

/// <summary>
/// The assistance roster (花名册) of DESIGN §5: exact headers in this order, one row per enrolled household. Checks each
/// row on its own; checks against the database (scope, existing enrolments) are the import service's.
/// </summary>
public static class AssistanceRoster
{
    public const string Kind = "assistance-roster";

    public static readonly string[] Headers =
        ["区划代码", "保障类别", "户主姓名", "户主身份证号", "家庭人口", "保障人数", "月保障金额", "起始年月", "开户银行", "银行账号", "联系电话", "家庭住址"];

    /// <summary>The optional 13th column: up to which month the old system has paid the row (YYYY-MM).</summary>
    public const string PaidThroughHeader = "已发放至";

    /// <summary>Every column a row may have, for naming errors: the 12 required ones and the optional 13th.</summary>
    private static readonly string[] Columns = [.. Headers, PaidThroughHeader];

    public static RosterRow? Validate(int row, string[] cells, DateOnly today, ImportErrorList errors)
    {
        string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
        var before = errors.Count;
        void Fail(int column, string message) => errors.Add(new ImportError(row, Columns[column], $"第{row}行“{Columns[column]}”：{message}"));
        if (Minzheng.Platform.Web.TextRules.FirstForbiddenCell(cells) is { } hostile && hostile.Column < Columns.Length)
        {
            Fail(hostile.Column, hostile.Message);
        }

        var region = Cell(0);
        if (!RegionCode.TryGetLevel(region, out _, out var regionError))
        {
            Fail(0, regionError);
        }

        var program = AssistancePrograms.ByName(Cell(1));
        if (program is null)
        {
            Fail(1, $"“{Cell(1)}”不是已知的保障类别（{string.Join("、", AssistancePrograms.All.Select(p => p.Name))}）");
        }

        var name = Cell(2);
        if (name.Length is 0 or > Minzheng.Platform.People.Person.NameMaxLength)
        {
            Fail(2, $"应为1到{Minzheng.Platform.People.Person.NameMaxLength}个字");
        }

        if (!SpreadsheetIdNumber.TryParse(Cell(3), today, out var id, out var idError))
        {
            Fail(3, idError);
        }

        var size = Integer(Cell(4), 1, Registry.RegistryService.MaxMembers, 4, Fail);
        var covered = Integer(Cell(5), 1, Registry.RegistryService.MaxMembers, 5, Fail);
        if (size is { } s && covered is { } c && c > s)
        {
            Fail(5, $"保障人数（{c}）不能大于家庭人口（{s}）");
        }

        var amountOk = decimal.TryParse(Cell(6), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount);
        if (!amountOk || amount < 0 || amount > 1_000_000 || decimal.Round(amount, 2) != amount)
        {
            Fail(6, "应为不小于0、最多两位小数的金额（元）");
        }

        DateOnly start = default;
        if (!Minzheng.Platform.Web.InputValues.TryParseMonth(Cell(7), out start))
        {
            Fail(7, $"“{Cell(7)}”应为年月，格式 YYYY-MM");
        }
        else if (start > today)
        {
            Fail(7, "不能晚于本月");
        }

        var bank = Optional(Cell(8), 50, 8, Fail);
        var account = Cell(9).Replace(" ", "", StringComparison.Ordinal);
        if (account.Length > 0 && (account.Length is < 8 or > 30 || !account.All(char.IsAsciiDigit)))
        {
            Fail(9, "应为8到30位数字");
        }

        var phone = Cell(10).Replace("-", "", StringComparison.Ordinal);
        if (phone.Length > 0 && (phone.Length is < 7 or > 20 || !phone.All(char.IsAsciiDigit)))
        {
            Fail(10, "应为7到20位数字");
        }

        var address = Optional(Cell(11), Minzheng.Platform.People.Household.AddressMaxLength, 11, Fail);
        DateOnly? paidThrough = null;
        if (Cell(12).Length > 0)
        {
            if (!Minzheng.Platform.Web.InputValues.TryParseMonth(Cell(12), out var through))
            {
                Fail(12, $"“{Cell(12)}”应为年月，格式 YYYY-MM（原系统已发放到的月份）");
            }
            else if (through > new DateOnly(today.Year, today.Month, 1))
            {
                Fail(12, "不能晚于本月");
            }
            else
            {
                paidThrough = through;
            }
        }

        return errors.Count > before
            ? null
            : new RosterRow(row, region, program!, name, id, size!.Value, covered!.Value, amount, start, bank,
                account.Length > 0 ? account : null, phone.Length > 0 ? phone : null, address, paidThrough);
    }

    private static int? Integer(string value, int min, int max, int column, Action<int, string> fail)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        fail(column, $"应为{min}到{max}之间的整数");
        return null;
    }

    private static string? Optional(string value, int maxLength, int column, Action<int, string> fail)
    {
        if (value.Length > maxLength)
        {
            fail(column, $"不能超过{maxLength}个字");
        }

        return value.Length > 0 ? value : null;
    }
}
