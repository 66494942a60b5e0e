using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Modules.SocialAssistance.Programs;
using Minzheng.Platform.Auditing;
using Minzheng.Platform.Data;
using Minzheng.Platform.Privacy;
using Minzheng.Platform.Web;

namespace Minzheng.Modules.SocialAssistance.Payments;

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
    /// The transfers of a payroll in a stable order (by enrolment, the lines' key order, so the database streams them
    /// without a sort of wide rows): each payee's lines added up as they pass. Payees whose lines add up to zero or less,
    /// or who have no account, are left out — net recoveries and missing accounts are listed on the payroll page.
    /// </summary>
    public async IAsyncEnumerable<BankRow> RowsAsync(Payroll payroll, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var memo = payroll.Memo(AssistancePrograms.NameOf(payroll.Program));
        var batch = new List<SealedPayee>(DecryptBatch);
        var seq = 0;
        await foreach (var payee in SealedPayeesAsync(payroll, ct))
        {
            batch.Add(payee);
            if (batch.Count == DecryptBatch)
            {
                foreach (var row in Open(batch, seq, memo))
                {
                    yield return row;
                }

                (seq, batch) = (seq + batch.Count, new List<SealedPayee>(DecryptBatch));
            }
        }

        foreach (var row in Open(batch, seq, memo))
        {
            yield return row;
        }
    }

    private const int DecryptBatch = 4096;

    private sealed record SealedPayee(Guid Id, decimal Amount, string Holder, string? Bank, string Account, string IdCipher);

    /// <summary>Decrypts a batch of payees on every core (two AES-GCM openings each), keeping their order.</summary>
    private BankRow[] Open(List<SealedPayee> batch, int seq, string memo)
    {
        var rows = new BankRow[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            var p = batch[i];
            rows[i] = new BankRow(seq + i + 1, p.Id, p.Holder, protector.Decrypt(p.IdCipher, DataPurpose.IdNumber), p.Bank,
                protector.Decrypt(p.Account, DataPurpose.BankAccount), p.Amount, memo);
        });
        return rows;
    }

    /// <summary>The payees still encrypted, their lines added up as they stream past in enrolment order.</summary>
    private async IAsyncEnumerable<SealedPayee> SealedPayeesAsync(Payroll payroll, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var lines = db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == payroll.Id && l.Status != PaymentStatus.Reissued)
            .Join(db.Persons, l => l.PersonId, p => p.Id, (l, p) => new { l.EnrollmentId, l.Amount, l.AccountHolder, l.BankName, l.BankAccountCipher, p.IdNumberCipher, p.Name })
            .OrderBy(x => x.EnrollmentId);
        if (db.Database.IsNpgsql())
        {
            // The order keeps two exports of a payroll byte-identical; a provincial payroll's sort (a few hundred MB of
            // rows) then runs in memory rather than in temporary files. The session setting ends with the pooled connection.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET work_mem = '512MB'", ct);
        }

        var payee = (Id: Guid.Empty, Amount: 0m, Holder: "", Bank: (string?)null, Account: (string?)null, IdCipher: "");
        await foreach (var l in lines.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (l.EnrollmentId == payee.Id)
            {
                payee.Amount += l.Amount;
                continue;
            }

            if (payee.Id != Guid.Empty && Transfer(payee.Amount, payee.Account))
            {
                yield return new SealedPayee(payee.Id, payee.Amount, payee.Holder, payee.Bank, payee.Account!, payee.IdCipher);
            }

            payee = (l.EnrollmentId, l.Amount, l.AccountHolder ?? l.Name, l.BankName, l.BankAccountCipher, l.IdNumberCipher);
        }

        if (payee.Id != Guid.Empty && Transfer(payee.Amount, payee.Account))
        {
            yield return new SealedPayee(payee.Id, payee.Amount, payee.Holder, payee.Bank, payee.Account!, payee.IdCipher);
        }
    }

    /// <summary>The one rule of who is in a bank file: owed money, with an account.</summary>
    private static bool Transfer(decimal amount, string? account) => Transfer(amount, account is not null);

    private static bool Transfer(decimal amount, bool hasAccount) => amount > 0 && hasAccount;

    /// <summary>
    /// Streams the file to <paramref name="output"/> (one pass over the rows; a layout with its control record first gets
    /// the count and total from an aggregate beforehand) and records it with the hash of the bytes handed out.
    /// </summary>
    public async Task<(int Rows, decimal Total)> WriteAsync(Payroll payroll, string layoutName, BankLayout layout, string fileName, Stream output, CancellationToken ct)
    {
        using var hashing = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int count;
        decimal total;
        await using (var hashed = new HashingStream(output, hashing))
        {
            if (layout.Format == "xlsx")
            {
                (count, total) = await WriteXlsxAsync(payroll, layout, hashed, ct);
            }
            else
            {
                await using var writer = new StreamWriter(hashed, Encoding(layout), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
                (count, total) = await WriteTextAsync(writer, payroll, layout, ct);
            }
        }

        db.BankFileExports.Add(new BankFileExport
        {
            PayrollId = payroll.Id,
            RegionCode = payroll.RegionCode,
            Layout = layoutName,
            FileName = fileName,
            Sha256 = Convert.ToHexStringLower(hashing.GetHashAndReset()),
            Rows = count,
            TotalAmount = total,
        });
        audit.Add(AuditExported, entityType: nameof(Payroll), entityId: payroll.Id.ToString(), regionCode: payroll.RegionCode,
            details: new { layout = layoutName, fileName, rows = count, total });
        await db.SaveChangesAsync(ct);
        return (count, total);
    }

    private async Task<(int Count, decimal Total)> WriteXlsxAsync(Payroll payroll, BankLayout layout, Stream output, CancellationToken ct)
    {
        var (count, total) = (0, 0m);
        // No 合计 row: the bank's batch import would read it as one more transfer. The zip goes to a temporary file
        // first: its writer flushes synchronously, which a response stream refuses.
        await using var file = await SpreadsheetFile.TempAsync([new XlsxSheet("代发明细", Sheet(), Headers: [.. layout.Fields.Select(BankLayout.Title)])], ct);
        await file.CopyToAsync(output, ct);
        return (count, total);

        async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> Sheet()
        {
            await foreach (var r in RowsAsync(payroll, ct))
            {
                (count, total) = (count + 1, total + r.Amount);
                yield return layout.Fields.ToDictionary(BankLayout.Title, f => (object?)Cell(f, r, text: false));
            }
        }
    }

    private async Task<(int Count, decimal Total)> WriteTextAsync(StreamWriter writer, Payroll payroll, BankLayout layout, CancellationToken ct)
    {
        var fixedWidth = layout.Format == "fixed";
        if (fixedWidth && layout.ControlTotal)
        {
            // Control record first: H, number of transfers, total in fen, the period.
            var (rows, sum) = await TotalsAsync(payroll, ct);
            await writer.WriteLineAsync($"H{rows:D8}{(long)(sum * 100):D15}{payroll.PeriodStart:yyyyMM}");
        }
        else if (layout.HeaderRow)
        {
            await writer.WriteLineAsync(string.Join(",", layout.Fields.Select(BankLayout.Title)));
        }

        var (count, total) = (0, 0m);
        await foreach (var r in RowsAsync(payroll, ct))
        {
            (count, total) = (count + 1, total + r.Amount);
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
                "memo" => $"{count}笔",
                _ => "",
            });
            await writer.WriteLineAsync(string.Join(",", cells));
        }

        return (count, total);
    }

    /// <summary>The number and total of the transfers <see cref="RowsAsync"/> yields, from one aggregate.</summary>
    private async Task<(int Count, decimal Total)> TotalsAsync(Payroll payroll, CancellationToken ct)
    {
        var transfers = await TransfersAsync(db, payroll.Id, ct);
        return (transfers.Count, transfers.Values.Sum(t => t.Amount));
    }

    /// <summary>
    /// One transfer of a bank file: the enrolment's lines added up, their region (an answer's region), and whether a
    /// return file answered it.
    /// </summary>
    public readonly record struct BankTransfer(decimal Amount, string RegionCode, bool HasAccount, bool Answered = false);

    /// <summary>
    /// The transfers a bank file of the payroll holds, by enrolment: each enrolment's lines added up, owed money and with
    /// an account — the rule <see cref="RowsAsync"/> applies while streaming. The bank's return file is checked against it.
    /// Each transfer keeps its lines' region, so the answer written for it is scoped like them.
    /// The lines are added up here from one plain scan (id, amount, region, whether an account is set): at 1M lines a GROUP BY
    /// in the database sorted or hashed them and cost three times the scan, and the caller wants a dictionary anyway.
    /// </summary>
    /// <param name="lines">The payroll's line count, when known: the dictionary is sized once.</param>
    public static async Task<Dictionary<Guid, BankTransfer>> TransfersAsync(MinzhengDbContext db, Guid payrollId, CancellationToken ct, int lines = 0)
    {
        var transfers = new Dictionary<Guid, BankTransfer>(lines);
        var rows = db.PayrollLines.AsNoTracking().Where(l => l.PayrollId == payrollId && l.Status != PaymentStatus.Reissued)
            .Select(l => new { l.EnrollmentId, l.Amount, HasAccount = l.BankAccountCipher != null, l.RegionCode });
        await foreach (var l in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            ref var payee = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(transfers, l.EnrollmentId, out _);
            payee = new BankTransfer(payee.Amount + l.Amount, l.RegionCode, payee.HasAccount || l.HasAccount);
        }

        // Payees the file does not pay (nothing owed, or no account) are no transfers; removing while enumerating is allowed.
        foreach (var (enrollment, payee) in transfers)
        {
            if (!Transfer(payee.Amount, payee.HasAccount))
            {
                transfers.Remove(enrollment);
            }
        }

        return transfers;
    }

    private static object Cell(string field, BankRow r, bool text) => field switch
    {
        "seq" => text ? r.Seq.ToString(CultureInfo.InvariantCulture) : r.Seq,
        "ref" => r.EnrollmentId.ToString("N"),
        // Control and direction characters never reach a bank, whatever older data may hold (the input refuses them).
        "holder" => SpreadsheetText.Safe(TextRules.Clean(r.Holder)) ?? "",
        "idNumber" => r.IdNumber,
        "bank" => SpreadsheetText.Safe(r.Bank is null ? null : TextRules.Clean(r.Bank)) ?? "",
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
