using Minzheng.Platform.CodeTables;

namespace Minzheng.Tests.Platform.CodeTables;

/// <summary>The embedded GB/T 2659.1 table: complete, unique, well-formed, and answering names by code.</summary>
public sealed class CountriesTests
{
    [Fact]
    public void Table_Has249UniqueThreeLetterCodesInOrder_EachWithAChineseName()
    {
        Assert.Equal(249, Countries.All.Count);
        Assert.Equal(Countries.All.Count, Countries.All.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Countries.All, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Code);
            Assert.DoesNotMatch("[A-Za-z]", c.Name);
        });
        Assert.Equal(Countries.All.Select(c => c.Code).Order(StringComparer.Ordinal), Countries.All.Select(c => c.Code));
    }

    [Theory]
    [InlineData("CHN", "中国")]
    [InlineData("VNM", "越南")]
    [InlineData("MKD", "北马其顿")]
    [InlineData("SSD", "南苏丹")]
    public void Name_OfACode(string code, string name)
    {
        Assert.True(Countries.IsCode(code));
        Assert.Equal(name, Countries.Name(code));
    }

    [Theory]
    [InlineData("YUG")]
    [InlineData("ANT")]
    [InlineData("chn")]
    public void WithdrawnOrMalformedCodes_AreNotCodes_AndAreShownAsThemselves(string code)
    {
        Assert.False(Countries.IsCode(code));
        Assert.Equal(code, Countries.Name(code));
    }
}
