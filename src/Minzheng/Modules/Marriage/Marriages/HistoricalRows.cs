using Minzheng.Platform.Imports;
using Minzheng.Platform.Regions;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.Marriage.Marriages;

/// <summary>One 补录 row whose cells are all valid.</summary>
internal sealed record HistoricalRow(int Number, MarriageRecordKind Kind, DateOnly Date, string Certificate, ValidParty A, ValidParty B, string RegionCode);

/// <summary>
/// Reads a 补录 file row by row (streamed by the platform's spreadsheet reader), naming each bad cell by row and
/// column, and yields the rows whose cells are all valid; <see cref="Total"/> counts every data row read.
/// </summary>
internal sealed class HistoricalRows(DateOnly today, int maxRows, string ownRegion, string regionPrefix)
{
    public static readonly string[] Headers = ["登记种类", "登记日期", "证件字号", "一方姓名", "一方身份证号", "另一方姓名", "另一方身份证号", "登记机关区划代码"];

    private static readonly string[] AllHeaders = [.. Headers, .. HistoricalPartyCells.OptionalHeaders];

    public int Total { get; private set; }

    /// <summary>The valid rows with their cells (to be read again by <see cref="Parse"/>).</summary>
    public IEnumerable<(HistoricalRow Row, string[] Cells)> Read(byte[] content, string fileName, ImportErrorList errors)
    {
        foreach (var (number, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, maxRows, HistoricalPartyCells.OptionalHeaders))
        {
            Total++;
            if (Parse(number, cells, errors) is { } row)
            {
                yield return (row, cells);
            }
        }
    }

    public HistoricalRow? Parse(int number, string[] cells, ImportErrorList errors)
    {
        string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
        var before = errors.Count;
        void Fail(string column, string message) => errors.Add(new ImportError(number, column, message));
        if (TextRules.FirstForbiddenCell(cells, AllHeaders) is { } bad)
        {
            Fail(bad.Column, bad.Message);
            return null;
        }

        MarriageRecordKind? kind = Cell(0) switch { "结婚" => MarriageRecordKind.Marriage, "离婚" => MarriageRecordKind.Divorce, _ => null };
        if (kind is null)
        {
            Fail("登记种类", "应为“结婚”或“离婚”");
        }

        if (!InputValues.TryParseDate(Cell(1), out var date) || !InputValues.IsSaneDate(date))
        {
            Fail("登记日期", "应为日期，如 1998-10-01、1998/10/01 或 1998年10月1日");
        }
        else if (date > today)
        {
            Fail("登记日期", "不能晚于今天");
        }

        var certificate = Cell(2);
        if (certificate.Length is 0 or > 64)
        {
            Fail("证件字号", certificate.Length == 0 ? "请填写原证件字号" : "不能超过64个字");
        }

        var parties = new[] { 0, 1 }.Select(i => HistoricalPartyCells.Read(Cell, i, Headers, today, Fail)).OfType<ValidParty>().ToList();
        if (parties.Count == 2 && parties[0].Id.IndexInput == parties[1].Id.IndexInput)
        {
            Fail("另一方身份证号", "与一方的证件号码相同");
        }
        else if (parties.Count == 2 && kind == MarriageRecordKind.Marriage && parties[0].Id.Gender == parties[1].Id.Gender)
        {
            Fail("另一方身份证号", "双方性别相同");
        }

        var region = Cell(7).Length == 0 ? ownRegion : Cell(7);
        if (!RegionCode.IsValid(region) || !region.StartsWith(regionPrefix, StringComparison.Ordinal))
        {
            Fail("登记机关区划代码", "应为本人管辖范围内的12位区划代码（留空为本人所在区划）");
        }

        return errors.Count == before ? new HistoricalRow(number, kind!.Value, date, certificate, parties[0], parties[1], region) : null;
    }
}
