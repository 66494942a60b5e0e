using Minzheng.Modules.SocialAssistance.Contracts;
using Minzheng.Modules.SocialAssistance.Programs;

namespace Minzheng.Tests.Modules.SocialAssistance.Programs;

/// <summary>Every programme a payroll or enrolment may carry is shown by its Chinese name, never by its code.</summary>
public sealed class ProgramNameTests
{
    [Theory]
    [InlineData("rural-dibao", "农村低保")]
    [InlineData("one-off-subsidy", "一次性生活补贴")]
    [InlineData(BenefitPrograms.VeteransPension, "优抚对象抚恤金")]
    [InlineData(BenefitPrograms.VeteransAllowance, "优抚对象定期生活补助")]
    public void AKnownCode_IsShownByItsName(string code, string name) => Assert.Equal(name, AssistancePrograms.NameOf(code));

    [Fact]
    public void EveryPayableProgramme_HasAChineseName() =>
        Assert.All(AssistancePrograms.Payable, p => Assert.Matches(@"^[\p{IsCJKUnifiedIdeographs}/]+$", AssistancePrograms.NameOf(p.Code)));
}
