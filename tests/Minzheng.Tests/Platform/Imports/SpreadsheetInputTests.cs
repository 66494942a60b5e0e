using Minzheng.Platform.Imports;
using Minzheng.Platform.Web;

namespace Minzheng.Tests.Platform.Imports;

/// <summary>Dates as other departments' lists write them, and ID numbers Excel has turned into floats.</summary>
public sealed class SpreadsheetInputTests
{
    [Theory]
    [InlineData("2026-10-01")]
    [InlineData("2026-10-1")]
    [InlineData("2026/10/01")]
    [InlineData("2026/10/1")]
    [InlineData("2026.10.01")]
    [InlineData("2026年10月1日")]
    [InlineData("2026年10月01日")]
    [InlineData(" 2026-10-01 ")]
    public void TryParseDate_YearFirstForms_AreTheSameDay(string written)
    {
        Assert.True(InputValues.TryParseDate(written, out var date));
        Assert.Equal(new DateOnly(2026, 10, 1), date);
    }

    [Theory]
    [InlineData("01/10/2026")] // day first: ambiguous
    [InlineData("26-10-01")]   // two-digit year
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026年10月")]
    [InlineData("1899-12-31")] // outside the sane range
    [InlineData("")]
    [InlineData(null)]
    public void TryParseDate_OtherForms_AreRefused(string? written)
    {
        Assert.False(InputValues.TryParseDate(written, out _));
    }

    [Theory]
    [InlineData("3.60482E+17", true)]
    [InlineData("3.60482199001011e17", true)]
    [InlineData("360482199001011000", true)]
    [InlineData("3604821990010110", false)]   // 16 digits, not ending in 000
    [InlineData("36048219900101123X", false)]
    [InlineData("360482900101123", false)]    // a 15-digit legacy number is intact in Excel
    public void LooksMangled(string cell, bool mangled)
    {
        Assert.Equal(mangled, SpreadsheetIdNumber.LooksMangled(cell));
    }

    [Fact]
    public void AValidNumberEndingIn000_IsStillValid()
    {
        // Sequence code 000 is rare but valid: only a number that fails its check is blamed on Excel.
        var first17 = "11010519491231000";
        var id = first17 + Minzheng.Platform.Privacy.IdNumber.ComputeCheckCharacter(first17);
        Assert.True(SpreadsheetIdNumber.TryParse(id, new DateOnly(2026, 1, 1), out _, out _));
    }
}
