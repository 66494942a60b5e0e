using System.Text;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Platform.Imports;

/// <summary>The CSV half of the reader: RFC 4180 quoting, line endings and the encodings Chinese Excel writes.</summary>
public sealed class SpreadsheetReaderTests
{
    private static List<string[]> Rows(byte[] content) => [.. SpreadsheetReader.Read(content, "x.csv").Select(r => r.Cells)];

    [Fact]
    public void QuotedFields_KeepCommasQuotesAndLineBreaks_AcrossCrLfAndLfLines()
    {
        var rows = Rows(Encoding.UTF8.GetBytes("a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\", c ,\rlast"));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b,1", "say \"hi\""], rows[0]);
        Assert.Equal(["two\nlines", "c", ""], rows[1]);
        Assert.Equal(["last"], rows[2]);
    }

    [Fact]
    public void RowNumbers_CountPhysicalRecords_FromOne()
    {
        var numbers = SpreadsheetReader.Read(Encoding.UTF8.GetBytes("h\n1\n2\n"), "x.csv").Select(r => r.Row);
        Assert.Equal([1, 2, 3], numbers);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void ChineseText_IsDecoded_WhateverTheEncoding(string encoding)
    {
        const string text = "区划代码,户主姓名\n360482100201,欧阳娜娜\n";
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-8" => Encoding.UTF8.GetBytes(text),
            _ => Encoding.GetEncoding(54936).GetBytes(text),
        };
        var rows = Rows(bytes);
        Assert.Equal(["区划代码", "户主姓名"], rows[0]);
        Assert.Equal(["360482100201", "欧阳娜娜"], rows[1]);
    }

    [Fact]
    public void ZeroBytes_AreRefusedAsNotText()
    {
        var utf16 = Encoding.Unicode.GetBytes("区划代码,户主姓名\n");
        var error = Assert.Throws<UnreadableFileException>(() => Rows(utf16));
        Assert.Contains("不是文本格式", error.Message);
    }
}
