using System.Security.Cryptography;

namespace Minzheng.Modules.SocialAssistance.Payments;

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

    /// <summary>A layout as the finance officer chooses it: by what the bank's system takes, not by its key.</summary>
    public static string LayoutName(string key) => key switch
    {
        "csv" => "CSV（UTF-8）",
        "csv-gbk" => "CSV（GBK，适用于只认GBK编码的银行系统）",
        "fixed" => "定长文本（GBK）",
        "xlsx" => "Excel",
        _ => "自定义格式",
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
