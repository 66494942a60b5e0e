using System.Globalization;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Imports;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Regions;

namespace Minzheng.Modules.SocialAssistance.Payments.Comparison;

/// <summary>
/// One row of the old system's payment list, as the comparison keeps it: the ID number only as its keyed hash (to match
/// our registry) and masked (to show); the plain number is dropped as soon as the row is read.
/// </summary>
/// <param name="Program">Our programme code, or null for a general 特困 name on a payroll of another programme.</param>
/// <param name="RegionCode">The 12-digit code the row names (a village, or a township padded), or null when it names none.</param>
public sealed record OldPayment(int Row, string Index, string IdNumberMasked, string Name, string? Program, string ProgramName, string? RegionCode,
    int Persons, decimal Amount);

/// <summary>
/// Reads the old system's payment list of one month (Excel or CSV) through <see cref="SpreadsheetReader"/>, so the same
/// bounds on size, cells and zip bombs hold. Old systems export their own headers in their own order, so columns are
/// found by name (a few common spellings each) rather than by position; extra columns are ignored.
/// </summary>
public static class OldPaymentList
{
    public const string IdColumn = "身份证号";
    public const string NameColumn = "姓名";
    public const string ProgramColumn = "救助项目";
    public const string AmountColumn = "金额";
    public const string PersonsColumn = "保障人数";
    public const string RegionColumn = "区划代码";
    public const string TownshipColumn = "乡镇";

    /// <summary>A month's payment to one household or person above this is a typing error (or yuan typed as fen), not a payment.</summary>
    public const decimal MaxAmount = 100_000m;

    public const int MaxPersons = 50;

    /// <summary>The template's columns, in order: the four required, then the three optional.</summary>
    public static readonly string[] Headers = [IdColumn, NameColumn, ProgramColumn, AmountColumn, PersonsColumn, RegionColumn, TownshipColumn];

    private static readonly string[] Required = [IdColumn, NameColumn, ProgramColumn, AmountColumn];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["身份证号"] = IdColumn,
        ["身份证号码"] = IdColumn,
        ["公民身份号码"] = IdColumn,
        ["证件号码"] = IdColumn,
        ["户主身份证号"] = IdColumn,
        ["姓名"] = NameColumn,
        ["户主姓名"] = NameColumn,
        ["领取人姓名"] = NameColumn,
        ["救助项目"] = ProgramColumn,
        ["保障类别"] = ProgramColumn,
        ["救助类别"] = ProgramColumn,
        ["项目"] = ProgramColumn,
        ["金额"] = AmountColumn,
        ["发放金额"] = AmountColumn,
        ["实发金额"] = AmountColumn,
        ["月保障金额"] = AmountColumn,
        ["金额（元）"] = AmountColumn,
        ["保障人数"] = PersonsColumn,
        ["人数"] = PersonsColumn,
        ["区划代码"] = RegionColumn,
        ["行政区划代码"] = RegionColumn,
        ["乡镇"] = TownshipColumn,
        ["乡镇（街道）"] = TownshipColumn,
        ["乡镇街道"] = TownshipColumn,
    };

    /// <summary>The general names of 特困供养 old systems use without saying 集中 or 分散.</summary>
    private static readonly HashSet<string> DestituteNames = new(StringComparer.Ordinal) { "特困", "特困人员", "特困供养", "特困人员供养", "五保", "五保供养" };

    /// <param name="payrollProgram">The compared payroll's programme: a general 特困 name means it when it is a 特困 payroll.</param>
    /// <param name="townships">Township names (of the payroll's county) to their 12-digit codes; a name given twice maps to null.</param>
    /// <param name="regionNames">The townships and villages of the payroll's county, to check a code the file names.</param>
    public static List<OldPayment> Read(byte[] content, string fileName, string payrollProgram, IReadOnlyDictionary<string, string?> townships,
        IReadOnlyDictionary<string, string> regionNames, PersonalDataProtector protector, DateOnly today, int maxRows, ImportErrorList errors) =>
        Read(content, fileName, payrollProgram, townships, regionNames, protector, today, maxRows, errors, out _);

    /// <param name="personsGiven">Whether the list has a 保障人数 column: without it every row counts 1 person, which says nothing about persons.</param>
    public static List<OldPayment> Read(byte[] content, string fileName, string payrollProgram, IReadOnlyDictionary<string, string?> townships,
        IReadOnlyDictionary<string, string> regionNames, PersonalDataProtector protector, DateOnly today, int maxRows, ImportErrorList errors, out bool personsGiven)
    {
        personsGiven = false;
        var rows = new List<OldPayment>();
        Dictionary<string, int>? columns = null;
        foreach (var (row, cells) in SpreadsheetReader.Read(content, fileName))
        {
            if (columns is null)
            {
                columns = Columns(cells);
                personsGiven = columns.ContainsKey(PersonsColumn);
                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rows.Count + 1 > maxRows)
            {
                throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture, $"文件超过{maxRows}行数据的上限，请按乡镇或项目分开比对"));
            }

            string Cell(string column) => columns.TryGetValue(column, out var i) && i < cells.Length ? cells[i].Trim() : "";
            var count = errors.Count;
            if (!SpreadsheetIdNumber.TryParse(Cell(IdColumn), today, out var id, out var idError))
            {
                errors.Add(new ImportError(row, IdColumn, idError));
            }

            var name = Cell(NameColumn);
            if (name.Length is 0 or > Platform.People.Person.NameMaxLength)
            {
                errors.Add(new ImportError(row, NameColumn, $"姓名不能为空，且不超过{Platform.People.Person.NameMaxLength}个字"));
            }

            var programName = Cell(ProgramColumn);
            var program = ProgramOf(programName, payrollProgram, out var known);
            if (!known)
            {
                errors.Add(new ImportError(row, ProgramColumn, $"救助项目“{Clip(programName)}”无法识别，应为{string.Join("、", AssistancePrograms.Payable.Select(p => p.Name))}之一"));
            }

            var amount = Amount(Cell(AmountColumn), row, errors);
            var persons = Persons(Cell(PersonsColumn), row, errors);
            var region = Region(Cell(RegionColumn), Cell(TownshipColumn), row, townships, regionNames, errors);
            if (errors.Count == count)
            {
                rows.Add(new OldPayment(row, protector.BlindIndex(id.Value, DataPurpose.IdNumber), Mask.IdNumber(id.Value), name, program,
                    program is null ? "特困供养" : AssistancePrograms.PayableByCode(program)!.Name, region, persons, amount));
            }
        }

        return columns is null
            ? throw new UnreadableFileException($"文件为空：第1行应为表头，至少包括“{string.Join("，", Required)}”")
            : rows;
    }

    /// <summary>Our programme for a name in the file; <paramref name="known"/> is false for a name no programme goes by.</summary>
    public static string? ProgramOf(string name, string payrollProgram, out bool known)
    {
        known = true;
        if (AssistancePrograms.ByName(name) is { } program)
        {
            return program.Code;
        }

        if (AssistancePrograms.Payable.FirstOrDefault(p => p.Name == name) is { } payable)
        {
            return payable.Code;
        }

        if (DestituteNames.Contains(name))
        {
            return payrollProgram.StartsWith("destitute-", StringComparison.Ordinal) ? payrollProgram : null;
        }

        known = false;
        return null;
    }

    private static Dictionary<string, int> Columns(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var text = header[i].Trim().TrimStart('\uFEFF').Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal);
            if (Aliases.TryGetValue(text, out var column) && !columns.TryAdd(column, i))
            {
                throw new UnreadableFileException($"表头不正确：第1行有两列都是“{column}”（{Clip(text)}），请只保留一列");
            }
        }

        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count == 0 ? columns : throw new UnreadableFileException(
            $"表头不正确：第1行缺少“{string.Join("，", missing)}”列。应包括“{string.Join("，", Required)}”，可选“{PersonsColumn}”和“{RegionColumn}”或“{TownshipColumn}”，请使用比对模板");
    }

    private static decimal Amount(string text, int row, ImportErrorList errors)
    {
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(new ImportError(row, AmountColumn, text.Length == 0 ? "金额不能为空" : $"金额“{Clip(text)}”不是数字"));
            return 0;
        }

        if (amount < 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            errors.Add(new ImportError(row, AmountColumn, string.Create(CultureInfo.InvariantCulture,
                $"金额“{Clip(text)}”不合理：应在0到{MaxAmount:0}元之间，最多两位小数")));
        }

        return amount;
    }

    private static int Persons(string text, int row, ImportErrorList errors)
    {
        if (text.Length == 0)
        {
            return 1;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var persons) && persons is >= 1 and <= MaxPersons)
        {
            return persons;
        }

        errors.Add(new ImportError(row, PersonsColumn, $"保障人数“{Clip(text)}”应为1到{MaxPersons}的整数"));
        return 1;
    }

    private static string? Region(string code, string township, int row, IReadOnlyDictionary<string, string?> townships,
        IReadOnlyDictionary<string, string> regionNames, ImportErrorList errors)
    {
        if (code.Length > 0)
        {
            var full = code.Length == 9 && code.All(char.IsAsciiDigit) ? code.PadRight(RegionCode.Length, '0') : code;
            if (RegionCode.TryGetLevel(full, out var level, out _) && level >= RegionLevel.Township && regionNames.ContainsKey(full))
            {
                return full;
            }

            errors.Add(new ImportError(row, RegionColumn, $"区划代码“{Clip(code)}”不是本县的乡镇或村（社区）代码（12位，或乡镇的前9位）"));
            return null;
        }

        if (township.Length == 0)
        {
            return null;
        }

        if (townships.TryGetValue(township, out var found) && found is not null)
        {
            return found;
        }

        errors.Add(new ImportError(row, TownshipColumn, townships.ContainsKey(township)
            ? $"乡镇“{Clip(township)}”重名，请改填区划代码"
            : $"乡镇“{Clip(township)}”不是本县的乡镇（街道），请核对名称或改填区划代码"));
        return null;
    }

    private static string Clip(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
