using Minzheng.Modules.Marriage.Marriages;
using Minzheng.Platform.Privacy;

namespace Minzheng.Tests.Modules.Marriage;

/// <summary>The document number formats, masks and nationality codes of the non-resident identity documents, without a database.</summary>
public sealed class MarriageIdTypesTests
{
    [Theory]
    [InlineData(MarriageIdType.Passport, " e12345678 ", "E12345678")]
    [InlineData(MarriageIdType.Passport, "AB123", "AB123")]
    [InlineData(MarriageIdType.Passport, "123456789012345", "123456789012345")]
    [InlineData(MarriageIdType.HkMacaoPermit, "h12345678", "H12345678")]
    [InlineData(MarriageIdType.HkMacaoPermit, "M1234567890", "M1234567890")]
    [InlineData(MarriageIdType.TaiwanPermit, "01234567", "01234567")]
    public void Normalize_AcceptsTheDocumentsFormat_UpperCased(MarriageIdType type, string input, string expected)
    {
        Assert.Equal(expected, MarriageIdTypes.Normalize(type, input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(MarriageIdType.Passport, "", "未填写")]
    [InlineData(MarriageIdType.Passport, "AB12", "5至15位")]
    [InlineData(MarriageIdType.Passport, "1234567890123456", "5至15位")]
    [InlineData(MarriageIdType.Passport, "E1234 5678", "字母和数字")]
    [InlineData(MarriageIdType.Passport, "E1234\u00005678", "字母和数字")]
    [InlineData(MarriageIdType.Passport, "Е12345678", "字母和数字")] // Cyrillic Е
    [InlineData(MarriageIdType.Passport, "E１２３４５６７８", "字母和数字")] // full-width digits
    [InlineData(MarriageIdType.HkMacaoPermit, "H123456789", "H或M")]
    [InlineData(MarriageIdType.HkMacaoPermit, "X12345678", "H或M")]
    [InlineData(MarriageIdType.HkMacaoPermit, "H1234567", "H或M")]
    [InlineData(MarriageIdType.TaiwanPermit, "1234567", "8位数字")]
    [InlineData(MarriageIdType.TaiwanPermit, "123456789", "8位数字")]
    [InlineData(MarriageIdType.TaiwanPermit, "T1234567", "8位数字")]
    public void Normalize_RefusesOtherFormats_WithTheReason(MarriageIdType type, string input, string reason)
    {
        Assert.Null(MarriageIdTypes.Normalize(type, input, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Mask_KeepsFirstAndLastThreeOfADocument_AndSixAndFourOfAResidentNumber()
    {
        Assert.Equal("E*****678", MarriageIdTypes.Mask(MarriageIdType.Passport, "E12345678"));
        Assert.Equal("0****567", MarriageIdTypes.Mask(MarriageIdType.TaiwanPermit, "01234567"));
        Assert.Equal("360482********0017", MarriageIdTypes.Mask(MarriageIdType.Resident, "360482197001010017"));
    }

    [Fact]
    public void IndexInput_OfAResidentNumberIsTheNumber_OthersArePrefixedByType()
    {
        Assert.Equal("360482197001010017", MarriageIdTypes.IndexInput(MarriageIdType.Resident, "360482197001010017"));
        Assert.NotEqual(MarriageIdTypes.IndexInput(MarriageIdType.Passport, "12345678"), MarriageIdTypes.IndexInput(MarriageIdType.TaiwanPermit, "12345678"));
    }

    [Theory]
    [InlineData("usa", "USA", null)]
    [InlineData(" CHN ", "CHN", null)]
    [InlineData("US", null, "3位字母")]
    [InlineData("USAA", null, "3位字母")]
    [InlineData("U1A", null, "3位字母")]
    [InlineData("", null, "未填写")]
    [InlineData("XYZ", null, "不是现行的国家代码")]
    [InlineData("SUN", null, "不是现行的国家代码")]
    [InlineData("hkg", null, "港澳居民来往内地通行证")]
    [InlineData("TWN", null, "台湾居民来往大陆通行证")]
    [InlineData("ZWE", "ZWE", null)]
    public void Nationality_IsACurrentCountryCode(string input, string? expected, string? reason)
    {
        Assert.Equal(expected, Nationalities.Normalize(input, out var error));
        if (reason is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(reason, error);
        }
    }

    [Fact]
    public void TaiwanResidencePermitNumbers_830000_AreResidentIdNumbers()
    {
        var first17 = "83000019900101001";
        Assert.True(IdNumber.TryParse(first17 + IdNumber.ComputeCheckCharacter(first17), new DateOnly(2026, 1, 1), out var id, out var error), error);
        Assert.Equal(Gender.Male, id.Gender);
    }
}
