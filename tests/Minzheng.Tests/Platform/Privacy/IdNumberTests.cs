using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Platform.Privacy;

public sealed class IdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Gender.Female, "110105")]
    [InlineData("440524188001010014", "1880-01-01", Gender.Male, "440524")]
    public void TryParse_PolicyExamples_AreValidWithDerivedFields(string value, string birth, Gender gender, string region)
    {
        Assert.True(IdNumber.TryParse(value, Today, out var id, out var error), error);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.BirthDate);
        Assert.Equal(gender, id.Gender);
        Assert.Equal(region, id.RegionCode);
    }

    [Fact]
    public void TryParse_LowerCaseX_IsAcceptedAndStoredUpperCase()
    {
        Assert.True(IdNumber.TryParse("11010519491231002x", Today, out var id, out _));
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Fact]
    public void TryParse_FifteenDigits_IsUpgradedToEighteenWithCheckCharacter()
    {
        Assert.True(IdNumber.TryParse("110105491231002", Today, out var id, out var error), error);
        Assert.Equal("11010519491231002X", id.Value);
        Assert.Equal(Gender.Female, id.Gender);
    }

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("1101051949123100", "应为18位")]
    [InlineData("1101051949123100211", "应为18位")]
    [InlineData("11010519491231A02X", "前17位只能是数字")]
    [InlineData("11010519491231002Y", "第18位只能是数字或X")]
    [InlineData("11010519491231002", "应为18位")]
    [InlineData("110105194912310021", "校验码错误")]
    [InlineData("99010519491231002X", "省级行政区划代码")]
    [InlineData("110105194913310023", "不是有效日期")]
    [InlineData("11010A491231002", "只能由数字组成")]
    public void TryParse_Invalid_ReturnsChineseReason(string value, string reasonPart)
    {
        Assert.False(IdNumber.TryParse(value, Today, out _, out var error));
        Assert.Contains(reasonPart, error);
    }

    [Fact]
    public void TryParse_LeapDay_IsValidOnlyInLeapYears()
    {
        var leap = WithCheck("36048220000229001");
        var notLeap = WithCheck("36048219000229001");
        Assert.True(IdNumber.TryParse(leap, Today, out var id, out _));
        Assert.Equal(new DateOnly(2000, 2, 29), id.BirthDate);
        Assert.False(IdNumber.TryParse(notLeap, Today, out _, out var error));
        Assert.Contains("不是有效日期", error);
    }

    [Fact]
    public void TryParse_BirthDateInTheFuture_IsRefused()
    {
        var tomorrow = WithCheck("36048220261124001");
        Assert.False(IdNumber.TryParse(tomorrow, Today, out _, out var error));
        Assert.Contains("晚于今天", error);
        Assert.True(IdNumber.TryParse(tomorrow, Today.AddDays(1), out _, out _));
    }

    [Fact]
    public void Gender_SeventeenthDigitOdd_IsMale()
    {
        Assert.Equal(Gender.Male, IdNumber.Parse(WithCheck("36048219800101003"), Today).Gender);
        Assert.Equal(Gender.Female, IdNumber.Parse(WithCheck("36048219800101004"), Today).Gender);
    }

    [Fact]
    public void Masked_KeepsFirstSixAndLastFour()
    {
        Assert.Equal("110105********002X", IdNumber.Parse("11010519491231002X", Today).Masked);
    }

    [Theory]
    [InlineData("2026-11-22", 76)]
    [InlineData("2026-12-30", 76)]
    [InlineData("2026-12-31", 77)]
    public void AgeOn_CountsCompletedYears(string day, int age)
    {
        var id = IdNumber.Parse("11010519491231002X", Today.AddYears(1));
        Assert.Equal(age, id.AgeOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string WithCheck(string first17) => first17 + IdNumber.ComputeCheckCharacter(first17);
}
