using Minzheng.Platform.People;

namespace Minzheng.Tests.Platform.People;

/// <summary>GB 32100-2015 with the embedded GB 11714 code (POLICY §10): published codes, built codes, and every kind of fault.</summary>
public sealed class UsccCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43", "9", "1", "350100")] // POLICY §10, the standard's example
    [InlineData("53100000500019795A", "5", "3", "100000")] // 中国社会福利基金会, as published by the foundation (民政部 registered)
    [InlineData("914403001922038216", "9", "1", "440300")] // 华为技术有限公司, as printed on its business licence
    public void TryParse_PublishedCodes_AreValidWithTheirParts(string value, string authority, string type, string region)
    {
        Assert.True(CreditCode.TryParse(value, out var code, out var error), error);
        Assert.Equal(authority, code.RegistrationAuthority);
        Assert.Equal(type, code.OrgType);
        Assert.Equal(region, code.RegionCode);
        Assert.Equal(value[8..17], code.OrganizationCode);
    }

    [Fact]
    public void TryParse_BuiltCodes_OfEveryCivilAffairsType_AreValid()
    {
        foreach (var type in "1239")
        {
            var value = UsccCodes.Make(type: type);
            Assert.True(CreditCode.TryParse(value, out var code, out var error), $"{value}: {error}");
            Assert.Equal(type.ToString(), code.OrgType);
            Assert.Equal("360482", code.RegionCode);
        }
    }

    [Fact]
    public void TryParse_LowerCaseAndSpaces_AreNormalized()
    {
        Assert.True(CreditCode.TryParse("  91350100m000100y43 ", out var code, out _));
        Assert.Equal("91350100M000100Y43", code.Value);
    }

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("91350100M000100Y4", "应为18位（现为17位）")]
    [InlineData("91350100M000100Y433", "应为18位（现为19位）")]
    [InlineData("91350100M0001O0Y43", "第14位字符“O”不是")]
    [InlineData("I1350100M000100Y43", "第1位字符“I”不是")]
    [InlineData("91350100M000100Y4S", "第18位字符“S”不是")]
    [InlineData("913501ZZM000100Y43", "第7位字符“Z”不是")]
    [InlineData("9135010AM000100Y43", "行政区划码")]
    [InlineData("91350100M000100Y42", "第18位应为“3”，现为“2”")]
    [InlineData("９1350100M000100Y43", "第1位字符")]
    public void TryParse_EachKindOfFault_SaysWhatIsWrong(string value, string expected)
    {
        Assert.False(CreditCode.TryParse(value, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryParse_EmbeddedOrganizationCodeWithAWrongCheckDigit_IsInvalidUnlessWaived()
    {
        var value = UsccCodes.WithBadOrganizationCheck();
        Assert.False(CreditCode.TryParse(value, out _, out var error));
        Assert.Contains("组织机构代码", error);
        Assert.Contains("第17位", error);
        Assert.True(CreditCode.FailsOnlyOrganizationCheck(value));
        Assert.True(CreditCode.TryParse(value, allowOrganizationCodeMismatch: true, out _, out _));
    }

    [Fact]
    public void TryParse_EverySingleCharacterTypo_IsCaught()
    {
        // The check character detects every single substitution (31 is prime): no typo of a valid code is valid.
        var value = UsccCodes.Make();
        for (var i = 0; i < 18; i++)
        {
            foreach (var c in CreditCode.Characters.Where(c => c != value[i]))
            {
                var typo = value[..i] + c + value[(i + 1)..];
                Assert.False(CreditCode.TryParse(typo, allowOrganizationCodeMismatch: true, out _, out _), typo);
            }
        }
    }

    [Fact]
    public void ComputeCheckCharacters_MatchTheIndependentBuilder()
    {
        for (var i = 0; i < 200; i++)
        {
            var value = UsccCodes.Make(type: "1239"[i % 4]);
            Assert.Equal(value[17], CreditCode.ComputeCheckCharacter(value[..17]));
            Assert.Equal(value[16], CreditCode.ComputeOrganizationCheckCharacter(value[8..16]));
        }
    }
}
