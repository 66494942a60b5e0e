using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Features.Programs;
using Minzheng.Infrastructure.Auditing;
using Minzheng.Infrastructure.Database;
using Minzheng.Infrastructure.Privacy;
using Minzheng.Infrastructure.Web;

namespace Minzheng.Features.Payments;

/// <summary>
/// A bank's file layout (一折通代发文件). Built-in: <c>csv</c> (UTF-8, header), <c>csv-gbk</c> (GBK, header and a 合计
/// control line), <c>fixed</c> (GBK fixed-width with a control record first) and <c>xlsx</c>; more under
/// <c>Payments:BankLayouts:{name}</c> in configuration.
/// </summary>
public sealed class BankLayout
{
    public string Format { get; set; } = "csv";
    public string Encoding { get; set; } = "utf-8";
    public bool HeaderRow { get; set; } = true;
    public bool ControlTotal { get; set; }

    /// <summary>Field names: seq, ref, holder, idNumber, bank, account, amount, amountFen, memo; for fixed width "name:width".</summary>
    public List<string> Fields { get; set; } = [];

    public static readonly string[] Standard = ["seq", "ref", "holder", "idNumber", "bank", "account", "amount", "memo"];

    public static IReadOnlyDictionary<string, BankLayout> BuiltIn { get; } = new Dictionary<string, BankLayout>
    {
        ["csv"] = new() { Fields = [.. Standard] },
        ["csv-gbk"] = new() { Encoding = "gbk", ControlTotal = true, Fields = [.. Standard] },
        ["fixed"] = new()
        {
            Format = "fixed",
            Encoding = "gbk",
            HeaderRow = false,
            ControlTotal = true,
            Fields = ["seq:6", "account:32", "holder:20", "idNumber:18", "amountFen:15", "memo:40"],
        },
        ["xlsx"] = new() { Format = "xlsx", Fields = [.. Standard] },
    };

    public static string Title(string field) => field switch
    {
        "seq" => "序号",
        "ref" => "流水号",
        "holder" => "户名",
        "idNumber" => "身份证号",
        "bank" => "开户银行",
        "account" => "银行账号",
        "amount" => "金额",
        "amountFen" => "金额（分）",
        "memo" => "摘要",
        _ => field,
    };
}

/// <summary>One transfer of a bank file: the payee's lines of the payroll added up (an arrears line and a recovery offset).</summary>
public sealed record BankRow(int Seq, Guid EnrollmentId, string Holder, string IdNumber, string? Bank, string Account, decimal Amount, string Memo);

/// <summary>Writes bank files of approved payrolls and records each one (hash, who, when) in the audit log.</summary>
public sealed class BankFileService(MinzhengDbContext db, PersonalDataProtector protector, AuditLog audit, IConfiguration configuration)
{
    public const string AuditExported = "payroll.bank-file";

    static BankFileService() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public BankLayout? Layout(string name) =>
        configuration.GetSection($"Payments:BankLayouts:{name}").Get<BankLayout>() is { Fields.Count: > 0 } configured ? configured
        : BankLayout.BuiltIn.GetValueOrDefault(name);

    /// <summary>
    /// The transfers of a payroll in a stable order (region, holder, enrolment): payees whose lines add up to more than
    /// zero and who have an account. The rest — net recoveries and missing accounts — are listed on the payroll page.
    /// </summary>
    public async IAsyncEnumerable<BankRow> RowsAsync(Payroll payroll, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var memo = payroll.Memo(AssistancePrograms.ByCode(payroll.Program)?.Name ?? payroll.Program);
        var lines = db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == payroll.Id && l.Status != PaymentStatus.Reissued)
            .GroupBy(l => new { l.EnrollmentId, l.PersonId, l.RegionCode, l.AccountHolder, l.BankName, l.BankAccountCipher })
            .Select(g => new
            {
                g.Key.EnrollmentId,
                Amount = g.Sum(l => l.Amount),
                Person = g.Key.PersonId,
                Region = g.Key.RegionCode,
                Holder = g.Key.AccountHolder,
                Bank = g.Key.BankName,
                Account = g.Key.BankAccountCipher
            })
            .Where(x => x.Amount > 0 && x.Account != null)
            .Join(db.Persons, x => x.Person, p => p.Id, (x, p) => new { x, p.IdNumberCipher, p.Name })
            .OrderBy(r => r.x.Region).ThenBy(r => r.x.Holder).ThenBy(r => r.x.EnrollmentId);
        var seq = 0;
        await foreach (var r in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new BankRow(++seq, r.x.EnrollmentId, r.x.Holder ?? r.Name, protector.Decrypt(r.IdNumberCipher, DataPurpose.IdNumber), r.x.Bank,
                protector.Decrypt(r.x.Account!, DataPurpose.BankAccount), r.x.Amount, memo);
        }
    }

    /// <summary>Writes the file to <paramref name="output"/> and records it; returns the row count and total.</summary>
    public async Task<(int Rows, decimal Total)> WriteAsync(Payroll payroll, string layoutName, BankLayout layout, string fileName, Stream output, CancellationToken ct)
    {
        var rows = new List<BankRow>();
        await foreach (var row in RowsAsync(payroll, ct))
        {
            rows.Add(row);
        }

        using var hashing = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var hashed = new HashingStream(output, hashing))
        {
            if (layout.Format == "xlsx")
            {
                // The xlsx zip is written to memory first: its writer flushes synchronously, which a response stream refuses.
                var sheet = rows.Select(r => layout.Fields.ToDictionary(BankLayout.Title, f => Cell(f, r, text: false)));
                using var buffer = new MemoryStream();
                await MiniExcelLibs.MiniExcel.SaveAsAsync(buffer, sheet, sheetName: "代发明细", cancellationToken: ct);
                buffer.Position = 0;
                await buffer.CopyToAsync(hashed, ct);
            }
            else
            {
                await using var writer = new StreamWriter(hashed, Encoding(layout), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
                await WriteTextAsync(writer, payroll, layout, rows);
            }
        }

        var total = rows.Sum(r => r.Amount);
        db.BankFileExports.Add(new BankFileExport
        {
            PayrollId = payroll.Id,
            RegionCode = payroll.RegionCode,
            Layout = layoutName,
            FileName = fileName,
            Sha256 = Convert.ToHexStringLower(hashing.GetHashAndReset()),
            Rows = rows.Count,
            TotalAmount = total,
        });
        audit.Add(AuditExported, entityType: nameof(Payroll), entityId: payroll.Id.ToString(), regionCode: payroll.RegionCode,
            details: new { layout = layoutName, fileName, rows = rows.Count, total });
        await db.SaveChangesAsync(ct);
        return (rows.Count, total);
    }

    private static async Task WriteTextAsync(StreamWriter writer, Payroll payroll, BankLayout layout, List<BankRow> rows)
    {
        var fixedWidth = layout.Format == "fixed";
        var total = rows.Sum(r => r.Amount);
        if (fixedWidth && layout.ControlTotal)
        {
            // Control record first: H, number of transfers, total in fen, the period.
            await writer.WriteLineAsync($"H{rows.Count:D8}{(long)(total * 100):D15}{payroll.PeriodStart:yyyyMM}");
        }
        else if (layout.HeaderRow)
        {
            await writer.WriteLineAsync(string.Join(",", layout.Fields.Select(BankLayout.Title)));
        }

        foreach (var r in rows)
        {
            await writer.WriteLineAsync(fixedWidth
                ? "D" + string.Concat(layout.Fields.Select(f => Pad(f, r, writer.Encoding)))
                : string.Join(",", layout.Fields.Select(f => Csv(Cell(f, r, text: true)))));
        }

        if (!fixedWidth && layout.ControlTotal)
        {
            var cells = layout.Fields.Select(f => f switch
            {
                "seq" => "合计",
                "amount" => Money(total),
                "amountFen" => ((long)(total * 100)).ToString(CultureInfo.InvariantCulture),
                "memo" => $"{rows.Count}笔",
                _ => "",
            });
            await writer.WriteLineAsync(string.Join(",", cells));
        }
    }

    private static object Cell(string field, BankRow r, bool text) => field switch
    {
        "seq" => text ? r.Seq.ToString(CultureInfo.InvariantCulture) : r.Seq,
        "ref" => r.EnrollmentId.ToString("N"),
        "holder" => SpreadsheetText.Safe(r.Holder) ?? "",
        "idNumber" => r.IdNumber,
        "bank" => SpreadsheetText.Safe(r.Bank) ?? "",
        "account" => r.Account,
        "amount" => text ? Money(r.Amount) : r.Amount,
        "amountFen" => ((long)(r.Amount * 100)).ToString(CultureInfo.InvariantCulture),
        "memo" => r.Memo,
        _ => "",
    };

    /// <summary>A fixed-width field: numbers right-aligned with zeros, text left-aligned with spaces, widths in bytes of the file's encoding.</summary>
    private static string Pad(string spec, BankRow r, Encoding encoding)
    {
        var parts = spec.Split(':');
        var width = parts.Length == 2 && int.TryParse(parts[1], out var w) ? w : 20;
        var value = (string)Cell(parts[0], r, text: true);
        if (parts[0] is "seq" or "amountFen")
        {
            return value.PadLeft(width, '0')[^width..];
        }

        var sb = new StringBuilder();
        var bytes = 0;
        foreach (var c in value)
        {
            var n = encoding.GetByteCount([c]);
            if (bytes + n > width)
            {
                break; // never split a Chinese character
            }

            sb.Append(c);
            bytes += n;
        }

        return sb.Append(' ', width - bytes).ToString();
    }

    private static string Csv(object value)
    {
        var s = (string)value;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    private static string Money(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    private static Encoding Encoding(BankLayout layout) => layout.Encoding.Equals("gbk", StringComparison.OrdinalIgnoreCase)
        ? System.Text.Encoding.GetEncoding("GB18030")
        : new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}

/// <summary>Passes writes through to the response while hashing them, so the recorded hash is of the bytes handed out.</summary>
internal sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        hash.AppendData(buffer, offset, count);
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        hash.AppendData(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        // The response stream belongs to ASP.NET Core; only this wrapper ends here.
    }
}
