using System.Text;
using Minzheng.Modules.SocialAssistance.Imports;
using Minzheng.Platform.Imports;

namespace Minzheng.Tests.Platform.Imports;

/// <summary>
/// Security item 4: small uploads that unpack to gigabytes are refused before any spreadsheet library reads them, with a
/// Chinese message, and refusing them allocates little (measured on this thread around the synchronous read).
/// </summary>
public sealed class XlsxGuardTests
{
    private const long AllocationLimit = 64L * 1024 * 1024;

    private static (UnreadableFileException Error, long Allocated) Refuse(byte[] content, string fileName = "roster.xlsx")
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.ThrowsAny<UnreadableFileException>(() => SpreadsheetReader.Read(content, fileName).ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"{content.Length / 1024} KB file refused after allocating {allocated / 1024} KB: {error.Message}");
        return (error, allocated);
    }

    [Fact]
    public void HarmlessPackage_FromTheSameBuilder_IsRead()
    {
        var rows = SpreadsheetReader.Read(HostileFiles.Harmless(), "roster.xlsx").Select(r => r.Cells).ToList();
        Assert.Equal(["区划代码"], rows[0]);
        Assert.Equal(["AAAAAAAAAA"], rows[1]);
    }

    [Fact]
    public void SharedStringOf100MillionChars_IsRefusedNamingIt_WithSmallAllocation()
    {
        var content = HostileFiles.SharedStringBomb(100_000_000);
        Assert.True(content.Length < 1024 * 1024, $"the bomb is {content.Length} bytes");
        var (error, allocated) = Refuse(content);
        Assert.Contains("第2个共享字符串超过32767个字符", error.Message);
        Assert.True(allocated < AllocationLimit, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void InlineStringCellOf50MillionChars_IsRefusedNamingTheCell_WithSmallAllocation()
    {
        var (error, allocated) = Refuse(HostileFiles.InlineStringBomb(50_000_000));
        Assert.Contains("第1个工作表的单元格 B2 超过32767个字符", error.Message);
        Assert.True(allocated < AllocationLimit, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void EntryUnpackingToAGigabyte_IsRefusedAsBomb_WithSmallAllocation()
    {
        var (error, allocated) = Refuse(HostileFiles.ZipBomb(1L << 30));
        Assert.Contains("压缩炸弹", error.Message);
        Assert.True(allocated < AllocationLimit, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void SheetNamingColumnXfd_IsRefused()
    {
        var (error, _) = Refuse(HostileFiles.WideSheet());
        Assert.Contains("超出256列的上限", error.Message);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("truncated")]
    [InlineData("csv-renamed")]
    public void NotAnXlsx_IsRefusedAsUnreadable(string kind)
    {
        var content = kind switch
        {
            "random" => Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray(),
            "truncated" => HostileFiles.Harmless()[..^200],
            _ => Encoding.UTF8.GetBytes("区划代码,保障类别\n1,2\n"),
        };
        var (error, _) = Refuse(content);
        Assert.Contains("不是有效的 .xlsx 文件", error.Message);
    }

    [Fact]
    public void CsvCellOverExcelsLimit_IsRefusedNamingRowAndColumn()
    {
        var (error, _) = Refuse(Encoding.UTF8.GetBytes("a,b\nx," + new string('y', 40_000) + "\n"), "list.csv");
        Assert.Contains("第2行第2列超过32767个字符", error.Message);
    }

    [Fact]
    public void CsvWithAnUnclosedQuote_IsRefusedWithoutBufferingTheRest()
    {
        var content = Encoding.UTF8.GetBytes("a,\"" + new string('y', 20_000_000));
        var (error, allocated) = Refuse(content, "list.csv");
        Assert.Contains("未闭合的引号", error.Message);
        Assert.True(allocated < AllocationLimit, $"allocated {allocated / 1024 / 1024} MB");
    }

    [Fact]
    public void CsvRowOfAMillionCommas_IsRefusedAsTooWide()
    {
        var (error, _) = Refuse(Encoding.UTF8.GetBytes(new string(',', 1_000_000)), "list.csv");
        Assert.Contains("超过256列的上限", error.Message);
    }

    [Fact]
    public void CsvOf200000BlankRows_StreamsThemWithoutHoldingThem()
    {
        var content = HostileFiles.BlankRowsCsv(string.Join(",", AssistanceRoster.Headers), 200_000, AssistanceRoster.Headers.Length);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = SpreadsheetReader.DataRows(content, "roster.csv", AssistanceRoster.Headers, 1_000_000).Count();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, rows);
        Assert.True(allocated < AllocationLimit, $"allocated {allocated / 1024 / 1024} MB");
    }
}
