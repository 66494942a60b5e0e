using System.Globalization;
using Minzheng.Platform.Imports;

namespace Minzheng.Modules.SocialAssistance.Payments;

public enum BankReturnResult : byte
{
    Paid,
    Failed,

    /// <summary>Neither 成功 nor 失败.</summary>
    Unknown,
}

/// <summary>
/// One data row of a bank's return file, parsed but not yet checked. Small on purpose (a provincial file has a
/// million rows): a cell's text is kept only when the parsed value would not print back as the same text, which is
/// all an error message needs.
/// </summary>
public readonly record struct BankReturnRow(int Row, Guid? Reference, string? ReferenceText, decimal? Amount, string? AmountText, BankReturnResult Result, string? Reason)
{
    /// <summary>The 流水号 cell as the bank wrote it (trimmed).</summary>
    public string ReferenceCell => ReferenceText ?? Reference?.ToString("N") ?? "";

    /// <summary>The 金额 cell as the bank wrote it (trimmed).</summary>
    public string AmountCell => AmountText ?? Amount?.ToString(CultureInfo.InvariantCulture) ?? "";
}

/// <summary>Reads a return file (流水号, 金额, 处理结果, 失败原因) into rows, without the database, so it can run while the payroll's transfers load.</summary>
public static class BankReturnFile
{
    public static readonly string[] Headers = ["流水号", "金额", "处理结果", "失败原因"];

    /// <exception cref="UnreadableFileException">The file is not a table, its header is wrong, or it has more rows than allowed.</exception>
    public static List<BankReturnRow> Read(byte[] content, string fileName, int maxRows)
    {
        var rows = new List<BankReturnRow>(Math.Min(maxRows, content.Length / 48 + 16)); // about 50 bytes a row: grow once at most
        foreach (var (row, cells) in SpreadsheetReader.DataRows(content, fileName, Headers, maxRows))
        {
            string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
            var (referenceCell, amountCell, resultCell) = (Cell(0), Cell(1), Cell(2));
            Guid? reference = Guid.TryParseExact(referenceCell, "N", out var parsed) ? parsed : null;
            decimal? amount = decimal.TryParse(amountCell, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
            var result = resultCell switch
            {
                "成功" => BankReturnResult.Paid,
                "失败" => BankReturnResult.Failed,
                _ => BankReturnResult.Unknown,
            };
            rows.Add(new BankReturnRow(row, reference, reference?.ToString("N") == referenceCell ? null : referenceCell,
                amount, amount?.ToString(CultureInfo.InvariantCulture) == amountCell ? null : amountCell, result,
                result == BankReturnResult.Failed ? Cell(3) : null));
        }

        return rows;
    }
}
